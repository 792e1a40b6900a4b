// One inspected XOR run (#15) through the real .wasm: the record of every update agrees with an
// independent plain-JS computation (tests/unit/xorReference.ts), ends exactly where the 100-run
// experiment's copy of the same seed ends, and the update at which a unit died is found by bisection.
import { describe, expect, it } from 'vitest'
import { EngineEnsemble } from '../../engine/ensemble'
import { EngineNetwork } from '../../engine/network'
import type { NnModule } from '../../engine/nn'
import { paramsFromFlat } from '../../engine/paramLayout'
import { loadEngineNode } from '../../../../tests/unit/loadEngineNode'
import {
  XOR_X,
  refFlat,
  refLoss,
  refStart,
  refStep,
  refTrain,
} from '../../../../tests/unit/xorReference'
import { XOR_SEEDS, XOR_STEPS, deadUnits, diagnoseRun, xorSpec } from './xorExperiment'
import { XOR_TARGETS } from '../../math/datasets'
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

  it('names the engine’s update count when an update goes through and the loss after it is not a number', async () => {
    const engine = await load()
    // η is at most 100, and with the XOR inputs no run of the inspector's gets there (every run that
    // leaves the rails passes the cut-off first). The same four rows × 10¹⁵⁰ do: the first loss is
    // about 10¹⁴⁹ (its cut-off 1000 × that), the first update moves the weights to about 10¹⁵²
    // (finite) and the output's z ≈ W²·W¹x then overflows. The plain-JS run says at which update the
    // loss first is not a number, and that the weights after it are finite (the update went through).
    const [eta, scale] = [100, 1e150]
    const X = XOR_X.map((row) => row.map((x) => x * scale))
    const spec = { ...xorSpec([2], 'bce', { learningRate: eta }), inputs: X }
    for (const seed of [1, 12]) {
      const kept = [refStart(seed, 2)]
      while (Number.isFinite(refLoss(kept[kept.length - 1], 'relu', 'bce', X)) && kept.length < 50)
        kept.push(refStep(kept[kept.length - 1], eta, 'relu', 'bce', X))
      const k = kept.length - 1 // the first update after which the loss is not a number
      expect(k).toBeGreaterThan(0)
      expect(k).toBeLessThan(49)
      expect(refFlat(kept[k]).every(Number.isFinite)).toBe(true)

      const made = recordRun(useNetworkStore(engine), spec, seed, 50)
      if (!made.ok) throw new Error(made.message)
      const r = made.record
      expect(r.message).toMatch(new RegExp(`^training diverged after ${k} updates?: `))
      // kept: the updates whose loss is a number, the last of them the plain-JS run's update k − 1
      expect(r.updates).toBe(k - 1)
      for (let u = 0; u < k; u++) {
        close(flatAt(r, u), refFlat(kept[u]))
        const want = refLoss(kept[u], 'relu', 'bce', X)
        expect(Math.abs(r.losses[u] - want)).toBeLessThanOrEqual(1e-12 * Math.abs(want))
      }
    }
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

// The inspector's verdict from the run's own numbers (newcomer's report: seed 3, sigmoid, η = 100 was
// called a local minimum with units "switching" while both sat at z ≈ −30 … −57 and the loss swung).
describe('diagnoseRun on recorded runs: saturated, not settled, dead, stuck', () => {
  /** The test's own thresholds: σ′(7) = 9.1e-4 and tanh′(4) = 1.3e-3 bound slope 1e-3 from each side. */
  const SIGMOID_SATURATED_Z = 7
  const TANH_UNSATURATED_Z = 3.8
  /** Settled: the loss over the last 10 % of updates varies by at most 10 % of its largest value. */
  const settledByHand = (losses: Float64Array) => {
    const n = losses.length
    const tail = Array.from(losses.subarray(Math.floor((n - 1) * 0.9)))
    return Math.max(...tail) - Math.min(...tail) <= 0.1 * Math.max(...tail)
  }
  async function inspect(
    seed: number,
    activation: 'relu' | 'sigmoid' | 'tanh',
    learningRate: number,
  ) {
    const engine = await load()
    const spec = xorSpec([2], 'bce', { activation, learningRate })
    const r = recordRun(useNetworkStore(engine), spec, seed, XOR_STEPS)
    if (!r.ok) throw new Error(r.message)
    expect(r.record.updates).toBe(XOR_STEPS)
    const made = EngineNetwork.create(engine, spec)
    if (!made.ok) throw new Error(made.message)
    const trace = (k: number) => {
      made.network.setParams(paramsFromFlat(flatAt(r.record, k), [2, 2, 1]))
      made.network.forward()
      made.network.backward()
      return made.network.trace()
    }
    const end = trace(XOR_STEPS)
    const d = diagnoseRun(end, trace(0), activation, r.record.losses)
    // z[unit][row] as read from the engine's forward pass
    const z = [0, 1].map((j) => end.layers[0].z.map((row) => row[j]))
    made.network.dispose()
    return {
      d,
      z,
      losses: r.record.losses,
      out: end.layers[1].a.map((a) => a[0]),
      last: Array.from(flatAt(r.record, XOR_STEPS)),
    }
  }

  it('seed 3, sigmoid, η = 100: both units saturated and the loss swinging, not stuck', async () => {
    const { d, z, losses } = await inspect(3, 'sigmoid', 100)
    // both units far out on sigmoid's flat side at all four inputs
    for (const zs of z) expect(zs.every((v) => Math.abs(v) > SIGMOID_SATURATED_Z)).toBe(true)
    expect(settledByHand(losses)).toBe(false)
    expect(d.saturated).toEqual([true, true])
    // no unit changes sign of z across the four inputs
    expect(d.switching).toEqual(z.map((zs) => zs.some((v) => v > 0) && zs.some((v) => v <= 0)))
    expect(d.switching).toEqual([false, false])
    expect(d.tail?.settled).toBe(false)
    expect(d.kind).toBe('saturated')
  })

  it('seed 3, ReLU, η = 0.5 (the notes’): a unit with z ≤ 0 at all four inputs is still called dead', async () => {
    const { d, z } = await inspect(3, 'relu', 0.5)
    const deadByHand = z.map((zs) => zs.every((v) => v <= 0))
    expect(deadByHand).toContain(true)
    expect(d.dead.map((u) => u.end)).toEqual(deadByHand)
    expect(d.kind).toBe('died in training')
  })

  it('seed 5, tanh, η = 0.5: 2 right, 2 wrong, settled, both units switching: stuck', async () => {
    const { d, z, losses, out } = await inspect(5, 'tanh', 0.5)
    const right = out.map((a, r) => a > 0.5 === XOR_TARGETS[r][0] > 0.5)
    expect(right.filter(Boolean)).toHaveLength(2)
    for (const zs of z) expect(zs.some((v) => Math.abs(v) < TANH_UNSATURATED_Z)).toBe(true)
    expect(settledByHand(losses)).toBe(true)
    const switchingByHand = z.map((zs) => zs.some((v) => v > 0) && zs.some((v) => v <= 0))
    expect(switchingByHand).toEqual([true, true])
    expect(d.switching).toEqual(switchingByHand)
    expect(d.saturated).toEqual([false, false])
    expect(d.kind).toBe('stuck')
  })

  it('seed 5, tanh: the stuck run’s loss and largest gradient entry are the plain-JS values', async () => {
    const { d, last } = await inspect(5, 'tanh', 0.5)
    // flat W1 b1 W2 b2 as refFlat orders them; the gradient by central differences of refLoss
    const ref = (v: number[]) => ({
      W1: [v.slice(0, 2), v.slice(2, 4)],
      b1: v.slice(4, 6),
      W2: v.slice(6, 8),
      b2: v[8],
    })
    const h = 1e-6
    const numeric = last.map((_, i) => {
      const up = [...last]
      const down = [...last]
      up[i] += h
      down[i] -= h
      return (refLoss(ref(up), 'tanh') - refLoss(ref(down), 'tanh')) / (2 * h)
    })
    const largest = Math.max(...numeric.map(Math.abs))
    expect(d.loss).toBeCloseTo(refLoss(ref(last), 'tanh'), 12)
    expect(Math.abs(d.gradient - largest)).toBeLessThanOrEqual(1e-8 + 1e-6 * largest)
  })
})
