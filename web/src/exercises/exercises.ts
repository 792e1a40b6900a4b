// Exercise numbers and marks: seeded draws per exercise, and marks with the rules of check-my-work
// (math/checkWork.ts): correct when the typed value is the exact one, or it rounded to the decimals
// typed with at least MIN_SIGNIFICANT figures and, below DISTINCT_SIGNIFICANT, not also what a named
// slip gives (else 'imprecise'); truncated when cut off there; otherwise wrong, naming a matching slip.
import {
  DISTINCT_SIGNIFICANT,
  MIN_SIGNIFICANT,
  roundsTo,
  truncatesTo,
  type CheckResult,
  type Mark,
} from '../math/checkWork'
import { decimalsTyped, formatNumber, parseNumber, significantDigits } from '../math/format'
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

/** The generic slips: the decimal point shifted 1–3 places, the sign flipped. */
function genericSlips(key: string, exact: number): ExerciseSlip[] {
  const shifts = [-3, -2, -1, 1, 2, 3].map((p) => ({
    key,
    value: exact * 10 ** p,
    message: `The decimal point is shifted ${Math.abs(p)} place${Math.abs(p) > 1 ? 's' : ''} to the ${p > 0 ? 'right' : 'left'}.`,
  }))
  return [{ key, value: -exact, message: 'The sign is flipped.' }, ...shifts]
}

function places(d: number): string {
  if (d < 0) return `the nearest ${10 ** -d}`
  return d === 1 ? '1 decimal place' : `${d} decimal places`
}

/**
 * Marks typed answers (blank key → text) of `exercise` at `values`. Blanks left empty are not marked;
 * the result has the shape CheckMyWork shows (labels come from the blanks).
 */
export function markExercise(
  exercise: Exercise,
  values: Values,
  answers: Readonly<Record<string, string>>,
): CheckResult {
  const own = exercise.slips?.(values) ?? []
  const marks: Mark[] = exercise.blanks
    .filter((b) => (answers[b.key] ?? '').trim() !== '')
    .map((blank) => {
      const typed = answers[blank.key]
      const exact = blank.exact(values)
      const base = { key: blank.key, typed, exact, decimals: 0 }
      const p = parseNumber(typed)
      if (!p.ok) return { ...base, status: 'invalid', message: p.message }
      const d = decimalsTyped(typed)
      const significant = significantDigits(typed)
      const value = p.value
      const mark = { ...base, value, decimals: d, significant }
      const same = (x: number) => Math.abs(value - x) <= 1e-12 * Math.max(1, Math.abs(x))
      if (same(exact))
        return { ...mark, status: 'correct', message: 'Correct: exactly this value.' }
      const slips = [...own.filter((s) => s.key === blank.key), ...genericSlips(blank.key, exact)]
        .filter((s) => Number.isFinite(s.value))
        .filter((s) => Math.abs(s.value - exact) > 1e-12 * Math.max(1, Math.abs(exact)))
      const matches = (x: number) => roundsTo(x, value, d) || truncatesTo(x, value, d)
      const text = typed.trim()
      if (significant < MIN_SIGNIFICANT && !slips.some((s) => same(s.value))) {
        return {
          ...mark,
          status: 'imprecise',
          message: `${text} carries too few significant figures to tell one value from its neighbours. Type at least ${MIN_SIGNIFICANT} (for example 0.38, not 0.4 or 0).`,
        }
      }
      const rounded = roundsTo(exact, value, d)
      if (rounded || truncatesTo(exact, value, d)) {
        const twin = slips.find((s) => matches(s.value))
        if (twin && significant < DISTINCT_SIGNIFICANT) {
          return {
            ...mark,
            status: 'imprecise',
            message: `At this precision it is also what a known slip gives (${twin.message}) Type more digits so that the two can be told apart.`,
          }
        }
        if (rounded) return { ...mark, status: 'correct', message: `Correct to ${places(d)}.` }
        return {
          ...mark,
          status: 'truncated',
          message: `${text} is ${formatNumber(exact, 9)} cut off after ${places(d)}; round it instead.`,
        }
      }
      const slip =
        significant < MIN_SIGNIFICANT
          ? slips.find((s) => same(s.value))
          : slips.find((s) => matches(s.value))
      return {
        ...mark,
        status: 'wrong',
        message: `The exact value is ${formatNumber(exact, 9)}.${slip ? ` ${slip.message}` : ''}`,
      }
    })
  const byKey = Object.fromEntries(marks.map((m) => [m.key, m]))
  const firstWrong = marks.find((m) => m.status === 'wrong')?.key ?? null
  return { marks, byKey, firstWrong }
}

/** True when every blank of `exercise` is marked correct. */
export function isSolved(exercise: Exercise, result: CheckResult): boolean {
  return exercise.blanks.every((b) => result.byKey[b.key]?.status === 'correct')
}
