// "Check my work": marks the numbers a student typed against the engine's exact values, to the
// precision they typed, recognising carried-forward errors and common slips. No DOM, no Vue.
//
// The digits rule (#12). A typed answer is marked to the decimal places it carries, and it must carry
// enough digits to be told apart from other values:
// 1. a value equal to the exact one (to 1e-12, relative) is correct however it is written (0 for 0);
// 2. otherwise it needs at least MIN_SIGNIFICANT = 2 significant figures: '0' or '0.4' for 0.3775 and
//    '1' for 0.75136507 say too little to be right, and are marked `imprecise`, never correct (a value
//    exactly equal to what a catalogued slip gives is still named as that slip); only a value that
//    agrees at the digits typed (rounded or cut off, from the exact value or the learner's own inputs)
//    is `imprecise`: '0.8' for 0.35 cannot be right at any precision and is `wrong`;
// 3. an answer that matches the exact value but, at the same digits, also matches what a catalogued
//    wrong method gives (slips.ts) is `imprecise` until it carries DISTINCT_SIGNIFICANT = 4 figures or
//    tells the two apart.
// The rule is for measured quantities (kind 'real'). A whole-number quantity (kind 'whole': a count, a
// shape, an index, a step unit's 0 or 1) has no digits to weigh: it is the number or it is wrong.

import type { NetworkSpec, Trace } from '../engine/types'
import { decimalsTyped, formatNumber, parseNumber, significantDigits } from './format'
import { buildQuantities, evaluateLocal, type QuantityOptions } from './quantities'
import { slipCandidates, type SlipId } from './slips'

/** The verdict on one typed value. */
export type MarkStatus =
  'correct' | 'truncated' | 'consistent' | 'close' | 'imprecise' | 'wrong' | 'invalid'
/** How each verdict reads on screen, as the mark's badge (check-my-work and the labs' marks). */
export const MARK_WORDS: Record<MarkStatus, string> = {
  correct: 'Correct',
  truncated: 'Truncated',
  consistent: 'Consistent',
  close: 'Close',
  imprecise: 'Too few digits',
  wrong: 'Wrong',
  invalid: 'Not a finite number',
}

/**
 * What kind of number a quantity is, declared where the quantity is (an exercise's blank): 'real' (a
 * value computed to some precision, marked by the digits rule above) or 'whole' (a count, a shape, an
 * index: marked exactly, every other number is `wrong`, never `imprecise`).
 */
export type QuantityKind = 'real' | 'whole'

/**
 * A mark's message says why, never the verdict again: the badge beside it (MARK_WORDS) is the one
 * verdict word ("Correct  Correct: η = 1.05." said it twice).
 */
const EXACTLY = 'Exactly this value.'

/** Significant figures every answer needs unless it equals the exact value exactly. */
const MIN_SIGNIFICANT = 2
/** Up to this many figures, an answer must also be distinguishable from every catalogued slip. */
const DISTINCT_SIGNIFICANT = 4

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
  /** Significant figures of the typed text ('0.3775' → 4, '0' → 0). */
  significant?: number
  /** For `wrong` and `close`: the slip the value matches; for `imprecise`: the one it cannot be told from. */
  slip?: { id?: SlipId; message: string; also?: SlipId[] }
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
  return sameDigits(roundedAt(exact, d), exact, typed, d)
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
  const n = round ? roundedAt(x, d) : Math.floor(e.v + e.eps)
  const s = (Math.sign(x) * n * 10 ** -d).toFixed(Math.max(0, d))
  return s.startsWith('-') ? `−${s.slice(1)}` : s
}

/**
 * Marks `answers` (key → typed text) for the selected sample of `trace`.
 * A value is `correct` when it equals the exact value rounded to the decimals typed, `truncated`
 * when it equals it cut off there, `consistent` when it is neither but equals (rounded or cut) the
 * key's local formula evaluated on the student's own typed inputs (exact values for inputs not
 * typed): an error carried forward. It is `close` when it is what rounding early gives, `imprecise`
 * when it carries too few digits (see the digits rule at the top of this file), otherwise `wrong`,
 * and the slip catalogue names a likely cause. `reveal` false (graded work, embed option `answers=0`): no
 * message states the exact value (see {@link markValue}).
 */
