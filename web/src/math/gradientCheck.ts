// The notes' "numerical ε": what a backprop gradient beside a central-difference one means, said
// honestly. A difference quotient cannot see a gradient below what ε resolves in floating point, and a
// step that crosses a ReLU kink measures the mean of two one-sided slopes. Only the wording, the verdict
// and the relative error here; the engine computes every number.

import { formatNumber } from './format'
import { plural } from './plural'

/** |analytic − numeric| / max(|analytic|, |numeric|), and 0 when both are 0. */
export function relativeError(analytic: number, numeric: number): number {
  const scale = Math.max(Math.abs(analytic), Math.abs(numeric))
  return scale === 0 ? 0 : Math.abs(analytic - numeric) / scale
}

/** What a check found, from the engine's numbers for one parameter at one ε. */
export interface CheckNumbers {
  analytic: number
  /** (L(p + ε) − L(p − ε)) / 2ε */
  numeric: number
  /** (L(p) − L(p − ε)) / ε and (L(p + ε) − L(p)) / ε */
  left: number
  right: number
  /** ±ε moved a ReLU / leaky-ReLU unit across net = 0. */
  kink: boolean
  /** The unperturbed loss L(p). */
  loss: number
  epsilon: number
}

export type CheckVerdict =
  'agree' | 'close' | 'kink' | 'kink-mismatch' | 'too-small' | 'disagree' | 'not-finite'

/** Rounding units of L(p ± ε) that a forward pass of a small network can carry (a safe margin). */
const ROUNDING_UNITS = 16

/**
 * The smallest gradient a central difference with step ε can resolve at loss L: L(p ± ε) are each
 * rounded to about ulp(L), so their difference over 2ε is uncertain by about
 * ROUNDING_UNITS · 2⁻⁵² · |L| / ε. Below it the quotient is round-off noise.
 */
export function resolutionOf(loss: number, epsilon: number): number {
  return (ROUNDING_UNITS * Number.EPSILON * Math.max(Math.abs(loss), Number.MIN_VALUE)) / epsilon
}

/**
 * The spacing of doubles at `x` (its unit in the last place): 2^(⌊log₂|x|⌋ − 52) for normal x.
 * L(p ± ε) are stored to this spacing, so (L(p + ε) − L(p − ε)) / 2ε can only take multiples of
 * ulp(L) / 2ε (quotientStep), whatever the network.
 */
export function ulpOf(x: number): number {
  const a = Math.abs(x)
  if (!Number.isFinite(a) || a < 2 ** -1022) return 2 ** -1074
  let e = Math.floor(Math.log2(a))
  if (2 ** e > a)
    e-- // log2 rounded up just below a power of two
  else if (2 ** (e + 1) <= a) e++
  return 2 ** (e - 52)
}

/** The step a central difference moves in at loss L with step ε: ulp(L) / 2ε. */
export function quotientStep(loss: number, epsilon: number): number {
  return ulpOf(loss) / (2 * epsilon)
}

/**
 * How far a difference quotient can be from the one exact arithmetic would give from the same
 * parameters: L(p) and L(p ± ε) each carry round-off of about resolutionOf(L, ε) · ε
 * (ROUNDING_UNITS · 2⁻⁵² · |L|), so the central difference (L(p + ε) − L(p − ε)) / 2ε is uncertain
 * by about resolutionOf(L, ε), and a one-sided slope, a difference over ε, by twice that.
 */
function quotientUncertainty(loss: number, epsilon: number, oneSided = false): number {
  return (oneSided ? 2 : 1) * resolutionOf(loss, epsilon)
}

/**
 * The decimal places a difference quotient at loss L and step ε supports: down to the place of its
 * uncertainty's leading digit (quotientUncertainty), as a measured value is written to the place of
 * its uncertainty; at least 0. At L ≈ 0.036 and ε = 10⁻⁶ the uncertainty is 1.3×10⁻¹⁰: 10 decimals.
 */
export function supportedDecimals(loss: number, epsilon: number, oneSided = false): number {
  const u = quotientUncertainty(loss, epsilon, oneSided)
  return Number.isFinite(u) && u > 0 ? Math.max(0, -Math.floor(Math.log10(u))) : 0
}

/**
 * A difference quotient written to the decimals it supports (supportedDecimals), with at most 9
 * significant digits (what the backprop value beside it shows) and at least 1 (a quotient below its
 * uncertainty keeps its first digit; the caption says it is too small to check).
 */
export function formatQuotient(x: number, loss: number, epsilon: number, oneSided = false): string {
  if (!Number.isFinite(x) || x === 0) return formatNumber(x)
  const digits =
    Math.floor(Math.log10(Math.abs(x))) + 1 + supportedDecimals(loss, epsilon, oneSided)
  return formatNumber(x, Math.min(9, Math.max(1, digits)))
}

