// The XOR experiment (notes 003) through the real .wasm: counts of runs reaching 100 % are reproducible,
// the same in chunks as in one call, higher for wider nets; dead ReLUs are found in failed runs' weights.
import { describe, expect, it } from 'vitest'
import { EngineEnsemble } from '../../engine/ensemble'
import { EngineNetwork } from '../../engine/network'
import type { NnModule } from '../../engine/nn'
import type { Trace } from '../../engine/types'
import {
  XOR_FIXES,
  XOR_SEEDS,
  XOR_STEPS,
  deadUnits,
  diagnoseRun,
  largestGradient,
  rowVerdicts,
  summarize,
  xorSpec,
  type XorOptions,
} from './xorExperiment'
import { XOR_TARGETS } from '../../math/datasets'
import { paramsFromFlat } from '../../engine/paramLayout'
import { loadEngineNode } from '../../../../tests/unit/loadEngineNode'

const load = () => loadEngineNode() as unknown as Promise<NnModule>

async function run(
  hidden: number[],
  loss: 'mse' | 'bce',
  chunk = XOR_STEPS,
  options: XorOptions = {},
  steps = XOR_STEPS,
) {
  const made = EngineEnsemble.create(await load(), xorSpec(hidden, loss, options), {
    seeds: XOR_SEEDS,
  })
  if (!made.ok) throw new Error(made.message)
  let states = made.ensemble.train(chunk)
  for (let done = chunk; done < steps; done += chunk) states = made.ensemble.train(chunk)
  return { ensemble: made.ensemble, summary: summarize(states), states }
}

describe('XOR experiment', () => {
  it('gives the same counts in 200-step chunks as in one call (what the page does)', async () => {
    const whole = await run([2], 'bce')
    const chunked = await run([2], 'bce', 200)
    expect(chunked.summary).toEqual(whole.summary)
    whole.ensemble.dispose()
    chunked.ensemble.dispose()
  })

  it('solves XOR in some but not all 2-2-1 runs, and more often with wider hidden layers', async () => {
    const counts: Record<string, number> = {}
    for (const loss of ['mse', 'bce'] as const) {
      for (const hidden of [[2], [4], [8]]) {
        const r = await run(hidden, loss)
        counts[`${loss} ${hidden}`] = r.summary.solved
        expect(r.summary.runs).toBe(100)
        expect(r.summary.diverged).toBe(0)
        r.ensemble.dispose()
      }
      expect(counts[`${loss} 2`]).toBeGreaterThan(0)
      expect(counts[`${loss} 2`]).toBeLessThan(100)
      expect(counts[`${loss} 4`]).toBeGreaterThan(counts[`${loss} 2`])
      expect(counts[`${loss} 8`]).toBeGreaterThan(counts[`${loss} 4`])
    }
    // The numbers the page shows (tests/e2e/topic-lessons.e2e.test.ts reads them there).
    expect(counts).toEqual({
      'mse 2': 26,
      'mse 4': 66,
      'mse 8': 95,
      'bce 2': 27,
      'bce 4': 67,
      'bce 8': 94,
    })
  })

  it('counts the fixes other than wider: leaky ReLU and tanh solve more runs, Xavier init does not (#15)', async () => {
    const counts: Record<string, number> = {}
    for (const f of XOR_FIXES) {
      const r = await run([2], 'bce', 1000, f.options, f.steps)
      expect(r.summary.diverged).toBe(0)
      counts[f.key] = r.summary.solved
      r.ensemble.dispose()
    }
    // The numbers the page shows (tests/e2e/xor-inspector.e2e.test.ts reads them there); the notes'
    // ReLU + He solves 27 (above).
    expect(counts).toEqual({ leaky: 32, 'leaky-long': 59, tanh: 57, xavier: 26 })
  })

  it('splits a flat parameter buffer into W1 b1 W2 b2', () => {
    const p = paramsFromFlat([1, 2, 3, 4, 5, 6, 7, 8, 9], [2, 2, 1])
    expect(p.weights).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
      [[7, 8]],
    ])
    expect(p.biases).toEqual([[5, 6], [9]])
  })

  it('marks a hidden unit dead when its pre-activation is ≤ 0 for every input', () => {
    const trace = {
      layers: [
        {
          z: [
            [-1, 0.5],
            [0, -2],
            [-0.1, -3],
            [-4, -1],
          ],
        },
      ],
    } as unknown as Trace
    expect(deadUnits(trace)).toEqual([true, false])
  })

  it('finds a dead ReLU in most failed 2-2-1 runs, using the engine’s forward pass on their weights', async () => {
    const r = await run([2], 'bce')
    const engine = await load()
    const failed = r.states.map((s, k) => ({ s, k })).filter(({ s }) => s.accuracy !== 1)
    let withDead = 0
    for (const { k } of failed) {
      const p = paramsFromFlat(r.ensemble.params(k), [2, 2, 1])
      const made = EngineNetwork.create(engine, {
        ...xorSpec([2], 'bce'),
        weights: p.weights,
        biases: p.biases,
      })
      if (!made.ok) throw new Error(made.message)
      made.network.forward()
      if (deadUnits(made.network.trace()).some(Boolean)) withDead++
      made.network.dispose()
    }
    expect(failed.length).toBe(73)
    expect(withDead).toBeGreaterThan(failed.length / 2)
    r.ensemble.dispose()
  })
})

