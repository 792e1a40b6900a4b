// The numerical gradient check on the real engine (issue #12): at a ReLU kink it reports both one-sided
// slopes and explains the convention instead of crying "bug"; far below what ε resolves it says "too
// small to check"; and the error against ε has the classic V. Expected values are worked out by hand.
import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NetworkSpec } from '../../web/src/engine/types'
import reluLesson from '../../web/src/lessons/relu-sigmoid-222/lesson'
import classicLesson from '../../web/src/lessons/step-by-step-222/lesson'
import {
  checkVerdict,
  formatQuotient,
  formatRelativeError,
  numericalGradientCaption,
  quotientDigitsNote,
  quotientStep,
  relativePrecision,
  resolutionOf,
  SWEEP_EPSILONS,
  supportedDecimals,
  ulpOf,
} from '../../web/src/math/gradientCheck'
import { formatNumber } from '../../web/src/math/format'
import { loadEngineNode } from './loadEngineNode'
import { oneUnit } from './fixtures'

async function open(spec: NetworkSpec): Promise<EngineNetwork> {
  const created = EngineNetwork.create(await loadEngineNode(), spec)
  if (!created.ok) throw new Error(created.message)
  return created.network
}

/** The check of parameter k as the lesson page assembles it. */
function numbersAt(net: EngineNetwork, k: number) {
  net.forward()
  net.backward()
  const c = net.gradientCheck()
  return {
    analytic: c.analytic[k],
    numeric: c.numeric[k],
    left: c.left[k],
    right: c.right[k],
    kink: c.kink[k],
    loss: c.loss,
    epsilon: c.epsilon,
  }
}

