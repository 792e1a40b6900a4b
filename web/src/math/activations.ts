// Activation functions f and their derivatives f′ for the notes' formulas re-evaluated on a learner's
// numbers. The engine computes them (its `activation` binding, the same kernels as training), so
// TypeScript holds no activation formulas; the LaTeX comes from the engine's catalogue.
import { tex } from '../engine/catalogue'
import { loadedEngine } from '../engine/engineModule'
import type { ActivationName } from '../engine/types'

/** a = f(z) for a whole layer (softmax couples the units; the others act one by one). */
export function activate(name: ActivationName, z: readonly number[]): number[] {
  return loadedEngine().activation(name, z, false)
}

/** f(z) for an element-wise activation; softmax needs the whole layer, see {@link activate}. */
export function activateOne(name: Exclude<ActivationName, 'softmax'>, z: number): number {
  return activate(name, [z])[0]
}

/**
 * f′(z) for an element-wise activation; ReLU′(0) = 0 and leaky ReLU′(0) = 0.01, as the engine and
 * PyTorch take it (the notes call it undefined there). Softmax has no element-wise derivative (its
 * Jacobian is a_j(δ_jk − a_k)); asking for it throws.
 */
export function derivative(name: ActivationName, z: number): number {
  if (name === 'softmax')
    throw new Error('softmax has no element-wise derivative; use its Jacobian')
  return loadedEngine().activation(name, [z], true)[0]
}

/** LaTeX of f′ as the notes write it, in terms of the unit's output `a` and net input `z` (LaTeX). */
export function derivativeLatex(name: ActivationName, a: string, z: string): string {
  return tex('activations', name, 'dtex', { a, z })
}
