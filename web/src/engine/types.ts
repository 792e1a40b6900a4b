// The engine's one description of a network and its data (the "spec"), and the trace it returns.
// Shared by lessons, URL state, exports and the CLI. Pure types: no runtime code. The names come from
// the engine's catalogue (./catalogue.ts).
import type { ActivationName, LossName, OptimizerSpec, PenaltyName } from './catalogue'

export type { ActivationName, LossName, OptimizerSpec }

/** A network, its data and how it trains. `weights[l][j][i]` joins input i of layer l to neuron j of layer l+1. */
export interface NetworkSpec {
  /** Units per layer, inputs first, e.g. [2, 2, 2]. */
  layers: number[]
  /** One activation per weight layer (layers.length - 1). */
  activations: ActivationName[]
  loss: LossName
  /** Explicit weights; when absent they are drawn from `seed` with `init`. */
  weights?: number[][][]
  biases?: number[][]
  /** A batch: one row per sample. */
  inputs: number[][]
  targets: number[][]
  learningRate: number
  /** @default { name: 'sgd' } */
  optimizer?: OptimizerSpec
  /** Samples per update, taken in order; 0 or absent = the whole batch. */
  batchSize?: number
  /** @default true */
  trainBiases?: boolean
  /**
   * Tied biases: `true` (every layer) or one flag per weight layer. A shared layer has ONE bias used by
   * all its units (the notes' b₁, b₂): `biases[l]` repeats its one value, its gradient is the sum over
   * its uses (written in every slot of `db`), and it trains as one parameter. @default false
   */
  sharedBiases?: boolean | boolean[]
  /** Seed for random initialisation. @default 1 */
  seed?: number
  /** @default 'xavier' */
  init?: 'xavier' | 'he'
  /** Central-difference step for the numerical gradient check. @default 1e-6 */
  epsilon?: number
  /** Weight penalty added to the loss: l2 = (λ/2)Σw², l1 = λΣ|w| (biases not penalised). @default none */
  regularization?: { name: PenaltyName; rate?: number }
}

/** One weight layer's numbers. Per-sample arrays are indexed [sample][unit]. */
export interface LayerTrace {
  z: number[][]
  a: number[][]
  /** δ = ∂Lᵢ/∂z per sample (not divided by the batch size). */
  delta: number[][]
  /** Batch-mean gradient, same shape as weights[l]: dW[j][i]. */
  dW: number[][]
  db: number[]
  /** The layer's bias is shared: every entry of `db` is the one gradient (the sum over the units). */
  sharedBias?: boolean
}

/** Everything a lesson shows about one forward + backward pass (before the update). */
export interface Trace {
  loss: number
  sampleLosses: number[]
  inputs: number[][]
  targets: number[][]
  weights: number[][][]
  biases: number[][]
  layers: LayerTrace[]
}
