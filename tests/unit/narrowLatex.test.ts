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

  // notes 004's first factor of ∂E/∂w5 in a 40-digit-width line (every number counted as
  // NUMBER_WIDTH, 11): the numbers on lines of their own, aligned on the =
  it('starts every relation after the first on a line of its own', () => {
    const f =
      '\\begin{aligned} \\frac{\\partial E_{total}}{\\partial out_{o1}} &= -(0.01 - 0.75136507) = 0.74136507 \\\\ \\frac{\\partial out_{o1}}{\\partial net_{o1}} &= 0.75136507\\,(1 - 0.75136507) = 0.186815602 \\end{aligned}'
    const n = narrowLatex(f, 40)
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

  // phone-step-bar (CI under load, 73 px at Pause): sigmoid-221's product of rounded factors broke
  // after `(−0.37798299) · 0.235111849` at one update and after `(−0.286890363)` at another, so the
  // formula gained a line at the full re-typeset and the derivation under the reader moved. The same
  // formula with other values of the same format (9 significant digits; a sign change, which brings
  // or drops the brackets; a trailing zero dropped; an exact 0; scientific notation) breaks the same.
  it('breaks a formula the same whatever the values of its numbers', () => {
    const product = (a: string, b: string, c: string, p: string, q: string) =>
      `\\begin{aligned} \\frac{\\partial E}{\\partial w_{31}} &= ${a} \\cdot ${b} \\cdot ${c} \\approx ${p} = ${q} \\end{aligned}`
    const sum = (a: string, b: string, c: string) =>
      `z_{3} = w_{31} a_{1} + w_{32} a_{2} + b_{3} = ${a} \\cdot ${b} + ${c} \\cdot 0.5 + 0.1`
    // each number written as the page writes it: one decimal digit per significant digit, 9 of them
    const cases = [
      [
        product('(-0.37798299)', '0.235111849', '0.667254552', '-0.0592977641', '-0.0592977642'),
        product('(-0.286890363)', '0.204584283', '0.693715721', '-0.0407164366', '-0.0407164365'),
        product('0.286890363', '0.2', '0.693715721', '4.07164366 \\times 10^{-5}', '0'),
      ],
      [
        sum('0.5', '0.7', '(-0.25)'),
        sum('(-0.512345678)', '0.731058579', '0.249871234'),
        sum('0', '1.2', '3.40000001'),
      ],
    ]
    const shape = (latex: string) =>
      latex.replace(
        /\(-[0-9.]+\)|-?[0-9]+\.[0-9]+( \\times 10\^\{-?[0-9]+\})?|(?<=[=\s])0(?=\s|$)/g,
        '#',
      )
    for (const forms of cases)
      for (const budget of [24, 30, 36]) {
        const [first, ...others] = forms.map((f) => narrowLatex(f, budget))
        expect(first).not.toBe(forms[0]) // broken at all
        for (const other of others) expect(shape(other)).toBe(shape(first))
      }
  })

  it('breaks a long sum before its + at the outermost bracket, not inside a short one', () => {
    const f =
      '\\begin{aligned} \\delta_{h1} &= 0.241300709\\,\\big(0.4 \\cdot 0.138498562 + 0.5 \\cdot (-0.0380982365)\\big) = 0.00877135469 \\end{aligned}'
    // 42 digit widths: the numbers up to 0.138498562 fit on the first line, the rest does not
    const n = narrowLatex(f, 42)
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