describe('XOR run diagnosis (#12)', () => {
  const traceOf = (z: number[][], a: number[]): Trace =>
    ({
      targets: XOR_TARGETS,
      layers: [
        { z, dW: [], db: [] },
        { a: a.map((v) => [v]), dW: [], db: [] },
      ],
    }) as unknown as Trace
  const alive = [
    [0.5, -1],
    [-0.2, 0.3],
    [1, 0.1],
    [-1, -1],
  ]

  it('calls outputs at 0.5 ± 2e-16 undecided, not right or wrong', () => {
    const t = traceOf(alive, [0.5, 0.5 + 2e-16, 0.5 - 2e-16, 0.5])
    expect(rowVerdicts(t)).toEqual(['undecided', 'undecided', 'undecided', 'undecided'])
    expect(diagnoseRun(t, t).kind).toBe('undecided')
    expect(rowVerdicts(traceOf(alive, [0.2, 0.9, 0.4, 0.6]))).toEqual([
      'right',
      'right',
      'wrong',
      'wrong',
    ])
  })

  it('reports the largest |entry| of every layer’s dW and db, NaN without gradients', () => {
    const t = {
      layers: [
        {
          dW: [
            [0.1, -0.4],
            [0.2, 0.3],
          ],
          db: [0.05, -0.01],
        },
        { dW: [[-0.2, 0.35]], db: [-0.45] },
      ],
    } as unknown as Trace
    expect(largestGradient(t)).toBe(0.45)
    expect(largestGradient(traceOf(alive, [0.1, 0.9, 0.6, 0.7]))).toBeNaN()
  })

  it('tells a unit dead from the start from one that died in training', () => {
    const deadH2 = alive.map(([z1]) => [z1, -0.5])
    const out = [0.1, 0.9, 0.6, 0.7]
    const died = diagnoseRun(traceOf(deadH2, out), traceOf(alive, out))
    expect(died.kind).toBe('died in training')
    expect(died.dead).toEqual([
      { end: false, atStart: false },
      { end: true, atStart: false },
    ])
    expect(diagnoseRun(traceOf(deadH2, out), traceOf(deadH2, out)).kind).toBe('dead from the start')
  })

  it('calls a run whose two hidden units are active on every row linear, not stuck', () => {
    const active = [
      [0.1, 0.2],
      [0.3, 0.4],
      [0.5, 0.6],
      [0.7, 0.8],
    ]
    const d = diagnoseRun(
      traceOf(active, [0.1, 0.9, 0.6, 0.7]),
      traceOf(alive, [0.5, 0.5, 0.5, 0.5]),
    )
    expect(d.linear).toBe(true)
    expect(d.kind).toBe('linear')
    expect(
      diagnoseRun(traceOf(alive, [0.1, 0.9, 0.6, 0.7]), traceOf(alive, [0.1, 0.9, 0.6, 0.7])).kind,
    ).toBe('stuck')
  })

  it('diagnoses other hidden activations: no dead units; linear when every unit stays on one side of its kink (#15)', () => {
    const out = [0.1, 0.9, 0.6, 0.7]
    const oneSide = [
      [0.5, -1],
      [0.2, -0.3],
      [1, -0.1],
      [0.1, -1],
    ]
    const leaky = diagnoseRun(traceOf(oneSide, out), traceOf(oneSide, out), 'leaky_relu')
    expect(leaky.dead).toEqual([])
    expect(leaky.kind).toBe('linear')
    // the same z under ReLU: h2 is dead
    expect(diagnoseRun(traceOf(oneSide, out), traceOf(alive, out)).kind).toBe('died in training')
    expect(diagnoseRun(traceOf(alive, out), traceOf(alive, out), 'leaky_relu').kind).toBe('stuck')
    expect(diagnoseRun(traceOf(alive, out), traceOf(alive, out), 'tanh').kind).toBe('stuck')
    expect(diagnoseRun(traceOf(alive, out), traceOf(alive, out), 'linear').kind).toBe('linear')
  })

  it('finds undecided runs and units that died during training among the engine’s failed 2-2-1 runs', async () => {
    const r = await run([2], 'bce')
    const engine = await load()
    const made = EngineNetwork.create(engine, xorSpec([2], 'bce'))
    if (!made.ok) throw new Error(made.message)
    const net = made.network
    const fresh = EngineEnsemble.create(engine, xorSpec([2], 'bce'), { seeds: XOR_SEEDS })
    if (!fresh.ok) throw new Error(fresh.message)
    const starts = fresh
    const evaluate = (flat: number[]) => {
      net.setParams(paramsFromFlat(flat, [2, 2, 1]))
      net.forward()
      return net.trace()
    }
    const kinds: Record<string, number> = {}
    r.states.forEach((s, k) => {
      if (s.accuracy === 1) return
      const d = diagnoseRun(evaluate(r.ensemble.params(k)), evaluate(starts.ensemble.params(k)))
      kinds[d.kind] = (kinds[d.kind] ?? 0) + 1
      // seed 12: the engine's threshold counts rounding noise as 25 % right
      if (XOR_SEEDS[k] === 12) expect(d.kind).toBe('undecided')
    })
    console.log('XOR 2-2-1 BCE failed runs by diagnosis:', kinds)
    expect(kinds['died in training']).toBeGreaterThan(0)
    expect(kinds.undecided).toBeGreaterThan(0)
    net.dispose()
    r.ensemble.dispose()
    starts.ensemble.dispose()
  })
})

describe('XOR histogram with undecided runs (#12)', () => {
  it('counts runs with an output at the threshold as undecided, not as 25 % or 50 % right', async () => {
    const r = await run([2], 'bce')
    const made = EngineNetwork.create(await load(), xorSpec([2], 'bce'))
    if (!made.ok) throw new Error(made.message)
    const open = XOR_SEEDS.map((_, k) => {
      made.network.setParams(paramsFromFlat(r.ensemble.params(k), [2, 2, 1]))
      made.network.forward()
      return rowVerdicts(made.network.trace()).includes('undecided')
    })
    const s = summarize(r.states, open)
    expect(s.byAccuracy.undecided).toBe(open.filter(Boolean).length)
    expect(s.byAccuracy.undecided).toBeGreaterThan(0)
    expect(Object.values(s.byAccuracy).reduce((a, b) => a + b, 0)).toBe(100)
    expect(s.solved).toBe(27)
    made.network.dispose()
    r.ensemble.dispose()
  })
})
