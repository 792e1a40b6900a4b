// The heatmap's axes and colour bar: round ticks over the plane, and a bar painted by the heatmap's own
// rule whose ends and middle have the colours the rule gives by hand (60 % of the way from white).
import { describe, expect, it } from 'vitest'
import { paintHeatmap, type Palette } from '../../web/src/components/charts/heatmap'
import { axisTicks, colourBar, planeScale } from '../../web/src/components/charts/heatmapKey'

const palette: Palette = {
  pos: [0, 0, 255],
  neg: [255, 0, 0],
  classes: [
    [255, 0, 0],
    [0, 0, 255],
    [0, 128, 0],
  ],
}
const pixel = (d: Uint8ClampedArray, k: number) => [...d.slice(4 * k, 4 * k + 3)]

describe('axis ticks', () => {
  it('numbers the plane −6 … 6 in steps of 2, each at its place', () => {
    const t = axisTicks(-6, 6)
    expect(t.map((x) => x.label)).toEqual(['−6', '−4', '−2', '0', '2', '4', '6'])
    expect(t.map((x) => x.at)).toEqual([0, 2, 4, 6, 8, 10, 12].map((k) => k / 12))
  })
  it('picks 1, 2 or 5 × 10ᵏ steps and keeps ends off the steps out', () => {
    expect(axisTicks(0, 1, 6).map((x) => x.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1])
    expect(axisTicks(-0.35, 0.35, 5).map((x) => x.value)).toEqual([-0.2, 0, 0.2])
    expect(axisTicks(1, 1)).toEqual([])
    expect(axisTicks(0, Number.NaN)).toEqual([])
  })
})

describe('colour bar', () => {
  it('a probability bar runs 0 → 1: class 0 full, white at 0.5, class 1 full', () => {
    const bar = colourBar('probability', { what: 'p', cells: 5 })
    expect([...bar.values]).toEqual([0, 0.25, 0.5, 0.75, 1])
    const out = new Uint8ClampedArray(4 * bar.cells)
    paintHeatmap(out, bar.values, bar.cells, 1, 0, bar.mode, palette)
    expect(pixel(out, 0)).toEqual([255, 102, 102]) // 255 + (0 − 255)·0.6
    // 0.25: half strength, 255 − 255·0.3 = 178.5 (rounded either way by the byte array)
    expect(Math.abs(pixel(out, 1)[1] - 178.5)).toBe(0.5)
    expect(pixel(out, 2)).toEqual([255, 255, 255])
    expect(pixel(out, 4)).toEqual([102, 102, 255])
    expect(bar.ticks.map((t) => t.label)).toEqual(['0', '0.25', '0.5', '0.75', '1'])
  })
  it('discretized, the same bar has only the two full colours', () => {
    const bar = colourBar('probability', { what: 'p', cells: 5 })
    const out = new Uint8ClampedArray(4 * bar.cells)
    paintHeatmap(out, bar.values, bar.cells, 1, 0, bar.mode, palette, true)
    const seen = new Set([0, 1, 2, 3, 4].map((k) => pixel(out, k).join(',')))
    expect([...seen]).toEqual(['255,102,102', '102,102,255'])
  })
  it('a scaled bar spans ± the largest |value|; a softmax bar has one strip per class', () => {
    const scaled = colourBar('scaled', { what: 'a', largest: 2.5 })
    expect([scaled.min, scaled.max]).toEqual([-2.5, 2.5])
    expect(scaled.ticks.map((t) => t.label)).toEqual(['−2.5', '−1.25', '0', '1.25', '2.5'])
    const K = 4
    const bar = colourBar('classes', { what: 'k', classes: K, cells: 3 })
    expect(bar.rowNames).toEqual(['class 0', 'class 1', 'class 2', 'class 3'])
    expect([bar.min, bar.max]).toEqual([0.25, 1])
    // strip 2, last cell: class 2 at probability 1, the others 0
    expect([...bar.values.slice((2 * 3 + 2) * K, (2 * 3 + 3) * K)]).toEqual([0, 0, 1, 0])
    // strip 1, first cell: all four at 1/4 (no winner: white)
    expect([...bar.values.slice(3 * K, 4 * K)]).toEqual([0.25, 0.25, 0.25, 0.25])
    // discretized: each strip one class at probability 1, no numbers
    const swatches = colourBar('classes', { what: 'k', classes: K, cells: 3, discrete: true })
    expect(swatches.ticks).toEqual([])
    expect([...swatches.values.slice(3 * K, 4 * K)]).toEqual([0, 1, 0, 0])
  })
})

describe('plane scale', () => {
  it('places the plane [−2.5, 2.5]² on 400 units, x₂ up, and reads a place back', () => {
    const { px, py, at } = planeScale(-2.5, 2.5, 400)
    // 80 units per unit of the plane
    expect([px(-2.5), px(0), px(2.5), px(1)]).toEqual([0, 200, 400, 280])
    expect([py(2.5), py(0), py(-2.5), py(-1)]).toEqual([0, 200, 400, 280])
    expect(at(280, 280)).toEqual([1, -1])
    // 100 units across is 1.25 of the plane: −2.5 + 1.25; 1 unit down: 2.5 − 1/80 = 2.4875 → 2.488
    expect(at(100, 1)).toEqual([-1.25, 2.488])
  })
})
