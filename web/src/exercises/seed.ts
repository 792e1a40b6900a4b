// Where an exercise seed comes from: the one place to switch to the link codec of #11 when it lands.
import type { LocationQuery } from 'vue-router'

/** Largest seed a link may carry. */
export const MAX_SEED = 999_999

/**
 * The seed of this visit's exercise numbers: `exseed=<1…999999>` in the route's query (a teacher's link),
 * or null when the link has none (or a malformed one) and fresh numbers should be drawn.
 */
export function seedFromQuery(query: LocationQuery): number | null {
  const raw = query.exseed
  const text = Array.isArray(raw) ? raw[0] : raw
  if (typeof text !== 'string' || !/^\d{1,6}$/.test(text)) return null
  const n = Number(text)
  return n >= 1 && n <= MAX_SEED ? n : null
}

/** A fresh seed in 1…999999 (new numbers each visit, so a class cannot share answers). */
export function freshSeed(): number {
  return 1 + Math.floor(Math.random() * MAX_SEED)
}
