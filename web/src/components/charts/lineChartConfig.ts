// LineChart's Chart.js configuration, kept out of the SFC so it can be read (and tested) as data:
// datasets from ChartSeries (cleaned and decimated by math/series.ts), scales (linear or log), and a
// small plugin that writes a label and a cross where a series stops (a diverged copy of a sweep).
import type { Chart, ChartConfiguration, ChartDataset, Plugin } from 'chart.js'
import {
  chartPoints,
  cleanPoints,
  type ChartMarker,
  type ChartSeries,
  type XY,
} from '../../math/series'
import { formatNumber } from '../../math/format'
import { grouped } from '../../math/plural'

/** What a line chart draws and how: LineChartCanvas's props, which LineChart passes on. */
export interface LineChartProps {
  series: readonly ChartSeries[]
  xLabel: string
  yLabel: string
  logX?: boolean
  logY?: boolean
  /** A linear y axis always shows 0. */
  yFromZero?: boolean
  /** x ticks only at whole numbers (counts of updates). */
  xIntegers?: boolean
  /**
   * The planned end of the x axis (updates a run trains): while the chart has no x range yet (no point,
   * or all at one x), a linear x axis shows 0 … xUpTo instead of Chart.js's −1 … 1 around nothing.
   * Counts (xIntegers) without it show 0 … 1. Once the points span a range, they set the axis.
   */
  xUpTo?: number
  legend?: boolean
  /** Points kept per series. */
  maxPoints?: number
  height?: string
  /** Pointer drags on the plot emit `pick` with the x value under the pointer. */
  draggable?: boolean
  /**
   * A point drawn over the curves on its own layer: a new marker redraws that layer only, at once
   * (the curves may stay as they are). @default null
   */
  marker?: ChartMarker | null
  /**
   * Redraw in the same frame as the data changes (after Vue's render), not on the next animation
   * frame: text beside the chart that states the same count never reads one frame ahead of it.
   * For data that changes at most once a frame (a training loop's chunk, a click). @default false
   */
  sync?: boolean
  /**
   * The line shown over a chart with nothing to draw yet (no finite value; for a chart of updates or
   * epochs, no point past the start) instead of bare axes. @default 'No updates yet: train to draw
   * the curve.'
   */
  empty?: string
}

/** The axes part of {@link LineChartProps} (maxPoints defaults to 1000, the flags to false). */
export type LineChartAxes = Pick<
  LineChartProps,
  'xLabel' | 'yLabel' | 'yFromZero' | 'xIntegers' | 'maxPoints' | 'xUpTo'
> &
  Required<Pick<LineChartProps, 'logX' | 'logY' | 'legend'>>

/** A Chart.js line dataset plus the label written where it ends. */
export type LineDataset = ChartDataset<'line', XY[]> & {
  endLabel?: string
  endLabelYields?: boolean
  endMark?: 'cross' | 'none'
  hideInLegend?: boolean
  /** Drawn on the top edge of the chart area (ChartSeries.atTop). */
  atTop?: boolean
  /** Per point, the tooltip's words in place of its y (ChartSeries.notes). */
  notes?: readonly string[]
}

/** Chart.js's point style of each shape. */
const pointStyles = { dot: 'circle', ring: 'circle', cross: 'crossRot' } as const

