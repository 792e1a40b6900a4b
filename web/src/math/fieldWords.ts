// The engine names a spec field the way JSON spells it ("targets[0][1]: …"); a lesson page names it the
// way the lesson does (target_o2, b₁, "Output layer activation"). This rewrites the one into the other
// and says which field it was, so the message can be shown at that field. Words only; no numbers.

/** Where a message belongs on a lesson page. */
export type FieldRef =
  | { kind: 'inputs' | 'targets'; sample: number; index: number }
  | { kind: 'activation'; layer: number }
  | { kind: 'loss' | 'learningRate' | 'other' }

interface FieldMessage {
  field: FieldRef
  /** The message with its field named in the lesson's words. */
  text: string
}

const FIELD = /^([a-zA-Z]+)((?:\[\d+\])*)(?:\.[a-zA-Z0-9]+)?: /

/**
 * Rewrites an engine message such as `targets[0][1]: binary cross-entropy (bce) needs a target from 0
 * to 1 (a probability); got 2` into `target_o2: …` with the lesson's plain names (`names` as built from
 * the lesson's symbols, keys `y[1]`, `W2[0][1]`, `b1` …). `layers` is the number of weight layers and
 * `rows` the number of samples (a sample number is added when there are several).
 */
export function inLessonWords(
  message: string,
  names: Readonly<Record<string, string>> | ((key: string) => string | undefined),
  layers: number,
  rows: number,
): FieldMessage {
  const m = FIELD.exec(message)
  if (!m) return { field: { kind: 'other' }, text: message }
  const idx = [...m[2].matchAll(/\[(\d+)\]/g)].map((g) => Number(g[1]))
  const rest = message.slice(m[0].length)
  const lookup = (key: string): string | undefined =>
    typeof names === 'function' ? names(key) : names[key]
  const name = (key: string): string => lookup(key) ?? key
  const sample = (s: number): string => (rows > 1 ? ` of sample ${s + 1}` : '')
  const say = (words: string, field: FieldRef): FieldMessage => ({
    field,
    text: `${words}: ${rest}`,
  })
  switch (m[1]) {
    case 'targets':
      if (idx.length === 2)
        return say(`${name(`y[${idx[1]}]`)}${sample(idx[0])}`, {
          kind: 'targets',
          sample: idx[0],
          index: idx[1],
        })
      return say('Targets', { kind: 'other' })
    case 'inputs':
      if (idx.length === 2)
        return say(`${name(`x[${idx[1]}]`)}${sample(idx[0])}`, {
          kind: 'inputs',
          sample: idx[0],
          index: idx[1],
        })
      return say('Inputs', { kind: 'other' })
    case 'activations': {
      const l = idx[0] ?? layers - 1
      const words =
        l === layers - 1 ? 'Output layer activation' : `Hidden layer ${l + 1} activation`
      return say(words, { kind: 'activation', layer: l })
    }
    case 'weights':
      if (idx.length === 3)
        return say(name(`W${idx[0] + 1}[${idx[1]}][${idx[2]}]`), { kind: 'other' })
      return say('Weights', { kind: 'other' })
    case 'biases': {
      const l = (idx[0] ?? 0) + 1
      const key = idx.length === 2 ? `b${l}[${idx[1]}]` : lookup(`b${l}`) ? `b${l}` : `b${l}[0]`
      return say(name(key), { kind: 'other' })
    }
    case 'loss':
      return say('Loss', { kind: 'loss' })
    case 'learningRate':
      return say('Learning rate η', { kind: 'learningRate' })
    default:
      return { field: { kind: 'other' }, text: message }
  }
}
