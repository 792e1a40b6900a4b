// One inspected XOR run (#15) through the real .wasm: the record of every update agrees with an
// independent plain-JS computation (tests/unit/xorReference.ts), ends exactly where the 100-run
// experiment's copy of the same seed ends, and the update at which a unit died is found by bisection.
import { describe, expect, it } from 'vitest'
import { EngineEnsemble } from '../../engine/ensemble'
import { EngineNetwork } from '../../engine/network'
import type { NnModule } from '../../engine/nn'
import { paramsFromFlat } from '../../engine/paramLayout'
import { loadEngineNode } from '../../../../tests/unit/loadEngineNode'
import { refFlat, refLoss, refStart, refStep, refTrain } from '../../../../tests/unit/xorReference'
import { XOR_SEEDS, XOR_STEPS, deadUnits, diagnoseRun, xorSpec } from './xorExperiment'
import { firstDead, flatAt, recordRun } from './xorRun'
import { useNetworkStore } from '../../composables/useLessonStore'

const load = () => loadEngineNode() as unknown as Promise<NnModule>
const close = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).forEach((x, i) =>
    expect(Math.abs(x - b[i])).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(b[i]))),
  )

describe('recordRun', () => {
  it('keeps every update: weights and losses agree with a plain-JS computation from the seed', async () => {
    const engine = await load()
    for (const [seed, act] of [
      [3, 'relu'],
      [12, 'relu'],
      [7, 'leaky_relu'],
      [5, 'tanh'],
    ] as const) {
      const made = recordRun(
        useNetworkStore(engine),
        xorSpec([2], 'bce', { activation: act }),
        seed,
        300,
      )
      if (!made.ok) throw new Error(made.message)
      const r = made.record
      expect(r.updates).toBe(300)
      let p = refStart(seed, 2)
      for (let k = 0; k <= 300; k++) {
        close(flatAt(r, k), refFlat(p))
        expect(Math.abs(r.losses[k] - refLoss(p, act))).toBeLessThan(1e-12)
        p = refStep(p, 0.5, act)
      }
    }
  })

  it('follows η, width, initialisation and loss: seed 12, 2-4-1, Xavier, MSE, η = 2, leaky ReLU', async () => {
    const engine = await load()
    const spec = xorSpec([4], 'mse', { activation: 'leaky_relu', init: 'xavier', learningRate: 2 })
    const made = recordRun(useNetworkStore(engine), spec, 12, 500)
    if (!made.ok) throw new Error(made.message)
    const options = { hidden: 4, eta: 2, act: 'leaky_relu', init: 'xavier', loss: 'mse' } as const
    for (const k of [0, 1, 17, 500]) {
      const p = refTrain(12, k, options)
      close(flatAt(made.record, k), refFlat(p))
      expect(Math.abs(made.record.losses[k] - refLoss(p, 'leaky_relu', 'mse'))).toBeLessThan(1e-12)
    }
  })

  it('ends each of the 100 seeds exactly where the 100-run experiment’s copy ends', async () => {
    const engine = await load()
    const made = EngineEnsemble.create(engine, xorSpec([2], 'bce'), { seeds: XOR_SEEDS })
    if (!made.ok) throw new Error(made.message)
    made.ensemble.train(XOR_STEPS)
    for (const seed of [1, 3, 12, 40, 77, 100]) {
      const r = recordRun(useNetworkStore(engine), xorSpec([2], 'bce'), seed, XOR_STEPS)
      if (!r.ok) throw new Error(r.message)
      expect(Array.from(flatAt(r.record, XOR_STEPS))).toEqual(made.ensemble.params(seed - 1))
    }
    made.ensemble.dispose()
  })

  it('finds the update at which a unit died: the first update with z ≤ 0 on all four rows', async () => {
    const engine = await load()
    const r = recordRun(useNetworkStore(engine), xorSpec([2], 'bce'), 3, XOR_STEPS)
    if (!r.ok) throw new Error(r.message)
    const made = EngineNetwork.create(engine, xorSpec([2], 'bce'))
    if (!made.ok) throw new Error(made.message)
    const net = made.network
    const trace = (k: number) => {
      net.setParams(paramsFromFlat(flatAt(r.record, k), [2, 2, 1]))
      net.forward()
      return net.trace()
    }
    const d = diagnoseRun(trace(XOR_STEPS), trace(0))
    expect(d.kind).toBe('died in training')
    const j = d.dead.findIndex((u) => u.end && !u.atStart)
    const at = firstDead((k) => deadUnits(trace(k))[j], 0, XOR_STEPS)
    // the plain-JS run: z_j ≤ 0 on every row first after `at` updates, never before
    let p = refStart(3, 2)
    let first = -1
    for (let k = 0; k <= XOR_STEPS && first < 0; k++) {
      const z = [0, 1, 2, 3].map((row) => {
        const x = [
          [0, 0],
          [0, 1],
          [1, 0],
          [1, 1],
        ][row]
        return p.W1[j][0] * x[0] + p.W1[j][1] * x[1] + p.b1[j]
      })
      if (z.every((v) => v <= 0)) first = k
      p = refStep(p, 0.5)
    }
    expect(at).toBe(first)
    expect(at).toBeGreaterThan(0)
    net.dispose()
  })
})