export function toDatasets(series: readonly ChartSeries[], axes: LineChartAxes): LineDataset[] {
  return series.map((s) => {
    const shape = s.shape ?? 'dot'
    // points off the axis keep their x only: their y must not stretch the axis (atTopPlugin places them)
    const data = s.atTop
      ? cleanPoints(s, { logX: axes.logX }).map((p) => ({ x: p.x, y: null }))
      : chartPoints(s, { maxPoints: axes.maxPoints ?? 1000, logX: axes.logX, logY: axes.logY })
    return {
      label: s.label,
      data,
      borderColor: s.color,
      // a ring is hollow, as in its legend entry
      backgroundColor: shape === 'ring' ? 'rgba(0, 0, 0, 0)' : s.color,
      borderWidth: s.pointRadius ? 0 : 2,
      ...(s.pointRadius && {
        pointStyle: pointStyles[shape],
        pointBorderWidth: shape === 'dot' ? 0 : 2.5,
      }),
      // Only a dashed series has a dash (Chart.js's default is solid): a redraw drops it (LineChartCanvas).
      ...(s.dashed && { borderDash: [6, 4] }),
      pointRadius: s.pointRadius ?? 0,
      pointHoverRadius: (s.pointRadius ?? 0) + 2,
      showLine: !s.pointRadius,
      spanGaps: false,
      endLabel: s.endLabel,
      endLabelYields: s.endLabelYields ?? false,
      endMark: s.endMark ?? 'cross',
      hideInLegend: s.hideInLegend ?? false,
      // Chart.js draws a higher `order` first, so underneath (its default is 0)
      order: s.layer ? -s.layer : 0,
      atTop: s.atTop ?? false,
      notes: s.notes,
    }
  })
}

/**
 * Puts the points of `atTop` datasets on the top edge of the chart area (half a point inside it), at
 * their x: their values are off the axis (a diverged copy has no final loss to plot).
 */
export const atTopPlugin: Plugin<'line'> = {
  id: 'atTop',
  afterDatasetsUpdate(chart) {
    const { chartArea } = chart
    chart.data.datasets.forEach((ds, i) => {
      if (!(ds as LineDataset).atTop) return
      const r = Number(ds.pointRadius ?? 0)
      for (const el of chart.getDatasetMeta(i).data) {
        if (!Number.isFinite(el.x)) continue
        Object.assign(el, { y: chartArea.top + r + 2, skip: false })
      }
    })
  },
}

/** Where an end label is written: its text, its box in canvas pixels (top-left, size) and alignment. */
export interface EndLabelBox {
  text: string
  left: number
  top: number
  width: number
  height: number
}

type Box = { left: number; top: number; width: number; height: number }
type Pt = { x: number; y: number }
const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height
/** Whether segment p–q passes through box b (Liang–Barsky clipping). */
function crosses(p: Pt, q: Pt, b: Box): boolean {
  const dx = q.x - p.x
  const dy = q.y - p.y
  let t0 = 0
  let t1 = 1
  // each edge: the segment's direction across it (d) and how far inside the start point is (e)
  const clip = (d: number, e: number): boolean => {
    if (d === 0) return e >= 0
    if (d < 0) t0 = Math.max(t0, e / d)
    else t1 = Math.min(t1, e / d)
    return t0 <= t1
  }
  return (
    clip(-dx, p.x - b.left) &&
    clip(dx, b.left + b.width - p.x) &&
    clip(-dy, p.y - b.top) &&
    clip(dy, b.top + b.height - p.y)
  )
}

/**
 * Whether a drawn curve passes through box b. A curve whose points run left to right (`sorted`, as
 * every curve over updates or epochs does) is searched only from the box's left edge to its right
 * one: in the afterDraw of a chart that trains, a label otherwise tested every segment of every curve
 * at each place it tried (about 6 ms a draw for three crossed labels over three 1,000-point curves).
 */
function curveCrosses(l: readonly Pt[], sorted: boolean, b: Box): boolean {
  let k = 1
  if (sorted) {
    // the first point at or right of the box's left edge; its segment from the point before it
    let hi = l.length
    let lo = 0
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (l[mid].x < b.left) lo = mid + 1
      else hi = mid
    }
    k = Math.max(1, lo)
  }
  for (; k < l.length; k++) {
    if (sorted && l[k - 1].x > b.left + b.width) return false
    if (crosses(l[k - 1], l[k], b)) return true
  }
  return false
}