export function checkWork(
  spec: NetworkSpec,
  trace: Trace,
  answers: Readonly<Record<string, string>>,
  options: QuantityOptions = {},
  reveal = true,
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
    if (!quantity) {
      const message = `${key} is not a quantity here.`
      return { key, typed, exact: NaN, decimals: 0, status: 'invalid', message }
    }
    const exact = quantity.value
    const typedInputs = quantity.inputs.filter((k) => typedValues.has(k))
    return markValue({
      key,
      typed,
      exact,
      slips: () => slipCandidates(spec, trace, q.sample, key, exact, q.learningRate),
      carried:
        typedInputs.length > 0
          ? () => ({ value: evaluateLocal(q, key, typedValues), inputs: typedInputs })
          : undefined,
      reveal,
    })
  }
}

/** A value some wrong method gives: a typed value that matches it is named by `message`. */
export interface ValueSlip {
  /** The catalogue's id (math/slips.ts); a lesson's own slip may have none. */
  id?: SlipId
  value: number
  message: string
  /** Right method, digits lost on the way (rounding early): marked `close`, not wrong. */
  close?: boolean
  /** For a rounding-early slip: the decimal places it rounded to. */
  places?: number
}

/** One typed value and what it is marked against (see {@link markValue}). */
interface ValueToMark {
  /** Names the mark (a quantity key or an exercise blank). */
  key: string
  /** The text as typed. */
  typed: string
  /** The exact value (double precision). */
  exact: number
  /** The wrong methods worth naming, or a function giving them (asked only when needed). */
  slips?: readonly ValueSlip[] | (() => readonly ValueSlip[])
  /**
   * For a quantity computed from others the learner also typed: the same formula on their own values
   * (an error carried forward is `consistent`, not wrong).
   */
  carried?: () => { value: number; inputs: string[] }
  /**
   * False in graded work (embed option `answers=0`): no message states the expected value, and no
   * slip is named that gives it by moving the decimal point or flipping the sign. @default true
   */
  reveal?: boolean
  /** 'whole' for a count, a shape or an index: judged exactly (see {@link QuantityKind}). @default 'real' */
  kind?: QuantityKind
}

/** Slips whose name gives the expected value at once from the typed one (withheld in graded work). */
const GIVEAWAY_SLIPS = new Set(['decimal-shift', 'flipped-sign'])

/** What a graded check says instead of the expected value. */
const WITHHELD = 'Not the expected value (graded work: the answer is not shown).'

/**
 * Marks one typed value against its exact value: the one marking rule of every check in the app (the
 * worked examples' check-my-work and every lesson's exercises). See the digits rule at the top of this
 * file. `correct` when it is the exact value, or that value rounded half away from zero to the decimals
 * typed (with at least MIN_SIGNIFICANT figures and, below DISTINCT_SIGNIFICANT, not also what a named
 * slip gives: else `imprecise`); `truncated` when it is the exact value cut off there; `consistent`
 * when it follows from the learner's own inputs (`carried`); `close` when it is what rounding early
 * gives, or (matching no slip, `reveal` only) when it is right to its first MIN_SIGNIFICANT or more
 * figures and not to all it typed (0.37750001 for 0.3775); otherwise `wrong`, naming every slip it
 * matches. Unparseable text is `invalid` with the
 * parser's message. Slips that are not finite or equal the exact value are ignored. A `whole` quantity
 * is `correct` only when it is the exact value and otherwise `wrong`, naming the slip it equals (if any).
 */
