// The shapes lesson's pass through the real .wasm names dead ReLU units as every ReLU screen does (#12).
// The dead unit is built by hand: its pre-activations are worked out below, not read from the engine.
import { describe, expect, it } from 'vitest'
import type { NnModule } from '../../engine/nn'
import type { NetworkSpec } from '../../engine/types'
import { loadEngineNode } from '../../../../tests/unit/loadEngineNode'
import { SHAPES_NETWORKS, shapesPass } from './shapesLab'

const load = () => loadEngineNode() as unknown as Promise<NnModule>
const xor = {
  inputs: [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ],
  targets: [[0], [1], [1], [0]],
}

/**
 * 2-3-1 ReLU + sigmoid on the XOR batch. By hand, z = w·x + b on the rows (0,0) (0,1) (1,0) (1,1):
 * unit 1 (1, 1; b −0.5): −0.5, 0.5, 0.5, 1.5 (alive on three rows);
 * unit 2 (−1, −2; b −0.1): −0.1, −2.1, −1.1, −3.1 (z < 0 on every row: dead);
 * unit 3 (0.5, −0.5; b 0): 0, −0.5, 0.5, 0 (alive on one row only, z = 0 on two).
 */
const handBuilt = (unit2Bias: number): NetworkSpec => ({
  layers: [2, 3, 1],
  activations: ['relu', 'sigmoid'],
  loss: 'bce',
  weights: [
    [
      [1, 1],
      [-1, -2],
      [0.5, -0.5],
    ],
    [[0.3, -0.2, 0.4]],
  ],
  biases: [[-0.5, unit2Bias, 0], [0.1]],
  ...xor,
  learningRate: 0.5,
})

describe('shapesPass', () => {
  it('names the one unit with z ≤ 0 on every sample of the batch, in the shared wording', async () => {
    const pass = shapesPass(await load(), handBuilt(-0.1))
    if (!pass.ok) throw new Error(pass.message)
    expect(pass.deadRelu).toBe(
      '1 dead ReLU unit (layer 1: unit 2): z ≤ 0 on every sample, so it outputs 0 and passes back no gradient.',
    )
    // the gradient of its weights is exactly 0, as the sentence says
    expect(pass.trace.layers[0].dW[1]).toEqual([0, 0])
  })

  it('says nothing once that unit is alive on some samples (bias 2.5: z = 2.5, 0.5, 1.5, −0.5)', async () => {
    const pass = shapesPass(await load(), handBuilt(2.5))
    if (!pass.ok) throw new Error(pass.message)
    expect(pass.deadRelu).toBeNull()
  })

  it('says nothing for networks without ReLU units, and passes every network of the lesson', async () => {
    const engine = await load()
    for (const n of SHAPES_NETWORKS) {
      const pass = shapesPass(engine, n.spec)
      expect(pass.ok).toBe(true)
      if (pass.ok && !n.spec.activations.includes('relu')) expect(pass.deadRelu).toBeNull()
    }
  })
})
