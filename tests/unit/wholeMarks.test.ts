// A whole-number quantity (a count, a shape, an index) is judged exactly (#11, #16): a newcomer typing
// 1, 2, 4, 5 or 8 for the rows of Z = WX + b (W 6 × 3, X 3 × 4) was told "too few digits, type at least 2
// significant figures", 3 was named as the inner size and only 6 was "correct", so the checker gave the
// answer away and its advice made no sense for a matrix size. The answers here are worked out by hand
// from each question's wording (tests/unit/courseAnswers.ts), never from the lesson file.
import { describe, expect, it } from 'vitest'
import { course } from '../../web/src/course/course'
import { markExercise, valuesOf } from '../../web/src/exercises/exercises'
import type { Exercise } from '../../web/src/exercises/types'
import { markValue } from '../../web/src/math/checkWork'
import { ANSWERS } from './courseAnswers'

const find = (lessonId: string, exerciseId: string): Exercise =>
  course.find((l) => l.id === lessonId)!.exercises!.find((e) => e.id === exerciseId)!

describe('a whole-number quantity is the number or it is wrong', () => {
  const shape = find('shapes', 'product-shape')
  // W is 6 × 3 and X is 3 × 4: Z = WX + b is 6 × 4, the inner 3 summed away
  const v = { k: 6, m: 3, n: 4 }

  it('rows of Z: 6 is correct, every other whole number is wrong, 3 named as the inner size', () => {
    expect(markExercise(shape, v, { rows: '6' }).byKey.rows.status).toBe('correct')
    expect(markExercise(shape, v, { rows: '6.0' }).byKey.rows.status).toBe('correct')
    for (const typed of ['0', '1', '2', '3', '4', '5', '7', '8', '12', '18', '60', '-6', '5.5']) {
      const m = markExercise(shape, v, { rows: typed }).byKey.rows
      expect(m.status, typed).toBe('wrong')
      expect(m.message, typed).not.toMatch(/significant|digits/)
      expect(m.message, typed).toContain('The exact value is 6.')
    }
    expect(markExercise(shape, v, { rows: '3' }).byKey.rows.message).toContain('inner size')
    expect(markExercise(shape, v, { rows: '4' }).byKey.rows.slip).toBeUndefined()
    // a count has no decimal point: 60 is not named as a shifted one
    expect(markExercise(shape, v, { rows: '60' }).byKey.rows.slip).toBeUndefined()
    expect(markExercise(shape, v, { rows: '5.5' }).byKey.rows.message).toContain('whole number')
  })

  it('columns of Z: 4 is correct, 3 is the inner size, 1 is plain wrong', () => {
    expect(markExercise(shape, v, { cols: '4' }).byKey.cols.status).toBe('correct')
    const inner = markExercise(shape, v, { cols: '3' }).byKey.cols
    expect([inner.status, inner.slip?.message]).toEqual([
      'wrong',
      'That is the inner size, which the product sums away.',
    ])
    expect(markExercise(shape, v, { cols: '1' }).byKey.cols.status).toBe('wrong')
  })

  it('graded work names no value for a wrong whole number either', () => {
    const m = markExercise(shape, v, { rows: '5' }, {}, false).byKey.rows
    expect(m.status).toBe('wrong')
    expect(m.message).not.toContain('6')
  })

  it('0 for an answer of 0 is correct; 0 or 1 for a step unit’s other output is wrong', () => {
    const step = find('xor-221', 'step-network')
    // x = (0, 0): h₁ = step(−0.5) = 0, h₂ = step(−1.5) = 0, ŷ = step(−0.5) = 0
    const zero = markExercise(step, { x1: 0, x2: 0 }, { h1: '0', h2: '1', yhat: '0' })
    expect([zero.byKey.h1.status, zero.byKey.h2.status, zero.byKey.yhat.status]).toEqual([
      'correct',
      'wrong',
      'correct',
    ])
    // x = (1, 0): h₁ = step(0.5) = 1, h₂ = step(−0.5) = 0, ŷ = step(1 − 0 − 0.5) = 1
    const one = markExercise(step, { x1: 1, x2: 0 }, { h1: '0', h2: '0', yhat: '1' })
    expect([one.byKey.h1.status, one.byKey.h2.status, one.byKey.yhat.status]).toEqual([
      'wrong',
      'correct',
      'correct',
    ])
  })

  it('every blank whose answer is always a whole number is declared whole, in every lesson', () => {
    // the hand-worked answers decide which blanks are counts: an integer at each of 30 seeds
    const counts: string[] = []
    for (const lesson of course)
      for (const exercise of (lesson.exercises ?? []).filter((e) => !e.lab)) {
        const id = `${lesson.id}/${exercise.id}`
        for (const blank of exercise.blanks) {
          const answers = Array.from(
            { length: 30 },
            (_, s) => ANSWERS[id](valuesOf(exercise, s + 1, lesson.id))[blank.key],
          )
          const whole = answers.every((a) => Number.isInteger(a))
          expect(blank.kind === 'whole', `${id} ${blank.key}`).toBe(whole)
          if (!whole) continue
          counts.push(`${id} ${blank.key}`)
          // and it is judged exactly: every other whole number near the answer is wrong
          answers.forEach((a, s) => {
            const values = valuesOf(exercise, s + 1, lesson.id)
            for (let n = 0; n <= 2 * a + 3; n++) {
              const m = markExercise(exercise, values, { [blank.key]: String(n) }).byKey[blank.key]
              expect(m.status, `${id} ${blank.key} ${n} for ${a}`).toBe(
                n === a ? 'correct' : 'wrong',
              )
            }
          })
        }
      }
    expect(counts).toEqual([
      'shapes/product-shape rows',
      'shapes/product-shape cols',
      'shapes/gradient-shape rows',
      'shapes/gradient-shape cols',
      'hidden-layer/parameter-count count',
      'batch-vs-sgd/updates-per-epoch updates',
      'xor-221/step-network h1',
      'xor-221/step-network h2',
      'xor-221/step-network yhat',
      'xor-221/dead-relu alive',
      'playground/parameter-count count',
    ])
  })
})

describe('a real quantity still needs its digits: 0 is never correct for a value that is not 0', () => {
  // the developers' guide: "0 marked correct" was once a fault
  it.each([
    ['0', 0.004],
    ['0.00', 0.004],
    ['0', 0.3775],
    ['0', -0.004],
    ['0.0', 0.04],
  ])('%s for %s is too few digits, not correct', (typed, exact) => {
    const m = markValue({ key: 'x', typed, exact })
    expect(m.status).toBe('imprecise')
  })

  it('0.004 and 0.0040 for 0.004 are correct; 0 for 0 is correct', () => {
    expect(markValue({ key: 'x', typed: '0.004', exact: 0.004 }).status).toBe('correct')
    expect(markValue({ key: 'x', typed: '0.0040', exact: 0.004 }).status).toBe('correct')
    expect(markValue({ key: 'x', typed: '0', exact: 0 }).status).toBe('correct')
  })
})
