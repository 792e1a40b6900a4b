// Display formatting and lenient parsing of typed numbers (math/format.ts).

import { describe, expect, it } from 'vitest'
import { parseShown } from '../shownNumber'
import {
  decimalsTyped,
  formatNumber,
  fullPrecision,
  fullPrecisionTitle,
  exactNumber,
  linearText,
  termText,
  texLinear,
  texTerm,
  parseNumber,
  screenNumbers,
  significantDigits,
} from '../../web/src/math/format'
import { heldMessage } from '../../web/src/composables/heldFields'
import { MARK_WORDS } from '../../web/src/math/checkWork'

describe('formatNumber', () => {
  it('keeps the requested significant digits and drops trailing zeros', () => {
    expect(formatNumber(0.7413650695523157, 9)).toBe('0.74136507')
    expect(formatNumber(0.2983711087600027)).toBe('0.298371')
    expect(formatNumber(2)).toBe('2')
    expect(formatNumber(0.5, 9)).toBe('0.5')
  })

  it('writes small numbers down to 1e-4 as decimals', () => {
    expect(formatNumber(0.0004385677344743467, 9)).toBe('0.000438567734')
  })

  it('writes tiny and huge numbers in scientific notation', () => {
    expect(formatNumber(9.5367431640625e-7, 3)).toBe('9.54×10⁻⁷')
    expect(formatNumber(9.5367431640625e-7, 3, { style: 'plain' })).toBe('9.54e-7')
    expect(formatNumber(9.5367431640625e-7, 3, { style: 'latex' })).toBe('9.54 \\times 10^{-7}')
    expect(formatNumber(1234567, 3)).toBe('1.23×10⁶')
  })

  it('uses a typographic minus by default and a plain one for inputs', () => {
    expect(formatNumber(-0.03809823651655623, 4)).toBe('−0.0381')
    expect(formatNumber(-0.03809823651655623, 4, { style: 'plain' })).toBe('-0.0381')
  })

  it('writes zero, infinities and NaN readably', () => {
    expect(formatNumber(0)).toBe('0')
    expect(formatNumber(-Infinity)).toBe('−∞')
    expect(formatNumber(NaN)).toBe('NaN')
  })

  it('never writes a value that is not a whole number as one ', () => {
    // σ(z) = 0.99999627 next to σ′(z) = a(1 − a) = 3.73×10⁻⁶: "1" would say 1 − a = 0
    expect(formatNumber(0.99999627, 3)).toBe('0.999996')
    expect(formatNumber(-0.99999627, 4, { style: 'plain' })).toBe('-0.999996')
    expect(formatNumber(0.99999627)).toBe('0.999996') // 6 digits were enough already
    expect(formatNumber(2.0000001)).toBe('2.0000001')
    expect(formatNumber(0.9999999999999999)).toBe('0.9999999999999999')
    expect(formatNumber(1 + 2 ** -52)).toBe('1.0000000000000002')
    // whole numbers stay whole; so do numbers of `digits` integer digits, rounded at the units place
    expect(formatNumber(1)).toBe('1')
    expect(formatNumber(-3, 9)).toBe('−3')
    expect(formatNumber(123456.7)).toBe('123457')
    // a rounding that is not a whole number is unchanged
    expect(formatNumber(0.9999, 6)).toBe('0.9999')
  })

  it('plain output parses back to the rounded number', () => {
    for (const x of [0.1234567, -3.5e-9, 8.25e12, 42]) {
      const p = parseNumber(formatNumber(x, 4, { style: 'plain' }))
      expect(p.ok && p.value).toBeCloseTo(Number(x.toPrecision(4)), 20)
    }
  })
})

describe('linearText', () => {
  const four = (x: number) => formatNumber(x, 4)
  it('writes a negative coefficient as a minus operator, never “+ −”', () => {
    expect(
      linearText(
        [
          [0.4, 'x₁'],
          [-1.2, 'x₂'],
        ],
        0.8,
        four,
      ),
    ).toBe('0.4·x₁ − 1.2·x₂ + 0.8')
    expect(
      linearText(
        [
          [-0.4, 'x₁'],
          [1.2, 'x₂'],
        ],
        -0.8,
        four,
      ),
    ).toBe('−0.4·x₁ + 1.2·x₂ − 0.8')
    expect(linearText([[0.25, 'x']], 0, four)).toBe('0.25·x + 0')
  })
})

