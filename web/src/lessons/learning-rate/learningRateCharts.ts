// What the learning-rate panels draw, as data: ChartSeries for the sweep's loss curves and for final
// loss against η, and the one-line summary of the regimes. No maths beyond picking numbers.
import { cssVar, RAMP_ENDS, rampColours, verdictColours } from '../../components/charts/palette'
import type { SweepCopy } from '../../composables/useRateSweep'
import { formatNumber } from '../../math/format'
import { plural } from '../../math/plural'
import type { ChartSeries } from '../../math/series'
import type { CopyVerdict, Verdict } from '../../math/sweepVerdict'

export const eta = (lr: number) => formatNumber(lr, 2)

/**
 * The sweep chart's caption; its colour words are the names of the ramp's ends (RAMP_ENDS), the
 * colours sweepCurves gives the smallest and the largest η.
 */
export const sweepCaption = () =>
  `Loss of every copy before each update (${RAMP_ENDS.first.name}: smallest η, ${RAMP_ENDS.last.name}: largest η, mixed in between)`

/**
 * One curve per copy, from the ramp's first colour (smallest η, `copies[0]`) to its last (largest η);
 * a stopped copy ends in a labelled cross.
 */
export function sweepCurves(copies: readonly SweepCopy[]): ChartSeries[] {
  const first = copies.find((c) => c.divergedAt !== null)
  const colours = rampColours(copies.length)
  return copies.map((c, k) => ({
    label: `η = ${eta(c.learningRate)}`,
    y: c.losses,
    xStart: 1,
    color: colours[k],
    // One label (the smallest diverging η) and a cross on every stopped copy: labels would pile up.
    endLabel:
      c.divergedAt === null
        ? undefined
        : c === first
          ? `× diverged (η ≥ ${eta(c.learningRate)})`
          : '',
  }))
}

/**
 * End labels of the live run's curves: "SGD diverged after 40", one label per update count naming every
 * optimizer that diverged there ("SGD and Momentum diverged after 3"); the others get only the cross
 * (''), and a run still going gets none (undefined). Two labels written on one spot were unreadable
 * (#12); labels at different counts are stacked by the chart (placeEndLabels).
 * @param runners in the chart's order; a name's bracket ("Momentum (μ = 0.9)") is left out.
 */
export function liveEndLabels(
  runners: readonly { name: string; divergedAt: number | null }[],
): (string | undefined)[] {
  const short = (name: string) => name.replace(/ \(.*\)$/, '')
  return runners.map((r) => {
    if (r.divergedAt === null) return undefined
    const same = runners.filter((o) => o.divergedAt === r.divergedAt)
    if (same[0] !== r) return ''
    const names = same.map((o) => short(o.name))
    const who =
      names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
    return `${who} diverged after ${r.divergedAt}`
  })
}

export const verdictOrder: Verdict[] = [
  'slow',
  'converged',
  'stalled',
  'unsettled',
  'oscillating',
  'saturated',
  'chaotic',
  'diverged',
]
const verdictLabel: Record<Verdict, string> = {
  slow: 'slow (still falling)',
  converged: 'converged',
  stalled: 'stalled (flat after a fall)',
  unsettled: 'unsettled (still falling above converged η)',
  oscillating: 'oscillating (overshoot)',
  saturated: 'saturated',
  chaotic: 'chaotic (depends on the start)',
  diverged: 'diverged (no final loss: drawn on the top edge)',
}

/**
 * The best η of a sweep, by one stated rule: the copy with the lowest final loss (its loss before the
 * last update done) among the copies the engine did not stop and whose starts agree (a chaotic η has
 * no one final loss, `verdicts`); the smaller η on a tie. Its index into `copies`, or null while no
 * copy has a loss.
 */