/**
 * Places end labels so that none covers another label or a mark (#12: two "diverged after N" labels
 * of copies that stopped a few updates apart were written on top of each other; #11: on a phone the
 * live run's labels covered the ✕ of another run, the η line's label and ran past the chart's left
 * edge). Each label starts just above and to the right of its point; then, line by line down and up
 * from there, it tries right of the point, left of it, and pushed inside the chart's edges, and takes
 * the first place wholly inside the chart area that covers no label placed before it and no mark,
 * preferring one that no curve crosses (`lines`) over the nearest one.
 * A label that finds no free place is left out (null): never written over another (#11: ten η marks
 * at nearly one update stacked past the chart and covered each other and the divergence label); the
 * text under each chart says what it would have. Labels are placed in the order given, those that
 * yield (`yields`, e.g. where η changed) after all the others.
 * @param anchors the series' last drawn points (canvas pixels) with the label's measured text width.
 * @param area the chart area in canvas pixels.
 * @param marks boxes no label may cover (the ✕ where a run stopped).
 * @param lines the drawn curves as polylines: a label avoids them where it can.
 * @param line the height of one line of label text in pixels. @default 13
 * @returns one entry per anchor, in their order: its box, or null when it is left out.
 */
export function placeEndLabels(
  anchors: readonly { text: string; x: number; y: number; width: number; yields?: boolean }[],
  area: { top: number; bottom: number; left: number; right: number },
  marks: readonly Box[] = [],
  lines: readonly (readonly Pt[])[] = [],
  line = 13,
): (EndLabelBox | null)[] {
  const order = anchors.map((_, k) => k)
  order.sort(
    (i, j) => Number(anchors[i].yields ?? false) - Number(anchors[j].yields ?? false) || i - j,
  )
  const result: (EndLabelBox | null)[] = anchors.map(() => null)
  const taken: Box[] = [...marks]
  const sorted = lines.map((l) => l.every((p, k) => k === 0 || l[k - 1].x <= p.x))
  const crossed = (b: Box) => lines.some((l, j) => curveCrosses(l, sorted[j], b))
  for (const i of order) {
    const a = anchors[i]
    // right of the point (2 px clear of the edge), left of it, or pushed inside the edges
    const lefts = [
      a.x + 6,
      a.x - 6 - a.width,
      Math.min(Math.max(a.x + 6, area.left), area.right - 2 - a.width),
    ]
    // the text's bottom 4 px above the point, never above the chart area
    const top0 = Math.max(area.top, a.y - 4 - line)
    const free: EndLabelBox[] = []
    for (let n = 0; n <= 40; n++) {
      const top = top0 + Math.ceil(n / 2) * line * (n % 2 ? 1 : -1)
      if (top < area.top || top + line > area.bottom) continue
      for (const left of lefts) {
        if (left < area.left || left + a.width + 2 > area.right) continue
        const b = { text: a.text, left, top, width: a.width, height: line }
        if (!taken.some((p) => overlaps(b, p))) free.push(b)
      }
    }
    const chosen = free.find((b) => !crossed(b)) ?? free[0]
    if (!chosen) continue
    taken.push(chosen)
    result[i] = chosen
  }
  return result
}

/** The end labels the plugin last wrote on a chart, the ✕ and the area (for chartSummary: tests and tools). */
const writtenLabels = new WeakMap<Chart, { labels: EndLabelBox[]; marks: Box[]; area: Box }>()

/**
 * Writes each dataset's `endLabel` beside its last drawn point, with a small cross on the point (none
 * for `endMark: 'none'`); labels
 * that would overlap are stacked a line apart (placeEndLabels), those that yield (`endLabelYields`,
 * e.g. where η changed) placed after the others and left out where no place is free.
 */
