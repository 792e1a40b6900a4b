// One weight or bias of the playground's network by its key (`W2[0][1]`, `b1[3]`): read it, replace it,
// and name it in words. Pure TypeScript on the engine's Params (weights[l−1][j][i], biases[l−1][j]).
import type { Params } from '../../engine/network'
import { parseKey } from '../../math/keys'

/** The layer (1-based), unit j and input i (weights only) of a key; null for anything else. */
function where(params: Params, key: string): { l: number; j: number; i?: number } | null {
  const r = parseKey(key)
  if (!r || r.layer === undefined || r.j === undefined || (r.kind !== 'W' && r.kind !== 'b'))
    return null
  const row = r.kind === 'W' ? params.weights[r.layer - 1]?.[r.j] : params.biases[r.layer - 1]
  if (!row) return null
  if (r.kind === 'b') return r.j < row.length ? { l: r.layer, j: r.j } : null
  const i = r.i ?? -1
  return i >= 0 && i < (row as number[]).length ? { l: r.layer, j: r.j, i } : null
}

/** The value of `key` in `params`, or null when the key is not one of its parameters. */
export function paramValue(params: Params | null, key: string): number | null {
  const w = params ? where(params, key) : null
  if (!params || !w) return null
  return w.i === undefined ? params.biases[w.l - 1][w.j] : params.weights[w.l - 1][w.j][w.i]
}

/** A copy of `params` with `key` set to `value`; null when the key is not one of its parameters. */
export function withParam(params: Params, key: string, value: number): Params | null {
  const w = where(params, key)
  if (!w) return null
  const weights = params.weights.map((W) => W.map((row) => [...row]))
  const biases = params.biases.map((b) => [...b])
  if (w.i === undefined) biases[w.l - 1][w.j] = value
  else weights[w.l - 1][w.j][w.i] = value
  return { weights, biases }
}

/**
 * A parameter in words: "weight from x₁ to neuron 1 of hidden layer 1", "bias of the output".
 * `layers` are the units per layer (inputs first), `inputNames` the input features' names.
 */
export function paramName(
  key: string,
  layers: readonly number[],
  inputNames: readonly string[],
): string {
  const r = parseKey(key)
  if (!r || r.layer === undefined || r.j === undefined) return key
  const L = layers.length - 1
  const unit = (l: number, j: number) =>
    l === 0
      ? (inputNames[j] ?? `input ${j + 1}`)
      : l === L
        ? layers[L] > 1
          ? `the class ${j} output` // K outputs, one per class 0 … K − 1
          : 'the output'
        : `neuron ${j + 1} of hidden layer ${l}`
  return r.kind === 'W'
    ? `weight from ${unit(r.layer - 1, r.i ?? 0)} to ${unit(r.layer, r.j)}`
    : `bias of ${unit(r.layer, r.j)}`
}
