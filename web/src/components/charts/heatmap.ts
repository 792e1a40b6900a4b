// Network outputs over the grid → pixels: the app's one heatmap painter (the playground's maps and colour
// bars, the lessons' decision regions). Pure TypeScript (no DOM): values in, RGBA bytes out, so the colour
// rules are testable and the canvas code stays a putImageData. Blue (--pos) for positive or class 1,
// orange (--neg) for negative or class 0, then each class its own colour (palette.classes, up to 8); white
// where the network is unsure.
import type { ActivationName } from '../../engine/types'

export type Rgb = readonly [number, number, number]
export interface Palette {
  pos: Rgb
  neg: Rgb
  /** Class k's colour, k = 0…7 (components/charts/palette.ts CLASS_COLOURS: 0 is neg, 1 is pos). */
  classes: readonly Rgb[]
  /**
   * [floor, gain]: a cell of strength s ∈ [0, 1] (|t|, or how sure the winning class is) is mixed
   * floor + gain·s of the way from white to its colour. Default [0, 0.6] (the playground's); the
   * lessons' decision regions use [0.05, 0.45], never quite white.
   */
  shade?: readonly [number, number]
}

/** How values map to colour: signed t in [-1, 1], or the winning class of a softmax row. */
export type HeatmapMode = 'probability' | 'signed' | 'unit' | 'scaled' | 'classes'

/** The colour scale of a neuron with this activation (and of an output layer of this kind). */
export function modeFor(activation: ActivationName): HeatmapMode {
  if (activation === 'softmax') return 'classes'
  if (activation === 'sigmoid') return 'unit'
  if (activation === 'tanh') return 'signed'
  return 'scaled'
}

/** max |value| of column `column` (non-finite values skipped): the 'scaled' mode's full colour. */
export function largest(
  values: ArrayLike<number>,
  rows: number,
  stride: number,
  column: number,
): number {
  let m = 0
  for (let k = 0; k < rows; k++) m = Math.max(m, Math.abs(values[k * stride + column]) || 0)
  return m
}

const GREY: Rgb = [128, 128, 128]

function put(
  out: Uint8ClampedArray,
  k: number,
  c: Rgb,
  strength: number,
  shade: readonly number[] = [0, 0.6],
): void {
  const s = shade[0] + Math.min(1, Math.max(0, strength)) * shade[1]
  out[4 * k] = 255 + (c[0] - 255) * s
  out[4 * k + 1] = 255 + (c[1] - 255) * s
  out[4 * k + 2] = 255 + (c[2] - 255) * s
  out[4 * k + 3] = 255
}

/**
 * Paints `rows` cells into `out` (RGBA, 4 bytes a cell) from `values` laid out (rows, stride), using
 * column `column`. Non-finite values are painted grey, never passed on. `discrete` ("discretize output",
 * as in TensorFlow Playground): each cell gets its side's (or winning class's) full colour, so the
 * picture shows the thresholded class (probability ≥ 0.5, value ≥ 0, the largest softmax output).
 */
export function paintHeatmap(
  out: Uint8ClampedArray,
  values: ArrayLike<number>,
  rows: number,
  stride: number,
  column: number,
  mode: HeatmapMode,
  palette: Palette,
  discrete = false,
): void {
  const m = mode === 'scaled' ? largest(values, rows, stride, column) : 0
  const scale = m > 1e-12 ? 1 / m : 1
  for (let k = 0; k < rows; k++) {
    if (mode === 'classes') {
      let best = 0
      for (let c = 1; c < stride; c++)
        if (values[k * stride + c] > values[k * stride + best]) best = c
      const p = values[k * stride + best]
      if (!Number.isFinite(p)) put(out, k, GREY, 0.5)
      // the arg-max class's colour, from white at p = 1/K (a tie of all K) to full at p = 1
      else
        put(
          out,
          k,
          palette.classes[best] ?? palette.pos,
          discrete ? 1 : ((p - 1 / stride) * stride) / (stride - 1),
          palette.shade,
        )
      continue
    }
    const v = values[k * stride + column]
    if (!Number.isFinite(v)) {
      put(out, k, GREY, 0.5)
      continue
    }
    const t =
      mode === 'probability' || mode === 'unit' ? 2 * v - 1 : mode === 'signed' ? v : v * scale
    put(out, k, t >= 0 ? palette.pos : palette.neg, discrete ? 1 : Math.abs(t), palette.shade)
  }
}
