// Quantity keys, exact values and local formulas (math/quantities.ts, keys.ts) against the PyTorch
// reference cases in tests/fixtures/reference-cases.json and the numbers of notes 004.

import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NnModule } from '../../web/src/engine/nn'
import type { NetworkSpec, Trace } from '../../web/src/engine/types'
import { derivative } from '../../web/src/math/activations'
import { makeKey, orderedKeys, parseKey } from '../../web/src/math/keys'
import { buildQuantities, evaluateLocal, exactValue } from '../../web/src/math/quantities'
import {
  classicCase,
  referenceCases,
  stepCases,
  traceOf as caseTrace,
  type StepCase,
} from './fixtures'
import { loadEngineNode } from './loadEngineNode'

const cases = referenceCases

/** Per-sample losses written out independently of the code under test (the fixture has only the mean). */
function sampleLoss(spec: NetworkSpec, a: number[], y: number[]): number {
  const K = a.length
  const terms = a.map((ak, k) => {
    const yk = y[k]
    if (spec.loss === 'half_sse') return 0.5 * (yk - ak) ** 2
    if (spec.loss === 'mse') return (yk - ak) ** 2 / K
    if (spec.loss === 'bce') return -(yk * Math.log(ak) + (1 - yk) * Math.log(1 - ak))
    return yk === 0 ? 0 : -yk * Math.log(ak)
  })
  return terms.reduce((p, q) => p + q, 0)
}

function traceOf(c: StepCase): Trace {
  const out = c.expected.layers[c.expected.layers.length - 1]
  return caseTrace(
    c,
    out.a.map((a, s) => sampleLoss(c.spec, a, c.spec.targets[s])),
  )
}
const classic = classicCase

describe('quantities', () => {
  it('gives the notes’ exact values for the classic 2-2-2 example', () => {
    const q = buildQuantities(classic.spec, traceOf(classic))
    const notes: Record<string, number> = {
      'z1[0]': 0.3775,
      'a1[0]': 0.593269992,
      'a1[1]': 0.596884378,
      'z2[0]': 1.105905967,
      'a2[0]': 0.75136507,
      'a2[1]': 0.772928465,
      'E[0]': 0.274811083,
      'E[1]': 0.023560026,
      loss: 0.298371109,
    }
    for (const [key, v] of Object.entries(notes)) expect(exactValue(q, key)).toBeCloseTo(v, 9)
  })

  it('takes z, a, δ, dW, db and the loss from the trace unchanged', () => {
    const q = buildQuantities(classic.spec, traceOf(classic))
    expect(exactValue(q, 'z1[1]')).toBe(0.39249999999999996)
    expect(exactValue(q, 'delta2[1]')).toBe(-0.03809823651655623)
    expect(exactValue(q, 'dW1[0][0]')).toBe(0.0004385677344743467)
    expect(exactValue(q, 'db2[0]')).toBe(0.13849856162855695)
    expect(exactValue(q, 'loss')).toBe(0.2983711087600027)
  })

  it('gives Wnew and bnew equal to the reference update with η = 0.5', () => {
    const q = buildQuantities(classic.spec, traceOf(classic))
    const { weightsAfter, biasesAfter } = classic.expected
    weightsAfter.forEach((W, l) =>
      W.forEach((row, j) =>
        row.forEach((w, i) => expect(exactValue(q, `Wnew${l + 1}[${j}][${i}]`)).toBeCloseTo(w, 15)),
      ),
    )
    biasesAfter.forEach((b, l) =>
      b.forEach((v, j) => expect(exactValue(q, `bnew${l + 1}[${j}]`)).toBeCloseTo(v, 15)),
    )
    expect(exactValue(q, 'Wnew2[0][0]')).toBeCloseTo(0.35891648, 8)
    expect(exactValue(q, 'Wnew1[0][0]')).toBeCloseTo(0.149780716, 9)
  })

  it('keeps biases when the spec does not train them, and honours a learning-rate override', () => {
    const spec = { ...classic.spec, trainBiases: false }
    const q = buildQuantities(spec, traceOf(classic), { learningRate: 1 })
    expect(exactValue(q, 'bnew1[0]')).toBe(0.35)
    expect(exactValue(q, 'Wnew2[0][0]')).toBeCloseTo(0.4 - 0.08216704056423077, 15)
  })

  it('reproduces every exact value from its local formula in every reference case and sample', () => {
    for (const c of stepCases) {
      const trace = traceOf(c)
      for (let s = 0; s < c.spec.inputs.length; s++) {
        const q = buildQuantities(c.spec, trace, { sample: s })
        for (const key of q.order) {
          const exact = exactValue(q, key)
          const local = evaluateLocal(q, key, new Map())
          expect(Math.abs(local - exact), `${c.name} sample ${s} ${key}`).toBeLessThan(
            1e-10 * Math.max(1, Math.abs(exact)),
          )
        }
      }
    }
  })

  it('finds every local formula satisfied by the real engine’s trace of every reference case', async () => {
    const engine = (await loadEngineNode({ simd: false })) as unknown as NnModule
    for (const c of cases) {
      const made = EngineNetwork.create(engine, c.spec)
      if (!made.ok) throw new Error(`${c.name}: ${made.message}`)
      made.network.forward()
      made.network.backward()
      const trace = made.network.trace()
      made.network.dispose()
      for (let s = 0; s < trace.inputs.length; s++) {
        const q = buildQuantities(c.spec, trace, { sample: s })
        for (const key of q.order) {
          const exact = exactValue(q, key)
          const local = evaluateLocal(q, key, new Map())
          expect(Math.abs(local - exact), `${c.name} sample ${s} ${key}`).toBeLessThan(
            1e-10 * Math.max(1, Math.abs(exact)),
          )
        }
      }
    }
  })

  it('evaluates a local formula on given input values', () => {
    const q = buildQuantities(classic.spec, traceOf(classic))
    const mine = new Map([
      ['E[0]', 0.27],
      ['E[1]', 0.23],
    ])
    expect(evaluateLocal(q, 'loss', mine)).toBeCloseTo(0.5, 12)
    expect(evaluateLocal(q, 'z1[0]', new Map([['x[0]', 1]]))).toBeCloseTo(0.15 + 0.02 + 0.35, 12)
  })

  it('lists each quantity’s direct inputs', () => {
    const q = buildQuantities(classic.spec, traceOf(classic))
    expect(q.byKey.get('z2[0]')?.inputs).toEqual([
      'W2[0][0]',
      'a1[0]',
      'W2[0][1]',
      'a1[1]',
      'b2[0]',
    ])
    expect(q.byKey.get('delta1[0]')?.inputs).toEqual([
      'z1[0]',
      'W2[0][0]',
      'delta2[0]',
      'W2[1][0]',
      'delta2[1]',
    ])
    expect(q.byKey.get('dW1[0][1]')?.inputs).toEqual(['delta1[0]', 'x[1]'])
  })

  it('rejects a sample outside the batch', () => {
    expect(() => buildQuantities(classic.spec, traceOf(classic), { sample: 1 })).toThrow(RangeError)
  })
})