export function markValue({
  key,
  typed,
  exact,
  slips: given,
  carried,
  reveal = true,
  kind = 'real',
}: ValueToMark): Mark {
  const base = { key, typed, exact, decimals: 0 }
  const p = parseNumber(typed, { whole: kind === 'whole' })
  if (!p.ok) return { ...base, status: 'invalid', message: p.message }
  const value = p.value
  const d = decimalsTyped(typed)
  const significant = significantDigits(typed)
  const mark = { ...base, value, decimals: d, significant }
  const exactText = formatNumber(exact, 9)
  const text = typed.trim()
  const same = (x: number, y: number) => Math.abs(y - x) <= 1e-12 * Math.max(1, Math.abs(x))
  if (same(exact, value)) {
    return { ...mark, status: 'correct', message: EXACTLY }
  }
  const slips = (typeof given === 'function' ? given() : (given ?? [])).filter(
    (c) =>
      Number.isFinite(c.value) &&
      !same(exact, c.value) &&
      (reveal || c.id === undefined || !GIVEAWAY_SLIPS.has(c.id)),
  )
  if (kind === 'whole') {
    // a count has no precision: anything but the number itself is wrong, whatever its digits
    const slip = slips.find((c) => same(c.value, value))
    const verdict = reveal ? `The exact value is ${exactText}.` : WITHHELD
    const why = slip
      ? ` ${slip.message}`
      : Number.isInteger(value)
        ? ''
        : ' It is a whole number (a count, not a measurement).'
    const named = slip && { slip: { id: slip.id, message: slip.message } }
    return { ...mark, status: 'wrong', message: `${verdict}${why}`, ...named }
  }
  // Too few digits only when they agree with the exact value (rounded or cut off there), or with the
  // learner's own inputs: '0.3' or '0.4' for 0.35 may be right and say too little, but '0.8' cannot
  // become 0.35 however many digits follow, and is marked wrong below (#11).
  const own = once(() => carried?.())
  const agrees = () => {
    const o = own()
    return matches(exact, value, d) || (o !== undefined && matches(o.value, value, d))
  }
  if (significant < MIN_SIGNIFICANT && !slips.some((c) => same(c.value, value)) && agrees()) {
    const [below, above] = neighbours(value, d)
    const message = `${text} carries ${figures(significant)}: too few to tell one value from its neighbours (${below} and ${above} both round to ${text}). Type at least ${MIN_SIGNIFICANT} significant figures.`
    return { ...mark, status: 'imprecise', message }
  }
  const rounded = roundsTo(exact, value, d)
  if (rounded || truncatesTo(exact, value, d)) {
    const twin = slips.find((c) => !c.close && matches(c.value, value, d))
    if (twin && significant < DISTINCT_SIGNIFICANT) {
      const message = `At ${figures(significant)} this is also what a known slip gives (${twin.message}) Type more digits so that the two can be told apart.`
      return { ...mark, status: 'imprecise', message, slip: { id: twin.id, message: twin.message } }
    }
    if (rounded)
      return { ...mark, status: 'correct', message: `The exact value rounded to ${places(d)}.` }
    const message = reveal
      ? `${text} is ${exactText} cut off after ${places(d)}; rounded it is ${cut(exact, d, true)}.`
      : `${text} is the expected value cut off after ${places(d)}: round the last digit instead of cutting it.`
    return { ...mark, status: 'truncated', message }
  }
  const mine = own()
  if (mine && matches(mine.value, value, d)) {
    const message = `Not the exact value${reveal ? ` (${exactText})` : ''}, but it follows from your own ${mine.inputs.join(', ')}: an error carried forward.`
    return { ...mark, status: 'consistent', fromOwnInputs: mine.value, message }
  }
  const slip =
    significant < MIN_SIGNIFICANT
      ? slips.find((c) => same(c.value, value))
      : (slips.find((c) => matches(c.value, value, d)) ?? closeBetween(slips, value, d))
  // two wrong rules can give the very same number here (½ dropped from E′ and a sum over two
  // samples both double ∂E/∂w): name every one of them
  const twins = slip
    ? slips.filter(
        (c) =>
          c !== slip &&
          !c.close &&
          (c.id === undefined || c.id !== slip.id) &&
          Math.abs(c.value - slip.value) <= 1e-12,
      )
    : []
  const distinct = twins.filter(
    (c, k) =>
      twins.findIndex((o) => (c.id === undefined ? o.message === c.message : o.id === c.id)) === k,
  )
  const said = [slip?.message ?? '', ...distinct.map((c) => c.message)]
  const why = distinct.length ? `Either: ${said.join(' Or: ')}` : (slip?.message ?? '')
  const also = distinct.flatMap((c) => (c.id ? [c.id] : []))
  const named = slip && {
    slip: { id: slip.id, message: why, ...(also.length > 0 && { also }) },
  }
  if (slip?.close) {
    const message = reveal ? `${slip.message} The exact value is ${exactText}.` : slip.message
    return { ...mark, status: 'close', message, ...named }
  }
  const verdict = reveal ? `The exact value is ${exactText}.` : WITHHELD
  // right to its first figures and not after them (graded work says no more than 'wrong')
  const agreed = slip || !reveal ? 0 : figuresAgreed(exact, value, d, significant)
  if (agreed > 0) {
    const message = `Right to ${figures(agreed)} (${cut(value, d - (significant - agreed), true)}), not from the ${ordinal(agreed + 1)} on. Rounding part-way through often does this: keep every digit until the end. The exact value is ${exactText}.`
    return { ...mark, status: 'close', message }
  }
  const message = `${verdict}${slip ? ` ${why}` : ''}`
  return { ...mark, status: 'wrong', message, ...named }
}

