// The derivation panel renders each step with KaTeX, hides the numbers before Backward, and shows the
// numerical check beside the backprop value.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import DerivationSteps from '../../web/src/components/DerivationSteps.vue'

const steps = [
  { latex: '\\frac{\\partial E}{\\partial w_5} = a \\cdot b', caption: 'The chain rule.' },
  { latex: 'a = out_{o1} - target_{o1}', caption: 'Each factor.' },
  { latex: 'a = 0.74136507', caption: 'With the numbers.' },
  { latex: '= 0.0821670406', value: 0.0821670406 },
]
const check = {
  analytic: 0.0821670406,
  numeric: 0.0821670407,
  epsilon: 1e-6,
  loss: 0.298,
  relativeError: 1.2e-9,
  caption: 'they agree.',
}

describe('DerivationSteps', () => {
  it('shows every step, the value and the numerical check after Backward', () => {
    const wrapper = mount(DerivationSteps, {
      props: { heading: '\\frac{\\partial E}{\\partial w_5}', steps, withNumbers: true, check },
    })
    expect(wrapper.findAll('.derivation__step')).toHaveLength(4)
    expect(wrapper.findAll('.katex').length).toBeGreaterThanOrEqual(5)
    expect(wrapper.get('[data-testid="derivation-value"]').text()).toBe('0.0821670406')
    const aside = wrapper.get('aside')
    expect(aside.text()).toContain('ε = 1×10⁻⁶')
    // The relative error 1.2×10⁻⁹ is below the check's precision here, 1.06×10⁻⁹ / 0.082 = 1.3×10⁻⁸:
    // the panel says so instead of printing round-off as a figure.
    expect(aside.text()).not.toContain('1.2×10⁻⁹')
    expect(aside.get('[data-testid="relative-error"]').text()).toBe(
      'under about 1×10⁻⁸, the check’s precision',
    )
    // By hand: at L = 0.298 and ε = 10⁻⁶ the quotient carries 16 · 2⁻⁵² · 0.298 / 10⁻⁶ = 1.06e-9 of
    // round-off, so it is shown to 9 decimals (0.0821670407 → 0.082167041), backprop to 9 digits.
    const dd = aside.findAll('dd').map((d) => d.text())
    expect(dd[0]).toBe('0.0821670406')
    expect(dd[1]).toBe('0.082167041')
    expect(aside.get('[data-testid="check-digits"]').text()).toContain(
      'which over ε = 1×10⁻⁶ is 1.1×10⁻⁹: the central difference is shown to 9 decimals',
    )
  })

  it('shows only the symbolic steps and a hint before Backward', () => {
    const wrapper = mount(DerivationSteps, {
      props: {
        heading: 'w',
        steps,
        withNumbers: false,
        check,
        note: 'The notes flip $(y_2 - \\hat y_2)$.',
      },
    })
    expect(wrapper.findAll('.derivation__step')).toHaveLength(2)
    expect(wrapper.find('[data-testid="derivation-value"]').exists()).toBe(false)
    expect(wrapper.find('aside').exists()).toBe(false)
    expect(wrapper.text()).toContain('Press Backward')
    expect(wrapper.get('[role="note"]').find('.katex').exists()).toBe(true)
  })
})
