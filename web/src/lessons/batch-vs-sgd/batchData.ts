// Data of the batch-vs-sgd lesson (notes 004's table, notes 003's XOR) and the three ways to batch it.
// The standardised table is (value − column mean) / column standard deviation (population), computed
// once and written down here to 4 decimals; the engine does the training.
import type { NetworkSpec } from '../../engine/types'
import { XOR_INPUTS, XOR_TARGETS } from '../../math/datasets'

export type BatchProblemId = 'table' | 'xor'

/** Notes 004: x1, x2 → y. */
const rawTable = {
  inputs: [
    [90, 40],
    [30, 50],
    [20, 60],
  ],
  targets: [[10], [25], [36]],
}
const standardTable = {
  inputs: [
    [1.4018, -1.2247],
    [-0.5392, 0],
    [-0.8627, 1.2247],
  ],
  targets: [[-1.2825], [0.1251], [1.1574]],
}

export function batchSpec(
  problem: BatchProblemId,
  standardise: boolean,
  learningRate: number,
): NetworkSpec {
  if (problem === 'xor') {
    return {
      layers: [2, 3, 1],
      activations: ['tanh', 'sigmoid'],
      loss: 'bce',
      inputs: XOR_INPUTS,
      targets: XOR_TARGETS,
      learningRate,
      seed: 4,
    }
  }
  return {
    layers: [2, 1],
    activations: ['linear'],
    loss: 'half_sse',
    weights: [[[0.1, -0.1]]],
    biases: [[0]],
    ...(standardise ? standardTable : rawTable),
    learningRate,
  }
}

/** Per-sample SGD, mini-batches and the full batch, for a data set of `rows` rows. */
export function batchings(rows: number): { name: string; batchSize: number }[] {
  return [
    { name: 'per sample (batch size 1)', batchSize: 1 },
    { name: `mini-batch (size ${Math.ceil(rows / 2)})`, batchSize: Math.ceil(rows / 2) },
    { name: `full batch (all ${rows})`, batchSize: rows },
  ]
}
