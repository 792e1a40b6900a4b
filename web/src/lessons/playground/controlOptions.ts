// The choices the playground's network controls offer (TensorFlow Playground's rates and sizes; the
// learning rate has a log-scale slider, as in every lesson). The activations, losses, optimizers and penalties and their labels come from the engine's catalogue.
export const REG_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]
export const BATCHES = [1, 5, 10, 20, 30, 50, 100, 0]

/**
 * The options of a select: `list`, plus the value in use when it is not in it (opened from a link or a
 * file), marked so, in order: a select never goes blank over a value it does not list.
 */
export function withValue(
  list: readonly number[],
  value: number,
  name: (v: number) => string = String,
): { value: number; text: string }[] {
  const values = list.includes(value) ? [...list] : [...list, value]
  const order = (v: number) => (v === 0 && list === BATCHES ? Infinity : v) // 0 = all points, last
  return values
    .sort((a, b) => order(a) - order(b))
    .map((v) => ({ value: v, text: list.includes(v) ? name(v) : `${name(v)} (from link)` }))
}
