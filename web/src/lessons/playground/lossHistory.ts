// The plotted losses: grown in place once per frame (the chart decimates), thinned to every second
// point past a cap so a long run never grows without bound. Plain arrays; null is a gap.
export interface LossHistory {
  x: number[]
  train: (number | null)[]
  test: (number | null)[]
}

export const emptyHistory = (): LossHistory => ({ x: [], train: [], test: [] })

/** Adds a point unless `x` repeats the last one (a pause or redraw without training). */
export function appendLoss(
  h: LossHistory,
  x: number,
  train: number | null,
  test: number | null,
): void {
  if (h.x[h.x.length - 1] === x) return
  h.x.push(x)
  h.train.push(train)
  h.test.push(test)
}

/** A new object for the chart (same arrays), every second point kept once longer than `max`. */
export function thinned(h: LossHistory, max: number): LossHistory {
  const thin = <T>(a: T[]): T[] => (a.length > max ? a.filter((_, k) => k % 2 === 0) : a)
  return { x: thin(h.x), train: thin(h.train), test: thin(h.test) }
}
