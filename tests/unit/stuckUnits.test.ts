// Slopes f′(z) of the stuck-unit verdicts, against values derived by hand in the test.
import { describe, expect, it } from 'vitest'
import { slopeAt } from '../../web/src/math/stuckUnits'

describe('slopeAt', () => {
  it('is σ′(0) = ¼, tanh′(0) = 1 and 1 for a linear unit', () => {
    expect(slopeAt('sigmoid', 0)).toBe(0.25)
    expect(slopeAt('tanh', 0)).toBe(1)
    expect(slopeAt('linear', -7)).toBe(1)
  })

  it('keeps the saturated slopes of sigmoid and tanh (1 − σ(40) rounds to 0)', () => {
    // σ′(±40) = e^{−40}/(1 + e^{−40})² ≈ e^{−40}; tanh′(±20) = 4e^{−40}/(1 + e^{−40})² ≈ 4e^{−40}.
    const e40 = 4.248354255291589e-18
    expect(slopeAt('sigmoid', 40)).toBeCloseTo(e40, 30)
    expect(slopeAt('sigmoid', -40) / e40).toBeCloseTo(1, 12)
    expect(slopeAt('tanh', -20) / (4 * e40)).toBeCloseTo(1, 12)
  })

  it('takes ReLU′ and leaky ReLU′ at and below 0 from the left side', () => {
    expect([-1, 0, 1e-9].map((z) => slopeAt('relu', z))).toEqual([0, 0, 1])
    expect([-1, 0, 2].map((z) => slopeAt('leaky_relu', z))).toEqual([0.01, 0.01, 1])
  })

  it('has no element-wise slope for softmax', () => {
    expect(slopeAt('softmax', 0)).toBeNaN()
  })
})
