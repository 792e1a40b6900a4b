// EngineNetwork's per-frame calls go through the plain exports (plain_exports.cpp: train, forward,
// accuracy, updates, status, the parameters), their only route: embind costs ~70 ns a call under the
// strict CSP and ~3 µs for buffers(). Here they must agree with the embind calls the app makes one
// step at a time (backward, update, buffers) and with rules written out in the test; the values
// themselves are checked against the notes elsewhere (engine.test.ts).
import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NnModule, NnNetwork } from '../../web/src/engine/nn'
import type { NetworkSpec } from '../../web/src/engine/types'
import { classicSpec } from './fixtures'
import { loadEngineNode } from './loadEngineNode'

const load = async () => (await loadEngineNode()) as unknown as NnModule

function make(m: NnModule, spec: NetworkSpec): EngineNetwork {
  const made = EngineNetwork.create(m, spec)
  if (!made.ok) throw new Error(made.message)
  return made.network
}

/** The embind object behind an EngineNetwork (its buffers() views). */
const rawOf = (net: EngineNetwork) => (net as unknown as { net: NnNetwork }).net

const twoClasses: NetworkSpec = {
  layers: [2, 3, 1],
  activations: ['tanh', 'sigmoid'],
  loss: 'bce',
  inputs: [
    [0.5, -1],
    [-0.25, 2],
    [1.5, 0.75],
  ],
  targets: [[1], [0], [1]],
  learningRate: 0.5,
  seed: 4,
}

describe('per-frame calls through the plain exports', () => {
  it('train in one call lands where forward, backward and update land step by step, bit for bit', async () => {
    const m = await load()
    for (const spec of [classicSpec, twoClasses]) {
      const bulk = make(m, spec)
      const stepped = make(m, spec)
      const trained = bulk.train(7)
      expect(trained).toMatchObject({ done: 7, diverged: false, divergedAt: null })
      expect(bulk.updates).toBe(7)
      const losses: number[] = []
      for (let k = 0; k < 7; k++) {
        const f = stepped.forward()
        expect(f.ok).toBe(true)
        losses.push(f.loss)
        expect(stepped.backward().ok).toBe(true)
        expect(stepped.update().ok).toBe(true)
      }
      expect(stepped.updates).toBe(7)
      expect(Array.from(trained.losses)).toEqual(losses)
      expect(bulk.params()).toEqual(stepped.params())
      expect(Object.is(bulk.forward().loss, stepped.forward().loss)).toBe(true)
      // accuracy: a row is right when every output is on its target's side of 0.5 (both specs'
      // output layers are sigmoid), counted here from the exact predictions at the same parameters
      const { inputs, targets } = spec
      const out = bulk.predict(new Float64Array(inputs.flat()), inputs.length, { exact: true })!
      const K = targets[0].length
      const right = targets.filter((t, r) => t.every((y, k) => out[r * K + k] > 0.5 === y > 0.5))
      expect(bulk.accuracy()).toBe(right.length / targets.length)
      // params() in W b order, element for element the embind view of the same numbers
      const flat = bulk.params()
      const sizes = bulk.layout.sizes
      const fromRaw = Array.from(rawOf(bulk).buffers().params)
      let k = 0
      flat.weights.forEach((W, l) => {
        expect(W.flat()).toEqual(fromRaw.slice(k, (k += sizes[l] * sizes[l + 1])))
        expect(flat.biases[l]).toEqual(fromRaw.slice(k, (k += sizes[l + 1])))
      })
      expect(k).toBe(fromRaw.length)
      bulk.dispose()
      stepped.dispose()
    }
  })

  it('trainEpochs does in one call what train, forward and accuracy do epoch by epoch, bit for bit', async () => {
    const m = await load()
    // full batch (one update an epoch) and batches of 2 of 3 rows (two updates an epoch)
    for (const spec of [twoClasses, { ...twoClasses, batchSize: 2 }]) {
      const bulk = make(m, spec)
      const stepped = make(m, spec)
      const perEpoch = spec.batchSize ? 2 : 1
      const t = bulk.trainEpochs(5, perEpoch)
      expect(t).toMatchObject({ done: 5 * perEpoch, diverged: false, divergedAt: null })
      const losses: number[] = []
      const ends: number[] = []
      for (let e = 0; e < 5; e++) {
        losses.push(...stepped.train(perEpoch).losses)
        ends.push(stepped.forward().loss, stepped.accuracy()!)
      }
      expect(Array.from(t.losses)).toEqual(losses)
      expect(Array.from(t.ends)).toEqual(ends)
      // accuracy by the rule written out (every sigmoid output on its target's side of 0.5)
      const { inputs, targets } = spec
      const out = bulk.predict(new Float64Array(inputs.flat()), inputs.length, { exact: true })!
      const right = targets.filter((y, r) => out[r] > 0.5 === y[0] > 0.5)
      expect(t.ends.at(-1)).toBe(right.length / targets.length)
      expect(bulk.params()).toEqual(stepped.params())
      expect(bulk.updates).toBe(5 * perEpoch)
      bulk.dispose()
      stepped.dispose()
    }
  })

  it('setParams writes in place (the embind view sees it) and a non-finite loss is reported', async () => {
    const m = await load()
    const net = make(m, twoClasses)
    const p = net.params()
    p.weights[1][0][2] = 1e308
    p.biases[1][0] = 1e308
    expect(net.setParams(p).ok).toBe(true)
    expect(rawOf(net).buffers().params.at(-1)).toBe(1e308)
    // hidden a = tanh(10) ≈ 1 on every row, so z = 1e308 + 3 · 1e308 overflows to ∞ and the loss is
    // not finite (∞ or NaN): forward names it instead of returning it silently
    p.weights[0] = p.weights[0].map((row) => row.map(() => 0))
    p.biases[0] = [10, 10, 10]
    p.weights[1][0] = [1e308, 1e308, 1e308]
    expect(net.setParams(p).ok).toBe(true)
    const f = net.forward()
    expect(Number.isFinite(f.loss)).toBe(false)
    expect(f).toMatchObject({ ok: false, message: 'the loss is not a finite number' })
    // after memory grows (a large predict), the parameters are read from the new buffer
    expect(net.predict(new Float64Array(2 * 200_000), 200_000)).not.toBeNull()
    expect(net.params()).toEqual(p)
    net.dispose()
  })
})
