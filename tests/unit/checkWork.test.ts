// Check-my-work marking on the notes' own slips (notes 004's forward pass, notes 000's log and sign).
// Exact values come from tests/fixtures/reference-cases.json and the notes, never from the code under test.

import { describe, expect, it } from 'vitest'
import type { NetworkSpec, Trace } from '../../web/src/engine/types'
import { checkWork, roundsTo, truncatesTo } from '../../web/src/math/checkWork'
import { classicCase, traceOf } from './fixtures'
import { classic as classicGivens, hand, network, other, SETS, type Givens } from './handNetwork'

const classic = classicCase
const spec = classic.spec
const trace: Trace = traceOf(classic, [classic.expected.loss])
const [hidden, output] = classic.expected.layers

/** Notes 000: softmax outputs (0.3, 0.7) for the true class 2; loss −ln 0.7 (the notes write 0.15). */
const ceSpec: NetworkSpec = {
  layers: [1, 2],
  activations: ['softmax'],
  loss: 'cross_entropy',
  weights: [[[0], [0]]],
  biases: [[0, Math.log(0.7 / 0.3)]],
  inputs: [[0]],
  targets: [[0, 1]],
  learningRate: 0.1,
}
const ceTrace: Trace = {
  loss: -Math.log(0.7),
  sampleLosses: [-Math.log(0.7)],
  inputs: [[0]],
  targets: [[0, 1]],
  weights: [[[0], [0]]],
  biases: [[0, Math.log(0.7 / 0.3)]],
  layers: [
    {
      z: [[0, Math.log(0.7 / 0.3)]],
      a: [[0.3, 0.7]],
      delta: [[0.3, -0.3]],
      dW: [[0], [0]],
      db: [0.3, -0.3],
    },
  ],
}

