// η changed during a run (#11): every screen that lets the learner move η while it trains keeps the
// weights and trains on from that point, and says so the same way: a grey dashed vertical line on the loss
// chart at each change and the sentence of EtaChanges.vue ("η changed during the run (grey dashed lines):
// η = 0.1 from update 76"). Changes in quick succession (a slider moved key by key) are one burst:
// one line, one entry ("η 0.0501 → 0.158 in 10 changes during updates 217–241"). The worked examples' loss chart (LossChart.vue) and the lab panels use both.
import { ref, watch, type Ref } from 'vue'
import { cssVar } from '../components/charts/palette'
import { formatNumber } from '../math/format'
import type { ChartSeries } from '../math/series'
import type { EngineNetwork } from '../engine/network'

/** From update `update` on (that many updates done when it changed), the run used η = `eta`. */
interface EtaChange {
  update: number
  eta: number
}

/**
 * What the chart and the sentence show for one change of η or a burst of them (#11: ten presses of
 * ArrowRight on the slider drew ten dashed lines whose labels piled up). `update` is the count at the
 * first change, `last` the count at the last one (equal for a single change), `from` the η in force
 * before the first, `eta` the η in force from `last` on, `count` how many changes the burst holds
 * (counted as recorded: several changes at one count are one, the last of them).
 */
export interface EtaBurst extends EtaChange {
  last: number
  from: number
  count: number
}

/**
 * Successive changes fewer than this many updates (epochs, on a per-epoch chart) apart are one burst:
 * a rule on the counts, not on wall time, so the same run at another speed groups its changes the
 * same way. A change at least this many updates after the burst's last change starts a new one.
 */
export const ETA_BURST_GAP = 20

/**
 * Groups `steps` (the η in force from each count on, counts increasing, the first the run's own η at
 * count 0) into bursts: a change joins the burst before it when it came fewer than `gap` counts after
 * that burst's last change (a chain: a burst can be longer than `gap` when its changes keep coming).
 * The step at count 0 is the run's own η and is never a change; it gives the first burst its `from`.
 * @example mergeEtaChanges([{update: 0, eta: 0.05}, {update: 217, eta: 0.0562}, {update: 241, eta: 0.158}])
 *   → one burst { update: 217, last: 241, from: 0.05, eta: 0.158, count: 2 }
 */
export function mergeEtaChanges(
  steps: readonly EtaChange[],
  gap: number = ETA_BURST_GAP,
): EtaBurst[] {
  const bursts: EtaBurst[] = []
  let before = steps[0]?.eta ?? NaN
  for (const c of steps) {
    if (c.update <= 0) {
      before = c.eta
      continue
    }
    const open = bursts[bursts.length - 1]
    if (open && c.update - open.last < gap) {
      open.last = c.update
      open.eta = c.eta
      open.count++
    } else bursts.push({ update: c.update, last: c.update, from: before, eta: c.eta, count: 1 })
    before = c.eta
  }
  return bursts
}

/**
 * How the sentence under the chart and the chart's table name a change: "η = 0.1 from update 76" for
 * one, "η 0.0501 → 0.158 in 10 changes during updates 217–241" for a burst (the curve shows each step).
 */
export function etaChangeText(c: EtaBurst, unit: 'update' | 'epoch' = 'update'): string {
  const f = (x: number) => formatNumber(x, 7)
  if (c.count === 1) return `η = ${f(c.eta)} from ${unit} ${c.update}`
  return `η ${f(c.from)} → ${f(c.eta)} in ${c.count} changes during ${unit}s ${c.update}–${c.last}`
}

/** The rule, in the same words on every screen that trains several networks: `runs` e.g. "both runs". */
export const etaRule = (runs: string): string =>
  `Changing η keeps the weights: ${runs} train on from where they are, at the new η. Reset puts them back to the start weights.`

/** A new η for every running network (each keeps its weights); a refusal is said in `error`. */
export function applyRate(nets: readonly EngineNetwork[], lr: number, error: Ref<string>): void {
  for (const n of nets) {
    const r = n.setLearningRate(lr)
    if (!r.ok) error.value = r.message
  }
}

/**
 * The changes of `eta` during the run whose update (or epoch) count is `at()`: a change at count u
 * drops the changes recorded at u or later (a later change at the same count replaces it), and a
 * change back to the η already in force records nothing. When the count goes back (Undo) the changes
 * past it are dropped; at 0 (Reset, a new run) all of them, as `clear()` does.
 * `changes` holds only changes after the start (update > 0): a new η before any update is the run's own.
 * Changes close together are published as one burst (mergeEtaChanges, ETA_BURST_GAP); the record of
 * every single change is kept, so an Undo into a burst shortens it.
 */
export function useEtaChanges(
  eta: Ref<number>,
  at: () => number,
): { changes: Ref<EtaBurst[]>; clear: () => void } {
  let steps: EtaChange[] = [{ update: 0, eta: eta.value }]
  const changes = ref<EtaBurst[]>([])
  const publish = () => (changes.value = mergeEtaChanges(steps))
  watch(eta, (value) => {
    const u = at()
    const kept = steps.filter((c) => c.update < u)
    steps =
      kept.length && kept[kept.length - 1].eta === value
        ? kept
        : [...kept, { update: u, eta: value }]
    publish()
  })
  watch(at, (u, was) => {
    if (u >= was) return
    if (u === 0) return clear()
    steps = steps.filter((c) => c.update <= u)
    publish()
  })
  function clear(): void {
    steps = [{ update: 0, eta: eta.value }]
    publish()
  }
  return { changes, clear }
}

/**
 * The colour of every η-change line: the grey token --chart-note, which no series uses (#11: drawn in
 * momentum's purple, dashed like momentum's curve, the line read as another optimizer's).
 */
export const etaChangeColour = (): string => cssVar('--chart-note', '#64748b')

/**
 * One grey dashed vertical line per change or burst, at the count where it began, from the highest to
 * the lowest drawable loss of `curves` (only positive finite values, so it fits a log axis too),
 * labelled "η → 0.1" (a burst: "η → 0.158 (217–241)", the counts of its first and last change) with no
 * cross: a cross marks where a run stopped. The labels give way to other end labels and are left out
 * where they would cover one (placeEndLabels); the sentence under the chart keeps the whole record.
 * None when nothing is drawn.
 */
export function etaChangeMarks(
  changes: readonly EtaBurst[],
  curves: readonly ChartSeries[],
  unit: 'update' | 'epoch' = 'update',
): ChartSeries[] {
  let lo = Infinity
  let hi = -Infinity
  for (const s of curves)
    for (let k = 0; k < s.y.length; k++) {
      const v = s.y[k]
      if (v === null || !Number.isFinite(v) || v <= 0) continue
      lo = Math.min(lo, v)
      hi = Math.max(hi, v)
    }
  if (!(lo <= hi)) return []
  const color = etaChangeColour()
  return changes.map((c) => ({
    label: etaChangeText(c, unit),
    x: [c.update, c.update],
    y: [hi, lo],
    color,
    dashed: true,
    endLabel:
      c.count === 1
        ? `η → ${formatNumber(c.eta, 7)}`
        : `η → ${formatNumber(c.eta, 7)} (${c.update}–${c.last})`,
    endLabelYields: true,
    endMark: 'none',
    hideInLegend: true,
    // its two ends only span the curves: the data table names it, with no loss (#11)
    mark: 'not a loss: where η changed',
  }))
}