export const endLabelPlugin: Plugin<'line'> = {
  id: 'endLabels',
  afterDatasetsDraw(chart) {
    const { ctx, chartArea } = chart
    ctx.save()
    ctx.font = '11px system-ui, sans-serif'
    const anchors: {
      text: string
      x: number
      y: number
      width: number
      colour: string
      yields: boolean
    }[] = []
    const marks: Box[] = []
    const lines: Pt[][] = []
    chart.data.datasets.forEach((ds, i) => {
      if (!chart.isDatasetVisible(i)) return
      const meta = chart.getDatasetMeta(i)
      // the curve as drawn, split where it has a gap: labels keep off it where they can
      if (ds.showLine !== false) {
        let run: Pt[] = []
        for (const el of meta.data)
          if (Number.isFinite(el.x) && Number.isFinite(el.y)) run.push(el)
          else {
            lines.push(run)
            run = []
          }
        lines.push(run)
      }
      const label = (ds as LineDataset).endLabel
      if (label === undefined) return
      const data = ds.data as XY[]
      let k = data.length - 1
      while (k >= 0 && data[k].y === null) k--
      const el = meta.data[k]
      if (!el || !Number.isFinite(el.x) || !Number.isFinite(el.y)) return
      const colour = String(ds.borderColor)
      // the cross means "stopped here" on every chart: a marker line's label has none (#11)
      if ((ds as LineDataset).endMark !== 'none') {
        ctx.strokeStyle = colour
        ctx.lineWidth = 2
        ctx.beginPath()
        ctx.moveTo(el.x - 4, el.y - 4)
        ctx.lineTo(el.x + 4, el.y + 4)
        ctx.moveTo(el.x + 4, el.y - 4)
        ctx.lineTo(el.x - 4, el.y + 4)
        ctx.stroke()
        marks.push({ left: el.x - 4, top: el.y - 4, width: 8, height: 8 })
      }
      if (label)
        anchors.push({
          text: label,
          x: el.x,
          y: el.y,
          width: ctx.measureText(label).width,
          colour,
          yields: (ds as LineDataset).endLabelYields ?? false,
        })
    })
    const boxes = placeEndLabels(anchors, chartArea, marks, lines)
    const written: EndLabelBox[] = []
    ctx.textAlign = 'left'
    ctx.textBaseline = 'bottom'
    boxes.forEach((b, k) => {
      if (!b) return
      ctx.fillStyle = anchors[k].colour
      ctx.fillText(b.text, b.left, b.top + b.height)
      written.push(b)
    })
    ctx.restore()
    const { top, left, right, bottom } = chartArea
    writtenLabels.set(chart as unknown as Chart, {
      labels: written,
      marks,
      area: { top, left, width: right - left, height: bottom - top },
    })
  },
}

/** A tick written as the page writes numbers (−, 1×10⁻⁵), at `digits` significant digits. */
const tickLabel = (x: number, digits: number) => formatNumber(x, digits)

type Ticks = readonly { value: number }[]
/** What was read of the last tick array seen, and what that array held then. */
let lastTicks: { ticks: Ticks; key: string; digits: number; counts: boolean } | null = null

/**
 * Of one tick array: whether it is an axis of counts ({@link COUNT_AXIS_MAX}), and the fewest
 * significant digits (3 to 12) at which no two of its ticks read the same. Read once per array.
 */
function readTicks(ticks: Ticks): { digits: number; counts: boolean } {
  const key = `${ticks.length} ${ticks[0]?.value} ${ticks[ticks.length - 1]?.value}`
  if (lastTicks?.ticks === ticks && lastTicks.key === key) return lastTicks
  const counts =
    ticks.length > 0 &&
    ticks.every((t) => Number.isInteger(t.value) && Math.abs(t.value) < COUNT_AXIS_MAX)
  let digits = 3
  while (digits < 12 && new Set(ticks.map((t) => tickLabel(t.value, digits))).size < ticks.length)
    digits++
  lastTicks = { ticks, key, digits, counts }
  return lastTicks
}

/**
 * A tick's label: 3 significant digits, more when neighbouring ticks would otherwise read the same
 * (a loss between 0.7023 and 0.7028 gets 0.7023 … 0.7028, not 0.702 five times). Chart.js calls this
 * once per tick with the same `ticks` array, so the digits are chosen once per array: a log axis
 * over hundreds of decades has thousands of ticks, and choosing them per tick froze the page (#11).
 */