/**
 * What the screen says under the numbers: why they end where they do, e.g. "L = 0.036 is known to
 * about 1.3×10⁻¹⁶ (16 × 2⁻⁵² × L, round-off), which over ε = 1×10⁻⁶ is 1.3×10⁻¹⁰: the central
 * difference is shown to 10 decimals; further digits would be round-off."
 * @param options.slopes the one-sided slopes are shown too (a kink). @default false
 * @param options.symbol the loss's symbol on the page. @default 'L'
 */
export function quotientDigitsNote(
  loss: number,
  epsilon: number,
  options: { slopes?: boolean; symbol?: string } = {},
): string {
  const L = options.symbol ?? 'L'
  const each = resolutionOf(loss, epsilon) * epsilon
  const d = supportedDecimals(loss, epsilon)
  const d1 = supportedDecimals(loss, epsilon, true)
  const places = (n: number) => plural(n, 'decimal')
  const sides = !options.slopes
    ? ''
    : d1 === d
      ? ', as are the one-sided slopes'
      : `, the one-sided slopes (twice the uncertainty) to ${places(d1)}`
  const known = `${L} = ${formatNumber(loss, 3)} is known to about ${g(each)} (${ROUNDING_UNITS} × 2⁻⁵² × ${L}, round-off), which over ε = ${formatNumber(epsilon, 3)} is ${g(resolutionOf(loss, epsilon))}`
  if (resolutionOf(loss, epsilon) >= 1)
    return `${known}: not one decimal of the differences is reliable at this ε (they keep their first digit only).`
  return `${known}: the central difference is shown to ${places(d)}${sides}; further digits would be round-off.`
}

/**
 * The smallest relative error a check can tell from 0: the central difference's uncertainty
 * (quotientUncertainty) over the larger of the two gradients. Below it |backprop − numerical| is
 * round-off of L(p ± ε); at L = 0.298, ε = 10⁻⁶ and a gradient of 0.082 it is 1.06×10⁻⁹ / 0.082 =
 * 1.3×10⁻⁸. Infinite when both gradients are 0.
 */
export function relativePrecision(
  c: Pick<CheckNumbers, 'analytic' | 'numeric' | 'loss' | 'epsilon'>,
): number {
  const scale = Math.max(Math.abs(c.analytic), Math.abs(c.numeric))
  return scale === 0 ? Infinity : quotientUncertainty(c.loss, c.epsilon) / scale
}

/**
 * The relative error as far as the check supports it: written to the place of its uncertainty
 * (relativePrecision), at most 2 significant digits ("3.4×10⁻⁷", "6×10⁻⁸"); when it is below the
 * uncertainty, that it is ("under about 1×10⁻⁸, the check's precision"), never a figure made of
 * round-off. Not a number when a gradient is not finite.
 */
export function formatRelativeError(
  c: Pick<CheckNumbers, 'analytic' | 'numeric' | 'loss' | 'epsilon'>,
): string {
  if (![c.analytic, c.numeric, c.loss].every(Number.isFinite)) return 'not a number'
  const rel = relativeError(c.analytic, c.numeric)
  const precision = relativePrecision(c)
  if (!Number.isFinite(precision)) return 'none (both are 0)'
  if (rel < precision) return `under about ${formatNumber(precision, 1)}, the check’s precision`
  const digits = Math.floor(Math.log10(rel)) - Math.floor(Math.log10(precision)) + 1
  return formatNumber(rel, Math.min(2, Math.max(1, digits)))
}

/** Relative agreement of two slopes up to the check's own error (truncation ~ε, round-off ~resolution). */
function matches(a: number, b: number, c: CheckNumbers): boolean {
  const tol = Math.max(resolutionOf(c.loss, c.epsilon), 1e-3 * Math.max(Math.abs(a), Math.abs(b)))
  return Math.abs(a - b) <= tol
}

/**
 * The verdict: `not-finite`; `kink` when the step crossed a ReLU kink and backprop equals one of the
 * one-sided slopes (the derivative-0-at-0 convention picks a side), `kink-mismatch` when it equals
 * neither; `agree` when they are equal; `too-small` when both gradients are below what ε resolves; `agree` below a relative error
 * of 1e-7 (or a difference below the resolution); `close` below 1e-4; otherwise `disagree`.
 */
export function checkVerdict(c: CheckNumbers): CheckVerdict {
  const rel = relativeError(c.analytic, c.numeric)
  if (![c.analytic, c.numeric, c.loss].every(Number.isFinite)) return 'not-finite'
  const resolution = resolutionOf(c.loss, c.epsilon)
  if (c.kink)
    return matches(c.analytic, c.left, c) || matches(c.analytic, c.right, c)
      ? 'kink'
      : 'kink-mismatch'
  if (c.analytic === c.numeric) return 'agree'
  if (Math.max(Math.abs(c.analytic), Math.abs(c.numeric)) < resolution) return 'too-small'
  if (rel < 1e-7 || Math.abs(c.analytic - c.numeric) < resolution) return 'agree'
  if (rel < 1e-4) return 'close'
  return 'disagree'
}

const f = (x: number): string => formatNumber(x, 9)
const g = (x: number): string => formatNumber(x, 2)

