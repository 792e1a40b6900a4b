// The loss landscape's background: contour bands of log(loss) painted on a canvas, from the coarse
// grid of engine losses that lossGrid (landscape.ts) returns.

/** Bands between the lowest and the highest log(loss); their edges are the contour lines. */
const BANDS = 14

/**
 * Paints a size × size picture of `grid` (n × n losses, row 0 at the top) on `ctx`: log(loss) is
 * interpolated bilinearly between cell centres and cut into bands, light for low loss and darker
 * grey-blue for high, with the band edges drawn as lines.
 */
export function paintContours(
  ctx: CanvasRenderingContext2D,
  grid: { values: Float64Array; n: number },
  size: number,
): void {
  const { values, n } = grid
  const logs = Array.from(values, (v) => Math.log(v))
  const lo = Math.min(...logs)
  const hi = Math.max(...logs)
  const at = (r: number, c: number) =>
    logs[Math.min(n - 1, Math.max(0, r)) * n + Math.min(n - 1, Math.max(0, c))]
  const band = (px: number, py: number) => {
    const gc = (px / size) * n - 0.5
    const gr = (py / size) * n - 0.5
    const c0 = Math.floor(gc)
    const r0 = Math.floor(gr)
    const fc = gc - c0
    const fr = gr - r0
    const v =
      (1 - fr) * ((1 - fc) * at(r0, c0) + fc * at(r0, c0 + 1)) +
      fr * ((1 - fc) * at(r0 + 1, c0) + fc * at(r0 + 1, c0 + 1))
    return Math.min(BANDS - 1, Math.floor(((v - lo) / (hi - lo)) * BANDS))
  }
  const img = ctx.createImageData(size, size)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const k = band(px, py)
      const edge = k !== band(px + 1, py) || k !== band(px, py + 1)
      const t = k / (BANDS - 1)
      const o = 4 * (py * size + px)
      img.data[o] = edge ? 100 : 241 - 90 * t
      img.data[o + 1] = edge ? 116 : 245 - 80 * t
      img.data[o + 2] = edge ? 139 : 249 - 60 * t
      img.data[o + 3] = 255
    }
  }
  ctx.putImageData(img, 0, 0)
}
