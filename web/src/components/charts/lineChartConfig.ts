// LineChart's Chart.js configuration, kept out of the SFC so it can be read (and tested) as data:
// datasets from ChartSeries (cleaned and decimated by math/series.ts), scales (linear or log), and a
// small plugin that writes a label and a cross where a series stops (a diverged copy of a sweep).
import type { Chart, ChartConfiguration, ChartDataset, Plugin } from 'chart.js'
import { chartPoints, type ChartSeries, type XY } from '../../math/series'

export interface LineChartAxes {
  xLabel: string
  yLabel: string
  logX: boolean
  logY: boolean
  legend: boolean
  /** A linear y axis always shows 0. @default false */
  yFromZero?: boolean
  /** x ticks only at whole numbers (counts of updates). @default false */
  xIntegers?: boolean
  /** Points kept per series. @default 1000 */
  maxPoints?: number
}

/** A Chart.js line dataset plus the label written where it ends. */
export type LineDataset = ChartDataset<'line', XY[]> & { endLabel?: string }

export function toDatasets(series: readonly ChartSeries[], axes: LineChartAxes): LineDataset[] {
  return series.map((s) => ({
    label: s.label,
    data: chartPoints(s, { maxPoints: axes.maxPoints ?? 1000, logX: axes.logX, logY: axes.logY }),
    borderColor: s.color,
    backgroundColor: s.color,
    borderWidth: s.pointRadius ? 0 : 2,
    borderDash: s.dashed ? [6, 4] : [],
    pointRadius: s.pointRadius ?? 0,
    pointHoverRadius: (s.pointRadius ?? 0) + 2,
    showLine: !s.pointRadius,
    spanGaps: false,
    endLabel: s.endLabel,
    hideInLegend: s.hideInLegend ?? false,
  }))
}

/** Where an end label is written: its text, its box in canvas pixels (top-left, size) and alignment. */
export interface EndLabelBox {
  text: string
  left: number
  top: number
  width: number
  height: number
}

/**
 * Places end labels so that none covers another (#12: two "diverged after N" labels of copies that
 * stopped a few updates apart were written on top of each other). Each label starts just above and to
 * the right of its point (left of it when it would run past the right edge); one that would overlap a
 * label placed before it moves down, then up, by whole lines until it is free, within the chart area.
 * @param anchors the series' last drawn points (canvas pixels) with the label's measured text width.
 * @param area the chart area in canvas pixels.
 * @param line the height of one line of label text in pixels. @default 13
 */
export function placeEndLabels(
  anchors: readonly { text: string; x: number; y: number; width: number }[],
  area: { top: number; bottom: number; right: number },
  line = 13,
): EndLabelBox[] {
  const placed: EndLabelBox[] = []
  const overlaps = (a: EndLabelBox, b: EndLabelBox) =>
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height
  for (const a of anchors) {
    const right = a.x + a.width + 8 > area.right
    const left = right ? a.x - 6 - a.width : a.x + 6
    // the text's bottom 4 px above the point, never above the chart area
    const top0 = Math.max(area.top, a.y - 4 - line)
    const box = (top: number): EndLabelBox => ({
      text: a.text,
      left,
      top,
      width: a.width,
      height: line,
    })
    let chosen = box(top0)
    for (let k = 1; k <= 40 && placed.some((p) => overlaps(chosen, p)); k++) {
      const shift = Math.ceil(k / 2) * line * (k % 2 ? 1 : -1)
      const top = top0 + shift
      if (top < area.top || top + line > area.bottom) continue
      chosen = box(top)
    }
    placed.push(chosen)
  }
  return placed
}

/** The end labels the plugin last wrote on a chart (for chartSummary: tests and tools). */
const writtenLabels = new WeakMap<Chart, EndLabelBox[]>()

/**
 * Writes each dataset's `endLabel` beside its last drawn point, with a small cross on the point; labels
 * that would overlap are stacked a line apart (placeEndLabels).
 */