/**
 * A caption such as "Backprop 0.0821670406, numerical (ε = 1×10⁻⁶) 0.0821670406: relative error
 * 3.1×10⁻¹⁰, they agree." At a kink it gives both one-sided slopes and the convention; below the
 * resolution it says what limits the check: the central difference moves in steps of ulp(L)/2ε, so a
 * gradient below one step is too small to check, and above it the error is round-off from ε, in steps.
 * The loss is written `symbol`, the page's own (J in the course, E_total in notes 004's example).
 */
export function numericalGradientCaption(c: CheckNumbers, symbol = 'J'): string {
  // The quotients to the decimals they support (formatQuotient), backprop's value to 9 digits.
  const q = (x: number, oneSided = false) => formatQuotient(x, c.loss, c.epsilon, oneSided)
  const head = `Backprop ${f(c.analytic)}, numerical (ε = ${formatNumber(c.epsilon, 3)}) ${q(c.numeric)}`
  const rel = relativeError(c.analytic, c.numeric)
  switch (checkVerdict(c)) {
    case 'not-finite':
      return `${head}: one of them is not a finite number.`
    case 'kink': {
      const side = matches(c.analytic, c.left, c) ? 'left' : 'right'
      return `${head}. The step ±ε crosses a kink: a ReLU unit’s net input passes 0, where ReLU has no derivative. Slope from the left ${q(c.left, true)}, from the right ${q(c.right, true)}; the central difference is their mean. Backprop takes the ${side}-hand value, by the convention the notes discuss (ReLU′(0) = 0 at net = 0), so there is no bug: the two numbers answer different questions.`
    }
    case 'kink-mismatch':
      return `${head}. The step ±ε crosses a ReLU kink (slope from the left ${q(c.left, true)}, from the right ${q(c.right, true)}), and backprop matches neither side: check the backward pass.`
    case 'too-small': {
      // What is exactly true at this ε: L(p ± ε) are stored in steps of ulp(L), so the quotient moves
      // in steps of ulp(L)/2ε; the error shown is |backprop − numerical| in those steps.
      const step = quotientStep(c.loss, c.epsilon)
      const stored = `At a loss of ${formatNumber(c.loss, 3)}, ${symbol}(p ± ε) are stored in steps of ${g(ulpOf(c.loss))} (one unit in the last place), so the central difference with ε = ${formatNumber(c.epsilon, 3)} can only move in steps of ${g(step)}`
      const err = Math.abs(c.analytic - c.numeric)
      if (Math.max(Math.abs(c.analytic), Math.abs(c.numeric)) < step)
        return `${head}: too small to check with this ε. ${stored}, and both gradients are below one step (round-off, not a disagreement). A larger ε resolves smaller gradients.`
      const steps = err / step
      const many = steps < 0.5 ? 'under one step' : `about ${plural(Math.round(steps), 'step')}`
      return `${head}: ε is too small for this check, not the gradient. ${stored}; the numerical value is ${Math.round(c.numeric / step)} of those steps and its error, ${g(err)} (relative ${g(rel)}), is ${many}: round-off from the tiny ε, not a disagreement. A larger ε (10⁻⁶, say) checks this gradient.`
    }
    case 'agree':
      if (rel < relativePrecision(c))
        return Math.max(Math.abs(c.analytic), Math.abs(c.numeric)) === 0
          ? `${head}: both are 0, so they agree to within what ε resolves, about ${formatNumber(resolutionOf(c.loss, c.epsilon), 1)}.`
          : `${head}: they agree to within the check’s precision, about ${formatNumber(relativePrecision(c), 1)} relative (the round-off of ${symbol} = ${formatNumber(c.loss, 3)} over ε); a smaller difference cannot be seen at this ε.`
      return `${head}: relative error ${formatRelativeError(c)}, they agree.`
    case 'close':
      return `${head}: relative error ${formatRelativeError(c)}, more than round-off. The check cannot decide at this ε: the central difference’s own error grows like ε², so if a smaller ε shrinks the difference it was that, and if not, check the backward pass.`
    case 'disagree':
      return c.epsilon > TRUNCATION_FREE
        ? `${head}: relative error ${formatRelativeError(c)}. At ε = ${formatNumber(c.epsilon, 3)} the central difference’s own error, of order ε², can be this large, so the check cannot decide: try ε = 10⁻⁶ before blaming the backward pass.`
        : `${head}: relative error ${formatRelativeError(c)}, they disagree: the backward pass probably has a bug.`
  }
}

/**
 * The largest ε at which a relative error of 10⁻⁴ cannot be the central difference's truncation (of
 * order ε² times the loss's third derivative over its first, about 1 for these networks): above it a
 * large difference may be the step's fault, not backprop's.
 */
const TRUNCATION_FREE = 1e-3

/** The ε values of the error-against-ε plot: 10⁻¹² to 10⁻¹ in half decades. */
export const SWEEP_EPSILONS: readonly number[] = Array.from({ length: 23 }, (_, k) =>
  Number((10 ** (-12 + k / 2)).toPrecision(3)),
)
