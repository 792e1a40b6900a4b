// Adam's rule written out with its numbers writes the bias correction's power as the page writes
// powers (0.5³, not 0.5^3), and divides it out exactly: m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ).
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import UpdateRule from '../../web/src/lessons/learning-rate/UpdateRule.vue'

describe('UpdateRule', () => {
  it("writes Adam's bias correction with a superscript power and its value worked out by hand", () => {
    // t = 3: 1 − 0.5³ = 0.875, so m = 0.4375 gives m̂ = 0.5; 1 − 0.75³ = 0.578125, so v = 0.2890625 gives
    // v̂ = 0.5 (all exact in binary).
    const last = {
      index: 0,
      update: 3,
      g: 0.1,
      before: 0.5,
      after: 0.49,
      mBefore: 0.2,
      mAfter: 0.4375,
      vBefore: 0.3,
      vAfter: 0.2890625,
      t: 3,
      learningRate: 0.01,
      settings: { momentum: 0.9, beta1: 0.5, beta2: 0.75, epsilon: 1e-8 },
    }
    const w = mount(UpdateRule, { props: { kind: 'adam', name: 'Adam', last } })
    const lines = w.findAll('li').map((l) => l.text())
    expect(lines[2]).toBe('m̂ = m / (1 − β₁ᵗ) = 0.4375 / (1 − 0.5³) = 0.5')
    expect(lines[3]).toBe('v̂ = v / (1 − β₂ᵗ) = 0.289063 / (1 − 0.75³) = 0.5')
    expect(w.text()).not.toContain('^')
  })
  // #11: g = 9.66745×10⁻⁷ squared was written 9.66745×10⁻⁷², which reads as a power of ten of −72.
  it('brackets a squared gradient in scientific notation, or negative, before the ²', () => {
    const at = (g: number) => ({
      index: 0,
      update: 1,
      g,
      before: 0.5,
      after: 0.499,
      mBefore: 0,
      mAfter: 0.1 * g,
      vBefore: 0,
      vAfter: 0.001 * g * g,
      t: 1,
      learningRate: 0.001,
      settings: { momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
    })
    const vLine = (g: number) =>
      mount(UpdateRule, { props: { kind: 'adam', name: 'Adam', last: at(g) } })
        .findAll('li')[1]
        .text()
    expect(vLine(9.66745e-7)).toContain('+ 0.001 × (9.66745×10⁻⁷)² = ')
    expect(vLine(-0.5)).toContain('+ 0.001 × (−0.5)² = ')
    expect(vLine(0.5)).toContain('+ 0.001 × 0.5² = ')
  })
})