describe('a term c·symbol: no coefficient of 1, −1 as a minus sign', () => {
  it('writes 1·x as x and −1·x as −x, in plain text and in LaTeX', () => {
    expect(termText(1, 'v')).toBe('v')
    expect(termText(-1, 'v')).toBe('−v')
    expect(termText(2.5, 'v')).toBe('2.5·v')
    expect(termText(-0.5, 'w²')).toBe('−0.5·w²')
    expect(termText(0, 'x')).toBe('0·x')
    expect(texTerm(1, 'w^2')).toBe('w^2')
    expect(texTerm(-1, 'u')).toBe('-u')
    expect(texTerm(4, 'w')).toBe('4\\,w')
    expect(texTerm(-2.9, 'x')).toBe('-2.9\\,x')
    // the rule is on the value: 1.0001 is not 1, whatever it rounds to
    expect(termText(1.0001, 'x', { minus: '−', times: '·', write: (m) => m.toFixed(2) })).toBe(
      '1.00·x',
    )
  })

  it('leaves ±1 out of a linear expression, signs still as operators', () => {
    const four = (x: number) => formatNumber(x, 4)
    expect(
      linearText(
        [
          [1, 'x₁'],
          [-1, 'x₂'],
        ],
        -1,
        four,
      ),
    ).toBe('x₁ − x₂ − 1')
    expect(linearText([[-1, 'x']], 0.5, four)).toBe('−x + 0.5')
    expect(
      texLinear(
        [
          [0.3, 'x_1'],
          [-1, 'x_2'],
        ],
        -0.2,
      ),
    ).toBe('0.3\\,x_1 - x_2 - 0.2')
  })
})

describe('fullPrecision', () => {
  it('round-trips a double exactly', () => {
    expect(fullPrecision(0.39249999999999996)).toBe('0.39249999999999996')
    expect(Number(fullPrecision(0.1 + 0.2))).toBe(0.1 + 0.2)
  })
})

describe('exactNumber', () => {
  it('writes every digit with a typographic minus, as displayed numbers are', () => {
    expect(exactNumber(-0.25)).toBe('−0.25')
    expect(exactNumber(-3)).toBe('−3')
    expect(exactNumber(1e-7)).toBe('1×10⁻⁷')
  })
})

describe('fullPrecisionTitle', () => {
  it('says what it is and gives every digit, in the screen’s notation', () => {
    expect(fullPrecisionTitle(-(0.1 + 0.2))).toBe('full precision: −0.30000000000000004')
    expect(fullPrecisionTitle(1 / 3)).toBe('full precision: 0.3333333333333333')
    expect(fullPrecisionTitle(-1.5e-7)).toBe('full precision: −1.5×10⁻⁷')
    expect(fullPrecisionTitle(123456789012)).toBe('full precision: 1.23456789012×10¹¹')
    expect(fullPrecisionTitle(0.5)).toBe('full precision: 0.5')
    expect(fullPrecisionTitle(0)).toBe('full precision: 0')
  })
  it('reads back as the same double', () => {
    for (const x of [
      0.39249999999999996, -0.7413650695523157, 2.2250738585072014e-308, 1e21, 120,
    ]) {
      expect(parseShown(fullPrecisionTitle(x).replace('full precision: ', ''))).toBe(x)
    }
  })
})