describe('keys', () => {
  it('parses and rebuilds every key of a network', () => {
    const keys = orderedKeys([2, 2, 2])
    // x, y; W, b; z, a; E; loss; δ, dW, db; Wnew, bnew
    expect(keys.length).toBe(2 + 2 + 12 + 8 + 2 + 1 + 16 + 12)
    for (const k of keys) expect(makeKey(parseKey(k) ?? { kind: 'loss' })).toBe(k)
    expect(parseKey('W2[0][1]')).toEqual({ kind: 'W', layer: 2, j: 0, i: 1 })
  })

  it('rejects malformed keys', () => {
    for (const k of ['W[0][1]', 'W2[0]', 'z0[0]', 'x1[0]', 'loss[0]', 'q[1]']) {
      expect(parseKey(k)).toBeNull()
    }
  })

  it('orders keys forward pass first, then the backward pass from the last layer', () => {
    const keys = orderedKeys([2, 2, 2])
    const at = (k: string): number => keys.indexOf(k)
    expect(at('z1[0]')).toBeLessThan(at('a1[0]'))
    expect(at('a2[1]')).toBeLessThan(at('E[0]'))
    expect(at('loss')).toBeLessThan(at('delta2[0]'))
    expect(at('db2[1]')).toBeLessThan(at('delta1[0]'))
    expect(at('db1[1]')).toBeLessThan(at('Wnew1[0][0]'))
  })
})

describe('activations', () => {
  it('takes the ReLU derivative at 0 to be 0 and leaky ReLU’s to be 0.01', () => {
    expect(derivative('relu', 0)).toBe(0)
    expect(derivative('leaky_relu', 0)).toBe(0.01)
    expect(derivative('relu', 1e-9)).toBe(1)
  })

  it('has the sigmoid derivative σ(0)(1 − σ(0)) = 0.25 at most', () => {
    expect(derivative('sigmoid', 0)).toBe(0.25)
    expect(derivative('sigmoid', 2)).toBeLessThan(0.25)
  })
})
