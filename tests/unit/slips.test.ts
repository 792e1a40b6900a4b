// The slip catalogue (web/src/math/slips.ts) names each kind of slip at two different sets of values. Every
// wrong value is worked out here by hand, with a few lines of float64 arithmetic written out as the notes
// write them, never by the code under test; the exact values come from the same hand computation (checked
// against the PyTorch fixture for the classic example).

import { describe, expect, it } from 'vitest'
import type { LossName, NetworkSpec, Trace } from '../../web/src/engine/types'
import { checkWork } from '../../web/src/math/checkWork'
import { recompute } from '../../web/src/math/recompute'
import { classicCase } from './fixtures'
import { classic, hand, network, SETS, σ, type Givens } from './handNetwork'

/** The slip check-my-work names for `typed` (9 significant figures of a hand-computed value). */
function named(g: Givens, key: string, wrong: number, loss: LossName = 'half_sse') {
  const { spec, trace } = network(g, loss)
  return checkWork(spec, trace, { [key]: wrong.toPrecision(9) }).byKey[key]
}

describe('the hand computation', () => {
  it('agrees with the PyTorch fixture on the classic example', () => {
    const h = hand(classic)
    const [hidden, out] = classicCase.expected.layers
    expect(h.nh1).toBeCloseTo(0.3775, 15)
    expect(h.o1).toBeCloseTo(out.a[0][0], 12)
    expect(h.E1 + h.E2).toBeCloseTo(classicCase.expected.loss, 12)
    expect(h.dh1).toBeCloseTo(hidden.delta[0][0], 12)
    expect(h.d1 * h.h1).toBeCloseTo(0.0821670406, 10)
  })

  it('is what recompute gives with the correct rules, at both sets of values', () => {
    for (const [, g] of SETS) {
      const { spec, trace } = network(g)
      const r = recompute(spec, trace, g.eta)
      const h = hand(g)
      expect(r.loss).toBeCloseTo(h.E1 + h.E2, 14)
      expect(r.delta[0][0][0]).toBeCloseTo(h.dh1, 14)
      expect(r.Wnew[1][0][0]).toBeCloseTo(g.w[4] - g.eta * h.d1 * h.h1, 14)
    }
  })
})