describe('checkWork', () => {
  it('marks the notes’ forward-pass slips on the classic example', () => {
    const r = checkWork(spec, trace, {
      'z1[0]': '0.377',
      'z2[0]': '1.175',
      'E[0]': '0.27',
      'E[1]': '0.23',
      loss: '0.50',
    })
    expect(r.byKey['z1[0]'].status).toBe('truncated')
    expect(r.byKey['z1[0]'].message).toContain('0.378')
    expect(r.byKey['z2[0]'].status).toBe('wrong')
    expect(r.byKey['z2[0]'].exact).toBeCloseTo(1.105905967, 9)
    expect(r.byKey['z2[0]'].message).toContain('1.10590597')
    expect(r.byKey['E[0]'].status).toBe('correct')
    expect(r.byKey['E[1]'].status).toBe('wrong')
    expect(r.byKey['E[1]'].slip?.id).toBe('decimal-shift')
    expect(r.byKey['E[1]'].exact).toBeCloseTo(0.023560026, 9)
    expect(r.byKey.loss.status).toBe('consistent')
    expect(r.byKey.loss.exact).toBeCloseTo(0.298371109, 9)
    expect(r.firstWrong).toBe('z2[0]')
    expect(r.marks.map((m) => m.key)).toEqual(['z1[0]', 'z2[0]', 'E[0]', 'E[1]', 'loss'])
  })

  it('marks E_total = 0.50 wrong when nothing it depends on was typed', () => {
    const r = checkWork(spec, trace, { loss: '0.50' })
    expect(r.byKey.loss.status).toBe('wrong')
    expect(r.byKey.loss.message).toContain('0.298371109')
    expect(r.firstWrong).toBe('loss')
  })

  it('calls E_total = 0.50 consistent when the student’s own E_o1 = 0.27 and E_o2 = 0.23 add up to it', () => {
    const r = checkWork(spec, trace, { 'E[0]': '0.27', 'E[1]': '0.23', loss: '0.50' })
    expect(r.byKey['E[0]'].status).toBe('correct')
    expect(r.byKey['E[1]'].status).toBe('wrong')
    expect(r.byKey.loss.status).toBe('consistent')
    expect(r.byKey.loss.fromOwnInputs).toBeCloseTo(0.5, 12)
    expect(r.firstWrong).toBe('E[1]')
  })

  it('keeps net_o1 = 1.175 wrong even on the notes’ own rounded hidden outputs 0.5932 and 0.596', () => {
    const r = checkWork(spec, trace, { 'a1[0]': '0.5932', 'a1[1]': '0.596', 'z2[0]': '1.175' })
    expect(r.byKey['a1[0]'].status).toBe('truncated')
    expect(r.byKey['a1[1]'].status).toBe('truncated')
    expect(r.byKey['z2[0]'].status).toBe('wrong')
  })

  it('accepts values rounded to the digits typed, in any notation', () => {
    const r = checkWork(spec, trace, {
      'z1[0]': '0.3775',
      'a1[0]': '0,593',
      'a2[0]': '.75136507',
      'delta2[1]': '-0.0381',
      'dW1[0][0]': '4.386e-4',
      'dW2[0][0]': '0.082167041',
    })
    for (const m of r.marks) expect(m.status, m.key).toBe('correct')
    expect(r.firstWrong).toBeNull()
  })

  it('rounds 0.3775 half away from zero: 0.378 is correct, 0.377 truncated', () => {
    expect(roundsTo(0.3775, 0.378, 3)).toBe(true)
    expect(roundsTo(0.3775, 0.377, 3)).toBe(false)
    expect(truncatesTo(0.3775, 0.377, 3)).toBe(true)
    expect(truncatesTo(-0.0381, -0.038, 3)).toBe(true)
    expect(roundsTo(-0.0381, 0.038, 3)).toBe(false)
  })

  it('marks text that is not a number, or an unknown quantity, as invalid', () => {
    const r = checkWork(spec, trace, { 'z1[0]': 'abc', 'q[7]': '1' })
    expect(r.byKey['z1[0]'].status).toBe('invalid')
    expect(r.byKey['z1[0]'].message).toContain('not a number')
    expect(r.byKey['q[7]'].status).toBe('invalid')
  })

  it('names log₁₀ in place of ln: the notes’ −log 0.7 ≈ 0.15 is 0.357 with ln', () => {
    const r = checkWork(ceSpec, ceTrace, { 'E[1]': '0.15' })
    expect(r.byKey['E[1]'].status).toBe('wrong')
    expect(r.byKey['E[1]'].slip?.id).toBe('log10')
    expect(r.byKey['E[1]'].exact).toBeCloseTo(0.357, 3)
    expect(checkWork(ceSpec, ceTrace, { loss: '0.15' }).byKey.loss.slip?.id).toBe('log10')
    expect(checkWork(ceSpec, ceTrace, { loss: '0.357' }).byKey.loss.status).toBe('correct')
  })

  it('names a missing ½ in a squared-error term', () => {
    const r = checkWork(spec, trace, { 'E[0]': '0.5496' })
    expect(r.byKey['E[0]'].slip?.id).toBe('missing-half')
  })

  it('names a missing σ′ factor and a flipped sign of (ŷ − y) in the output δ', () => {
    // out_o1 − target_o1 = 0.75136507 − 0.01, without σ′(net_o1)
    const r = checkWork(spec, trace, { 'delta2[0]': '0.7414', 'delta2[1]': '0.0381' })
    expect(r.byKey['delta2[0]'].slip?.id).toBe('missing-derivative')
    expect(r.byKey['delta2[0]'].slip?.message).toContain('σ′')
    expect(r.byKey['delta2[1]'].slip?.id).toBe('flipped-sign')
  })

  it('names the notes’ (y₂ − ŷ₂) for (ŷ₂ − y₂) in one bracket of a hidden gradient', () => {
    const a = hidden.a[0][0]
    const w5 = spec.weights?.[1][0][0] ?? NaN
    const w7 = spec.weights?.[1][1][0] ?? NaN
    const flipped = a * (1 - a) * (w5 * output.delta[0][0] - w7 * output.delta[0][1])
    const r = checkWork(spec, trace, { 'delta1[0]': flipped.toFixed(7) })
    expect(r.byKey['delta1[0]'].slip?.id).toBe('flipped-sign')
    expect(r.byKey['delta1[0]'].slip?.message).toContain('output 2')
  })

  it('names a bias left out of a net input', () => {
    const r = checkWork(spec, trace, { 'z1[0]': '0.0275' })
    expect(r.byKey['z1[0]'].slip?.id).toBe('missing-bias')
  })

  it('carries an error forward through the backward pass', () => {
    // δ_o1 typed with the sign flipped; dW2[0][0] = δ_o1 · out_h1 on that value is consistent
    const d = -output.delta[0][0]
    const r = checkWork(spec, trace, {
      'delta2[0]': d.toFixed(6),
      'dW2[0][0]': (d * hidden.a[0][0]).toFixed(6),
    })
    expect(r.byKey['delta2[0]'].status).toBe('wrong')
    expect(r.byKey['dW2[0][0]'].status).toBe('consistent')
    expect(r.firstWrong).toBe('delta2[0]')
  })

  it('says a wrong value without a known slip is wrong, with the exact value', () => {
    const r = checkWork(spec, trace, { 'Wnew2[0][0]': '0.21' })
    expect(r.byKey['Wnew2[0][0]'].status).toBe('wrong')
    expect(r.byKey['Wnew2[0][0]'].slip).toBeUndefined()
    expect(r.byKey['Wnew2[0][0]'].message).toContain('0.35891648')
  })

  it('marks the notes’ two-class cross-entropy: −ln 0.6 = 0.511 and −ln 0.9 = 0.105', () => {
    // notes 000: predictions [0.4, 0.6] and [0.1, 0.9] for true class 2, one sample each
    const a = [
      [0.4, 0.6],
      [0.1, 0.9],
    ]
    // a consistent trace: x = 0 gives z = b = ln(0.4, 0.6), x = 1 gives z = w + b = ln(0.1, 0.9)
    const z = a.map((r) => r.map(Math.log))
    const weights = [[[z[1][0] - z[0][0]], [z[1][1] - z[0][1]]]]
    const biases = [z[0]]
    const batch: Trace = {
      ...ceTrace,
      loss: (-Math.log(0.6) - Math.log(0.9)) / 2,
      sampleLosses: [-Math.log(0.6), -Math.log(0.9)],
      inputs: [[0], [1]],
      targets: [
        [0, 1],
        [0, 1],
      ],
      weights,
      biases,
      layers: [
        {
          z,
          a,
          delta: [
            [0.4, -0.4],
            [0.1, -0.1],
          ],
          dW: [[0.05], [-0.05]],
          db: [0.25, -0.25],
        },
      ],
    }
    const batchSpec: NetworkSpec = { ...ceSpec, weights, biases, inputs: batch.inputs }
    const first = checkWork(
      batchSpec,
      batch,
      { 'E[1]': '0.511', 'delta1[0]': '0.4' },
      { sample: 0 },
    )
    expect(first.byKey['E[1]'].status).toBe('correct')
    expect(first.byKey['delta1[0]'].status).toBe('correct')
    const second = checkWork(batchSpec, batch, { 'E[1]': '0.105', 'db1[0]': '0.1' }, { sample: 1 })
    expect(second.byKey['E[1]'].status).toBe('correct')
    expect(second.byKey['db1[0]'].slip?.id).toBe('one-sample')
    expect(checkWork(batchSpec, batch, { loss: '0.616' }).byKey.loss.slip?.id).toBe('sum-not-mean')
  })
})

