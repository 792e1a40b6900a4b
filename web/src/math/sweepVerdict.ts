// What happened to each copy of a learning-rate sweep, named (notes 003: "too large η: overshoot, too
// small: slow"): diverged / oscillating / saturated / converged / slow. Reads the engine's loss history
// and activations; computes no network maths itself. Pure TS, tested on real engine runs.

export type Verdict = 'diverged' | 'oscillating' | 'saturated' | 'converged' | 'slow'

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
  /** The loss moved by less than this share over the window: flat. @default 0.01 */
  flatShare?: number
  /** Share of pinned sigmoid activations that makes a flat copy saturated. @default 0.8 */
  pinnedAtLeast?: number
  /** Converged: this share of the best copy's drop, measured in orders of magnitude (log10 first/last). @default 0.75 */
  ofBestDrop?: number
}

export interface CopyVerdict {
  verdict: Verdict
  /** One plain sentence with the numbers behind it. */
  reason: string
}

const finite = (xs: readonly (number | null)[]): number[] =>
  xs.filter((x): x is number => x !== null && Number.isFinite(x))
const pct = (x: number) => `${Math.round(x * 100)} %`

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

/** Names what happened to every copy; "converged" is relative to the best copy of the same sweep. */
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
    ofBestDrop: 0.75,
    ...options,
  }
  const stats = copies.map((c) => {
    const l = finite(c.losses)
    return {
      l,
      first: l[0] ?? NaN,
      last: l[l.length - 1] ?? NaN,
      ...windowStats(l, o.window, o.riseShare),
    }
  })
  const healthy = stats.filter(
    (s, k) => copies[k].divergedAt === null && s.rises < o.rises && s.l.length > 0,
  )
  const best = Math.min(...healthy.map((s) => s.last))
  return copies.map((c, k) => {
    const s = stats[k]
    if (c.divergedAt !== null) {
      return {
        verdict: 'diverged',
        reason: `stopped at update ${c.divergedAt + 1}: the loss blew up (non-finite or 1000 × its start)`,
      }
    }
    if (s.rises >= o.rises) {
      return {
        verdict: 'oscillating',
        reason: `the loss rose by more than ${pct(o.riseShare)} ${s.rises} times in the last ${s.size} updates`,
      }
    }
    // Orders of magnitude: 0.07 is not "nearly" 0.003 just because both are far below a start of 0.85.
    const drop = Math.log10(s.first / s.last)
    const bestDrop = Math.log10(s.first / best)
    const reached = bestDrop > 0 ? drop / bestDrop : 1
    const flat = s.change < o.flatShare
    if (reached >= o.ofBestDrop) {
      return {
        verdict: 'converged',
        reason: `came down ${pct(Math.min(1, reached))} of the way (in orders of magnitude) to the sweep’s best loss`,
      }
    }
    if (flat && c.pinnedShare !== null && c.pinnedShare >= o.pinnedAtLeast) {
      return {
        verdict: 'saturated',
        reason: `${pct(c.pinnedShare)} of sigmoid outputs are pinned near 0 or 1 and the loss is flat`,
      }
    }
    return {
      verdict: 'slow',
      reason: `only ${pct(Math.max(0, reached))} of the way (in orders of magnitude) to the sweep’s best loss`,
    }
  })
}

/** Share of values within `within` of 0 or 1: how pinned sigmoid outputs are. */
export function pinnedShareOf(activations: readonly number[], within = 0.02): number | null {
  if (activations.length === 0) return null
  return activations.filter((a) => a < within || a > 1 - within).length / activations.length
}
