// Network outputs over the grid → pixels. Pure TypeScript (no DOM): values in, RGBA bytes out, so the
// colour rules are testable and the canvas code stays a putImageData. Blue (--pos) for positive or class 1,
// orange (--neg) for negative or class 0, then each class its own colour (palette.classes, up to 8); white
// where the network is unsure.
import type { ActivationName } from '../../engine/types'

export type Rgb = readonly [number, number, number]
export interface Palette {
  pos: Rgb
  neg: Rgb
  /** Class k's colour, k = 0…7 (components/charts/palette.ts CLASS_COLOURS: 0 is neg, 1 is pos). */
  classes: readonly Rgb[]
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
  values: Float64Array,
  rows: number,
  stride: number,
  column: number,
): number {
  let m = 0
  for (let k = 0; k < rows; k++) m = Math.max(m, Math.abs(values[k * stride + column]) || 0)
  return m
}

function put(out: Uint8ClampedArray, k: number, c: Rgb, strength: number): void {
  const s = Math.min(1, Math.max(0, strength)) * 0.6
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
  values: Float64Array,
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
      if (!Number.isFinite(p)) put(out, k, [128, 128, 128], 0.5)
      // the arg-max class's colour, from white at p = 1/K (a tie of all K) to full at p = 1
      else
        put(
          out,
          k,
          palette.classes[best] ?? palette.pos,
          discrete ? 1 : ((p - 1 / stride) * stride) / (stride - 1),
        )
      continue
    }
    const v = values[k * stride + column]
    if (!Number.isFinite(v)) {
      put(out, k, [128, 128, 128], 0.5)
      continue
    }
    const t =
      mode === 'probability' || mode === 'unit' ? 2 * v - 1 : mode === 'signed' ? v : v * scale
    put(out, k, t >= 0 ? palette.pos : palette.neg, discrete ? 1 : Math.abs(t))
  }
}

/** '#2563eb' → [37, 99, 235]; anything else → grey. */
export function hexToRgb(hex: string): Rgb {
  const h = hex.trim().replace('#', '')
  return /^[0-9a-f]{6}$/i.test(h)
    ? ([0, 2, 4].map((k) => parseInt(h.slice(k, k + 2), 16)) as unknown as Rgb)
    : [100, 116, 139]
}
