// Where an exercise seed comes from: the lesson's link (links/, which passes `exseed` on untouched), or
// the route's query where no lesson link is provided (component tests, other hosts).
import type { LocationQuery } from 'vue-router'
import { passedOn } from '../links/codec'
import { injectLessonLink } from '../links/useLink'

/** Largest seed a link may carry. */
export const MAX_SEED = 999_999

/** The seed in `exseed=<1…999999>` text, or null when absent or malformed. */
export function parseSeed(text: string | null | undefined): number | null {
  if (typeof text !== 'string' || !/^\d{1,6}$/.test(text)) return null
  const n = Number(text)
  return n >= 1 && n <= MAX_SEED ? n : null
}

/**
 * The seed of this visit's exercise numbers (a teacher's link), or null when the link has none (or a
 * malformed one) and fresh numbers should be drawn. Call in a component's setup.
 */
export function linkedSeed(query: LocationQuery): number | null {
  const link = injectLessonLink()
  if (link) {
    const part = passedOn(link.opened)
      .split('&')
      .find((p) => p.startsWith('exseed='))
    return parseSeed(part?.slice('exseed='.length))
  }
  const raw = query.exseed
  return parseSeed(Array.isArray(raw) ? raw[0] : raw)
}

/** A fresh seed in 1…999999 (new numbers each visit, so a class cannot share answers). */
export function freshSeed(): number {
  return 1 + Math.floor(Math.random() * MAX_SEED)
}
