// Graded work (embed option `answers=0`, README "for graded work"): a wrong answer to any exercise of
// any lesson is marked wrong, and no message states the expected value, so typing what a message said
// cannot solve an exercise. The expected values come from courseAnswers.ts (worked out from each
// question's wording); the numbers in a message are read back here and compared with them.
import { describe, expect, it } from 'vitest'
import { course } from '../../web/src/course/course'
import { markExercise, valuesOf } from '../../web/src/exercises/exercises'
import { ANSWERS, typedAnswer } from './courseAnswers'
import { parseShown } from '../shownNumber'

/** Every number written in `text` (plain, or as 1.5×10⁻⁵), leaving out counts of places/figures. */
function numbersIn(text: string): number[] {
  const plain = text.replace(/\d+ (decimal places?|places?|significant figures?)/g, '')
  const found = plain.matchAll(/([−-]?\d+(?:\.\d+)?)(?:\s*×\s*10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?/g)
  return [...found].map(([, m, e]) => {
    return parseShown(e ? `${m}×10${e}` : m)
  })
}

/**
 * True when `text` states `answer` (to 3 significant figures or better), other than the typed value.
 * An answer of 0 is left out: a method hint may state a rule with a 0 in it (ReLU′(z) = 0 for z < 0).
 */
function gives(text: string, answer: number, typed: number): boolean {
  if (answer === 0) return false
  const near = (x: number, y: number, rel: number) =>
    Math.abs(x - y) <= rel * Math.max(Math.abs(y), 1e-300)
  return numbersIn(text).some((x) => !near(x, typed, 1e-9) && near(x, answer, 5e-3))
}

/** Wrong values a learner might type for `answer`: off by one, shifted, sign flipped, scaled, cut off. */
function wrongTries(answer: number): number[] {
  const cut = Math.trunc(answer * 1e3) / 1e3
  return [answer + 1, answer * 10, answer / 100, -answer, answer * 1.37, cut].filter(
    (x) => x !== answer && Number.isFinite(x),
  )
}

describe('graded work never states the expected value', () => {
  it('the check detects a stated value (the app with answers shown states it)', () => {
    const lesson = course.find((l) => l.id === 'vanishing-gradient')!
    const exercise = lesson.exercises!.find((e) => e.id === 'bound')!
    const v = valuesOf(exercise, 7, lesson.id)
    const answer = 4 ** -v.L
    const shown = markExercise(exercise, v, { bound: '0.55' })
    expect(shown.byKey.bound.status).toBe('wrong')
    expect(gives(shown.byKey.bound.message, answer, 0.55)).toBe(true)
    const graded = markExercise(exercise, v, { bound: '0.55' }, {}, false)
    expect(graded.byKey.bound.status).toBe('wrong')
    expect(gives(graded.byKey.bound.message, answer, 0.55)).toBe(false)
  })

  for (const lesson of course) {
    for (const exercise of (lesson.exercises ?? []).filter((e) => !e.lab)) {
      const id = `${lesson.id}/${exercise.id}`
      it(`${id}: wrong answers stay wrong and unstated, for 10 seeds`, () => {
        for (let seed = 1; seed <= 10; seed++) {
          const v = valuesOf(exercise, seed, lesson.id)
          const slips = exercise.slips?.(v) ?? []
          for (const [key, answer] of Object.entries(ANSWERS[id](v))) {
            const tries = [
              ...wrongTries(answer),
              ...slips.filter((s) => s.key === key).map((s) => s.value),
            ].filter((x) => Number.isFinite(x) && Math.abs(x - answer) > 1e-9 * Math.abs(answer))
            for (const x of tries) {
              const text = typedAnswer(x)
              const mark = markExercise(exercise, v, { [key]: text }, {}, false).byKey[key]
              expect(mark.status, `${id} ${key} seed ${seed}: ${text}`).not.toBe('correct')
              expect(
                gives(mark.message, answer, Number(text)),
                `${id} ${key} seed ${seed}: ${text} → ${mark.message}`,
              ).toBe(false)
            }
          }
        }
      })
    }
  }
})
