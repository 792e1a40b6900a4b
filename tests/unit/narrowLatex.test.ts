// A display formula's narrow form (math/narrowLatex.ts, #11): long equalities broken over lines for a
// phone's column, with the same symbols and numbers in the same order, and valid KaTeX.
import katex from 'katex'
import { describe, expect, it } from 'vitest'
import { narrowLatex } from '../../web/src/math/narrowLatex'

/** What a reader sees, in order: the formula without line breaks, alignment marks and spacing. */
const content = (latex: string): string =>
  latex.replace(/\\(begin|end)\{(aligned|gathered)\}/g, '').replace(/\\\\|&|\\q?quad|\{\}|\s+/g, '')
const lines = (latex: string): string[] =>
  latex
    .replace(/^\\begin\{aligned\}|\\end\{aligned\}$/g, '')
    .split(' \\\\ ')
    .map((l) => l.trim())
const renders = (latex: string) =>
  expect(() => katex.renderToString(latex, { displayMode: true, throwOnError: true })).not.toThrow()

describe('narrowLatex', () => {
  it('leaves a short formula as it is (the same string)', () => {
    for (const f of ['z = w_1 x_1 + b', '\\begin{aligned} a &= 1 \\\\ &= 2 \\end{aligned}'])
      expect(narrowLatex(f)).toBe(f)
  })

  // notes 004's first factor of ∂E/∂w5 in a 340 px box (34 digit widths): the numbers on lines of
  // their own, aligned on the =
  it('starts every relation after the first on a line of its own', () => {
    const f =
      '\\begin{aligned} \\frac{\\partial E_{total}}{\\partial out_{o1}} &= -(0.01 - 0.75136507) = 0.74136507 \\\\ \\frac{\\partial out_{o1}}{\\partial net_{o1}} &= 0.75136507\\,(1 - 0.75136507) = 0.186815602 \\end{aligned}'
    const n = narrowLatex(f, 34)
    expect(lines(n)).toEqual([
      '\\frac{\\partial E_{total}}{\\partial out_{o1}} &= -(0.01 - 0.75136507)',
      '&= 0.74136507',
      '\\frac{\\partial out_{o1}}{\\partial net_{o1}} &= 0.75136507\\,(1 - 0.75136507)',
      '&= 0.186815602',
    ])
    expect(content(n)).toBe(content(f))
    renders(n)
  })

  // single-neuron's batch rule at 390 px read `w ← …, δᵢ` over `= aᵢ − yᵢ` over `= w − …`: the aside's
  // = started a line of the chain, so the page said δᵢ = w − η·…, which is false.
  it('never starts a line of the chain at the relation of an aside after a comma', () => {
    const f =
      '\\begin{aligned} w &\\leftarrow w - \\eta \\cdot \\frac{1}{n} \\sum_{i=1}^{n} \\delta_i\\, x_i^\\top, \\quad \\delta_i = a_i - y_i \\\\ &= w - \\eta \\cdot \\frac{1}{n} (A - Y)\\, X^\\top \\end{aligned}'
    const n = narrowLatex(f, 30)
    expect(n).not.toBe(f)
    // δᵢ = aᵢ … stays on one line: no line of the result starts with the aside's `= a_i`
    expect(lines(n).some((l) => /^&?\s*= a_i/.test(l))).toBe(false)
    expect(n).toContain('\\delta_i = a_i')
    expect(content(n)).toBe(content(f))
    renders(n)
  })

  it('breaks a long sum before its + at the outermost bracket, not inside a short one', () => {
    const f =
      '\\begin{aligned} \\delta_{h1} &= 0.241300709\\,\\big(0.4 \\cdot 0.138498562 + 0.5 \\cdot (-0.0380982365)\\big) = 0.00877135469 \\end{aligned}'
    const n = narrowLatex(f, 34)
    expect(lines(n)).toEqual([
      '\\delta_{h1} &= 0.241300709\\,\\big(0.4 \\cdot 0.138498562',
      '&\\quad {} + 0.5 \\cdot (-0.0380982365)\\big)',
      '&= 0.00877135469',
    ])
    expect(content(n)).toBe(content(f))
    renders(n)
  })

  it('puts a wide left-hand side on a line of its own when the rest is still too long', () => {
    const f = '\\frac{1}{n}(A - Y)X^\\top = \\begin{bmatrix} -0.701019 & -0.744755 \\end{bmatrix}'
    const n = narrowLatex(f, 30)
    expect(lines(n)).toEqual([
      '&\\frac{1}{n}(A - Y)X^\\top',
      '&\\quad = \\begin{bmatrix} -0.701019 & -0.744755 \\end{bmatrix}',
    ])
    expect(content(n)).toBe(content(f))
    renders(n)
  })

  it('aligns a plain equality on its first relation, and keeps a matrix whole', () => {
    const f =
      '\\delta = A - Y = \\begin{bmatrix} -0.512 & 0.817 & -0.462 & 0.781 & \\cdots \\end{bmatrix}_{1 \\times 20}'
    const n = narrowLatex(f)
    expect(lines(n)).toEqual([
      '\\delta &= A - Y',
      '&= \\begin{bmatrix} -0.512 & 0.817 & -0.462 & 0.781 & \\cdots \\end{bmatrix}_{1 \\times 20}',
    ])
    expect(content(n)).toBe(content(f))
    renders(n)
  })

  it('puts the statements of a long gathered row on rows of their own', () => {
    const f =
      '\\begin{gathered} W = \\begin{bmatrix} 1.2 & -0.7 \\\\ 0.4 & 0.9 \\end{bmatrix},\\; b = \\begin{bmatrix} 0.1 \\\\ -0.3 \\end{bmatrix} \\\\ \\Longrightarrow\\; w_1 - w_2 = \\begin{bmatrix} 0.8 & -1.6 \\end{bmatrix},\\; b_1 - b_2 = 0.4 \\end{gathered}'
    const n = narrowLatex(f)
    expect(n).toMatch(/^\\begin\{gathered\}.*\\end\{gathered\}$/)
    expect(n).toContain('\\\\ b_1 - b_2 = 0.4 \\end{gathered}')
    expect(content(n).replace(/\\;/g, '')).toBe(content(f).replace(/\\;/g, ''))
    renders(n)
  })
})
