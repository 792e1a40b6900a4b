// η changed during a run (#11): every screen that lets the learner move η while it trains keeps the
// weights and trains on from that point, and says so the same way: a dashed vertical line on the loss
// chart at each change and the sentence of EtaChanges.vue ("η changed during the run (dashed lines):
// η = 0.1 from update 76"). The worked examples' loss chart (LossChart.vue) and the lab panels use both.
import { ref, watch, type Ref } from 'vue'
import { formatNumber } from '../math/format'
import type { ChartSeries } from '../math/series'

/** From update `update` on (that many updates done when it changed), the run used η = `eta`. */
export interface EtaChange {
  update: number
  eta: number
}

/** The rule, in the same words on every screen that trains several networks: `runs` e.g. "both runs". */
export const etaRule = (runs: string): string =>
  `Changing η keeps the weights: ${runs} train on from where they are, at the new η. Reset puts them back to the start weights.`

/**
 * The changes of `eta` during the run whose update (or epoch) count is `at()`: a change at count u
 * drops the changes recorded at u or later (a later change at the same count replaces it), and a
 * change back to the η already in force records nothing. When the count goes back (Undo) the changes
 * past it are dropped; at 0 (Reset, a new run) all of them, as `clear()` does.
 * `changes` holds only changes after the start (update > 0): a new η before any update is the run's own.
 */
export function useEtaChanges(
  eta: Ref<number>,
  at: () => number,
): { changes: Ref<EtaChange[]>; clear: () => void } {
  let steps: EtaChange[] = [{ update: 0, eta: eta.value }]
  const changes = ref<EtaChange[]>([])
  const publish = () => (changes.value = steps.filter((c) => c.update > 0))
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
 * One dashed vertical line per change, from the highest to the lowest drawable loss of `curves` (only
 * positive finite values, so it fits a log axis too), labelled "η → 0.1". None when nothing is drawn.
 */
export function etaChangeMarks(
  changes: readonly EtaChange[],
  curves: readonly ChartSeries[],
  color: string,
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
  return changes.map((c) => ({
    label: `η = ${formatNumber(c.eta, 7)} from ${unit} ${c.update}`,
    x: [c.update, c.update],
    y: [hi, lo],
    color,
    dashed: true,
    endLabel: `η → ${formatNumber(c.eta, 7)}`,
    hideInLegend: true,
  }))
}
