// Feature columns are computed in TypeScript before the rows reach the engine; the grid goes through the
// same mapping as the data.
import { describe, expect, it } from 'vitest'
import { gridPoints } from '../../../math/datasets'
import { canonicalFeatures, featureRows, gridFeatures } from '../features'

describe('feature mapping', () => {
  const pts = [
    { x1: 2, x2: -3, label: 1 },
    { x1: 0.5, x2: 0, label: 0 },
  ]
  it('computes every feature in canonical order', () => {
    const rows = featureRows(pts, ['sinx2', 'x1x2', 'x2sq', 'x1sq', 'x2', 'x1', 'sinx1'])
    expect(rows[0]).toEqual([2, -3, 4, 9, -6, Math.sin(2), Math.sin(-3)])
    expect(rows[1]).toEqual([0.5, 0, 0.25, 0, 0, Math.sin(0.5), 0])
  })
  it('keeps only the chosen features, whatever order they were ticked in', () => {
    expect(canonicalFeatures(['x2', 'x1'])).toEqual(['x1', 'x2'])
    expect(featureRows(pts, ['x1x2', 'x1'])).toEqual([
      [2, -6],
      [0.5, 0],
    ])
  })
  it('grid: cell centres row-major from the top-left, mapped like the data', () => {
    const g = gridPoints(4, -6, 6)
    expect(g[0]).toEqual([-4.5, 4.5])
    expect(g[3]).toEqual([4.5, 4.5])
    expect(g[15]).toEqual([4.5, -4.5])
    const flat = gridFeatures(4, ['x1', 'x1x2'])
    expect(flat.length).toBe(32)
    expect(Array.from(flat.subarray(0, 2))).toEqual([-4.5, -20.25])
  })
})
