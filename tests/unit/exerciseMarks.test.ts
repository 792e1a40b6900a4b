// One marking rule (#16): an exercise answer is marked exactly like the same value typed into the worked
// examples' check-my-work. The quantities are notes 004's classic example, worked out by hand here:
// net_h1 = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775 and out_h1 = 1/(1 + e^−0.3775) = 0.593269992…
import { describe, expect, it } from 'vitest'
import { course } from '../../web/src/course/course'
import { markExercise } from '../../web/src/exercises/exercises'
import type { Exercise } from '../../web/src/exercises/types'
import { checkWork, MARK_WORDS, type Mark } from '../../web/src/math/checkWork'
import { classicCase, traceOf } from './fixtures'

const trace = traceOf(classicCase, [0.274811083, 0.023560026])
const netH1 = 0.15 * 0.05 + 0.2 * 0.1 + 0.35
const outH1 = 1 / (1 + Math.exp(-netH1))

/** The same two quantities asked as an exercise (with no slips of its own). */
const exercise: Exercise = {
  id: 'forward',
  generate: () => ({}),
  prompt: () => 'net_h1 and out_h1 of notes 004',
  blanks: [
    { key: 'net', label: 'net_h1', exact: () => netH1 },
    { key: 'out', label: 'out_h1', exact: () => outH1 },
  ],
}

/** What a learner sees of a mark: its verdict, the precision it was marked at, and (if any) the slip. */
const seen = (m: Mark) => ({
  status: m.status,
  decimals: m.decimals,
  significant: m.significant,
  slip: m.slip?.id,
})

// typed text → the verdict worked out by hand from the digits rule
const NET: [string, string][] = [
  ['0.3775', 'correct'], // exact
  ['0.378', 'correct'], // rounded half away from zero
  ['0.38', 'correct'], // 2 significant figures
  ['0.377', 'truncated'], // cut off after 3 places
  ['0.37', 'truncated'],
  ['0.4', 'imprecise'], // 1 significant figure
  ['0', 'imprecise'], // 0 is not correct
  ['0.3', 'imprecise'], // 0.3775 cut off at 1 place: right so far, too few digits
  ['0.8', 'wrong'], // 1 significant figure, but 0.3775 is 0.4 there: wrong at any precision
  ['-0.4', 'wrong'], // the sign
  ['2', 'wrong'], // 0.3775 is 0 at 0 places
  ['0.39', 'wrong'], // 0.3775 is 0.38 at 2 figures: not right to any figure
  ['0.37750001', 'close'], // right to 7 figures (0.3775000), not at the 8th
  ['0.3811', 'close'], // right to 2 figures (0.38), not at the 3rd
  ['3.775', 'wrong'], // decimal point shifted
  ['0.3o', 'invalid'],
]
const OUT: [string, string][] = [
  ['0.593269992', 'correct'],
  ['0.5933', 'correct'],
  ['0.59', 'correct'],
  ['0.5932', 'truncated'],
  ['0.6', 'imprecise'],
  ['1', 'imprecise'],
  ['0.9', 'wrong'], // 0.593… is 0.6 (or 0.5 cut off) at 1 place
  ['3', 'wrong'],
  ['0.5934', 'close'], // right to 3 figures (0.593), not at the 4th
  ['0.6043', 'wrong'], // 0.60 at 2 figures, where 0.593… is 0.59: right to no figure
]

describe('exercises and check-my-work mark alike', () => {
  for (const [key, blank, cases] of [
    ['z1[0]', 'net', NET],
    ['a1[0]', 'out', OUT],
  ] as const) {
    it(`${key}: every typed value gets the same verdict, precision and slip`, () => {
      for (const [typed, status] of cases) {
        const worked = checkWork(classicCase.spec, trace, { [key]: typed }).byKey[key]
        const asked = markExercise(exercise, {}, { [blank]: typed }).byKey[blank]
        expect(worked.exact).toBeCloseTo(blank === 'net' ? 0.3775 : 0.593269992, 9)
        expect(seen(asked), `${typed}`).toEqual(seen(worked))
        expect(asked.status, typed).toBe(status)
        if (status !== 'wrong') expect(asked.message, typed).toBe(worked.message)
      }
    })
  }

  it('names the same slip for a shifted decimal point; the exercise’s generic slips add the sign', () => {
    const worked = checkWork(classicCase.spec, trace, { 'z1[0]': '3.775' }).byKey['z1[0]']
    const asked = markExercise(exercise, {}, { net: '3.775' }).byKey.net
    expect(asked.slip?.id).toBe('decimal-shift')
    expect(worked.slip?.id).toBe('decimal-shift')
    expect(markExercise(exercise, {}, { net: '-0.3775' }).byKey.net.slip?.id).toBe('flipped-sign')
  })

  it('asks a blank whose answer is a count for a whole number, every other blank for any number', () => {
    const counts: Exercise = {
      id: 'count',
      generate: () => ({}),
      prompt: () => 'How many weights and biases does a 2-2-1 network train?',
      blanks: [{ key: 'n', label: 'parameters', exact: () => 9, kind: 'whole' }],
    }
    expect(markExercise(counts, {}, { n: 'nine' }).byKey.n.message).toBe(
      '“nine” is not a number; type a whole number such as 7.',
    )
    expect(markExercise(counts, {}, { n: '9' }).byKey.n.status).toBe('correct')
    expect(markExercise(exercise, {}, { net: 'x' }).byKey.net.message).toBe(
      '“x” is not a number; write it like 0.5, .5, 0,5 or 1e-3.',
    )
  })
})