describe.each(SETS)('slips named at %s', (_, g) => {
  const h = hand(g)
  const [w1, w2, , , w5, w6, w7] = g.w
  const sh1 = h.h1 * (1 - h.h1)
  const so1 = h.o1 * (1 - h.o1)
  const so2 = h.o2 * (1 - h.o2)
  const dW5 = h.d1 * h.h1

  it('a hidden weight’s gradient that takes one path only', () => {
    const viaO1 = sh1 * w5 * h.d1 * g.x[0]
    const viaO2 = sh1 * w7 * h.d2 * g.x[0]
    expect(named(g, 'dW1[0][0]', viaO1).slip?.id).toBe('one-path')
    expect(named(g, 'dW1[0][0]', viaO2).slip?.id).toBe('one-path')
  })

  it('an update with + instead of −', () => {
    expect(named(g, 'Wnew2[0][0]', w5 + g.eta * dW5).slip?.id).toBe('plus-update')
  })

  it('an update without η', () => {
    expect(named(g, 'Wnew2[0][0]', w5 - dW5).slip?.id).toBe('missing-eta')
  })

  it('net used where out belongs: the next layer fed net inputs', () => {
    expect(named(g, 'z2[0]', w5 * h.nh1 + w6 * h.nh2 + g.b2).slip?.id).toBe('net-for-out')
  })

  it('net used where out belongs: out(1 − out) evaluated at net', () => {
    const wrong = (h.o1 - g.y[0]) * h.no1 * (1 - h.no1)
    expect(named(g, 'delta2[0]', wrong).slip?.id).toBe('net-in-derivative')
  })

  it('E computed from net', () => {
    expect(named(g, 'E[0]', 0.5 * (g.y[0] - h.no1) ** 2).slip?.id).toBe('loss-from-net')
  })

  it('δ·net instead of δ·out', () => {
    expect(named(g, 'dW2[0][0]', h.d1 * h.nh1).slip?.id).toBe('delta-times-net')
  })

  it('½ missing in E’s derivative', () => {
    expect(named(g, 'dW2[0][0]', 2 * (h.o1 - g.y[0]) * so1 * h.h1).slip?.id).toBe(
      'half-in-derivative',
    )
  })

  it('½ missing in E', () => {
    expect(named(g, 'E[0]', (g.y[0] - h.o1) ** 2).slip?.id).toBe('missing-half')
  })

  it('σ′ missing', () => {
    expect(named(g, 'delta2[0]', h.o1 - g.y[0]).slip?.id).toBe('missing-derivative')
  })

  it('the sign of (ŷ − y) flipped', () => {
    expect(named(g, 'delta2[1]', (g.y[1] - h.o2) * so2).slip?.id).toBe('flipped-sign')
  })

  it('δ carried back by the untransposed weights', () => {
    expect(named(g, 'delta1[0]', sh1 * (w5 * h.d1 + w6 * h.d2)).slip?.id).toBe('untransposed')
  })

  it('δ carried back by the already-updated weights', () => {
    const w5new = w5 - g.eta * dW5
    const w7new = w7 - g.eta * h.d2 * h.h1
    const wrong = sh1 * (w5new * h.d1 + w7new * h.d2)
    expect(named(g, 'delta1[0]', wrong).slip?.id).toBe('updated-weights')
  })

  it('the bias left out', () => {
    expect(named(g, 'z1[0]', w1 * g.x[0] + w2 * g.x[1]).slip?.id).toBe('missing-bias')
  })

  it('cross-entropy with an extra σ′', () => {
    const b = hand(g, 'bce')
    const m = named(g, 'delta2[0]', (b.o1 - g.y[0]) * b.o1 * (1 - b.o1), 'bce')
    expect(m.status).toBe('wrong')
    expect(m.slip?.id).toBe('extra-derivative')
  })

  it('log₁₀ for ln', () => {
    const b = hand(g, 'bce')
    const wrong = -(g.y[0] * Math.log10(b.o1) + (1 - g.y[0]) * Math.log10(1 - b.o1))
    expect(named(g, 'E[0]', wrong, 'bce').slip?.id).toBe('log10')
  })

  it('outputs rounded to 4 places before E is computed: close, not wrong', () => {
    // the learner writes every out to 4 places, then each E term to 5, then adds
    const r4 = (v: number) => Math.round(v * 1e4) / 1e4
    const h1 = r4(h.h1)
    const h2 = r4(h.h2)
    const o1 = r4(σ(r4(w5 * h1 + w6 * h2 + g.b2)))
    const o2 = r4(σ(r4(w7 * h1 + g.w[7] * h2 + g.b2)))
    const r5 = (v: number) => Math.round(v * 1e5) / 1e5
    const early = r5(0.5 * (g.y[0] - o1) ** 2) + r5(0.5 * (g.y[1] - o2) ** 2)
    const { spec, trace } = network(g)
    const m = checkWork(spec, trace, { loss: early.toFixed(5) }).byKey.loss
    expect(m.status).toBe('close')
    expect(m.slip?.id).toBe('rounded-early')
    expect(m.message).toMatch(/^Close: did you round early\?/)
  })

  it('a decimal point shifted', () => {
    expect(named(g, 'E[1]', h.E2 * 10).slip?.id).toBe('decimal-shift')
  })
})

