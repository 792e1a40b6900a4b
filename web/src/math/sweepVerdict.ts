// What happened to each copy of a learning-rate sweep, named (notes 003: "too large η: overshoot, too
// small: slow"): diverged / oscillating / saturated / converged / stalled / slow / unsettled. Each verdict
// follows from the copy's own loss history and from its η's position among the others, never from how
// close it came to the best copy (#12). Where the same η run from starts a hair apart ends differently,
// it is chaotic and the spread is reported instead of one verdict (judgeStarts). Reads the engine's
// loss history and activations; computes no network maths itself. Pure TS, tested on real engine runs.

import { plural } from './plural'

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

interface VerdictOptions {
  /** Part of the history judged (the end). @default 0.25 */
  window?: number
  /** A rise of the loss by more than this share of its value counts as "goes up". @default 0.05 */
  riseShare?: number
  /** Rises in the window needed to call it oscillating. @default 3 */
  rises?: number
  /** The loss moved by less than this share over the window: flat (stalled or saturated). @default 0.01 */
  flatShare?: number
  /**
   * A flat copy has stalled only when its fall over the window is below this share of its fastest fall
   * over any stretch of the same length: it slowed down. A copy falling at the same small pace from its
   * start is slow, not stalled. @default 0.25
   */
  slowedShare?: number
  /**
   * Each copy's verdict at the previous judging of the same sweep (same order), for hysteresis: a copy
   * that was stalled, saturated or converged keeps that word until its window change passes twice the
   * share that made it so (and a stalled one until its pace passes twice `slowedShare`). @default []
   */
  previous?: readonly (Verdict | undefined)[]
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

const pct = (x: number) => `${Math.round(x * 100)} %`
/** A share as a percentage with two significant digits below 10 % (0.0085 → '0.85 %'). */
const pctFine = (x: number) =>
  Math.abs(x) >= 0.1 || x === 0 ? pct(x) : `${Number((x * 100).toPrecision(2))} %`
const fmt = (x: number) => (Number.isFinite(x) ? x.toPrecision(3) : String(x))

/**
 * What the verdicts read of one loss history: its finite losses, their running minimum and a running
 * count of rises by more than `share`. Kept per history array: a history that grows in place (the
 * sweep's curves, judged every few frames) is read only for its new points, so judging stays as cheap
 * at update 100,000 as at 100 (#11). A history that is shorter than when last read, or whose last
 * entry read then differs now, is read again from its start; other changes in place are not seen, so
 * a caller changes a history only by appending to it.
 */
interface LossStats {
  share: number
  /** Entries of the history read so far, and the last of them. */
  read: number
  lastRead: number | null | undefined
  l: number[]
  low: number[]
  /** rises[k]: rises among l[1..k]. */
  rises: number[]
}
const stats = new WeakMap<readonly (number | null)[], LossStats>()
function statsOf(losses: readonly (number | null)[], share: number): LossStats {
  let s = stats.get(losses)
  if (
    !s ||
    s.share !== share ||
    losses.length < s.read ||
    (s.read > 0 && !Object.is(losses[s.read - 1], s.lastRead))
  ) {
    s = { share, read: 0, lastRead: undefined, l: [], low: [], rises: [] }
    stats.set(losses, s)
  }
  const { l, low, rises } = s
  for (; s.read < losses.length; s.read++) {
    const x = losses[s.read]
    if (x === null || !Number.isFinite(x)) continue
    const k = l.length
    l.push(x)
    low.push(k ? Math.min(x, low[k - 1]) : x)
    rises.push(k ? rises[k - 1] + (x > l[k - 1] * (1 + share) ? 1 : 0) : 0)
  }
  s.lastRead = losses[losses.length - 1]
  return s
}

/** The window of `s` (its last `window` share, at least 10): rises in it and its relative change. */
function windowOf(s: LossStats, window: number) {
  const len = s.l.length
  const size = Math.min(len, Math.max(10, Math.floor(len * window)))
  if (size < 2) return { rises: 0, change: 0, size }
  const [first, last] = [s.l[len - size], s.l[len - 1]]
  const change = Math.abs(last - first) / Math.max(Math.abs(first), 1e-300)
  return { rises: s.rises[len - 1] - s.rises[len - size], change, size }
}

/** Rises of more than `share` of the loss between consecutive updates, and the window's relative change. */
export const windowStats = (losses: readonly number[], window = 0.25, share = 0.05) =>
  windowOf(statsOf(losses, share), window)

/**
 * How fast the loss reaches new lows, over stretches of `n` consecutive losses: the fall of its running
 * minimum (the lowest loss so far) across the stretch, as a share of that minimum at the stretch's
 * start. `last` for the last stretch, `fastest()` the largest over every stretch (the last included;
 * it reads every stretch, so it is asked only when needed). Never negative: a bump up is no fall, and
 * a bump back down to an old low is none either, so a loss wandering on a plateau measures flat. A
 * steady slow fall has last ≈ fastest; a plateau after a fast fall has last ≪ fastest.
 * @param s the history's finite losses; fewer than `n` (or n < 2) give last 0, fastest 0.
 * @param n stretch length.
 */
function fallPace(s: LossStats, n: number) {
  const { low } = s
  const len = low.length
  if (len < n || n < 2) return { last: 0, fastest: () => 0 }
  const fall = (i: number) => (low[i] - low[i + n - 1]) / Math.max(Math.abs(low[i]), 1e-300)
  const fastest = () => {
    let most = 0
    for (let i = 0; i + n <= len; i++) most = Math.max(most, fall(i))
    return most
  }
  return { last: fall(len - n), fastest }
}

/**
 * Names what happened to every copy, from its own history (the window: its last quarter of updates, at
 * least 10):
 * - diverged: the engine stopped it; oscillating: the loss rose by > 5 % at least 3 times;
 * - converged: the last loss is ≤ 0.001, or it moved by < 1 % over the window after falling at
 *   least tenfold from its own start, with sigmoid units not pinned (a copy still falling is not);
 * - flat (< 1 % change over the window): saturated with ≥ 80 % of sigmoid outputs pinned near 0 or 1;
 * - stalled: its lowest loss fell by under 1 % over the window AND by under a quarter of its fastest
 *   fall over any stretch of the same length (fallPace: the relative decrease of the running minimum,
 *   so bumps on a plateau do not count as falls). That is the shape of a plateau (a flat stretch after
 *   a fall); whether the loss falls again later, no history can tell, so the reason says so. A copy at
 *   a tiny η whose loss falls by 0.5 % per window from its very start has not slowed down (pace ≈ its
 *   fastest): it is slow, not stalled, however small the fall (#12).
 * - still falling: `slow` when its η is below every copy that converged, saturated, oscillated or
 *   diverged; otherwise `unsettled`: still moving at an η above one of those, so not a slow one.
 * Robustness: the stalled/slow line is two measures (flatness and slow-down against its own fastest
 * pace), so a steady fall is never stalled whatever its size; and with `options.previous` the flat
 * verdicts hold until their measure passes twice its threshold (hysteresis), so a copy whose change
 * hovers around 1 % keeps one word instead of flipping at every judging, and starts 1e-12 apart judged
 * with the same `previous` get the same word.
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
    slowedShare: 0.25,
    pinnedAtLeast: 0.8,
    convergedBelow: 1e-3,
    settledShare: 0.01,
    ownDrop: 10,
    ...options,
  }
  const previous = options.previous ?? []
  const own = copies.map((c, k): CopyVerdict | null => {
    // hysteresis: a word the copy already had holds until its measure passes twice the threshold
    const held = (v: Verdict) => (previous[k] === v ? 2 : 1)
    if (c.divergedAt !== null) {
      return {
        verdict: 'diverged',
        reason: `the loss blew up after ${plural(c.divergedAt, 'update')} (not a finite number, or past 1000 × its first loss)`,
      }
    }
    const st = statsOf(c.losses, o.riseShare)
    const s = { first: st.l[0] ?? NaN, last: st.l.at(-1) ?? NaN, ...windowOf(st, o.window) }
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
    const flat = s.change < o.flatShare * held('saturated')
    const settled = s.change < o.settledShare * held('converged')
    // asked only of a copy that is flat or settled (a function costs an engine forward pass)
    const share =
      flat || settled
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
    if (!pinned && settled && s.first / s.last >= o.ownDrop) {
      return {
        verdict: 'converged',
        reason: `${at}: it ${settledFor(o.settledShare)}, after falling from ${fmt(s.first)}`,
      }
    }
    const pace = fallPace(st, s.size)
    const h = held('stalled')
    if (pace.last >= o.flatShare * h) return null
    const fastest = pace.fastest()
    if ((fastest > 0 ? pace.last / fastest : 0) >= o.slowedShare * h) return null
    return {
      verdict: 'stalled',
      reason:
        fastest > 0
          ? `${at}: its lowest loss fell ${pctFine(pace.last)} over the last ${s.size} updates, against ${pctFine(fastest)} in its fastest ${s.size}: it slowed down after falling from ${fmt(s.first)} (a plateau if it falls again later)`
          : `${at}: it has not fallen below its first loss ${fmt(s.first)}`,
    }
  })
  const settled = copies
    .filter((_, k) => own[k] !== null && own[k]?.verdict !== 'stalled')
    .map((c) => c.learningRate)
  const lowestSettled = Math.min(...settled)
  return copies.map((c, k) => {
    const v = own[k]
    if (v) return v
    const st = statsOf(c.losses, o.riseShare)
    const { size } = windowOf(st, o.window)
    const falling = `still falling: its lowest loss fell ${pctFine(fallPace(st, size).last)} over the last ${size} updates (loss ${fmt(st.l.at(-1) ?? NaN)})`
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
const finalOf = (c: CopyHistory, riseShare = 0.05): number | null => {
  if (c.divergedAt !== null) return null
  if (c.finalLoss !== undefined) return c.finalLoss
  return statsOf(c.losses, riseShare).l.at(-1) ?? null
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
    const finals = runs.map((r) => finalOf(r[c], options.riseShare))
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
      reason: `the outcome here depends on the ${decimal} decimal of the start weights. Of ${runs.length} starts up to ${apart} apart, ${ways}${losses}`,
      spread: { starts: runs.length, min, max, finals, counts },
    }
  })
}