describe('parseNumber', () => {
  it('accepts the usual ways of typing a number', () => {
    const cases: [string, number][] = [
      ['0.5', 0.5],
      ['.5', 0.5],
      ['0,5', 0.5],
      ['1e-3', 0.001],
      ['-2', -2],
      ['  0.377 ', 0.377],
      ['−0.038', -0.038],
      ['+3', 3],
      ['2.', 2],
    ]
    for (const [text, value] of cases) expect(parseNumber(text)).toEqual({ ok: true, value })
  })

  it('reads back a number as the page writes it (1×10⁻⁵), so one copied from the screen can be typed', () => {
    const cases: [string, number][] = [
      ['3.73×10⁻⁶', 3.73e-6],
      ['−1.5 × 10⁷', -1.5e7],
      ['2×10¹²', 2e12],
      ['4.39x10^-4', 4.39e-4],
      ['1*10^3', 1000],
    ]
    for (const [text, value] of cases) expect(parseNumber(text)).toEqual({ ok: true, value })
    for (const text of ['×10⁻⁶', '3×10', '3×11⁻⁶', '3×10⁻', '3×10⁻⁶⁻'])
      expect(parseNumber(text).ok).toBe(false)
    // marked to the precision written: 3.73×10⁻⁶ carries 3 significant digits, 8 decimals
    expect(significantDigits('3.73×10⁻⁶')).toBe(3)
    expect(decimalsTyped('3.73×10⁻⁶')).toBe(8)
  })

  it('rejects text that is not a finite number with a clear message', () => {
    const bad = ['', 'abc', '1.2.3', '0,5,1', '1e', 'e5', '1e999', 'NaN', 'Infinity', '--1']
    for (const text of bad) {
      const p = parseNumber(text)
      expect(p.ok).toBe(false)
      if (!p.ok) expect(p.message.length).toBeGreaterThan(10)
    }
  })

  it('says what is wrong in one phrase, the same at the field, at the training bar and in the marks', () => {
    const said = (text: string) => {
      const p = parseNumber(text)
      return p.ok ? null : [p.problem, p.message]
    }
    expect(said('')).toEqual([
      'the field is empty',
      'The field is empty: type a number such as 0.5 or 1e-3.',
    ])
    expect(said('abc')?.[0]).toBe('“abc” is not a number')
    expect(said('1e400')).toEqual([
      '“1e400” is too large to be a finite number',
      '“1e400” is too large to be a finite number.',
    ])
    const field = { name: 'η', kept: '0.5', focus: () => {} }
    expect(heldMessage({ ...field, problem: said('1e400')![0] })).toBe(
      'η: “1e400” is too large to be a finite number — fix it to train (η stays 0.5 until then).',
    )
    expect(heldMessage({ ...field, problem: said('')![0] })).toBe(
      'η: the field is empty — fix it to train (η stays 0.5 until then).',
    )
    // the marks' heading is true of all three
    expect(MARK_WORDS.invalid).toBe('Not a finite number')
  })

  it('asks a whole-number field (a seed, a count) for a whole number, not for 0.5 or 1e-3', () => {
    const said = (text: string) => {
      const p = parseNumber(text, { whole: true })
      return p.ok ? null : [p.problem, p.message]
    }
    expect(said('')).toEqual([
      'the field is empty',
      'The field is empty: type a whole number such as 7.',
    ])
    expect(said('abc')).toEqual([
      '“abc” is not a number',
      '“abc” is not a number; type a whole number such as 7.',
    ])
    // the phrase the training bar and the marks use is the same in either kind of field
    expect(said('1e400')).toEqual([
      '“1e400” is too large to be a finite number',
      '“1e400” is too large to be a finite number.',
    ])
    expect(parseNumber('42', { whole: true })).toEqual({ ok: true, value: 42 })
    // whether 3.7 is whole is the range's to say (links/limits.ts), so the parser still reads it
    expect(parseNumber('3.7', { whole: true })).toEqual({ ok: true, value: 3.7 })
  })
})

describe('decimalsTyped', () => {
  it('counts the decimal places typed, including the exponent', () => {
    expect(decimalsTyped('0.377')).toBe(3)
    expect(decimalsTyped('0,50')).toBe(2)
    expect(decimalsTyped('12')).toBe(0)
    expect(decimalsTyped('4.386e-4')).toBe(7)
    expect(decimalsTyped('1.2e3')).toBe(-2)
  })
})

describe('screenNumbers', () => {
  it('rewrites only exponent-form numbers, keeping their significant digits', () => {
    expect(screenNumbers('the loss 9.836e+08 passed the cut-off 298.4')).toBe(
      'the loss 9.836×10⁸ passed the cut-off 298.4',
    )
    expect(screenNumbers('η must be from 1e-05 to 100; w3 = -2.5e-07')).toBe(
      'η must be from 1×10⁻⁵ to 100; w3 = −2.5×10⁻⁷',
    )
    expect(screenNumbers('layer 2 has 8 units')).toBe('layer 2 has 8 units')
  })
})
