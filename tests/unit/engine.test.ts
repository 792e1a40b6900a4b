// The real .wasm (SIMD and scalar builds) against the PyTorch reference cases, the notes' classic
// numbers, bad specs, divergence handling and lifetimes.
import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NnModule } from '../../web/src/engine/nn'
import type { NetworkSpec } from '../../web/src/engine/types'
import { classicSpec, oneUnit, referenceCases } from './fixtures'
import { loadEngineNode } from './loadEngineNode'

const cases = referenceCases
const classic = classicSpec

/** 1e-12 relative agreement (with a 1e-15 floor for values that are zero up to rounding). */
function expectClose(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number') {
    const a = actual as number
    expect(Math.abs(a - expected), `${path}: ${a} vs ${expected}`).toBeLessThanOrEqual(
      1e-12 * Math.abs(expected) + 1e-15,
    )
    return
  }
  const e = expected as unknown[]
  const a = actual as unknown[]
  expect(a.length, `${path} length`).toBe(e.length)
  e.forEach((x, k) => expectClose(a[k], x, `${path}[${k}]`))
}

function make(engine: NnModule, spec: NetworkSpec): EngineNetwork {
  const made = EngineNetwork.create(engine, spec)
  if (!made.ok) throw new Error(made.message)
  return made.network
}

