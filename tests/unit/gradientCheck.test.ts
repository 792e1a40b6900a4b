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
  numericalGradientCaption,
  quotientStep,
  resolutionOf,
  SWEEP_EPSILONS,
  ulpOf,
} from '../../web/src/math/gradientCheck'
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
    expect(c.right).toBeCloseTo(-0.000486315585, 12) // the float64 values
    expect(c.numeric).toBeCloseTo(-0.000243157793, 12)
    expect(checkVerdict(c)).toBe('kink')
    const caption = numericalGradientCaption(c)
    expect(caption).not.toMatch(/probably has a bug|they disagree/)
    expect(caption).toContain('from the left 0')
    expect(caption).toContain('from the right −0.000486315585')
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

  it('at ε = 1e-15 on the classic network: ε is too small, not the gradient; the error is about one step of ulp(L)/2ε', async () => {
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
    expect(c.numeric / step).toBeCloseTo(2, 6) // two steps: 0.0555111512
    // the true error at ε = 1e-15: |0.0821670406 − 0.0555111512| = 0.0267 (relative 0.32): one step,
    // not the "gradients above about 1.1" the old caption claimed (its 16-ulp margin over 2ε)
    const err = Math.abs(c.analytic - c.numeric)
    expect(err).toBeGreaterThan(0.026)
    expect(err).toBeLessThan(0.027)
    expect(resolutionOf(c.loss, 1e-15)).toBeGreaterThan(1) // the margin the verdict still uses
    const caption = numericalGradientCaption(c)
    expect(caption).toContain('ε is too small for this check, not the gradient')
    expect(caption).toContain('in steps of 0.028')
    expect(caption).toContain('the numerical value is 2 of those steps and its error, 0.027')
    expect(caption).toContain('about 1 step:')
    expect(caption).toContain('not a disagreement')
    expect(caption).not.toMatch(/too small to check|above about 1\.1|they disagree|bug/)
    // b¹₁'s gradient 0.000439 is below one step: that one really is too small to check at this ε
    const b = numbersAt(net, net.layout.b[0])
    expect(Math.abs(b.analytic)).toBeLessThan(step)
    expect(numericalGradientCaption(b)).toContain('too small to check with this ε')
    net.dispose()
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
