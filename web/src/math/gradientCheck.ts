// The notes' "numerical ε": text comparing a backprop gradient with a central-difference one.
// Only the wording and the relative error; the engine computes both numbers.

import { formatNumber } from './format'

/** |analytic − numeric| / max(|analytic|, |numeric|), and 0 when both are 0. */
export function relativeError(analytic: number, numeric: number): number {
  const scale = Math.max(Math.abs(analytic), Math.abs(numeric))
  return scale === 0 ? 0 : Math.abs(analytic - numeric) / scale
}

/**
 * A caption such as "Backprop 0.0821670406, numerical (ε = 1×10⁻⁶) 0.0821670406: relative error
 * 3.1×10⁻¹⁰, they agree." Below 1e-7 they agree; below 1e-4 they are close (a kink of ReLU at 0 or
 * a large ε can do this); above that the backward pass probably has a bug.
 */
export function numericalGradientCaption(analytic: number, numeric: number, eps: number): string {
  const rel = relativeError(analytic, numeric)
  const f = (x: number): string => formatNumber(x, 9)
  const verdict = !Number.isFinite(rel)
    ? 'one of them is not a finite number.'
    : rel < 1e-7
      ? 'they agree.'
      : rel < 1e-4
        ? 'close, but check for a kink (ReLU at 0) or try a smaller ε.'
        : 'they disagree: the backward pass probably has a bug.'
  return `Backprop ${f(analytic)}, numerical (ε = ${formatNumber(eps, 3)}) ${f(numeric)}: relative error ${formatNumber(rel, 2)}, ${verdict}`
}
