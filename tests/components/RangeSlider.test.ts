// A slider's read-out writes its value as the rest of the page does: the chain-rule lesson's slope
// slider read "Slope dy/dv -2" (a hyphen) above an arrow and a formula that write "× −2" and "(−2)".
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import RangeSlider from '../../web/src/components/RangeSlider.vue'

const readOut = (modelValue: number, step = 1) =>
  mount(RangeSlider, { props: { label: 'Slope dy/dv', min: -3, max: 3, step, modelValue } })
    .get('output')
    .text()

describe('RangeSlider', () => {
  it('writes a negative value with the minus sign (U+2212), not a hyphen', () => {
    expect(readOut(-2)).toBe('−2')
    expect(readOut(-0.5, 0.1)).toBe('−0.5')
  })
  it('keeps every digit of its step and writes small values as the page does', () => {
    expect(readOut(0.25, 0.05)).toBe('0.25')
    expect(readOut(0.00001, 0.00001)).toBe('1×10⁻⁵')
    expect(readOut(120)).toBe('120')
  })
})
