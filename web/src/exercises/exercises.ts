// Exercise numbers and marks: seeded draws per exercise, and marks by check-my-work's own per-value
// rule (markValue in math/checkWork.ts): the same digits rule, rounding and truncation, and slip naming
// as the worked examples, with each exercise's slips plus the generic ones as the slip set.
import {
  markValue,
  type CheckResult,
  type Mark,
  type QuantityKind,
  type ValueSlip,
} from '../math/checkWork'
import { plural } from '../math/plural'
import { mulberry32 } from '../math/random'
import type { Draw, Exercise, ExerciseSlip, Values } from './types'

/** FNV-1a of the text: a stable 32-bit number per lesson and exercise id. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193)
  return h >>> 0
}

/** Seeded draws for one exercise: the same seed, lesson and exercise give the same numbers. */
export function drawer(seed: number, lessonId: string, exerciseId: string): Draw {
  const rand = mulberry32((seed ^ hash(`${lessonId}/${exerciseId}`)) >>> 0)
  const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d
  return {
    num(lo, hi, decimals = 1) {
      for (let k = 0; k < 20; k++) {
        const x = round(lo + rand() * (hi - lo), decimals)
        if (x !== 0 || (lo === 0 && hi === 0)) return x
      }
      return hi
    },
    int: (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(rand() * items.length)],
  }
}

/** The values of `exercise` for this seed in this lesson. */
export function valuesOf(exercise: Exercise, seed: number, lessonId: string): Values {
  return exercise.generate(drawer(seed, lessonId, exercise.id))
}

/**
 * The generic slips: the sign flipped and, for a real quantity, the decimal point shifted 1–3 places
 * (a whole number, a count, has no decimal point to shift).
 */
function genericSlips(
  key: string,
  exact: number,
  kind: QuantityKind,
): (ExerciseSlip & ValueSlip)[] {
  const sign = { key, id: 'flipped-sign' as const, value: -exact, message: 'The sign is flipped.' }
  if (kind === 'whole') return [sign]
  const shifts = [-3, -2, -1, 1, 2, 3].map((p) => ({
    key,
    id: 'decimal-shift' as const,
    value: exact * 10 ** p,
    message: `The decimal point is shifted ${plural(Math.abs(p), 'place')} to the ${p > 0 ? 'right' : 'left'}.`,
  }))
  return [sign, ...shifts]
}

/**
 * Marks typed answers (blank key → text) of `exercise` at `values`. Blanks left empty are not marked;
 * the result has the shape CheckMyWork shows (labels come from the blanks). A lab's prediction is
 * marked against what the run gave (`ran`, blank key → value); a choice's mark names the choice.
 * `reveal` false (graded work, embed option `answers=0`): no message states the expected value.
 */
export function markExercise(
  exercise: Exercise,
  values: Values,
  answers: Readonly<Record<string, string>>,
  ran: Readonly<Record<string, number>> = {},
  reveal = true,
): CheckResult {
  const own = exercise.slips?.(values) ?? []
  const marks: Mark[] = exercise.blanks
    .filter((b) => (answers[b.key] ?? '').trim() !== '')
    .map((blank) => {
      const typed = answers[blank.key]
      const exact = ran[blank.key] ?? blank.exact?.(values) ?? NaN
      if (!Number.isFinite(exact)) {
        const message = 'Run it first: the run gives the answer.'
        return { key: blank.key, typed, exact, decimals: 0, status: 'invalid', message }
      }
      const choices = blank.choices?.(values)
      if (choices) {
        // a choice is the right one or not: no digits to weigh, so anything but exact is wrong
        const said = (x: number) => choices.find((c) => c.value === x)?.label ?? String(x)
        const mark = markValue({ key: blank.key, typed, exact })
        if (mark.status === 'invalid') return mark
        if (mark.status === 'correct')
          return { ...mark, message: `The run says ${said(exact)} too.` }
        const message = reveal
          ? `The run says ${said(exact)}, not ${said(mark.value ?? NaN)}.`
          : `Not ${said(mark.value ?? NaN)}.`
        return { ...mark, status: 'wrong', message }
      }
      const slips: ValueSlip[] = [
        ...own.filter((s) => s.key === blank.key),
        ...genericSlips(blank.key, exact, blank.kind ?? 'real'),
      ]
      return markValue({ key: blank.key, typed, exact, slips, reveal, kind: blank.kind })
    })
  const byKey = Object.fromEntries(marks.map((m) => [m.key, m]))
  const firstWrong = marks.find((m) => m.status === 'wrong')?.key ?? null
  return { marks, byKey, firstWrong }
}

/**
 * Each blank's latest mark over the checks of one numbers set (blank key → mark): `before` with the
 * marks of `result` in place of theirs. Checking one value at a time ("rows of Z", then "columns of
 * Z") and a whole worked chain at once then count alike: see {@link isSolved}.
 */
export function latestMarks(
  before: Readonly<Record<string, Mark>>,
  result: CheckResult,
): Record<string, Mark> {
  return { ...before, ...result.byKey }
}

/**
 * True when every blank of `exercise` is marked correct in `marks` (blank key → its latest mark, from
 * {@link latestMarks}, or one check's `byKey`): the one rule for solving an exercise.
 */
export function isSolved(exercise: Exercise, marks: Readonly<Record<string, Mark>>): boolean {
  return exercise.blanks.every((b) => marks[b.key]?.status === 'correct')
}
