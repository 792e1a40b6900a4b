// The engine's own tanh and sigmoid (wasm/engine/fastmath.h) as the WebAssembly builds run them:
// a 1-1 network with weight 1 and bias 0 evaluates a = f(x) exactly (z = 0 + 1·x + 0 = x), through
// the vector form for a grid of points and the scalar form one point at a time. Both forms and both
// builds must give the same bits, and stay within 3 ulp of V8's Math.tanh and of the reference
// sigmoid formula over Math.exp (measured: 3 ulp at worst on this sweep; fastmath.h states 3 for
// tanh and 4 for sigmoid against glibc over its denser sweep, re-checked in simd_test.cpp).
import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NnModule } from '../../web/src/engine/nn'
import { loadEngineNode } from './loadEngineNode'
import { oneUnit } from './fixtures'

const view = new DataView(new ArrayBuffer(8))
/** A double's bits as an integer that orders like the doubles (−0 and +0 adjacent). */
function ordered(x: number): bigint {
  view.setFloat64(0, x)
  const i = view.getBigInt64(0)
  return i < 0n ? -(2n ** 63n) - i : i
}
/** Units in the last place between two finite doubles (0 when equal). */
function ulps(a: number, b: number): number {
  if (a === b) return 0
  const d = ordered(a) - ordered(b)
  return Number(d < 0n ? -d : d)
}

/** 200,001 points evenly over [−40, 40], |x| geometrically from 1e-300, and tails to ±700. */
function sweep(): Float64Array {
  const xs: number[] = []
  for (let k = 0; k <= 200000; k++) xs.push(-40 + (80 * k) / 200000)
  for (let x = 1e-300; x < 40; x *= 1.01) xs.push(x, -x)
  for (let x = 40; x <= 700; x += 0.5) xs.push(x, -x)
  xs.push(0, -0)
  return Float64Array.from(xs)
}

function unit(engine: NnModule, activation: 'tanh' | 'sigmoid'): EngineNetwork {
  const made = EngineNetwork.create(engine, oneUnit({ activations: [activation], inputs: [[0]] }))
  if (!made.ok) throw new Error(made.message)
  return made.network
}

const reference = {
  tanh: Math.tanh,
  sigmoid: (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))),
}

describe('fastmath tanh and sigmoid in WebAssembly', () => {
  for (const f of ['tanh', 'sigmoid'] as const) {
    it(`${f}: vector and scalar forms, SIMD and scalar builds agree bit for bit, within 3 ulp`, async () => {
      const xs = sweep()
      const outputs: Float64Array[] = []
      for (const simd of [true, false]) {
        const net = unit((await loadEngineNode({ simd })) as unknown as NnModule, f)
        const all = net.predict(xs, xs.length, { exact: true })
        expect(all).not.toBeNull()
        outputs.push(all as Float64Array)
        const allBits = new BigUint64Array((all as Float64Array).buffer)
        // One point per call: a layer of one value runs the scalar form.
        for (let k = 0; k < xs.length; k += 997) {
          const one = net.predict(xs.subarray(k, k + 1), 1, { exact: true }) as Float64Array
          expect(new BigUint64Array(one.buffer)[0], `x = ${xs[k]}`).toBe(allBits[k])
        }
        net.dispose()
      }
      const [a, b] = outputs.map((o) => new BigUint64Array(o.buffer))
      expect(a.every((x, k) => x === b[k])).toBe(true)
      let worst = 0
      let at = 0
      xs.forEach((x, k) => {
        const d = ulps(outputs[0][k], reference[f](x))
        if (d > worst) [worst, at] = [d, x]
      })
      expect(worst, `worst at x = ${at}`).toBeLessThanOrEqual(3)
    })
  }
})