describe('gradient check verdicts (real wasm)', () => {
  it('at a ReLU kink: both one-sided slopes and the derivative-0-at-0 convention, not "bug"', async () => {
    // `#/relu-sigmoid-222?v=1&w=0,-0.2,-0.2,0.6,0.4,-0.3,0.7,0.2`: net¹₁ = 0.7·0 − 0.2·0.5 + 0.1 = 0.
    const net = await open({
      ...reluLesson.spec,
      weights: [
        [
          [0, -0.2],
          [-0.2, 0.6],
        ],
        [
          [0.4, -0.3],
          [0.7, 0.2],
        ],
      ],
    })
    // By hand: h1 is off; moving w¹₁₁ up turns it on with slope X₁ = 0.7 into both outputs.
    const sig = (z: number) => 1 / (1 + Math.exp(-z))
    const h2 = -0.2 * 0.7 + 0.6 * 0.5 + 0.1
    const [y1, y2] = [sig(-0.3 * h2 + 0.2), sig(0.2 * h2 + 0.2)]
    const [d1, d2] = [(y1 - 0.3) * y1 * (1 - y1), (y2 - 0.7) * y2 * (1 - y2)]
    const right = 0.7 * (0.4 * d1 + 0.7 * d2)
    const c = numbersAt(net, net.layout.W[0])
    expect(c.kink).toBe(true)
    expect(c.analytic).toBe(0) // ReLU′(0) = 0
    expect(c.left).toBe(0)
    expect(Math.abs(c.right - right)).toBeLessThan(3e-8) // ½ L″ ε
    expect(c.numeric).toBeCloseTo(right / 2, 7)
    // The float64 values of the quotients, to the round-off the quotients carry: by hand, L
    // = ½((y₁ − 0.3)² + (y₂ − 0.7)²) ≈ 0.036, and each evaluation of L(p), L(p ± ε) is good to about
    // 16 · 2⁻⁵² · L (the lesson's margin), so a difference over ε to 2 · 16 · 2⁻⁵² · L / ε ≈ 2.6e-10
    // and the mean of two over 2ε to half that. Two float64 evaluations (the issue's, the engine's)
    // can each be that far from exact arithmetic: twice it apart, plus the 12-decimal rounding.
    const L = ((y1 - 0.3) ** 2 + (y2 - 0.7) ** 2) / 2
    expect(c.loss).toBeCloseTo(L, 15)
    const oneSided = (2 * 16 * 2 ** -52 * L) / 1e-6
    expect(oneSided).toBeGreaterThan(2.5e-10)
    expect(oneSided).toBeLessThan(2.6e-10)
    expect(Math.abs(c.right - -0.000486315585)).toBeLessThanOrEqual(2 * oneSided + 5e-13)
    expect(Math.abs(c.numeric - -0.000243157793)).toBeLessThanOrEqual(oneSided + 5e-13)
    expect(checkVerdict(c)).toBe('kink')
    const caption = numericalGradientCaption(c)
    expect(caption).not.toMatch(/probably has a bug|they disagree/)
    expect(caption).toContain('from the left 0')
    // Shown to the decimal of the uncertainty's leading digit (2.6e-10: the 10th), not 12 decimals.
    const shownRight = /from the right (−0\.\d+)/.exec(caption)?.[1] ?? ''
    expect(shownRight).toMatch(/^−0\.\d{10}$/)
    expect(Math.abs(Number(shownRight.replace('−', '-')) - c.right)).toBeLessThanOrEqual(0.5e-10)
    expect(Math.abs(Number(shownRight.replace('−', '-')) - -0.000486315585)).toBeLessThan(
      0.5e-10 + 2 * oneSided + 5e-13,
    )
    expect(caption).toContain('ReLU′(0) = 0')
    // A weight that crosses no kink still agrees (w²₁₂, fed by h2 = 0.26).
    const w5 = numbersAt(net, net.layout.W[1] + 1)
    expect(w5.kink).toBe(false)
    expect(checkVerdict(w5)).toBe('agree')
    net.dispose()
  })

  it('a saturated unit (true gradient ≈ 6e-15) is "too small to check" with ε = 1e-6, not a disagreement', async () => {
    // One sigmoid unit at z = 32: ∂E/∂w = (σ − 0.5) σ (1 − σ) · 1 ≈ 0.5 · e⁻³² ≈ 6.3e-15, while
    // L(w ± ε) ≈ 0.125 are only known to ~1e-17: their difference over 2ε resolves ~1e-10 at best.
    const net = await open(
      oneUnit({ activations: ['sigmoid'], weights: [[[32]]], targets: [[0.5]] }),
    )
    const c = numbersAt(net, 0)
    expect(Math.abs(c.analytic)).toBeGreaterThan(1e-15)
    expect(Math.abs(c.analytic)).toBeLessThan(1e-14)
    expect(resolutionOf(c.loss, c.epsilon)).toBeGreaterThan(1e-11)
    expect(checkVerdict(c)).toBe('too-small')
    expect(numericalGradientCaption(c)).toMatch(/too small to check/)
    expect(numericalGradientCaption(c)).not.toMatch(/probably has a bug|they disagree/)
    // A real bug still reads as one: a wrong analytic value far above the resolution.
    expect(checkVerdict({ ...c, analytic: 1e-3 })).toBe('disagree')
    net.dispose()
  })

  it('at ε = 0.01 the step’s own error passes 10⁻⁴ relative: the check cannot decide, it does not cry "bug"', async () => {
    const net = await open({ ...reluLesson.spec })
    net.forward()
    net.backward()
    const k = net.layout.b[0] // b¹, shared by both hidden units; no kink at the lesson's weights
    const analytic = net.gradientCheck().analytic[k]
    const at = (eps: number) => {
      const p = net.checkParameter(k, eps)
      if (!p.ok) throw new Error(p.message)
      return {
        analytic,
        numeric: p.central,
        left: p.left,
        right: p.right,
        kink: p.kink,
        loss: p.loss,
        epsilon: eps,
      }
    }
    const wide = at(0.01)
    expect(wide.kink).toBe(false)
    const rel = Math.abs(wide.numeric - analytic) / Math.abs(analytic)
    expect(rel).toBeGreaterThan(1e-4) // what the old rule called "probably has a bug"
    // It is the central difference's truncation: ten times smaller ε, about a hundred times smaller.
    const ratio = Math.abs(wide.numeric - analytic) / Math.abs(at(0.001).numeric - analytic)
    expect(ratio).toBeGreaterThan(80)
    expect(ratio).toBeLessThan(120)
    const caption = numericalGradientCaption(wide)
    expect(caption).toContain('the check cannot decide')
    expect(caption).not.toMatch(/probably has a bug|they disagree/)
    expect(numericalGradientCaption(at(1e-6))).toContain('they agree')
    net.dispose()
  })

  it('the error against ε is a V: round-off on the left, truncation on the right', async () => {
    const net = await open({ ...reluLesson.spec })
    net.forward()
    net.backward()
    const k = net.layout.W[1] // w²₁₁, smooth (sigmoid output)
    const analytic = net.gradientCheck().analytic[k]
    const error = (eps: number) => {
      const p = net.checkParameter(k, eps)
      if (!p.ok) throw new Error(p.message)
      expect(p.kink).toBe(false)
      return Math.abs(p.central - analytic)
    }
    const errors = SWEEP_EPSILONS.map(error)
    const best = Math.min(...errors.filter((e) => e > 0))
    expect(best).toBeLessThan(1e-9)
    expect(error(1e-12)).toBeGreaterThan(100 * best) // round-off ~ u·L/ε
    expect(error(0.1)).toBeGreaterThan(100 * best) // truncation ~ ε² L‴/6
    // Truncation falls like ε²: ten times smaller ε, about a hundred times smaller error.
    const ratio = error(0.1) / error(0.01)
    expect(ratio).toBeGreaterThan(50)
    expect(ratio).toBeLessThan(200)
    expect(net.checkParameter(k, 0).ok).toBe(false)
    net.dispose()
  })

  it('at ε = 1e-15 on the classic network: ε is too small, not the gradient; the quotient moves in steps of ulp(L)/2ε', async () => {
    const net = await open({ ...classicLesson.spec, epsilon: 1e-15 })
    const k = net.layout.W[1] // w²₁₁: ∂E/∂w = 0.0821670406 (notes 003)
    const c = numbersAt(net, k)
    expect(c.epsilon).toBe(1e-15)
    // By hand: L = 0.298 lies in [2⁻², 2⁻¹), where doubles are 2⁻⁵⁴ apart; L(p ± ε) differ by whole
    // multiples of that, so (L(p + ε) − L(p − ε)) / 2ε moves in steps of 2⁻⁵⁴ / 2e-15 = 0.0277555756.
    expect(c.loss).toBeGreaterThanOrEqual(0.25)
    expect(c.loss).toBeLessThan(0.5)
    const step = 2 ** -54 / 2e-15
    expect(ulpOf(c.loss)).toBe(2 ** -54)
    expect(quotientStep(c.loss, 1e-15)).toBe(step)
    expect(c.analytic).toBeCloseTo(0.0821670406, 10)
    // The numerical value is a whole number of steps; which one depends on the round-off of the two
    // losses (the sigmoid's last bits): each carries about 16 · 2⁻⁵² · L = 19 steps' worth of it (the
    // lesson's margin), so it lies within 2 · 19 steps of the gradient, 0.0821670406 ≈ 2.96 steps.
    const n = c.numeric / step
    expect(Number.isInteger(n)).toBe(true)
    const err = Math.abs(c.analytic - c.numeric)
    const margin = (2 * 16 * 2 ** -52 * c.loss) / 2 ** -54
    expect(margin).toBeGreaterThan(38)
    expect(margin).toBeLessThan(39)
    expect(err).toBeLessThanOrEqual(margin * step)
    // Far above what ε = 10⁻⁶ gives (below 1e-9 relative): round-off, not the gradient.
    expect(err / c.analytic).toBeGreaterThan(1e-3)
    expect(resolutionOf(c.loss, 1e-15)).toBeGreaterThan(1) // the margin the verdict still uses
    const caption = numericalGradientCaption(c)
    expect(caption).toContain('ε is too small for this check, not the gradient')
    expect(caption).toContain('in steps of 0.028')
    // The caption counts what the engine gave: n steps, the error in steps (rounded) and to 2 digits.
    expect(caption).toContain(
      `the numerical value is ${n} of those steps and its error, ${formatNumber(err, 2)}`,
    )
    const inSteps = Math.round(err / step)
    expect(caption).toContain(
      inSteps >= 1 ? `about ${inSteps} step${inSteps === 1 ? '' : 's'}:` : 'under one step',
    )
    expect(caption).toContain('not a disagreement')
    expect(caption).not.toMatch(/too small to check|above about 1\.1|they disagree|bug/)
    // b¹₁'s gradient 0.000439 is below one step: that one really is too small to check at this ε
    const b = numbersAt(net, net.layout.b[0])
    expect(Math.abs(b.analytic)).toBeLessThan(step)
    expect(numericalGradientCaption(b)).toContain('too small to check with this ε')
    net.dispose()
  })

  it('quotients are written to the decimals their round-off supports, and the note says why', () => {
    // By hand: 16 · 2⁻⁵² · 0.036 / 10⁻⁶ = 1.28e-10, leading digit in the 10th decimal (one-sided:
    // 2.56e-10, also the 10th); at ε = 10⁻³ 1.28e-13: the 13th; at L = 0.298, ε = 10⁻⁶ 1.06e-9: the 9th;
    // at ε = 10⁻¹⁵ 1.06: not one decimal.
    expect(supportedDecimals(0.036, 1e-6)).toBe(10)
    expect(supportedDecimals(0.036, 1e-6, true)).toBe(10)
    expect(supportedDecimals(0.036, 1e-3)).toBe(13)
    expect(supportedDecimals(0.298, 1e-6)).toBe(9)
    expect(supportedDecimals(0.298, 1e-15)).toBe(0)
    // At L = 0.017: 16 · 2⁻⁵² · 0.017 / 10⁻⁶ = 6.0e-11 central (11th decimal), 1.2e-10 one-sided (10th).
    expect(supportedDecimals(0.017, 1e-6)).toBe(11)
    expect(supportedDecimals(0.017, 1e-6, true)).toBe(10)
    expect(quotientDigitsNote(0.017, 1e-6, { slopes: true })).toContain(
      'the central difference is shown to 11 decimals, the one-sided slopes (twice the uncertainty) to 10 decimals;',
    )
    expect(formatQuotient(-0.000243157793, 0.036, 1e-6)).toBe('−0.0002431578')
    expect(formatQuotient(-0.000486315585, 0.036, 1e-6, true)).toBe('−0.0004863156')
    expect(formatQuotient(0.08216704061234, 0.298, 1e-6)).toBe('0.082167041')
    expect(formatQuotient(1.2345678912345, 0.036, 1e-3)).toBe('1.23456789') // 9 digits at most
    expect(formatQuotient(0.0555111512, 0.298, 1e-15)).toBe('0.06') // its first digit only
    expect(formatQuotient(0, 0.036, 1e-6)).toBe('0')
    expect(quotientDigitsNote(0.036, 1e-6, { slopes: true })).toBe(
      'L = 0.036 is known to about 1.3×10⁻¹⁶ (16 × 2⁻⁵² × L, round-off), which over ε = 1×10⁻⁶ is 1.3×10⁻¹⁰: the central difference is shown to 10 decimals, as are the one-sided slopes; further digits would be round-off.',
    )
    expect(quotientDigitsNote(0.036, 1e-6, { symbol: 'E' })).toBe(
      'E = 0.036 is known to about 1.3×10⁻¹⁶ (16 × 2⁻⁵² × E, round-off), which over ε = 1×10⁻⁶ is 1.3×10⁻¹⁰: the central difference is shown to 10 decimals; further digits would be round-off.',
    )
    expect(quotientDigitsNote(0.298, 1e-15)).toContain(
      'not one decimal of the differences is reliable',
    )
  })

  it('ulpOf is the spacing of doubles, also at powers of two', () => {
    expect(ulpOf(1)).toBe(Number.EPSILON)
    expect(ulpOf(0.5)).toBe(2 ** -53)
    expect(ulpOf(0.49999999999999994)).toBe(2 ** -54)
    expect(ulpOf(0.298)).toBe(2 ** -54)
    expect(ulpOf(-3)).toBe(2 ** -51)
    expect(0.298 + ulpOf(0.298)).not.toBe(0.298)
    expect(0.298 + ulpOf(0.298) / 4).toBe(0.298)
  })
})

