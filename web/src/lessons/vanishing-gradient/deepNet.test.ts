// The vanishing-gradient lesson's helpers: the deep network spec runs in the real engine, gradient norms
// shrink toward the input for sigmoids, and the per-layer weight change is the Frobenius distance.
import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../engine/network'
import type { NnModule } from '../../engine/nn'
import { deepSpec, superscript, weightChange } from './deepNet'
import { loadEngineNode } from '../../../../tests/unit/loadEngineNode'

const load = () => loadEngineNode() as unknown as Promise<NnModule>

describe('deepSpec', () => {
  it('builds depth weight layers of one activation, 2 inputs and 1 output', () => {
    const s = deepSpec(5, 'tanh')
    expect(s.layers).toEqual([2, 4, 4, 4, 4, 1])
    expect(s.activations).toEqual(['tanh', 'tanh', 'tanh', 'tanh', 'tanh'])
    expect(deepSpec(1, 'sigmoid').layers).toEqual([2, 1])
  })

  it('gives gradient norms in the engine that shrink from the output to the input with sigmoids', async () => {
    const engine = await load()
    for (const depth of [1, 5, 10]) {
      const made = EngineNetwork.create(engine, deepSpec(depth, 'sigmoid'))
      if (!made.ok) throw new Error(made.message)
      made.network.forward()
      made.network.backward()
      const norms = made.network.gradientNorms()
      expect(norms).toHaveLength(depth)
      for (const g of norms) expect(Number.isFinite(g) && g > 0).toBe(true)
      if (depth === 10) expect(norms[0]).toBeLessThan(norms[9] * 1e-4)
      made.network.dispose()
    }
  })
})

describe('weightChange', () => {
  it('is the Frobenius norm of W_after − W_before per layer', () => {
    const before = { weights: [[[1, 2]], [[0], [0]]], biases: [[0], [0, 0]] }
    const after = { weights: [[[4, 6]], [[0], [1]]], biases: [[5], [5, 5]] }
    expect(weightChange(before, after)).toEqual([5, 1])
  })
})

describe('superscript', () => {
  it('writes exponents as superscript digits', () => {
    expect(superscript(5)).toBe('⁵')
    expect(superscript(10)).toBe('¹⁰')
  })
})
