// The playground's numbers say what they are (#12): "training data loss" and "test data loss" are the data
// loss alone, and the weight penalty is shown apart. Expected values are worked out by hand below (float64,
// the formulas of docs/spec.md), never by the engine.
import { describe, expect, it } from 'vitest'
import type { NnModule } from '../../../engine/nn'
import type { NetworkSpec } from '../../../engine/types'
import { gridFeatures } from '../features'
import { PlaygroundSession } from '../session'
import { loadEngineNode } from '../../../../../tests/unit/loadEngineNode'
import { useNetworkStore } from '../../../composables/useLessonStore'

const σ = (z: number) => 1 / (1 + Math.exp(-z))
// a 2-2-1 tanh/sigmoid classifier with binary cross-entropy
const W1 = [
  [0.8, -1.2],
  [-0.5, 0.9],
]
const b1 = [0.1, -0.2]
const W2 = [[1.5, -2.0]]
const b2 = [0.3]
const train = {
  inputs: [
    [0.5, -0.4],
    [-0.3, 0.8],
    [0.9, 0.2],
  ],
  targets: [[1], [0], [1]],
}
const test = {
  inputs: [
    [-0.7, -0.1],
    [0.2, 0.6],
  ],
  targets: [[0], [1]],
}

/** Mean BCE of the network over `rows`, by hand. */
function dataLoss(rows: { inputs: number[][]; targets: number[][] }): number {
  let sum = 0
  rows.inputs.forEach(([x1, x2], r) => {
    const h1 = Math.tanh(W1[0][0] * x1 + W1[0][1] * x2 + b1[0])
    const h2 = Math.tanh(W1[1][0] * x1 + W1[1][1] * x2 + b1[1])
    const o = σ(W2[0][0] * h1 + W2[0][1] * h2 + b2[0])
    const y = rows.targets[r][0]
    sum += -(y * Math.log(o) + (1 - y) * Math.log(1 - o))
  })
  return sum / rows.inputs.length
}
const weights = [0.8, -1.2, -0.5, 0.9, 1.5, -2.0]

function snapshotOf(m: NnModule, regularization: NetworkSpec['regularization']) {
  const spec: NetworkSpec = {
    layers: [2, 2, 1],
    activations: ['tanh', 'sigmoid'],
    loss: 'bce',
    weights: [W1, W2],
    biases: [b1, b2],
    ...train,
    learningRate: 0.1,
    regularization,
  }
  const grid = { output: gridFeatures(2, ['x1', 'x2']), cells: gridFeatures(2, ['x1', 'x2']) }
  const r = PlaygroundSession.create(useNetworkStore(m), spec, test, grid)
  if (!r.ok) throw new Error(r.message)
  const snap = r.session.snapshot()
  r.session.dispose()
  return snap
}

describe('playground losses', () => {
  it('shows data losses without the penalty, and the L2 penalty (λ/2)Σw² apart', async () => {
    const m = (await loadEngineNode()) as unknown as NnModule
    const snap = snapshotOf(m, { name: 'l2', rate: 1 })
    const penalty = 0.5 * weights.reduce((s, w) => s + w * w, 0)
    expect(snap.trainLoss).toBeCloseTo(dataLoss(train), 13)
    expect(snap.testLoss).toBeCloseTo(dataLoss(test), 13)
    expect(snap.penalty).toBeCloseTo(penalty, 13)
    expect(snap.trainTotal).toBeCloseTo(dataLoss(train) + penalty, 13)
  })

  it('shows the L1 penalty λΣ|w| apart', async () => {
    const m = (await loadEngineNode()) as unknown as NnModule
    const snap = snapshotOf(m, { name: 'l1', rate: 0.01 })
    expect(snap.testLoss).toBeCloseTo(dataLoss(test), 13)
    expect(snap.penalty).toBeCloseTo(0.01 * weights.reduce((s, w) => s + Math.abs(w), 0), 13)
  })

  it('has no penalty without regularisation: the total is the data loss', async () => {
    const m = (await loadEngineNode()) as unknown as NnModule
    const snap = snapshotOf(m, { name: 'none' })
    expect(snap.penalty).toBeNull()
    expect(snap.trainTotal).toBe(snap.trainLoss)
    expect(snap.trainLoss).toBeCloseTo(dataLoss(train), 13)
  })
})