export function bestCopy(
  copies: readonly SweepCopy[],
  verdicts: readonly CopyVerdict[] = [],
): number | null {
  let best: number | null = null
  copies.forEach((c, k) => {
    if (c.divergedAt !== null || c.finalLoss === null || !Number.isFinite(c.finalLoss)) return
    if (verdicts[k]?.verdict === 'chaotic') return
    if (best === null || c.finalLoss < (copies[best].finalLoss as number)) best = k
  })
  return best
}

/** The legend's name of the best copy's marker. */
export const bestLabel = (c: SweepCopy) => `best: η = ${eta(c.learningRate)} (lowest final loss)`

/** What a diverged copy's mark says in place of a loss, with the engine's count (its status and message). */
export const divergedNote = (c: SweepCopy) =>
  `diverged after ${plural(c.divergedAt ?? 0, 'update', 'updates', { grouped: true })}`

/**
 * Final loss against η, one marker series per verdict, a thin line through the finite ones, and a
 * larger ring around the best η (bestCopy). A diverged copy has no final loss: its cross is drawn on
 * the chart's top edge, above every loss, and says when it diverged (never at its last finite loss,
 * which can be lower than a slow copy's: #11).
 */
export function finalLossSeries(
  copies: readonly SweepCopy[],
  verdicts: readonly CopyVerdict[],
): ChartSeries[] {
  const colours = verdictColours()
  // the line joins single verdicts only: a chaotic η has no one final loss
  const line: ChartSeries = {
    label: 'final loss',
    x: copies.map((c) => c.learningRate),
    y: copies.map((c, k) =>
      c.divergedAt === null && verdicts[k]?.verdict !== 'chaotic' ? c.finalLoss : null,
    ),
    color: '#94a3b8',
    hideInLegend: true,
  }
  const groups = verdictOrder.map((v): ChartSeries => {
    const mine = copies.filter((_, k) => verdicts[k]?.verdict === v)
    if (v === 'chaotic') {
      // every start's final loss at its η: the spread, not one point (#12)
      const points = copies.flatMap((c, k) =>
        verdicts[k]?.verdict === v
          ? (verdicts[k].spread?.finals ?? []).flatMap((f) =>
              f === null ? [] : [{ x: c.learningRate, y: f }],
            )
          : [],
      )
      return {
        label: 'chaotic: final loss of each start',
        x: points.map((p) => p.x),
        y: points.map((p) => p.y),
        color: colours[v],
        pointRadius: 4,
      }
    }
    const diverged = v === 'diverged'
    return {
      label: verdictLabel[v],
      x: mine.map((c) => c.learningRate),
      y: mine.map((c) => (diverged ? c.lastLoss : c.finalLoss)),
      color: colours[v],
      pointRadius: diverged ? 6 : 5,
      ...(diverged && { shape: 'cross', atTop: true, notes: mine.map(divergedNote) }),
    }
  })
  const k = bestCopy(copies, verdicts)
  const best: ChartSeries[] =
    k === null
      ? []
      : [
          {
            label: bestLabel(copies[k]),
            x: [copies[k].learningRate],
            y: [copies[k].finalLoss],
            color: cssVar('--text', '#111827'),
            pointRadius: 10,
            shape: 'ring',
          },
        ]
  return [line, ...best, ...groups.filter((g) => g.y.length > 0)]
}

/** "Too small: slow up to η = …; converged from … to …; too large: …" from the verdicts, in η order. */
export function regimeSummary(
  copies: readonly SweepCopy[],
  verdicts: readonly CopyVerdict[],
): string[] {
  const lines: string[] = []
  for (const v of verdictOrder) {
    const rates = copies.filter((_, k) => verdicts[k]?.verdict === v).map((c) => c.learningRate)
    if (rates.length === 0) continue
    const span =
      rates.length === 1
        ? `η = ${eta(rates[0])}`
        : `η from ${eta(Math.min(...rates))} to ${eta(Math.max(...rates))}`
    lines.push(
      `${verdictLabel[v].replace(/ \(no final loss.*\)$/, '')}: ${rates.length} cop${rates.length === 1 ? 'y' : 'ies'}, ${span}`,
    )
  }
  return lines
}