export function tickText(v: number | string, _index = 0, ticks: Ticks = []) {
  const n = Number(v)
  if (!Number.isFinite(n)) return ''
  const { counts, digits } = readTicks(ticks)
  return counts ? grouped(n).replace('-', '−') : tickLabel(n, digits)
}

/**
 * Below this, an axis whose every tick is a whole number (updates or epochs) is written out in full,
 * grouped ("5,000", "10,000", "15,000"), as counts are elsewhere: one axis never mixes "5000" with "1.0e+4".
 */
const COUNT_AXIS_MAX = 1e7

/**
 * Clean ticks for a log axis over [min, max] (both > 0): Chart.js's own put a tick at every 1…9 × 10ᵏ, so
 * a loss between 0.48 and 0.5 read 0.48, 0.49, 0.5 and a range from 0.08 to 0.3 read 0.08, 0.09, 0.1
 * crowded together. Here, over at most 2 decades (max/min ≤ 100): every 1, 2 and 5 × 10ᵏ, the axis widened to the
 * nearest such values around the data (0.48 … 0.5 becomes 0.2 … 0.5); over more: powers of ten only,
 * every m-th one so that at most `most` are labelled (10⁻³⁰⁰ … 10¹⁰⁰ in steps of 10⁵⁰). Null for a
 * range that is not positive and finite (Chart.js's ticks stand).
 * @param most labelled ticks at most (≥ 2). @default 8
 */
export function cleanLogTicks(
  min: number,
  max: number,
  most = 8,
): { min: number; max: number; ticks: number[] } | null {
  if (!(min > 0) || !(max >= min) || !Number.isFinite(max)) return null
  const nice = (m: number, k: number) => Number(`${m}e${k}`)
  const lo = Math.floor(Math.log10(min))
  const hi = Math.ceil(Math.log10(max))
  if (Math.log10(max / min) <= 2) {
    const all: number[] = []
    for (let k = lo - 1; k <= hi; k++) for (const m of [1, 2, 5]) all.push(nice(m, k))
    const below = all.filter((v) => v <= min * (1 + 1e-12))
    const above = all.filter((v) => v >= max * (1 - 1e-12))
    const from = below[below.length - 1] ?? all[0]
    const to = above[0] ?? all[all.length - 1]
    const ticks = all.filter((v) => v >= from && v <= to)
    return { min: from, max: to, ticks }
  }
  let step = Math.max(1, Math.ceil((hi - lo) / (most - 1)))
  const span = (st: number) => Math.ceil(hi / st) - Math.floor(lo / st) + 1
  while (span(step) > most) step++
  const ticks: number[] = []
  for (let k = Math.floor(lo / step) * step; k <= Math.ceil(hi / step) * step; k += step)
    ticks.push(nice(1, k))
  return { min: ticks[0], max: ticks[ticks.length - 1], ticks }
}

/** Chart.js scale hook: replaces a log axis's ticks (and widens its range) by cleanLogTicks. */
function cleanLogAxis(scale: { min: number; max: number; ticks: { value: number }[] }): void {
  const clean = cleanLogTicks(scale.min, scale.max)
  if (!clean) return
  scale.min = clean.min
  scale.max = clean.max
  scale.ticks = clean.ticks.map((value) => ({ value }))
}

/**
 * A numeric axis of any chart (line or bar), so every chart writes its numbers alike: ticks by
 * {@link tickText} (−, 1×10⁻⁵, grouped counts) and, on a log axis, the clean ticks of
 * {@link cleanLogTicks} instead of Chart.js's 0.00500, 0.01000, … at every 1…9 × 10ᵏ.
 * @param title the axis title; '' shows none.
 * @param precision decimals of a linear axis's tick step (0: whole numbers only).
 */
export function numberAxis(log: boolean, title: string, fromZero = false, precision?: number) {
  return {
    type: log ? ('logarithmic' as const) : ('linear' as const),
    title: { display: title !== '', text: title },
    beginAtZero: !log && fromZero,
    ticks: { callback: tickText, maxTicksLimit: 8, autoSkip: true, precision },
    ...(log ? { afterBuildTicks: cleanLogAxis } : {}),
  }
}

