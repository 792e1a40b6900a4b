// The vanishing-gradient lesson's network (notes 004): `depth` dense layers of one activation, seeded, on a
// small fixed batch; and the per-layer distance the weights moved during training. No Vue.
import type { Params } from '../../engine/network'
import type { ActivationName, NetworkSpec } from '../../engine/types'

/** Hidden width of every layer of the deep network. */
const DEEP_WIDTH = 4

/**
 * `depth` weight layers (1 to 10) of `activation`, 2 inputs → 4 → … → 1 output, half squared error,
 * Xavier init from `seed`, on four fixed samples.
 * @param seed @default 7
 */
export function deepSpec(depth: number, activation: ActivationName, seed = 7): NetworkSpec {
  const layers = [2, ...Array.from({ length: depth - 1 }, () => DEEP_WIDTH), 1]
  return {
    layers,
    activations: Array.from({ length: depth }, () => activation),
    loss: 'half_sse',
    inputs: [
      [0.5, -0.3],
      [-0.8, 0.6],
      [0.9, 0.7],
      [-0.2, -0.9],
    ],
    targets: [[0.9], [0.1], [0.8], [0.2]],
    learningRate: 0.5,
    seed,
    init: 'xavier',
  }
}

/** ‖W_l(after) − W_l(before)‖₂ (Frobenius) per weight layer: how far training moved each layer. */
export function weightChange(before: Params, after: Params): number[] {
  return before.weights.map((Wl, l) =>
    Math.sqrt(
      Wl.reduce(
        (s, row, j) => s + row.reduce((t, w, i) => t + (after.weights[l][j][i] - w) ** 2, 0),
        0,
      ),
    ),
  )
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/** Digits as superscripts, for exponents in running text: 10 → '¹⁰'. */
export function superscript(n: number): string {
  return [...String(n)].map((c) => SUPERSCRIPT[Number(c)] ?? c).join('')
}
