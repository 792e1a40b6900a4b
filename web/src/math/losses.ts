// Loss terms E_k of one sample and the output layer's δ = ∂E/∂z, written as the notes write them.
// Plain TypeScript for checking a student's numbers; the engine's loss comes from the trace.

import { tex } from '../engine/catalogue'
import type { ActivationName, LossName } from '../engine/types'
import { derivative } from './activations'

/** y·log(a) with 0·log(0) = 0. */
function xlog(y: number, a: number, log: (v: number) => number): number {
  return y === 0 ? 0 : y * log(a)
}

/** E_k and ∂E/∂a_k of every loss, one row each (E = Σ_k E_k over the K outputs). */
const LOSSES: Record<
  LossName,
  {
    term: (a: number, y: number, K: number, log: (v: number) => number) => number
    gradient: (a: number, y: number, K: number) => number
  }
> = {
  half_sse: { term: (a, y) => 0.5 * (y - a) ** 2, gradient: (a, y) => a - y },
  mse: { term: (a, y, K) => (y - a) ** 2 / K, gradient: (a, y, K) => (2 * (a - y)) / K },
  bce: {
    term: (a, y, _K, log) => -(xlog(y, a, log) + xlog(1 - y, 1 - a, log)),
    gradient: (a, y) => (a - y) / (a * (1 - a)),
  },
  cross_entropy: { term: (a, y, _K, log) => -xlog(y, a, log), gradient: (a, y) => -y / a },
}

/**
 * E_k, the loss term of output k for one sample, so that the sample's loss is Σ_k E_k:
 * half_sse ½(y − a)², mse (y − a)²/K, bce −[y ln a + (1 − y) ln(1 − a)], cross_entropy −y ln a.
 * @param log the logarithm to use; `Math.log10` reproduces the notes' log₁₀ slip. @default Math.log
 */
export function lossTerm(
  loss: LossName,
  a: number,
  y: number,
  K: number,
  log: (v: number) => number = Math.log,
): number {
  return LOSSES[loss].term(a, y, K, log)
}

/** ∂E/∂a_k for one output unit (E = Σ_k E_k). */
export function lossGradient(loss: LossName, a: number, y: number, K: number): number {
  return LOSSES[loss].gradient(a, y, K)
}

/** True when the notes' shortcut δ = a − y (up to Σy for softmax) replaces ∂E/∂a · f′(z). */
export function isFused(activation: ActivationName, loss: LossName): boolean {
  return (
    (activation === 'softmax' && loss === 'cross_entropy') ||
    (activation === 'sigmoid' && loss === 'bce')
  )
}

/**
 * δ_k = ∂E/∂z_k of the output layer for one sample, from its outputs a, targets y and net inputs z.
 * Softmax with cross-entropy gives a_k Σy − y_k (= a − y for one-hot or summing-to-one targets);
 * sigmoid with bce gives a − y; softmax with another loss uses the Jacobian a_k(g_k − Σ_j g_j a_j).
 * @param withDerivative `false` drops the f′(z) factor (the "missing σ′" slip). @default true
 */
export function outputDelta(
  activation: ActivationName,
  loss: LossName,
  a: readonly number[],
  y: readonly number[],
  z: readonly number[],
  withDerivative = true,
): number[] {
  const K = a.length
  if (activation === 'softmax' && loss === 'cross_entropy') {
    const sy = y.reduce((p, q) => p + q, 0)
    return a.map((ak, k) => ak * sy - y[k])
  }
  if (activation === 'sigmoid' && loss === 'bce') return a.map((ak, k) => ak - y[k])
  const g = a.map((ak, k) => lossGradient(loss, ak, y[k], K))
  if (!withDerivative) return g
  if (activation === 'softmax') {
    const ga = g.reduce((s, gk, k) => s + gk * a[k], 0)
    return a.map((ak, k) => ak * (g[k] - ga))
  }
  return g.map((gk, k) => gk * derivative(activation, z[k]))
}

/** LaTeX of ∂E/∂a_k as the notes write it (the catalogue's), e.g. −(target − out) for half_sse. */
export function lossGradientLatex(loss: LossName, a: string, y: string, K: number): string {
  return tex('losses', loss, 'dtex', { a, y, K: String(K) })
}

/** LaTeX of E_k in terms of a_k and y_k (the catalogue's). */
export function lossTermLatex(loss: LossName, a: string, y: string, K: number): string {
  return tex('losses', loss, 'tex', { a, y, K: String(K) })
}