describe('the classic example’s values from the issue', () => {
  it('names ∂E/∂w₅ = 0.164334081 (½ missing) and δ_o1 = 0.138498562 with BCE (extra σ′)', () => {
    expect(named(classic, 'dW2[0][0]', 0.164334081).slip?.id).toBe('half-in-derivative')
    const m = named(classic, 'delta2[0]', 0.138498562, 'bce')
    expect(m.slip?.id).toBe('extra-derivative')
    expect(m.message).toContain('0.74136507')
  })

  it('reads E_total = 0.29841 as close: rounding early', () => {
    const { spec, trace } = network(classic)
    const m = checkWork(spec, trace, { loss: '0.29841' }).byKey.loss
    expect(m.status).toBe('close')
    expect(m.message).toContain('round early')
  })
})

describe('slips over a batch of two samples', () => {
  // two samples: the classic one and (0.9, 0.3) → (0.2, 0.8); dW and the loss are means
  const g2: Givens = { ...classic, x: [0.9, 0.3], y: [0.2, 0.8] }
  const a = network(classic)
  const b = network(g2)
  const spec: NetworkSpec = {
    ...a.spec,
    inputs: [classic.x, g2.x],
    targets: [classic.y, g2.y],
  }
  const mean = (p: number, q: number) => (p + q) / 2
  const la = a.trace.layers
  const lb = b.trace.layers
  const trace: Trace = {
    ...a.trace,
    loss: mean(a.trace.loss, b.trace.loss),
    sampleLosses: [a.trace.loss, b.trace.loss],
    inputs: spec.inputs,
    targets: spec.targets,
    layers: la.map((l, k) => ({
      z: [l.z[0], lb[k].z[0]],
      a: [l.a[0], lb[k].a[0]],
      delta: [l.delta[0], lb[k].delta[0]],
      dW: l.dW.map((row, j) => row.map((v, i) => mean(v, lb[k].dW[j][i]))),
      db: l.db.map((v, j) => mean(v, lb[k].db[j])),
    })),
  }
  const check = (key: string, v: number) =>
    checkWork(spec, trace, { [key]: v.toPrecision(9) }).byKey[key]

  it('one sample only, at both samples’ values', () => {
    expect(check('dW2[0][0]', la[1].dW[0][0]).slip?.id).toBe('one-sample')
    expect(checkWork(spec, trace, { loss: a.trace.loss.toPrecision(9) }).byKey.loss.slip?.id).toBe(
      'one-sample',
    )
  })

  it('the sum over the samples instead of the mean', () => {
    // with ½(y − a)², doubling ∂E/∂w is also what dropping the ½ from E′ does: both are named
    const m = check('dW2[0][0]', la[1].dW[0][0] + lb[1].dW[0][0])
    expect([m.slip?.id, ...(m.slip?.also ?? [])]).toEqual(['half-in-derivative', 'sum-not-mean'])
    expect(m.message).toContain('Either')
    const l = check('loss', a.trace.loss + b.trace.loss)
    expect([l.slip?.id, ...(l.slip?.also ?? [])]).toEqual(['missing-half', 'sum-not-mean'])
    // with three samples a sum is no longer twice the mean: sum-not-mean alone
    const three: Trace = {
      ...trace,
      sampleLosses: [a.trace.loss, b.trace.loss, b.trace.loss],
      loss: (a.trace.loss + 2 * b.trace.loss) / 3,
      inputs: [...trace.inputs, g2.x],
      targets: [...trace.targets, g2.y],
      layers: trace.layers.map((layer) => ({
        ...layer,
        z: [...layer.z, layer.z[1]],
        a: [...layer.a, layer.a[1]],
        delta: [...layer.delta, layer.delta[1]],
      })),
    }
    const spec3 = { ...spec, inputs: three.inputs, targets: three.targets }
    const sum3 = (a.trace.loss + 2 * b.trace.loss).toPrecision(9)
    const m3 = checkWork(spec3, three, { loss: sum3 }).byKey.loss
    expect(m3.slip?.id).toBe('sum-not-mean')
    expect(m3.slip?.also).toBeUndefined()
  })
})
