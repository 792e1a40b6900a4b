// Activation functions f and their derivatives f′ for one layer, in plain TypeScript.
// Used to re-evaluate the notes' formulas on a student's numbers; the engine's numbers come from the trace.

import type { ActivationName } from '../engine/types'

/** Slope of leaky ReLU for z < 0 (the engine's value). */
export const LEAKY_SLOPE = 0.01

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z))

/** f(z) for an element-wise activation; softmax needs the whole layer, see {@link activate}. */
export function activateOne(name: Exclude<ActivationName, 'softmax'>, z: number): number {
  switch (name) {
    case 'linear':
      return z
    case 'sigmoid':
      return sigmoid(z)
    case 'tanh':
      return Math.tanh(z)
    case 'relu':
      return z > 0 ? z : 0
    case 'leaky_relu':
      return z > 0 ? z : LEAKY_SLOPE * z
  }
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
 * f′(z) for an element-wise activation. ReLU and leaky ReLU take the derivative at 0 to be that of the
 * left side (0, resp. 0.01), as the engine and PyTorch do; the notes call it undefined there.
 * Softmax has no element-wise derivative (its Jacobian is a_j(δ_jk − a_k)); asking for it throws.
 */
export function derivative(name: ActivationName, z: number): number {
  switch (name) {
    case 'linear':
      return 1
    case 'sigmoid': {
      const s = sigmoid(z)
      return s * (1 - s)
    }
    case 'tanh': {
      const t = Math.tanh(z)
      return 1 - t * t
    }
    case 'relu':
      return z > 0 ? 1 : 0
    case 'leaky_relu':
      return z > 0 ? 1 : LEAKY_SLOPE
    case 'softmax':
      throw new Error('softmax has no element-wise derivative; use its Jacobian')
  }
}

/** LaTeX of f′ as the notes write it, in terms of the unit's output `a` and net input `z` (LaTeX). */
export function derivativeLatex(name: ActivationName, a: string, z: string): string {
  switch (name) {
    case 'linear':
      return '1'
    case 'sigmoid':
      return `${a}\\,(1 - ${a})`
    case 'tanh':
      return `1 - {${a}}^2`
    case 'relu':
      return `\\begin{cases} 1 & ${z} > 0 \\\\ 0 & ${z} \\le 0 \\end{cases}`
    case 'leaky_relu':
      return `\\begin{cases} 1 & ${z} > 0 \\\\ ${LEAKY_SLOPE} & ${z} \\le 0 \\end{cases}`
    case 'softmax':
      return `${a}\\,(1 - ${a})`
  }
}
