// The XOR experiment (notes 003) through the real .wasm: counts of runs reaching 100 % are reproducible,
// the same in chunks as in one call, higher for wider nets; dead ReLUs are found in failed runs' weights.
import { describe, expect, it } from 'vitest'
import { EngineEnsemble } from '../../engine/ensemble'
import { EngineNetwork } from '../../engine/network'
import type { NnModule } from '../../engine/nn'
import type { Trace } from '../../engine/types'
import {
  XOR_SEEDS,
  XOR_STEPS,
  deadUnits,
  paramsFromFlat,
  summarize,
  xorSpec,
} from './xorExperiment'
import { loadEngineNode } from '../../../../tests/unit/loadEngineNode'

const load = () => loadEngineNode() as unknown as Promise<NnModule>

async function run(hidden: number[], loss: 'mse' | 'bce', chunk = XOR_STEPS) {
  const made = EngineEnsemble.create(await load(), xorSpec(hidden, loss), { seeds: XOR_SEEDS })
  if (!made.ok) throw new Error(made.message)
  let states = made.ensemble.train(chunk)
  for (let done = chunk; done < XOR_STEPS; done += chunk) states = made.ensemble.train(chunk)
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
