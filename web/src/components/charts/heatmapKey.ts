// What a heatmap's numbers mean: the ticks of its axes (x₁, x₂ over the plane) and its colour bar (which
// colour is which value). Pure TypeScript. The colour bar is a strip of values painted by paintHeatmap
// (heatmap.ts) itself, so its colours are the picture's by construction, for any number of classes.
import { formatNumber } from '../../math/format'
import type { HeatmapMode } from './heatmap'

/** One labelled tick: `at` is its place along the axis or bar, 0 (start) to 1 (end). */
export interface Tick {
  at: number
  value: number
  label: string
}

/** A number for a tick label: Unicode minus, at most 4 significant digits, "0" for −0. */
export const tickLabel = (v: number): string => formatNumber(v, 4)

/**
 * Ticks at round steps (1, 2 or 5 × 10ᵏ) from `min` to `max`, about `count` of them, ends included when
 * they fall on a step (−6 … 6 by 2 for the playground's plane). Needs min < max, both finite; else [].
 */
export function axisTicks(min: number, max: number, count = 7): Tick[] {
  if (!(Number.isFinite(min) && Number.isFinite(max) && max > min) || count < 2) return []
  const raw = (max - min) / (count - 1)
  const p = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * p
  const ticks: Tick[] = []
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) {
    const value = Number((k * step).toPrecision(12))
    ticks.push({ at: (value - min) / (max - min), value, label: tickLabel(value) })
  }
  return ticks
}

/** A colour bar: `rows` strips of `cells` values each, laid out (rows · cells, stride) for paintHeatmap. */
export interface ColourBar {
  /** How the picture (and so the bar) maps values to colours. */
  mode: HeatmapMode
  values: Float64Array
  cells: number
  rows: number
  stride: number
  /** What a strip's position means, e.g. "predicted probability of class 1". */
  title: string
  /** Each strip's name (classes: "class 0" …); one empty name when there is one strip. */
  rowNames: string[]
  ticks: Tick[]
  /** The value at the bar's start and end. */
  min: number
  max: number
}

/**
 * The colour bar of a heatmap in `mode`. `classes`: the number of outputs of a softmax (K ≥ 2);
 * `largest`: for 'scaled', the largest |value| on the plane (full colour there); `what` names the
 * value ("predicted probability of class 1", "activation"). Discrete pictures show where the colour flips;
 * a discretized softmax's bar is one swatch per class.
 */
export function colourBar(
  mode: HeatmapMode,
  opts: { classes?: number; largest?: number; what: string; cells?: number; discrete?: boolean },
): ColourBar {
  const cells = opts.cells ?? 101
  if (mode === 'classes') {
    const K = Math.max(2, opts.classes ?? 3)
    // Discretized, a class's strip is its one colour (probability 1 throughout), without numbers.
    const [min, max] = opts.discrete ? [1, 1] : [1 / K, 1]
    const values = new Float64Array(K * cells * K)
    for (let c = 0; c < K; c++)
      for (let i = 0; i < cells; i++) {
        const p = min + ((max - min) * i) / (cells - 1)
        for (let o = 0; o < K; o++)
          values[(c * cells + i) * K + o] = o === c ? p : (1 - p) / (K - 1)
      }
    return {
      mode,
      values,
      cells,
      rows: K,
      stride: K,
      title: opts.what,
      rowNames: Array.from({ length: K }, (_, c) => `class ${c}`),
      ticks: (opts.discrete ? [] : [min, (min + max) / 2, max]).map((v) => ({
        at: (v - min) / (max - min),
        value: v,
        label: tickLabel(Number(v.toPrecision(3))),
      })),
      min,
      max,
    }
  }
  const m = opts.largest && Number.isFinite(opts.largest) && opts.largest > 1e-12 ? opts.largest : 1
  const [min, max] =
    mode === 'probability' || mode === 'unit' ? [0, 1] : mode === 'signed' ? [-1, 1] : [-m, m]
  const values = new Float64Array(cells)
  for (let i = 0; i < cells; i++) values[i] = min + ((max - min) * i) / (cells - 1)
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((at) => {
    const value = Number((min + (max - min) * at).toPrecision(4))
    return { at, value, label: tickLabel(value) }
  })
  return {
    mode,
    values,
    cells,
    rows: 1,
    stride: 1,
    title: opts.what,
    rowNames: [''],
    ticks,
    min,
    max,
  }
}

/**
 * The plane [lo, hi]² on a square `size` units across, x₁ to the right and x₂ up: `px`/`py` place a point,
 * `at` reads the point (to 0.001) back from a place `u` across and `v` down from the square's top-left.
 */
export function planeScale(lo: number, hi: number, size: number) {
  const k = size / (hi - lo)
  const round = (v: number) => Math.round(v * 1000) / 1000
  return {
    px: (x: number) => (x - lo) * k,
    py: (y: number) => (hi - y) * k,
    at: (u: number, v: number): [number, number] => [round(lo + u / k), round(hi - v / k)],
  }
}

/** Draws on a map's overlay (PlaneMap.vue): px and py place a point of the plane, in CSS pixels (so a
 * radius or line width given to ctx is in CSS pixels too, whatever the map's width). */
export type PlaneDraw = (
  ctx: CanvasRenderingContext2D,
  px: (x: number) => number,
  py: (y: number) => number,
) => void
