// "Check my work": marks the numbers a student typed against the engine's exact values, to the
// precision they typed, recognising carried-forward errors and common slips. No DOM, no Vue.

import type { NetworkSpec, Trace } from '../engine/types'
import { decimalsTyped, formatNumber, parseNumber } from './format'
import { buildQuantities, evaluateLocal, type QuantityOptions } from './quantities'
import { slipCandidates, type SlipId } from './slips'

/** The verdict on one typed value. */
export type MarkStatus = 'correct' | 'truncated' | 'consistent' | 'wrong' | 'invalid'

/** The mark of one typed value. */
export interface Mark {
  key: string
  status: MarkStatus
  /** What the student typed. */
  typed: string
  /** The parsed number (absent when invalid). */
  value?: number
  /** The engine's exact value (NaN for an unknown key). */
  exact: number
  /** Decimal places the answer is marked to (negative for tens, hundreds…). */
  decimals: number
  /** For `consistent`: the local formula on the student's own inputs. */
  fromOwnInputs?: number
  /** For `wrong`: the slip the value matches, if any. */
  slip?: { id: SlipId; message: string }
  /** One or two sentences for the learner. */
  message: string
}

/** All marks plus where things first went wrong. */
export interface CheckResult {
  /** Marks of the typed keys, in dependency order (unknown keys last). */
  marks: Mark[]
  byKey: Record<string, Mark>
  /** The first key marked `wrong` in dependency order, or `null`. */
  firstWrong: string | null
}

/** |x| scaled to `d` decimal places, with a small tolerance for binary round-off. */
function scaled(x: number, d: number): { v: number; eps: number } {
  const v = Math.abs(x) * 10 ** d
  return { v, eps: 1e-9 + v * 1e-12 }
}

/** True when `typed` equals `exact` rounded half away from zero to `d` decimal places. */
export function roundsTo(exact: number, typed: number, d: number): boolean {
  const e = scaled(exact, d)
  return sameDigits(Math.floor(e.v + 0.5 + e.eps), exact, typed, d)
}

/** True when `typed` equals `exact` cut off (truncated towards zero) after `d` decimal places. */
export function truncatesTo(exact: number, typed: number, d: number): boolean {
  const e = scaled(exact, d)
  return sameDigits(Math.floor(e.v + e.eps), exact, typed, d)
}

function sameDigits(n: number, exact: number, typed: number, d: number): boolean {
  const t = Math.round(Math.abs(typed) * 10 ** d)
  if (n === 0 || t === 0) return n === t
  return n === t && Math.sign(exact) === Math.sign(typed)
}

const matches = (exact: number, typed: number, d: number): boolean =>
  roundsTo(exact, typed, d) || truncatesTo(exact, typed, d)

/** The exact value cut to d places, as text (for messages). */
function cut(x: number, d: number, round: boolean): string {
  const e = scaled(x, d)
  const n = Math.floor(e.v + (round ? 0.5 : 0) + e.eps)
  const s = (Math.sign(x) * n * 10 ** -d).toFixed(Math.max(0, d))
  return s.startsWith('-') ? `−${s.slice(1)}` : s
}

/**
 * Marks `answers` (key → typed text) for the selected sample of `trace`.
 * A value is `correct` when it equals the exact value rounded to the decimals typed, `truncated`
 * when it equals it cut off there, `consistent` when it is neither but equals (rounded or cut) the
 * key's local formula evaluated on the student's own typed inputs (exact values for inputs not
 * typed): an error carried forward. Otherwise `wrong`, and the slip catalogue names a likely cause.
 */
export function checkWork(
  spec: NetworkSpec,
  trace: Trace,
  answers: Readonly<Record<string, string>>,
  options: QuantityOptions = {},
): CheckResult {
  const q = buildQuantities(spec, trace, options)
  const typedValues = new Map<string, number>()
  for (const [key, text] of Object.entries(answers)) {
    const p = parseNumber(text)
    if (p.ok && q.byKey.has(key)) typedValues.set(key, p.value)
  }
  const keys = [
    ...q.order.filter((k) => k in answers),
    ...Object.keys(answers).filter((k) => !q.byKey.has(k)),
  ]
  const marks = keys.map((key) => markOne(key, answers[key]))
  const byKey = Object.fromEntries(marks.map((m) => [m.key, m]))
  const firstWrong = marks.find((m) => m.status === 'wrong')?.key ?? null
  return { marks, byKey, firstWrong }

  function markOne(key: string, typed: string): Mark {
    const quantity = q.byKey.get(key)
    const exact = quantity?.value ?? NaN
    const base = { key, typed, exact, decimals: 0 }
    if (!quantity) return { ...base, status: 'invalid', message: `${key} is not a quantity here.` }
    const p = parseNumber(typed)
    if (!p.ok) return { ...base, status: 'invalid', message: p.message }
    const value = p.value
    const d = decimalsTyped(typed)
    const mark = { ...base, value, decimals: d }
    const exactText = formatNumber(exact, 9)
    if (roundsTo(exact, value, d)) {
      return { ...mark, status: 'correct', message: `Correct to ${places(d)}.` }
    }
    if (truncatesTo(exact, value, d)) {
      const message = `${typed.trim()} is ${exactText} cut off after ${places(d)}; rounded it is ${cut(exact, d, true)}.`
      return { ...mark, status: 'truncated', message }
    }
    const typedInputs = quantity.inputs.filter((k) => typedValues.has(k))
    if (typedInputs.length > 0) {
      const own = evaluateLocal(q, key, typedValues)
      if (matches(own, value, d)) {
        const message = `Not the exact value (${exactText}), but it follows from your own ${typedInputs.join(', ')}: an error carried forward.`
        return { ...mark, status: 'consistent', fromOwnInputs: own, message }
      }
    }
    const slip = slipCandidates(spec, trace, q.sample, key, exact).find((c) =>
      matches(c.value, value, d),
    )
    const message = `The exact value is ${exactText}.${slip ? ` ${slip.message}` : ''}`
    return {
      ...mark,
      status: 'wrong',
      message,
      ...(slip && { slip: { id: slip.id, message: slip.message } }),
    }
  }
}

function places(d: number): string {
  if (d < 0) return `the nearest ${10 ** -d}`
  return d === 1 ? '1 decimal place' : `${d} decimal places`
}