for (const simd of [true, false]) {
  describe(`engine (${simd ? 'SIMD' : 'scalar'} build)`, () => {
    const load = () => loadEngineNode({ simd }) as unknown as Promise<NnModule>

    it('matches every PyTorch reference case to 1e-12', async () => {
      const engine = await load()
      expect(cases).toHaveLength(45)
      for (const c of cases) {
        const net = make(engine, c.spec)
        if (c.steps === undefined) {
          const f = net.forward()
          expect(f.ok).toBe(true)
          expectClose(f.loss, c.expected.loss, `${c.name}.loss`)
          expect(net.backward().ok).toBe(true)
          const t = net.trace()
          c.expected.layers!.forEach((layer, l) => {
            for (const key of ['z', 'a', 'delta', 'dW', 'db'] as const)
              expectClose(t.layers[l][key], layer[key], `${c.name}.layers[${l}].${key}`)
          })
          const g = net.gradients() // the same gradients without the rest of the trace
          expectClose(
            g.weights,
            c.expected.layers!.map((layer) => layer.dW),
            `${c.name} gradients W`,
          )
          expectClose(
            g.biases,
            c.expected.layers!.map((layer) => layer.db),
            `${c.name} gradients b`,
          )
          expect(net.update().ok).toBe(true)
        } else {
          const r = net.train(c.steps)
          expect(r.done).toBe(c.steps)
          const losses = Array.from(r.losses)
          if (c.expected.losses) expectClose(losses, c.expected.losses, `${c.name}.losses`)
          else {
            expectClose(losses.slice(0, 5), c.expected.lossesHead, `${c.name}.lossesHead`)
            expectClose(losses.slice(-5), c.expected.lossesTail, `${c.name}.lossesTail`)
          }
        }
        const p = net.params()
        expectClose(p.weights, c.expected.weightsAfter, `${c.name}.weightsAfter`)
        expectClose(p.biases, c.expected.biasesAfter, `${c.name}.biasesAfter`)
        net.dispose()
      }
    })

    it('reproduces the notes’ classic example: E_total = 0.298371109 and w5 = 0.35891648 after one step', async () => {
      const net = make(await load(), classic)
      const { loss } = net.forward()
      expect(loss.toFixed(9)).toBe('0.298371109')
      net.backward()
      const t = net.trace()
      expect(t.layers[0].z[0][0]).toBeCloseTo(0.3775, 15)
      expect(t.layers[0].a[0][0].toFixed(9)).toBe('0.593269992')
      expect(t.layers[1].z[0][0].toFixed(9)).toBe('1.105905967')
      expect(t.layers[1].a[0].map((x) => x.toFixed(9))).toEqual(['0.751365070', '0.772928465'])
      expect(t.sampleLosses[0].toFixed(9)).toBe('0.298371109')
      expect(t.layers[1].dW[0][0].toFixed(9)).toBe('0.082167041')
      net.update()
      const w = net.params().weights
      expect(w.flat(2).map((x) => x.toFixed(9))).toEqual([
        '0.149780716',
        '0.199561432',
        '0.249751144',
        '0.299502287',
        '0.358916480',
        '0.408666186',
        '0.511301270',
        '0.561370121',
      ])
      expect(net.paramsBefore().weights[1][0][0]).toBe(0.4)
      net.dispose()
    })

    it('trains the classic example 10,000 steps to 3.5101878e-05 (biases fixed) and 2.4475622e-06 (trained)', async () => {
      const engine = await load()
      for (const [trainBiases, expected] of [
        [false, 3.5101878e-5],
        [true, 2.4475622e-6],
      ] as const) {
        const net = make(engine, { ...classic, trainBiases })
        expect(net.train(10000).done).toBe(10000)
        const { loss } = net.forward()
        expect(Math.abs(loss - expected) / expected).toBeLessThan(1e-7)
        net.dispose()
      }
    })

    it('rejects bad specs with a message naming the field, keeping the last good network', async () => {
      const engine = await load()
      const bad: [Partial<NetworkSpec> & Record<string, unknown>, RegExp][] = [
        [{ loss: 'bce', activations: ['sigmoid', 'relu'] }, /^loss: bce needs a sigmoid output/],
        [{ loss: 'cross_entropy' }, /^loss: cross_entropy needs a softmax output/],
        [
          { activations: ['softmax', 'sigmoid'] },
          /^activations\[0\]: softmax is only allowed on the output/,
        ],
        [
          {
            weights: [
              [
                [0.15, 0.2, 9],
                [0.25, 0.3],
              ],
              [
                [0.4, 0.45],
                [0.5, 0.55],
              ],
            ],
          },
          /^weights\[0\]\[0\]: expected 2 numbers/,
        ],
        [{ learningRate: -1 }, /^learningRate: expected a number from 1×10⁻⁵ to 100/],
        [{ layers: [2, 0, 2] }, /^layers\[1\]: expected a whole number from 1 to 1024/],
        [
          {
            targets: [
              [0.01, 0.99],
              [1, 2],
            ],
          },
          /^targets: expected 1 rows/,
        ],
        [{ learningrate: 0.1 }, /^learningrate: not a spec field/],
      ]
      const net = make(engine, classic)
      for (const [patch, message] of bad) {
        const r = EngineNetwork.create(engine, { ...classic, ...patch } as NetworkSpec)
        expect(r.ok).toBe(false)
        if (!r.ok) expect(r.message).toMatch(message)
        const kept = net.configure({ ...classic, ...patch } as NetworkSpec)
        expect(kept.ok).toBe(false)
        expect(net.forward().loss).toBe(0.2983711087600027)
      }
      net.dispose()
    })

    it('reports divergence instead of passing NaN on, and keeps the last finite weights', async () => {
      const engine = await load()
      const spec = oneUnit({ inputs: [[100]], targets: [[1]], learningRate: 10 })
      const net = make(engine, spec)
      const r = net.train(1000)
      expect(r.diverged).toBe(true)
      expect(r.done).toBeLessThan(1000)
      expect(r.message).toMatch(/diverged/)
      expect(Array.from(r.losses).every(Number.isFinite)).toBe(true)
      expect(net.params().weights.flat(2).every(Number.isFinite)).toBe(true)
      net.dispose()
    })

    it('names a divergence by the updates done from the start of the run, whatever the chunks', async () => {
      // One weight, x = 1, target 0, ½-SSE, η = 3: w ← w(1 − 3) = −2w, so the loss after n updates
      // is ½·4ⁿ: 0.5, 2, 8, 32, 128, 512. The cut-off is 1000 × 0.5 = 500: passed after 5 updates.
      const spec = oneUnit({ learningRate: 3, trainBiases: false })
      const net = make(await load(), spec)
      const chunks = [net.train(3), net.train(3)]
      expect(chunks.map((c) => c.done)).toEqual([3, 2])
      expect(Array.from(chunks[0].losses)).toEqual([0.5, 2, 8])
      expect(Array.from(chunks[1].losses)).toEqual([32, 128]) // 512 is past the cut-off: not kept
      expect(chunks[1].divergedAt).toBe(5)
      expect(chunks[1].cutoff).toBe(500)
      expect(chunks[1].message).toBe(
        'training diverged after 5 updates: the loss 512 passed the cut-off 500 (1000 × the first loss)',
      )
      expect(net.updates).toBe(5)
      // A configure starts a new run; setUpdates continues the count of one that goes on.
      net.configure(spec)
      net.setUpdates(7)
      expect(net.train(10).divergedAt).toBe(12)
      net.dispose()
    })

    it('writes the numbers of its messages as the page does (4.999×10⁹, not 4.999e+09)', async () => {
      // One weight w = 1, x = 10, target 0, ½-SSE, η = 100: w ← w(1 − η·x²) = −9,999w. The first loss
      // is ½·10² = 50 (cut-off 50,000); after one update ½·(10·9,999)² = 4,999,000,050.
      const spec = oneUnit({ inputs: [[10]], learningRate: 100, trainBiases: false })
      const net = make(await load(), spec)
      expect(net.train(3).message).toBe(
        'training diverged after 1 update: the loss 4.999×10⁹ passed the cut-off 50000 (1000 × the first loss)',
      )
      net.dispose()
    })

    it('gives a numerical gradient that agrees with backprop (the notes’ numerical ε)', async () => {
      const net = make(await load(), classic)
      const g = net.gradientCheck(1e-6)
      expect(g.ok).toBe(true)
      expect(g.numeric).toHaveLength(12)
      expect(Math.max(...g.relativeError.filter((_, k) => g.analytic[k] !== 0))).toBeLessThan(1e-6)
      net.dispose()
    })

    it('draws the same seeded initial weights as an independent splitmix64 + Xavier in JavaScript', async () => {
      const spec: NetworkSpec = { ...classic, weights: undefined, biases: undefined, seed: 42 }
      const net = make(await load(), spec)
      let state = 42n
      const mask = (1n << 64n) - 1n
      const next = () => {
        state = (state + 0x9e3779b97f4a7c15n) & mask
        let z = state
        z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask
        z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask
        return z ^ (z >> 31n)
      }
      const limit = Math.sqrt(6 / 4)
      const expected = [0, 1].map(() =>
        [0, 1].map(() => [0, 1].map(() => (2 * (Number(next() >> 11n) * 2 ** -53) - 1) * limit)),
      )
      expect(net.params().weights).toEqual(expected)
      expect(net.params().biases).toEqual([
        [0, 0],
        [0, 0],
      ])
      net.dispose()
    })

    it('frees every network: the heap does not grow over 100,000 create/dispose cycles', async () => {
      const engine = await load()
      const cycle = () => {
        const made = EngineNetwork.create(engine, classic)
        if (!made.ok) throw new Error(made.message)
        made.network.forward()
        made.network.dispose()
      }
      for (let k = 0; k < 1000; k++) cycle() // warm-up: the allocator settles
      const before = engine.HEAPU8.length
      for (let k = 0; k < 100_000; k++) cycle()
      expect(engine.HEAPU8.length).toBe(before)
      // A leak of even 100 bytes per cycle would need 10 MB more than the 16 MB start.
      expect(before).toBeLessThanOrEqual(16 * 1024 * 1024)
    }, 120_000)
  })
}

describe('EngineNetwork.predict', () => {
  it('gives exactly the forward outputs in double and within 1e-6 in float32, leaving the trace alone', async () => {
    const engine = (await loadEngineNode()) as unknown as NnModule
    const spec: NetworkSpec = {
      layers: [2, 8, 8, 1],
      activations: ['tanh', 'tanh', 'sigmoid'],
      loss: 'bce',
      seed: 9,
      inputs: [
        [0.3, -0.7],
        [1.5, 0.2],
        [-2, 2],
      ],
      targets: [[1], [0], [1]],
      learningRate: 0.1,
    }
    const net = make(engine, spec)
    net.forward()
    const before = net.trace()
    const points = new Float64Array(spec.inputs.flat())
    const exact = net.predict(points, 3, { exact: true })
    const fast = net.predict(points, 3)
    expect(exact).not.toBeNull()
    expect(Array.from(exact!)).toEqual(before.layers[2].a.flat())
    fast!.forEach((y, k) => expect(Math.abs(y - exact![k])).toBeLessThan(1e-6))
    expect(net.trace()).toEqual(before)
    expect(net.predict(new Float64Array(5), 3)).toBeNull() // wrong shape: refused
    net.dispose()
  })
})
