// EngineNetwork's per-frame calls go through the plain exports (plain_exports.cpp: forward, accuracy,
// updates, the parameters) instead of embind, which costs ~70 ns a call under the strict CSP and
// ~3 µs for buffers(). Both routes reach the same JsNetwork, so they must agree bit for bit; the
// values themselves are checked against the notes elsewhere (engine.test.ts).
import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NnModule, NnNetwork } from '../../web/src/engine/nn'
import type { NetworkSpec } from '../../web/src/engine/types'
import { classicSpec } from './fixtures'
import { loadEngineNode } from './loadEngineNode'

const load = async () => (await loadEngineNode()) as unknown as NnModule

/** The EngineNetwork and an embind twin configured from the same spec. */
function pair(m: NnModule, spec: NetworkSpec): { net: EngineNetwork; raw: NnNetwork } {
  const made = EngineNetwork.create(m, spec)
  if (!made.ok) throw new Error(made.message)
  const raw = new m.Network()
  expect(raw.configure(JSON.stringify(spec))).toBe(m.Status.ok)
  return { net: made.network, raw }
}

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
  it('forward, accuracy, updates and the parameters agree with the embind route bit for bit', async () => {
    const m = await load()
    for (const spec of [classicSpec, twoClasses]) {
      const { net, raw } = pair(m, spec)
      expect(net.train(7).done).toBe(7)
      raw.train(7)
      expect(net.updates).toBe(7)
      expect(net.updates).toBe(raw.updates())
      const f = net.forward()
      expect(f.ok).toBe(true)
      expect(Object.is(f.loss, raw.forward())).toBe(true)
      const acc = net.accuracy()
      const rawAcc = raw.accuracy()
      expect(acc).toBe(Number.isFinite(rawAcc) ? rawAcc : null)
      // params() in W b order, element for element the embind view of the same numbers
      const flat = net.params()
      const sizes = net.layout.sizes
      const fromRaw = Array.from(raw.buffers().params)
      let k = 0
      flat.weights.forEach((W, l) => {
        expect(W.flat()).toEqual(fromRaw.slice(k, (k += sizes[l] * sizes[l + 1])))
        expect(flat.biases[l]).toEqual(fromRaw.slice(k, (k += sizes[l + 1])))
      })
      expect(k).toBe(fromRaw.length)
      net.dispose()
      raw.delete()
    }
  })

  it('setParams writes in place (the embind view sees it) and a non-finite loss is reported', async () => {
    const m = await load()
    const { net } = pair(m, twoClasses)
    const p = net.params()
    p.weights[1][0][2] = 1e308
    p.biases[1][0] = 1e308
    expect(net.setParams(p).ok).toBe(true)
    const h = (net as unknown as { net: NnNetwork }).net
    expect(h.buffers().params.at(-1)).toBe(1e308)
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