describe('the relative error, to the digits the check supports', () => {
  // By hand: at L = 0.298 and ε = 10⁻⁶ the central difference carries 16 · 2⁻⁵² · 0.298 / 10⁻⁶ =
  // 1.0587×10⁻⁹ of round-off; over the gradient 0.0821670406 that is 1.2885×10⁻⁸ relative.
  const at = (numeric: number) => ({
    analytic: 0.0821670406,
    numeric,
    left: numeric,
    right: numeric,
    kink: false,
    loss: 0.298,
    epsilon: 1e-6,
  })
  it('below its precision: says so, with the precision, instead of a figure made of round-off', () => {
    const c = at(0.0821670406 * (1 + 1e-10))
    expect(relativePrecision(c)).toBeGreaterThan(1.288e-8)
    expect(relativePrecision(c)).toBeLessThan(1.289e-8)
    expect(formatRelativeError(c)).toBe('under about 1×10⁻⁸, the check’s precision')
    const caption = numericalGradientCaption(c)
    expect(caption).toContain('they agree to within the check’s precision, about 1×10⁻⁸ relative')
    expect(caption).not.toMatch(/10⁻¹⁰|relative error 1/)
    // Equal to the last bit is no more precise: still only "within the precision".
    expect(numericalGradientCaption(at(0.0821670406))).toContain('within the check’s precision')
  })
  it('above it: only the digits down to the precision’s place, at most 2', () => {
    // 3.4×10⁻⁷ over a precision of 1.3×10⁻⁸: places 10⁻⁷ and 10⁻⁸, 2 digits; 2.7×10⁻⁸: 1 digit.
    expect(formatRelativeError(at(0.0821670406 * (1 + 3.4e-7)))).toBe('3.4×10⁻⁷')
    expect(formatRelativeError(at(0.0821670406 * (1 + 2.7e-8)))).toBe('3×10⁻⁸')
    expect(numericalGradientCaption(at(0.0821670406 * (1 + 2.7e-8)))).toContain(
      'relative error 3×10⁻⁸, they agree.',
    )
    // At L = 0.036 and a gradient of 2.43×10⁻⁴: 16 · 2⁻⁵² · 0.036 / 10⁻⁶ / 2.43×10⁻⁴ = 5.26×10⁻⁷.
    const small = { ...at(0), analytic: -0.000243157793, loss: 0.036 }
    const off = { ...small, numeric: -0.000243157793 * (1 + 3.14e-6) }
    expect(formatRelativeError(off)).toBe('3.1×10⁻⁶')
    expect(formatRelativeError({ ...small, numeric: -0.000243157793 * (1 + 4e-7) })).toBe(
      'under about 5×10⁻⁷, the check’s precision',
    )
  })
  it('both 0 and not finite are said, not given a figure', () => {
    expect(formatRelativeError({ ...at(0), analytic: 0 })).toBe('none (both are 0)')
    expect(numericalGradientCaption({ ...at(0), analytic: 0 })).toContain(
      'both are 0, so they agree to within what ε resolves, about 1×10⁻⁹',
    )
    expect(formatRelativeError(at(NaN))).toBe('not a number')
  })
  it('a large difference at a large ε cannot be called a bug: the step’s own error may be that large', () => {
    const big = { ...at(0.0821670406 * 1.01), epsilon: 0.1 }
    expect(numericalGradientCaption(big)).toContain('the check cannot decide')
    expect(numericalGradientCaption(big)).not.toMatch(/probably has a bug/)
    expect(numericalGradientCaption({ ...big, epsilon: 1e-6 })).toContain('probably has a bug')
    // Between 10⁻⁷ and 10⁻⁴, above round-off: neither "agree" nor "bug".
    const mid = numericalGradientCaption(at(0.0821670406 * (1 + 2e-5)))
    expect(mid).toContain('relative error 2×10⁻⁵')
    expect(mid).toContain('cannot decide')
  })
})
