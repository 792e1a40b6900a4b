// XOR from many random starts (notes 003): the spec of a ReLU-hidden, sigmoid-output network on the four
// XOR rows, counting runs that reach 100 %, and finding dead ReLUs in a run's weights. Every number comes
// from the engine (EngineEnsemble / EngineNetwork); this file only arranges and counts. No Vue.
import type { CopyState } from '../../engine/ensemble'
import type { Params } from '../../engine/network'
import type { NetworkSpec, Trace } from '../../engine/types'

export const XOR_INPUTS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
]
export const XOR_TARGETS = [[0], [1], [1], [0]]
/** Seeds 1…100: one random start (He init) each. */
export const XOR_SEEDS = Array.from({ length: 100 }, (_, k) => k + 1)
/** Full-batch updates per run. */
export const XOR_STEPS = 2000
export const XOR_LEARNING_RATE = 0.5

/** The architectures compared: the notes' 2-2-1, then wider and deeper hidden layers. */
export const XOR_ARCHITECTURES: number[][] = [[2], [4], [8], [2, 2], [4, 4]]

/** `2-<hidden…>-1`, ReLU hidden layers, sigmoid output, He init. */
export function xorSpec(hidden: number[], loss: 'mse' | 'bce'): NetworkSpec {
  return {
    layers: [2, ...hidden, 1],
    activations: [...hidden.map(() => 'relu' as const), 'sigmoid'],
    loss,
    inputs: XOR_INPUTS,
    targets: XOR_TARGETS,
    learningRate: XOR_LEARNING_RATE,
    init: 'he',
  }
}

export const architectureName = (hidden: number[]) => [2, ...hidden, 1].join('-')

export interface XorSummary {
  runs: number
  /** Runs whose final accuracy is exactly 1 (all four rows right). */
  solved: number
  /** Runs per final accuracy 1, 0.75, 0.5, 0.25, 0 (diverged runs counted apart). */
  byAccuracy: Record<'1' | '0.75' | '0.5' | '0.25' | '0', number>
  diverged: number
}

/** Counts the engine's final accuracies of an ensemble's copies. */
export function summarize(states: readonly CopyState[]): XorSummary {
  const byAccuracy = { '1': 0, '0.75': 0, '0.5': 0, '0.25': 0, '0': 0 }
  let diverged = 0
  for (const s of states) {
    if (s.accuracy === null) diverged++
    else byAccuracy[String(s.accuracy) as keyof typeof byAccuracy]++
  }
  return { runs: states.length, solved: byAccuracy['1'], byAccuracy, diverged }
}

/** Splits a flat W1 b1 W2 b2 … buffer (an ensemble copy's params) into weights[l][j][i] and biases[l][j]. */
export function paramsFromFlat(flat: readonly number[], sizes: readonly number[]): Params {
  const weights: number[][][] = []
  const biases: number[][] = []
  let k = 0
  for (let l = 0; l + 1 < sizes.length; l++) {
    const nin = sizes[l]
    const nout = sizes[l + 1]
    weights.push(Array.from({ length: nout }, (_, j) => flat.slice(k + j * nin, k + (j + 1) * nin)))
    k += nin * nout
    biases.push(flat.slice(k, k + nout))
    k += nout
  }
  return { weights, biases }
}

/**
 * Hidden units of weight layer `layer` that are dead: pre-activation z ≤ 0 for every sample of the trace,
 * so ReLU outputs 0 and passes back no gradient: the unit can never recover.
 * @param layer index of the weight layer. @default 0
 */
export function deadUnits(trace: Trace, layer = 0): boolean[] {
  const z = trace.layers[layer].z
  return z[0].map((_, j) => z.every((row) => row[j] <= 0))
}
