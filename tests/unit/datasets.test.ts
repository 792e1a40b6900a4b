// Seeded datasets of the classification lessons: exact and reproducible, labelled as documented, and the
// grid probe evaluates a network on a grid with the engine's forward pass.
import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NnModule } from '../../web/src/engine/nn'
import {
  circle,
  gridPoints,
  makeDataset,
  mulberry32,
  separable,
  xorBlobs,
} from '../../web/src/math/datasets'
import { useNetworkStore } from '../../web/src/composables/useLessonStore'
import { GridProbe } from '../../web/src/lessons/common/gridProbe'
import { loadEngineNode } from './loadEngineNode'

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and numbers in [0, 1)', () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    const xs = Array.from({ length: 1000 }, () => a())
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs)
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(mulberry32(1)()).toBe(0.6270739405881613)
  })
})

describe('datasets', () => {
  it('are exact for a seed: same points twice, pinned first point', () => {
    expect(separable(20, 11)).toEqual(separable(20, 11))
    expect(separable(20, 11).inputs[0]).toEqual([1.019, 1.048])
    expect(circle(80, 5)).toEqual(makeDataset('circle', 80, 5))
    expect(separable(20, 12).inputs).not.toEqual(separable(20, 11).inputs)
  })

  it('separable: the line x₁ + x₂ = 0 splits the classes with a margin', () => {
    const d = separable(200, 3)
    d.inputs.forEach(([x1, x2], k) => {
      if (d.targets[k][0] === 1) expect(x1 + x2).toBeGreaterThan(0.39)
      else expect(x1 + x2).toBeLessThan(-0.39)
    })
  })

  it('circle: label 1 inside radius 1, 0 outside 1.3, half of each', () => {
    const d = circle(80, 5)
    expect(d.inputs).toHaveLength(80)
    d.inputs.forEach(([x1, x2], k) => {
      const r = Math.hypot(x1, x2)
      if (d.targets[k][0] === 1) expect(r).toBeLessThan(1)
      else expect(r).toBeGreaterThan(1.3)
    })
    expect(d.targets.filter((t) => t[0] === 1)).toHaveLength(40)
  })

  it('xor: label 1 exactly where the coordinates have opposite signs', () => {
    const d = xorBlobs(80, 5)
    d.inputs.forEach(([x1, x2], k) => expect(d.targets[k][0]).toBe(x1 * x2 < 0 ? 1 : 0))
  })
})

describe('GridProbe', () => {
  it('lists grid points row-major from the top-left', () => {
    expect(gridPoints(2, -1, 1)).toEqual([
      [-0.5, 0.5],
      [0.5, 0.5],
      [-0.5, -0.5],
      [0.5, -0.5],
    ])
  })

  it('returns the engine’s outputs at the grid points for given parameters', async () => {
    const engine = (await loadEngineNode()) as unknown as NnModule
    const spec = {
      layers: [2, 1],
      activations: ['sigmoid' as const],
      loss: 'bce' as const,
      inputs: [[0, 0]],
      targets: [[0]],
      learningRate: 1,
    }
    const store = useNetworkStore(engine)
    const probe = GridProbe.create(store, spec, 3, -1, 1)
    if (!probe) throw new Error('probe not created')
    const params = { weights: [[[2, -1]]], biases: [[0.5]] }
    const out = probe.evaluate(params)!
    const made = EngineNetwork.create(engine, {
      ...spec,
      ...params,
      weights: params.weights,
      biases: params.biases,
      inputs: gridPoints(3, -1, 1),
      targets: gridPoints(3, -1, 1).map(() => [0]),
    })
    if (!made.ok) throw new Error(made.message)
    made.network.forward()
    expect(out).toEqual(made.network.trace().layers[0].a.map((r) => r[0]))
    expect(out[4]).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 12) // centre (0, 0): σ(b)
    expect(probe.evaluate({ weights: [[[NaN, 0]]], biases: [[0]] })).toBeNull()
    store.clear()
    made.network.dispose()
  })
})
