// math/series: what a chart is handed is finite, log-safe and at most ~maxPoints long, with the
// curve's spikes and the place where a diverged copy stopped kept.
import { describe, expect, it } from 'vitest'
import { chartPoints, cleanPoints, decimate, sampleRows } from '../../web/src/math/series'

describe('cleanPoints', () => {
  it('turns NaN and ±Infinity into gaps and keeps the x positions', () => {
    const pts = cleanPoints({
      label: 'a',
      color: '#000',
      y: [1, NaN, Infinity, -Infinity, null, 2],
    })
    expect(pts.map((p) => p.y)).toEqual([1, null, null, null, null, 2])
    expect(pts.map((p) => p.x)).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('uses xStart or explicit x, and drops x ≤ 0 on a log x axis', () => {
    expect(cleanPoints({ label: 'a', color: '', y: [5, 6], xStart: 10 }).map((p) => p.x)).toEqual([
      10, 11,
    ])
    const pts = cleanPoints(
      { label: 'a', color: '', x: [0, 1e-3, 1], y: [1, 2, 3] },
      { logX: true },
    )
    expect(pts).toEqual([
      { x: 1e-3, y: 2 },
      { x: 1, y: 3 },
    ])
  })

  it('makes values ≤ 0 gaps on a log y axis', () => {
    const pts = cleanPoints({ label: 'a', color: '', y: [1, 0, -2, 3] }, { logY: true })
    expect(pts.map((p) => p.y)).toEqual([1, null, null, 3])
  })
})

describe('decimate', () => {
  it('leaves short series alone', () => {
    const pts = Array.from({ length: 50 }, (_, k) => ({ x: k, y: k * k }))
    expect(decimate(pts, 1000)).toEqual(pts)
  })

  it('keeps at most maxPoints (+ the last), in x order, with the extremes and the last point', () => {
    const pts = Array.from({ length: 100_000 }, (_, k) => ({
      x: k,
      y: Math.sin(k / 100) + (k === 54_321 ? 50 : 0),
    }))
    const out = decimate(pts, 1000)
    expect(out.length).toBeLessThanOrEqual(1001)
    expect(out.length).toBeGreaterThan(500)
    for (let k = 1; k < out.length; k++) expect(out[k].x).toBeGreaterThan(out[k - 1].x)
    expect(out.some((p) => p.x === 54_321)).toBe(true) // the spike survives
    expect(out[out.length - 1]).toEqual(pts[pts.length - 1])
  })

  it('keeps a gap where a long series stops being finite', () => {
    const y = Array.from({ length: 20_000 }, (_, k) => (k < 15_000 ? 1 / (k + 1) : null))
    const out = chartPoints({ label: 'a', color: '', y }, { maxPoints: 500 })
    expect(out.length).toBeLessThanOrEqual(501)
    expect(out.some((p) => p.y === null)).toBe(true)
    expect(out.every((p) => p.y === null || Number.isFinite(p.y))).toBe(true)
  })
})

describe('sampleRows', () => {
  it('takes every n-th item and always the last', () => {
    const rows = sampleRows(
      Array.from({ length: 101 }, (_, k) => k),
      10,
    )
    expect(rows.length).toBeLessThanOrEqual(12)
    expect(rows[0]).toBe(0)
    expect(rows[rows.length - 1]).toBe(100)
  })
})
