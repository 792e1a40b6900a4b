// What happened to each copy of a learning-rate sweep, named (notes 003: "too large η: overshoot, too
// small: slow"): diverged / oscillating / saturated / converged / stalled / slow / unsettled. Each verdict
// follows from the copy's own loss history and from its η's position among the others, never from how
// close it came to the best copy (#12). Where the same η run from starts a hair apart ends differently,
// it is chaotic and the spread is reported instead of one verdict (judgeStarts). Reads the engine's
// loss history and activations; computes no network maths itself. Pure TS, tested on real engine runs.

export type Verdict =
  | 'diverged'
  | 'oscillating'
  | 'saturated'
  | 'converged'
  | 'stalled'
  | 'slow'
  | 'unsettled'
  | 'chaotic'

export interface CopyHistory {
  learningRate: number
  /** Loss before each update so far; null once the copy was stopped. */
  losses: readonly (number | null)[]
  /** Update at which the engine stopped the copy (non-finite, or 1000 × its first loss). */
  divergedAt: number | null
  /**
   * Share of sigmoid activations (every sigmoid layer, every sample) within `pinnedWithin` of 0 or 1;
   * null without sigmoid units. Or a function computing it, called only for a copy whose loss is flat
   * (it costs a forward pass in the engine).
   */
  pinnedShare: number | null | (() => number | null)
  /** Loss over all rows after the last update (null once stopped); when absent, the last loss of `losses`. */
  finalLoss?: number | null
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
  /** Only for `chaotic`: how the starts ended. */
  spread?: StartSpread
}

/** How the runs of one η from several starts ended (judgeStarts). */
export interface StartSpread {
  /** Number of starts. */
  starts: number
  /** Smallest and largest final loss of the starts not stopped; null when every start was stopped. */
  min: number | null
  max: number | null
  /** Each start's final loss (null: stopped), in start order. */
  finals: (number | null)[]
  /** How many starts got each verdict, most frequent first. */
  counts: { verdict: Verdict; count: number }[]
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
    if (c.divergedAt !== null) {
      return {
        verdict: 'diverged',
        reason: `diverged after ${c.divergedAt} update${c.divergedAt === 1 ? '' : 's'}: the loss blew up (not a finite number, or past 1000 × its first loss)`,
      }
    }
    const l = finite(c.losses)
    const s = {
      first: l[0] ?? NaN,
      last: l[l.length - 1] ?? NaN,
      ...windowStats(l, o.window, o.riseShare),
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
    const flat = s.change < o.flatShare
    // asked only of a copy that is flat or settled (a function costs an engine forward pass)
    const share =
      flat || s.change < o.settledShare
        ? typeof c.pinnedShare === 'function'
          ? c.pinnedShare()
          : c.pinnedShare
        : null
    const pinned = share !== null && share >= o.pinnedAtLeast
    if (flat && pinned) {
      return {
        verdict: 'saturated',
        reason: `${pct(share ?? 0)} of sigmoid outputs are pinned near 0 or 1 and the loss is flat (${at})`,
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

/** A copy's final loss: the engine's loss after its last update, else the last finite loss it recorded. */
const finalOf = (c: CopyHistory): number | null => {
  if (c.divergedAt !== null) return null
  if (c.finalLoss !== undefined) return c.finalLoss
  const l = finite(c.losses)
  return l.length ? l[l.length - 1] : null
}

/**
 * The verdict of each η of a sweep run from several starts: the same network and data, start k with
 * every weight moved by k × `nudge` (run 0 is the start itself). Each start's sweep is named by
 * classifySweep; where every start gets the same verdict and their final losses agree within
 * `spreadShare` (or all were stopped), that verdict stands. Otherwise the outcome depends on digits of
 * the start far below anything meaningful, so no single verdict is true: `chaotic`, with the spread of
 * final losses and how many starts ended each way. (Gradient descent at a large η is a nonlinear
 * iterated map; where it is chaotic, differences of 1e-12 grow to the size of the loss.)
 * @param runs one sweep per start, every sweep with the same learning rates in the same order.
 * @param options.nudge the step between starts, for the sentence (10^-d names the d-th decimal). @default 1e-12
 * @param options.spreadShare final losses further apart than this share of the smallest disagree. @default 0.01
 * @throws Error when `runs` is empty or the sweeps differ in length.
 */
export function judgeStarts(
  runs: readonly (readonly CopyHistory[])[],
  options: VerdictOptions & { nudge?: number; spreadShare?: number } = {},
): CopyVerdict[] {
  if (runs.length === 0) throw new Error('judgeStarts: no runs')
  const n = runs[0].length
  if (runs.some((r) => r.length !== n)) throw new Error('judgeStarts: sweeps of different lengths')
  const nudge = options.nudge ?? 1e-12
  // Same verdict and final losses within a factor of 2: one outcome (5 slow copies ending at 0.00460 to
  // 0.00476 are not chaos; 0.18 against 0.002 is).
  const spreadShare = options.spreadShare ?? 1
  const named = runs.map((r) => classifySweep(r, options))
  const d = Math.round(-Math.log10(nudge))
  const sup = (k: number) =>
    String(k).replace(/[-\d]/g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)])
  const apart =
    nudge === 10 ** -d ? `${runs.length - 1} × 10${sup(-d)}` : fmt((runs.length - 1) * nudge)
  const decimal = `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`
  return named[0].map((first, c) => {
    const verdicts = named.map((v) => v[c].verdict)
    const finals = runs.map((r) => finalOf(r[c]))
    const shown = finals.filter((f): f is number => f !== null)
    const [min, max] = shown.length ? [Math.min(...shown), Math.max(...shown)] : [null, null]
    const sameVerdict = verdicts.every((v) => v === verdicts[0])
    const sameLoss = min === null || max === null || max - min <= spreadShare * Math.abs(min)
    if (runs.length === 1 || (sameVerdict && sameLoss)) return first
    const tally = new Map<Verdict, number>()
    for (const v of verdicts) tally.set(v, (tally.get(v) ?? 0) + 1)
    const counts = [...tally].map(([verdict, count]) => ({ verdict, count }))
    counts.sort((a, b) => b.count - a.count)
    const ways = counts.map((t) => `${t.count} ${t.verdict}`).join(', ')
    const losses = min === null || max === null ? '' : `; final loss ${fmt(min)} to ${fmt(max)}`
    return {
      verdict: 'chaotic',
      reason: `the outcome here depends on the ${decimal} decimal of the start weights: chaotic. Of ${runs.length} starts up to ${apart} apart, ${ways}${losses}`,
      spread: { starts: runs.length, min, max, finals, counts },
    }
  })
}
