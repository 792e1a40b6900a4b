// The sweep and many-seeds runner through the real .wasm: copies match single networks, divergence
// is named per copy, never passed on as NaN.
import { describe, expect, it } from 'vitest'
import { EngineEnsemble, logSpaced } from '../../web/src/engine/ensemble'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NnModule } from '../../web/src/engine/nn'
import type { NetworkSpec } from '../../web/src/engine/types'
import { loadEngineNode } from './loadEngineNode'

const load = () => loadEngineNode() as unknown as Promise<NnModule>

// The notes' 3-row regression table (notes 004), standardised, with a linear output.
const table: NetworkSpec = {
  layers: [2, 1],
  activations: ['linear'],
  loss: 'half_sse',
  weights: [[[0.1, -0.1]]],
  biases: [[0]],
  inputs: [
    [1.3363, -1.069],
    [-0.2673, 0.2673],
    [-1.069, 0.8018],
  ],
  targets: [[-1.2247], [0], [1.2247]],
  learningRate: 0.1,
}

const xor: NetworkSpec = {
  layers: [2, 2, 1],
  activations: ['relu', 'sigmoid'],
  loss: 'bce',
  inputs: [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ],
  targets: [[0], [1], [1], [0]],
  learningRate: 0.5,
  init: 'he',
}

describe('logSpaced', () => {
  it('spaces rates evenly in log10 from min to max inclusive', () => {
    const r = logSpaced(1e-4, 10, 16)
    expect(r).toHaveLength(16)
    expect(r[0]).toBeCloseTo(1e-4, 18)
    expect(r[15]).toBeCloseTo(10, 12)
    expect(Math.log10(r[1]) - Math.log10(r[0])).toBeCloseTo(5 / 15, 12)
  })
  it('ends at exactly the typed min and max (10^log10(5) is not 5)', () => {
    expect(10 ** Math.log10(5)).not.toBe(5) // why the ends are not computed
    for (const [min, max] of [
      [0.001, 5],
      [0.003, 7],
      [1e-5, 0.3],
    ]) {
      const r = logSpaced(min, max, 24)
      expect([r[0], r[23]]).toEqual([min, max])
    }
  })
})

describe('EngineEnsemble', () => {
  it('trains each copy exactly like a single network with that learning rate', async () => {
    const engine = await load()
    const rates = logSpaced(1e-3, 1, 16)
    const made = EngineEnsemble.create(engine, table, { learningRates: rates })
    if (!made.ok) throw new Error(made.message)
    const states = made.ensemble.train(40)
    expect(states).toHaveLength(16)
    for (const k of [0, 7, 15]) {
      const single = EngineNetwork.create(engine, { ...table, learningRate: rates[k] })
      if (!single.ok) throw new Error(single.message)
      const r = single.network.train(40)
      expect(states[k].losses).toEqual(Array.from(r.losses))
      single.network.dispose()
    }
    made.ensemble.dispose()
  })

  it("with 'first', copies out the first copy's losses only; the rest of every state is there", async () => {
    const engine = await load()
    const rates = logSpaced(1e-3, 1, 4)
    const made = EngineEnsemble.create(engine, table, { learningRates: rates })
    if (!made.ok) throw new Error(made.message)
    const states = made.ensemble.train(40, 'first')
    expect(states.map((s) => s.losses.length)).toEqual([40, 0, 0, 0])
    const single = EngineNetwork.create(engine, { ...table, learningRate: rates[0] })
    if (!single.ok) throw new Error(single.message)
    expect(states[0].losses).toEqual(Array.from(single.network.train(40).losses))
    // everything but the other copies' losses as with every copy's losses
    const all = EngineEnsemble.create(engine, table, { learningRates: rates })
    if (!all.ok) throw new Error(all.message)
    const full = all.ensemble.train(40)
    expect(states).toEqual(full.map((s, k) => (k ? { ...s, losses: [] } : s)))
    expect(full[3].finalLoss).not.toBeNull()
    single.network.dispose()
    made.ensemble.dispose()
    all.ensemble.dispose()
  })

  it('marks the rates that diverge and stops them, with no NaN handed out', async () => {
    const made = EngineEnsemble.create(await load(), table, {
      learningRates: logSpaced(1e-4, 10, 16),
    })
    if (!made.ok) throw new Error(made.message)
    const states = made.ensemble.train(200)
    const diverged = states.filter((s) => s.divergedAt !== null)
    expect(diverged.length).toBeGreaterThan(0)
    expect(states[0].divergedAt).toBeNull()
    expect(states[15].divergedAt).not.toBeNull()
    for (const s of states) {
      for (const l of s.losses) expect(l === null || Number.isFinite(l)).toBe(true)
      if (s.divergedAt !== null) expect(s.finalLoss).toBeNull()
    }
    // Later chunks leave a stopped copy stopped.
    const again = made.ensemble.train(10)
    expect(again[15].losses.every((l) => l === null)).toBe(true)
    made.ensemble.dispose()
  })

  it('runs 50 seeded XOR starts inside the engine and counts the ones that reach 100 %', async () => {
    const engine = await load()
    const seeds = Array.from({ length: 50 }, (_, k) => k + 1)
    const a = EngineEnsemble.create(engine, xor, { seeds })
    const b = EngineEnsemble.create(engine, xor, { seeds })
    if (!a.ok || !b.ok) throw new Error('configure failed')
    const sa = a.ensemble.train(2000)
    const sb = b.ensemble.train(2000)
    const solved = sa.filter((s) => s.accuracy === 1).length
    expect(sb.filter((s) => s.accuracy === 1).length).toBe(solved) // reproducible
    expect(solved).toBeGreaterThan(0)
    expect(solved).toBeLessThan(50) // 2 ReLU units do not always make it: the notes' question
    for (const s of sa) expect([0.25, 0.5, 0.75, 1]).toContain(s.accuracy)
    a.ensemble.dispose()
    b.ensemble.dispose()
  })

  it('rejects an empty or mismatched set of copies with a message', async () => {
    const engine = await load()
    const none = EngineEnsemble.create(engine, table, {})
    expect(none.ok).toBe(false)
    const bad = EngineEnsemble.create(engine, table, { learningRates: [0.1, -1] })
    expect(bad.ok ? '' : bad.message).toBe(
      'copy 2: learningRate: expected a number from 1×10⁻⁵ to 100',
    )
  })

  it('reports per-layer gradient norms that shrink toward the input in a deep sigmoid network', async () => {
    const engine = await load()
    const deep: NetworkSpec = {
      layers: [2, 4, 4, 4, 4, 4, 1],
      activations: ['sigmoid', 'sigmoid', 'sigmoid', 'sigmoid', 'sigmoid', 'sigmoid'],
      loss: 'half_sse',
      inputs: [
        [0.5, -0.3],
        [0.1, 0.9],
      ],
      targets: [[1], [0]],
      learningRate: 0.1,
      seed: 3,
    }
    const made = EngineNetwork.create(engine, deep)
    if (!made.ok) throw new Error(made.message)
    made.network.forward()
    made.network.backward()
    const norms = made.network.gradientNorms()
    expect(norms).toHaveLength(6)
    expect(norms[0]).toBeLessThan(norms[5] / 10)
    made.network.dispose()
  })
})
