// Activation functions f and their derivatives f′ for one layer, in plain TypeScript, one row per
// element-wise activation of the engine's catalogue (tests/unit/catalogue.test.ts checks every row
// against the engine). Used to re-evaluate the notes' formulas on a student's numbers; the engine's
// numbers come from the trace. The LaTeX comes from the catalogue itself.

import { tex } from '../engine/catalogue'
import type { ActivationName } from '../engine/types'

/** Slope of leaky ReLU for z < 0 (the engine's value). */
export const LEAKY_SLOPE = 0.01

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z))

/**
 * f and f′ of every element-wise activation. ReLU and leaky ReLU take the derivative at 0 to be that
 * of the left side (0, resp. 0.01), as the engine and PyTorch do; the notes call it undefined there.
 */
export const ELEMENTWISE: Record<
  Exclude<ActivationName, 'softmax'>,
  { f: (z: number) => number; df: (z: number) => number }
> = {
  linear: { f: (z) => z, df: () => 1 },
  sigmoid: { f: sigmoid, df: (z) => sigmoid(z) * (1 - sigmoid(z)) },
  tanh: { f: Math.tanh, df: (z) => 1 - Math.tanh(z) * Math.tanh(z) },
  relu: { f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) },
  leaky_relu: { f: (z) => (z > 0 ? z : LEAKY_SLOPE * z), df: (z) => (z > 0 ? 1 : LEAKY_SLOPE) },
}

/** f(z) for an element-wise activation; softmax needs the whole layer, see {@link activate}. */
export function activateOne(name: Exclude<ActivationName, 'softmax'>, z: number): number {
  return ELEMENTWISE[name].f(z)
}

/** a = f(z) for a whole layer (softmax couples the units; the others act one by one). */
export function activate(name: ActivationName, z: readonly number[]): number[] {
  if (name !== 'softmax') return z.map((v) => activateOne(name, v))
  const m = Math.max(...z)
  const e = z.map((v) => Math.exp(v - m))
  const s = e.reduce((p, q) => p + q, 0)
  return e.map((v) => v / s)
}

/**
 * f′(z) for an element-wise activation. Softmax has no element-wise derivative (its Jacobian is
 * a_j(δ_jk − a_k)); asking for it throws.
 */
export function derivative(name: ActivationName, z: number): number {
  if (name === 'softmax')
    throw new Error('softmax has no element-wise derivative; use its Jacobian')
  return ELEMENTWISE[name].df(z)
}

/** LaTeX of f′ as the notes write it, in terms of the unit's output `a` and net input `z` (LaTeX). */
export function derivativeLatex(name: ActivationName, a: string, z: string): string {
  return tex('activations', name, 'dtex', { a, z })
}
