// Curves for charts: turns a series of engine numbers into at most ~maxPoints drawable points. Never
// hands a NaN or ±Infinity to a chart (they become null, a gap), and drops what a log axis cannot show.
// Pure TS, no Vue, no Chart.js: tested in Node.

/** One point of a chart; `y: null` is a gap in the line. */
export interface XY {
  x: number
  y: number | null
}

/** One curve as given to LineChart: y values, with x values or implicit x = xStart + index. */
export interface ChartSeries {
  label: string
  y: ArrayLike<number | null>
  /** Same length as `y`; when absent x = xStart + index. */
  x?: ArrayLike<number>
  /** @default 0 */
  xStart?: number
  /** A CSS colour (usually a token read by the caller). */
  color: string
  dashed?: boolean
  /** Draw markers only, no line (a scatter), with this radius in px. */
  pointRadius?: number
  /** A cross at the last drawn point, with this text beside it ('' = the cross alone), e.g. 'diverged'. */
  endLabel?: string
  /**
   * What marks the point `endLabel` is written at: the cross, which on every chart means a run that
   * stopped (diverged), or nothing (a marker line's own label, e.g. where η changed: #11, its cross
   * read as a divergence). @default 'cross'
   */
  endMark?: 'cross' | 'none'
  /**
   * The end label gives way: it is placed after every label that does not, and left out where it would
   * cover one (a marker's label, e.g. where η changed). @default false
   */
  endLabelYields?: boolean
  /** Leave out of the legend. @default false */
  hideInLegend?: boolean
  /**
   * Drawn over every series of a lower layer (the legend keeps the given order): a noisy curve, such
   * as per-sample SGD's loss, must not hide the smoother ones it is compared with. Within a layer the
   * first series is on top. @default 0
   */
  layer?: number
  /**
   * The shape of a scatter's points (with `pointRadius`), as the legend shows it too: a filled dot, a
   * ring (hollow: a dot drawn around another) or a cross (a copy that was stopped). @default 'dot'
   */
  shape?: 'dot' | 'ring' | 'cross'
  /**
   * Points off the axis: drawn on the chart's top edge at their x whatever their y, so a value that is
   * no value (a copy that diverged) never reads as a small one; `notes` says what each is. @default false
   */
  atTop?: boolean
  /** Per point, what the data table and the tooltip write in place of its y (e.g. 'diverged after 40 updates'). */
  notes?: readonly string[]
  /**
   * A mark, not data (e.g. a line where η changed): the data table gives it one row, its first x with
   * these words in place of a y.
   */
  mark?: string
}

/**
 * One point drawn over a line chart on a layer of its own (e.g. the update shown on a loss curve):
 * moving it redraws only that layer, not the curves (#11).
 */
export interface ChartMarker {
  /** Its row in the chart's data table, e.g. 'update 137'. */
  label: string
  x: number
  y: number
  /** A CSS colour (usually a token read by the caller). */
  color: string
  /** In px. @default 5 */
  radius?: number
}

interface SeriesOptions {
  /** Points kept per series (min/max bucketing above that). @default 1000 */
  maxPoints?: number
  /** Values ≤ 0 become gaps (a log axis cannot show them). */
  logY?: boolean
  /** Points with x ≤ 0 are dropped (a log axis cannot show them). */
  logX?: boolean
}

const usable = (v: number | null | undefined, log: boolean): v is number =>
  typeof v === 'number' && Number.isFinite(v) && (!log || v > 0)

/** The series as {x, y} with every unusable y turned into null and unusable x dropped. */
export function cleanPoints(s: ChartSeries, options: SeriesOptions = {}): XY[] {
  const out: XY[] = []
  const start = s.xStart ?? 0
  for (let k = 0; k < s.y.length; k++) {
    const x = s.x ? s.x[k] : start + k
    if (!usable(x, options.logX ?? false)) continue
    const y = s.y[k]
    out.push({ x, y: usable(y, options.logY ?? false) ? y : null })
  }
  return out
}

/**
 * Keeps the shape of a long curve in at most about `maxPoints` points: the points are cut into
 * buckets and each bucket keeps its first point, its lowest, its highest and a gap if it had one
 * (so noise, spikes and where a line stops all survive). Short series come back unchanged.
 */
export function decimate(points: readonly XY[], maxPoints = 1000): XY[] {
  if (points.length <= maxPoints) return points.slice()
  const buckets = Math.max(1, Math.floor((maxPoints - 1) / 4))
  const size = points.length / buckets
  const out: XY[] = []
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size)
    const to = b === buckets - 1 ? points.length : Math.floor((b + 1) * size)
    let lo: XY | null = null
    let hi: XY | null = null
    let gap: XY | null = null
    for (let k = from; k < to; k++) {
      const p = points[k]
      if (p.y === null) gap ??= p
      else {
        if (!lo || p.y < (lo.y as number)) lo = p
        if (!hi || p.y > (hi.y as number)) hi = p
      }
    }
    const keep = [points[from], lo, hi, gap].filter((p): p is XY => p !== null)
    const unique = [...new Set(keep)].sort((p, q) => p.x - q.x)
    out.push(...unique)
  }
  const last = points[points.length - 1]
  if (out[out.length - 1] !== last) out.push(last)
  return out
}

/** cleanPoints then decimate: what LineChart hands to Chart.js for one series. */
export function chartPoints(s: ChartSeries, options: SeriesOptions = {}): XY[] {
  return decimate(cleanPoints(s, options), options.maxPoints ?? 1000)
}

/** Every n-th point (and the last), at most about `rows` of them: for data tables. */
export function sampleRows<T>(items: readonly T[], rows: number): T[] {
  if (items.length <= rows) return items.slice()
  const n = Math.ceil(items.length / rows)
  return items.filter((_, k) => k % n === 0 || k === items.length - 1)
}
