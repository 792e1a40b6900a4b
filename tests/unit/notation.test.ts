// Lesson notation: derived symbols (∂E/∂w, w⁺) and plain-text names for SVG labels and <option>s.
import { describe, expect, it } from 'vitest'
import { latexToText, plainName, withDerived } from '../../web/src/lessons/notation'

describe('latexToText', () => {
  it.each([
    ['w^{(1)}_{11}', 'w⁽¹⁾₁₁'],
    ['net_{h1}', 'netₕ₁'],
    ['\\hat{y}_1', 'ŷ₁'],
    ['w_5', 'w₅'],
    ['E_{total}', 'Eₜₒₜₐₗ'],
    ['\\delta_{o1}', 'δₒ₁'],
    ['\\frac{\\partial E_{total}}{\\partial w_5}', '∂Eₜₒₜₐₗ/∂w₅'],
    ['w^1_{11}', 'w¹₁₁'],
    ['target_{o1}', 'targetₒ₁'],
    ['w_5^{+}', 'w₅⁺'],
    ['y_{True}', 'y_True'],
  ])('%s → %s', (latex, text) => {
    expect(latexToText(latex)).toBe(text)
  })
})

describe('withDerived', () => {
  it('names gradients and updated weights in the lesson’s own symbols', () => {
    const s = withDerived({ 'W2[0][0]': 'w_5', 'b1[0]': 'b_1', loss: 'E_{total}' })
    expect(s['dW2[0][0]']).toBe('\\frac{\\partial E_{total}}{\\partial w_5}')
    expect(s['Wnew2[0][0]']).toBe('w_5^{+}')
    expect(s['db1[0]']).toBe('\\frac{\\partial E_{total}}{\\partial b_1}')
    expect(plainName('dW2[0][0]', s)).toBe('∂Eₜₒₜₐₗ/∂w₅')
  })
})
