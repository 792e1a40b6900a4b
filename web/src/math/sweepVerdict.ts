// What happened to each copy of a learning-rate sweep, named (notes 003: "too large η: overshoot, too
// small: slow"): diverged / oscillating / saturated / converged / stalled / slow / unsettled. Each verdict
// follows from the copy's own loss history and from its η's position among the others, never from how
// close it came to the best copy (#12). Reads the engine's loss history and activations; computes no
// network maths itself. Pure TS, tested on real engine runs.

export type Verdict =
  'diverged' | 'oscillating' | 'saturated' | 'converged' | 'stalled' | 'slow' | 'unsettled'

export interface CopyHistory {
  learningRate: number
  /** Loss before each update so far; null once the copy was stopped. */
  losses: readonly (number | null)[]
  /** Update at which the engine stopped the copy (non-finite, or 1000 × its first loss). */
  divergedAt: number | null
  /** Share of sigmoid activations (every sigmoid layer, every sample) within `pinnedWithin` of 0 or 1; null without sigmoid units. */
  pinnedShare: number | null
}

export interface VerdictOptions {
  /** Part of the history judged (the end). @default 0.25 */
  window?: number
  /** A rise of the loss by more than this share of its value counts as "goes up". @default 0.05 */
  riseShare?: number
  /** Rises in the window needed to call it oscillating. @default 3 */
  rises?: number
  /** The loss moved by less than this share over the window: flat (stalled or saturated). @default 0.01 */
  flatShare?: number
  /** Share of pinned sigmoid activations that makes a flat copy saturated. @default 0.8 */
  pinnedAtLeast?: number
  /** Converged whatever else: the last loss is at most this (absolute, like the embed's event). @default 1e-3 */
  convergedBelow?: number
  /** A copy has converged when it moved by less than this share over the window after falling by `ownDrop`. @default 0.01 */
  settledShare?: number
  /** The fall from its own start that a settled copy needs to count as converged. @default 10 */
  ownDrop?: number
}

export interface CopyVerdict {
  verdict: Verdict
  /** One plain sentence with the numbers behind it. */
  reason: string
}

const finite = (xs: readonly (number | null)[]): number[] =>
  xs.filter((x): x is number => x !== null && Number.isFinite(x))
const pct = (x: number) => `${Math.round(x * 100)} %`
const fmt = (x: number) => (Number.isFinite(x) ? x.toPrecision(3) : String(x))

/** Rises of more than `share` of the loss between consecutive updates, and the window's relative change. */
export function windowStats(losses: readonly number[], window = 0.25, share = 0.05) {
  const n = Math.max(10, Math.floor(losses.length * window))
  const w = losses.slice(-n)
  let rises = 0
  for (let k = 1; k < w.length; k++) if (w[k] > w[k - 1] * (1 + share)) rises++
  const change =
    w.length > 1 ? Math.abs(w[w.length - 1] - w[0]) / Math.max(Math.abs(w[0]), 1e-300) : 0
  return { rises, change, size: w.length }
}

/**
 * Names what happened to every copy, from its own history (the last quarter of its updates):
 * - diverged: the engine stopped it; oscillating: the loss rose by > 5 % at least 3 times;
 * - converged: the last loss is ≤ 0.001, or it moved by < 1 % over the window after falling at
 *   least tenfold from its own start, with sigmoid units not pinned (a copy still falling is not);
 * - flat (< 1 % change): saturated with ≥ 80 % of sigmoid outputs pinned near 0 or 1, else stalled;
 * - still falling: `slow` when its η is below every copy that converged, saturated, oscillated or
 *   diverged; otherwise `unsettled`: still moving at an η above one of those, so not a slow one.
 */
export function classifySweep(
  copies: readonly CopyHistory[],
  options: VerdictOptions = {},
): CopyVerdict[] {
  const o = {
    window: 0.25,
    riseShare: 0.05,
    rises: 3,
    flatShare: 0.01,
    pinnedAtLeast: 0.8,
    convergedBelow: 1e-3,
    settledShare: 0.01,
    ownDrop: 10,
    ...options,
  }
  const own = copies.map((c): CopyVerdict | null => {
    const l = finite(c.losses)
    const s = {
      first: l[0] ?? NaN,
      last: l[l.length - 1] ?? NaN,
      ...windowStats(l, o.window, o.riseShare),
    }
    if (c.divergedAt !== null) {
      return {
        verdict: 'diverged',
        reason: `diverged after ${c.divergedAt} update${c.divergedAt === 1 ? '' : 's'}: the loss blew up (not a finite number, or past 1000 × its first loss)`,
      }
    }
    if (s.rises >= o.rises) {
      return {
        verdict: 'oscillating',
        reason: `the loss rose by more than ${pct(o.riseShare)} ${s.rises} times in the last ${s.size} updates`,
      }
    }
    const at = `loss ${fmt(s.last)}`
    if (s.last <= o.convergedBelow) {
      return { verdict: 'converged', reason: `${at}, below ${o.convergedBelow}` }
    }
    const pinned = c.pinnedShare !== null && c.pinnedShare >= o.pinnedAtLeast
    const flat = s.change < o.flatShare
    if (flat && pinned) {
      return {
        verdict: 'saturated',
        reason: `${pct(c.pinnedShare ?? 0)} of sigmoid outputs are pinned near 0 or 1 and the loss is flat (${at})`,
      }
    }
    const settledFor = (share: number) =>
      `changed less than ${pct(share)} over the last ${s.size} updates`
    if (!pinned && s.change < o.settledShare && s.first / s.last >= o.ownDrop) {
      return {
        verdict: 'converged',
        reason: `${at}: it ${settledFor(o.settledShare)}, after falling from ${fmt(s.first)}`,
      }
    }
    if (!flat) return null
    const flatFor = settledFor(o.flatShare)
    return {
      verdict: 'stalled',
      reason: `${at}: it ${flatFor} without falling tenfold from ${fmt(s.first)} (a plateau)`,
    }
  })
  const settled = copies
    .filter((_, k) => own[k] !== null && own[k]?.verdict !== 'stalled')
    .map((c) => c.learningRate)
  const lowestSettled = Math.min(...settled)
  return copies.map((c, k) => {
    const v = own[k]
    if (v) return v
    const l = finite(c.losses)
    const s = windowStats(l, o.window, o.riseShare)
    const falling = `still falling: ${pct(s.change)} over the last ${s.size} updates (loss ${fmt(l[l.length - 1] ?? NaN)})`
    if (c.learningRate < lowestSettled || settled.length === 0) {
      return { verdict: 'slow', reason: `${falling}; not there yet` }
    }
    return {
      verdict: 'unsettled',
      reason: `${falling}, at an η above copies that converged or overshot: not a slow one`,
    }
  })
}

/** Share of values within `within` of 0 or 1: how pinned sigmoid outputs are. */
export function pinnedShareOf(activations: readonly number[], within = 0.02): number | null {
  if (activations.length === 0) return null
  return activations.filter((a) => a < within || a > 1 - within).length / activations.length
}