describe('the digits rule: an answer carries enough digits to be told apart', () => {
  it('never calls 0 for net_h1 or E_total, or 1 for out_o1, correct', () => {
    const r = checkWork(spec, trace, { 'z1[0]': '0', loss: '0', 'a2[0]': '1', 'a1[0]': '0.6' })
    for (const key of ['z1[0]', 'loss', 'a2[0]', 'a1[0]']) {
      expect(r.byKey[key].status, key).toBe('imprecise')
      expect(r.byKey[key].message, key).toContain('at least 2 significant figures')
    }
    expect(r.byKey['z1[0]'].significant).toBe(0)
  })

  it.each(SETS)('asks for two significant figures at %s', (_, g) => {
    const h = hand(g)
    const n = network(g)
    const one = (v: number) => v.toPrecision(1)
    const two = (v: number) => v.toPrecision(2)
    const r1 = checkWork(n.spec, n.trace, { 'z1[1]': one(h.nh2), 'a2[0]': one(h.o1) })
    expect(r1.byKey['z1[1]'].status).toBe('imprecise')
    expect(r1.byKey['a2[0]'].status).toBe('imprecise')
    const r2 = checkWork(n.spec, n.trace, { 'z1[1]': two(h.nh2), 'a2[0]': two(h.o1) })
    expect(r2.byKey['z1[1]'].status).toBe('correct')
    expect(r2.byKey['a2[0]'].status).toBe('correct')
  })

  it('calls 0 correct when the exact value is 0', () => {
    // x = (0, 0) and no bias: net_h1 is exactly 0
    const zero = network({ ...other, x: [0, 0], b1: 0 })
    expect(checkWork(zero.spec, zero.trace, { 'z1[0]': '0' }).byKey['z1[0]'].status).toBe('correct')
  })

  it('asks for more digits while a slip gives the same digits, up to 4 figures', () => {
    // w7 = 0.0001: the path of w1 through o2 adds almost nothing, so taking one path only (o1) agrees
    // with the exact ∂E/∂w1 to 3 significant figures
    const g = { ...classicGivens, w: [0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.0001, 0.55] } as Givens
    const h = hand(g)
    const exact = h.dh1 * g.x[0]
    const viaO1 = h.h1 * (1 - h.h1) * g.w[4] * h.d1 * g.x[0]
    expect(exact.toPrecision(3)).toBe(viaO1.toPrecision(3))
    const n = network(g)
    const m3 = checkWork(n.spec, n.trace, { 'dW1[0][0]': exact.toPrecision(3) }).byKey['dW1[0][0]']
    expect(m3.status).toBe('imprecise')
    expect(m3.slip?.id).toBe('one-path')
    const m4 = checkWork(n.spec, n.trace, { 'dW1[0][0]': exact.toPrecision(4) }).byKey['dW1[0][0]']
    expect(m4.status).toBe('correct')
  })
})