/**
 * The most significant figures (at least MIN_SIGNIFICANT, fewer than the `significant` typed) at which
 * `value`, typed to `d` decimal places and rounded there, is `exact` rounded there; 0 when none: 0.37750001
 * for 0.3775 agrees to 7 figures, 0.3811 to 2, 0.39 to none.
 */
function figuresAgreed(exact: number, value: number, d: number, significant: number): number {
  for (let k = significant - 1; k >= MIN_SIGNIFICANT; k--) {
    const dk = d - (significant - k)
    if (roundsTo(exact, Math.sign(value) * roundedAt(value, dk) * 10 ** -dk, dk)) return k
  }
  return 0
}

/** |x| rounded half away from zero to `d` decimal places, in units of 10^−d. */
function roundedAt(x: number, d: number): number {
  const e = scaled(x, d)
  return Math.floor(e.v + 0.5 + e.eps)
}

/** 1 → '1st', 2 → '2nd', 3 → '3rd', 8 → '8th', 11 → '11th', 22 → '22nd'. */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${suffix}`
}

/**
 * When the ways of rounding early to 3 or more places surround `value` (within half a unit of the
 * typed precision), the one nearest to it: the learner rounded somewhere in between.
 */
function closeBetween(
  slips: readonly ValueSlip[],
  value: number,
  d: number,
): ValueSlip | undefined {
  const close = slips.filter((c) => c.close && c.places !== undefined && c.places >= 3)
  if (close.length === 0) return undefined
  const half = 0.5 * 10 ** -d
  const lo = Math.min(...close.map((c) => c.value)) - half
  const hi = Math.max(...close.map((c) => c.value)) + half
  if (value < lo || value > hi) return undefined
  const gap = (c: ValueSlip) => Math.abs(c.value - value)
  return close.reduce((best, c) => (gap(c) < gap(best) ? c : best))
}

/** `f`, called at most once. */
function once<T>(f: () => T): () => T {
  let done = false
  let value: T
  return () => {
    if (!done) [done, value] = [true, f()]
    return value
  }
}

/**
 * Two values that a number typed with `d` decimal places cannot tell apart: its value ± 0.4 units of
 * the last place typed, written with one more decimal ('0.4' → 0.36 and 0.44; '0' → −0.4 and 0.4;
 * '−0.4' → −0.44 and −0.36). The example in a "too few digits" message, made from what was typed, so
 * that it never names the exact value it withholds.
 */
function neighbours(value: number, d: number): [string, string] {
  const unit = 10 ** -d
  const write = (x: number) => x.toFixed(Math.max(0, d + 1)).replace('-', '−')
  return [write(value - 0.4 * unit), write(value + 0.4 * unit)]
}

function figures(n: number): string {
  if (n === 0) return 'no significant figure'
  return n === 1 ? '1 significant figure' : `${n} significant figures`
}

function places(d: number): string {
  if (d < 0) return `the nearest ${10 ** -d}`
  return d === 1 ? '1 decimal place' : `${d} decimal places`
}
