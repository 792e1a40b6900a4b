// Where an exercise seed comes from: the lesson's link (`exseed`, one of every lesson's link keys:
// EXERCISE_FIELDS), or the route's query where no lesson link is provided (component tests, other hosts).
import type { LocationQuery } from 'vue-router'
import { linkedFields, number } from '../links/fields'

/** Largest seed a link may carry. */
const MAX_SEED = 999_999

/**
 * The exercises' numbers set in the lesson's link (`exseed=<1…999999>`). Its own value 0 means "none
 * yet": the list draws one at the first visit and writes it into the link, so a reload, Back and Share
 * link give the same numbers (#11). Declared in every lesson's link keys (LessonView).
 */
export const EXERCISE_FIELDS = linkedFields({
  seed: number('exseed', 'exercise numbers set', 0, { min: 1, max: MAX_SEED, whole: true }),
})

/** The seed in `exseed=<1…999999>` text, or null when absent or malformed. */
function parseSeed(text: string | null | undefined): number | null {
  if (typeof text !== 'string' || !/^\d{1,6}$/.test(text)) return null
  const n = Number(text)
  return n >= 1 && n <= MAX_SEED ? n : null
}

/** The seed in a route's query (no lesson link around: component tests, other hosts), or null. */
export function querySeed(query: LocationQuery): number | null {
  const raw = query.exseed
  return parseSeed(Array.isArray(raw) ? raw[0] : raw)
}

/** A fresh seed in 1…999999 (new numbers for each learner, so a class cannot share answers). */
export function freshSeed(): number {
  return 1 + Math.floor(Math.random() * MAX_SEED)
}