export function lineChartConfig(
  datasets: LineDataset[],
  axes: LineChartAxes,
): ChartConfiguration<'line', XY[]> {
  const scale = numberAxis
  const xs: number[] = []
  let anyY = false
  for (const d of datasets)
    for (const p of d.data) {
      if (Number.isFinite(p.x)) xs.push(p.x)
      if (p.y !== null && Number.isFinite(p.y)) anyY = true
    }
  const [xLo, xHi] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 0]
  // No x range yet: 0 … the planned end (counts: 0 … 1), never an axis around nothing (−1 … 1).
  const upTo =
    axes.xUpTo !== undefined && Number.isFinite(axes.xUpTo)
      ? axes.xUpTo
      : axes.xIntegers
        ? 1
        : undefined
  const xRange =
    !axes.logX && xLo === xHi && upTo !== undefined && xLo >= 0
      ? { min: 0, max: Math.max(upTo, xHi, 1) }
      : {}
  const x = { ...scale(axes.logX, axes.xLabel, false, axes.xIntegers ? 0 : undefined), ...xRange }
  const y = scale(axes.logY, axes.yLabel, axes.yFromZero ?? false)
  const points = datasets.every((d) => d.hideInLegend || !d.showLine)
  // Nothing drawn: no y numbers to read (the chart's own message says why it is empty).
  if (!anyY) y.ticks = { ...y.ticks, display: false } as typeof y.ticks
  return {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: { mode: 'nearest', intersect: false },
      scales: { x, y },
      plugins: {
        legend: {
          display: axes.legend,
          position: 'bottom',
          // a chart of points only shows each point's shape in its key (a dot, a ring, a cross), as drawn
          labels: {
            usePointStyle: points,
            boxWidth: points ? 10 : 14,
            boxHeight: points ? 10 : 2,
            filter: (item, data) =>
              !(data.datasets[item.datasetIndex ?? 0] as { hideInLegend?: boolean }).hideInLegend,
            // the series' own order, not the drawing order (`order`, from ChartSeries.layer)
            sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
          },
        },
        tooltip: {
          enabled: true,
          callbacks: {
            // a point with a note (a diverged copy) says what it is, not the y it is drawn at
            label: (item) => {
              const note = (item.dataset as LineDataset).notes?.[item.dataIndex]
              return `${item.dataset.label ?? ''}: ${note ?? item.formattedValue}`
            },
          },
        },
      },
    },
    plugins: [atTopPlugin, endLabelPlugin],
  }
}

type Axis =
  { min: number; max: number; type: string; ticks?: { label?: string | string[] }[] } | undefined

/** What a chart draws, for tests and tools: per series its point count and last point, and both axes' ranges. */
export function chartSummary(chart: Chart<'line', XY[]>) {
  const s = chart.scales as Record<string, Axis>
  const axis = (a: Axis) =>
    a && {
      type: a.type,
      min: a.min,
      max: a.max,
      /** The tick labels as drawn ('' where a tick has none). */
      ticks: (a.ticks ?? []).map((t) => String(t.label ?? '')),
    }
  return {
    series: chart.data.datasets.map((d) => {
      const drawn = d.data.filter((p) => p.y !== null)
      return { label: d.label, points: d.data.length, last: drawn[drawn.length - 1] ?? null }
    }),
    /** The end labels as written (canvas pixels), so a test can see that none covers another. */
    labels: writtenLabels.get(chart as unknown as Chart)?.labels ?? [],
    /** The ✕ drawn where runs stopped, and the chart area, in the same pixels. */
    marks: writtenLabels.get(chart as unknown as Chart)?.marks ?? [],
    area: writtenLabels.get(chart as unknown as Chart)?.area ?? null,
    x: axis(s.x),
    y: axis(s.y),
  }
}