export const endLabelPlugin: Plugin<'line'> = {
  id: 'endLabels',
  afterDatasetsDraw(chart) {
    const { ctx, chartArea } = chart
    ctx.save()
    ctx.font = '11px system-ui, sans-serif'
    const anchors: { text: string; x: number; y: number; width: number; colour: string }[] = []
    chart.data.datasets.forEach((ds, i) => {
      const label = (ds as LineDataset).endLabel
      if (label === undefined || !chart.isDatasetVisible(i)) return
      const meta = chart.getDatasetMeta(i)
      const data = ds.data as XY[]
      let k = data.length - 1
      while (k >= 0 && data[k].y === null) k--
      const el = meta.data[k]
      if (!el || !Number.isFinite(el.x) || !Number.isFinite(el.y)) return
      const colour = String(ds.borderColor)
      ctx.strokeStyle = colour
      ctx.lineWidth = 2
      ctx.beginPath()
      ctx.moveTo(el.x - 4, el.y - 4)
      ctx.lineTo(el.x + 4, el.y + 4)
      ctx.moveTo(el.x + 4, el.y - 4)
      ctx.lineTo(el.x - 4, el.y + 4)
      ctx.stroke()
      if (label)
        anchors.push({ text: label, x: el.x, y: el.y, width: ctx.measureText(label).width, colour })
    })
    const boxes = placeEndLabels(anchors, chartArea)
    ctx.textAlign = 'left'
    ctx.textBaseline = 'bottom'
    boxes.forEach((b, k) => {
      ctx.fillStyle = anchors[k].colour
      ctx.fillText(b.text, b.left, b.top + b.height)
    })
    ctx.restore()
    writtenLabels.set(chart as unknown as Chart, boxes)
  },
}

const exponentForm = (x: number) => Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-3)
const tickLabel = (x: number, digits: number) =>
  exponentForm(x) ? x.toExponential(digits - 3) : String(Number(x.toPrecision(digits)))

/** The digits chosen for the last tick array seen, and what that array held then. */
let lastTicks: {
  ticks: readonly { value: number }[]
  length: number
  first: number | undefined
  last: number | undefined
  digits: number
} | null = null

/** Fewest significant digits (3 to 12) at which no two of `ticks` read the same. */
function tickDigits(ticks: readonly { value: number }[]): number {
  const c = lastTicks
  if (
    c &&
    c.ticks === ticks &&
    c.length === ticks.length &&
    c.first === ticks[0]?.value &&
    c.last === ticks[ticks.length - 1]?.value
  )
    return c.digits
  let digits = 3
  while (digits < 12 && new Set(ticks.map((t) => tickLabel(t.value, digits))).size < ticks.length)
    digits++
  lastTicks = {
    ticks,
    length: ticks.length,
    first: ticks[0]?.value,
    last: ticks[ticks.length - 1]?.value,
    digits,
  }
  return digits
}

/**
 * A tick's label: 3 significant digits, more when neighbouring ticks would otherwise read the same
 * (a loss between 0.7023 and 0.7028 gets 0.7023 … 0.7028, not 0.702 five times). Chart.js calls this
 * once per tick with the same `ticks` array, so the digits are chosen once per array: a log axis
 * over hundreds of decades has thousands of ticks, and choosing them per tick froze the page (#11).
 */
export function tickText(v: number | string, _index = 0, ticks: readonly { value: number }[] = []) {
  const n = Number(v)
  if (!Number.isFinite(n)) return ''
  return tickLabel(n, tickDigits(ticks))
}

export function lineChartConfig(
  datasets: LineDataset[],
  axes: LineChartAxes,
): ChartConfiguration<'line', XY[]> {
  const scale = (log: boolean, title: string, fromZero = false, precision?: number) => ({
    type: log ? ('logarithmic' as const) : ('linear' as const),
    title: { display: true, text: title },
    beginAtZero: !log && fromZero,
    ticks: { callback: tickText, maxTicksLimit: 8, autoSkip: true, precision },
  })
  return {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: scale(axes.logX, axes.xLabel, false, axes.xIntegers ? 0 : undefined),
        y: scale(axes.logY, axes.yLabel, axes.yFromZero ?? false),
      },
      plugins: {
        legend: {
          display: axes.legend,
          position: 'bottom',
          labels: {
            boxWidth: 14,
            boxHeight: 2,
            filter: (item, data) =>
              !(data.datasets[item.datasetIndex ?? 0] as { hideInLegend?: boolean }).hideInLegend,
          },
        },
        tooltip: { enabled: true },
      },
    },
    plugins: [endLabelPlugin],
  }
}

type Axis = { min: number; max: number; type: string } | undefined

/** What a chart draws, for tests and tools: per series its point count and last point, and both axes' ranges. */
export function chartSummary(chart: Chart<'line', XY[]>) {
  const s = chart.scales as Record<string, Axis>
  const axis = (a: Axis) => a && { type: a.type, min: a.min, max: a.max }
  return {
    series: chart.data.datasets.map((d) => {
      const drawn = d.data.filter((p) => p.y !== null)
      return { label: d.label, points: d.data.length, last: drawn[drawn.length - 1] ?? null }
    }),
    /** The end labels as written (canvas pixels), so a test can see that none covers another. */
    labels: writtenLabels.get(chart as unknown as Chart) ?? [],
    x: axis(s.x),
    y: axis(s.y),
  }
}