describe('too few digits only when the digits typed agree with the answer (#11)', () => {
  // chain-rule exercise 1 with 3.5 cm per kg and 0.1 per cm: 3.5 × 0.1 = 0.35, by hand
  const chain: Exercise = {
    id: 'product-of-slopes',
    generate: () => ({}),
    prompt: () => 'Height grows 3.5 cm per kg, shoe size 0.1 per cm: shoe size per kg?',
    blanks: [{ key: 'dshoe', label: 'shoe size per kg', exact: () => 3.5 * 0.1 }],
  }
  const status = (typed: string) => markExercise(chain, {}, { dshoe: typed }).byKey.dshoe.status
  it('0.8 and −0.8 for 0.35 are wrong; 0.3 and 0.4 are too few digits; 0.35 is correct', () => {
    expect(status('0.8')).toBe('wrong')
    expect(status('-0.8')).toBe('wrong')
    expect(status('-0.4')).toBe('wrong')
    expect(status('0.3')).toBe('imprecise')
    expect(status('0.4')).toBe('imprecise')
    expect(status('0')).toBe('imprecise')
    expect(status('0.35')).toBe('correct')
  })
  it('the example in a too-few-digits message is made from what was typed, never the withheld value', () => {
    // a typed value with d decimals stands for anything within half a unit of its last place:
    // '0.4' for 0.36 and 0.44 alike, '0' for −0.4 and 0.4, '0.0' for −0.04 and 0.04 (by hand)
    const message = (typed: string, exact = 0.35) =>
      markExercise(
        { ...chain, blanks: [{ ...chain.blanks[0], exact: () => exact }] },
        {},
        {
          dshoe: typed,
        },
      ).byKey.dshoe.message
    expect(message('0.4')).toContain('(0.36 and 0.44 both round to 0.4)')
    expect(message('0.3')).toContain('(0.26 and 0.34 both round to 0.3)')
    expect(message('0')).toContain('(−0.4 and 0.4 both round to 0)')
    expect(message('0.0', 0.03)).toContain('(−0.04 and 0.04 both round to 0.0)')
    expect(message('-0.4', -0.35)).toContain('(−0.44 and −0.36 both round to -0.4)')
    expect(message('0.004', 0.0035)).toContain('(0.0036 and 0.0044 both round to 0.004)')
    for (const typed of ['0.4', '0.3', '0']) expect(message(typed)).not.toMatch(/0\.35|0\.38/)
  })
  it('the lesson’s own exercise marks alike', () => {
    const own = course
      .find((l) => l.id === 'chain-rule')!
      .exercises!.find((e) => e.id === 'product-of-slopes')!
    const mark = (typed: string) =>
      markExercise(own, { a: 3.5, b: 0.1 }, { dshoe: typed }).byKey.dshoe.status
    expect(['0.8', '-0.8', '0.3', '0.4', '0.35'].map(mark)).toEqual([
      'wrong',
      'wrong',
      'imprecise',
      'imprecise',
      'correct',
    ])
  })
})

describe('one verdict word: the badge says it, the message says why', () => {
  it('no message repeats its verdict (“Correct  Correct: η = 1.05.”)', () => {
    const seen = new Set<string>()
    for (const [blank, cases] of [
      ['net', NET],
      ['out', OUT],
    ] as const)
      for (const [typed] of cases) {
        const m = markExercise(exercise, {}, { [blank]: typed }).byKey[blank]
        seen.add(m.status)
        expect(m.message.toLowerCase(), typed).not.toContain(MARK_WORDS[m.status].toLowerCase())
      }
    // a lab's choice, marked against what the run gave (η = 1.05 here)
    const lab: Exercise = {
      id: 'lab',
      generate: () => ({}),
      prompt: () => 'smallest diverging η',
      blanks: [
        {
          key: 'eta',
          label: 'smallest diverging η',
          choices: () => [0.95, 1.05].map((e) => ({ value: e, label: `η = ${e}` })),
        },
      ],
    }
    const right = markExercise(lab, {}, { eta: '1.05' }, { eta: 1.05 }).byKey.eta
    expect([right.status, right.message]).toEqual(['correct', 'The run says η = 1.05 too.'])
    expect(markExercise(exercise, {}, { net: '0.3775' }).byKey.net.message).toBe(
      'Exactly this value.',
    )
    expect(markExercise(exercise, {}, { net: '0.378' }).byKey.net.message).toBe(
      'The exact value rounded to 3 decimal places.',
    )
    // a value right to its first figures says how far and where it stops (the 8th digit of 0.37750001)
    expect(markExercise(exercise, {}, { net: '0.37750001' }).byKey.net.message).toBe(
      'Right to 7 significant figures (0.3775000), not from the 8th on. Rounding part-way through often does this: keep every digit until the end. The exact value is 0.3775.',
    )
    expect([...seen].sort()).toEqual([
      'close',
      'correct',
      'imprecise',
      'invalid',
      'truncated',
      'wrong',
    ])
  })
})
