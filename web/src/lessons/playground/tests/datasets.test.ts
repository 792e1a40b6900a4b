// The playground's data generators: seeded and exact (the same points on every machine), labels that
// follow each set's geometry, coordinates on the plane with 3 decimals, a split that holds out exactly the test share.
import { describe, expect, it } from 'vitest'
import { DATASETS, DOMAIN, generate, mulberry32, split } from '../../../math/datasets'

const NAMES = ['circle', 'xor', 'gauss', 'spiral', 'spiral3', 'plane', 'gaussmix'] as const

describe('playground datasets', () => {
  it('mulberry32 gives the published sequence (seed 1 → 0.6270739405881613)', () => {
    const r = mulberry32(1)
    expect(r()).toBe(0.6270739405881613)
    expect(r()).toBe(0.002735721180215478)
  })

  it('the same seed gives exactly the same points; the first points are pinned', () => {
    for (const name of NAMES) expect(generate(name, 50, 0.2, 9)).toEqual(generate(name, 50, 0.2, 9))
    expect(generate('circle', 2, 0.1, 7)).toEqual([
      { x1: -0.162, x2: -0.174, label: 1 },
      { x1: 4.159, x2: 0.352, label: 0 },
    ])
    expect(generate('spiral3', 3, 0.1, 7).map((p) => p.label)).toEqual([0, 1, 2])
    expect(generate('plane', 1, 0.1, 7)).toEqual([{ x1: -6, x2: -5.458, label: -0.926 }])
    expect(generate('gaussmix', 2, 0.1, 7)[1]).toEqual({ x1: -0.437, x2: -3.035, label: 0.82 })
  })

  it('another seed gives other points', () => {
    for (const name of NAMES)
      expect(generate(name, 20, 0.1, 1)).not.toEqual(generate(name, 20, 0.1, 2))
  })

  it('every point lies on the plane, rounded to 3 decimals', () => {
    for (const name of NAMES) {
      for (const p of generate(name, 200, 0.5, 3)) {
        for (const v of [p.x1, p.x2]) {
          expect(Math.abs(v)).toBeLessThanOrEqual(DOMAIN)
          expect(Math.round(v * 1000) / 1000).toBe(v)
        }
      }
    }
  })

  it('without noise the labels follow the geometry', () => {
    for (const p of generate('circle', 200, 0, 4))
      expect(Math.hypot(p.x1, p.x2) < 3 ? 1 : 0).toBe(p.label)
    for (const p of generate('xor', 200, 0, 4)) expect(p.x1 * p.x2 > 0 ? 1 : 0).toBe(p.label)
    for (const p of generate('plane', 200, 0, 4)) expect(p.label).toBeCloseTo((p.x1 + p.x2) / 12, 2)
    const three = generate('spiral3', 300, 0, 4).map((p) => p.label)
    expect([0, 1, 2].map((c) => three.filter((l) => l === c).length)).toEqual([100, 100, 100])
    for (const p of generate('gaussmix', 100, 0, 4))
      expect(Math.abs(p.label)).toBeLessThanOrEqual(1)
  })

  it('the user set has no generator, and every set is listed once', () => {
    expect(generate('custom', 10, 0, 1)).toEqual([])
    expect(new Set(DATASETS.map((d) => d.name)).size).toBe(DATASETS.length)
  })

  it('split: exactly the test share held out, reproducible, a new point moves at most one other', () => {
    const pts = generate('gauss', 1000, 0, 5)
    const { train, test } = split(pts, 0.3, 5)
    expect([train.length, test.length]).toEqual([700, 300])
    expect(split(pts, 0.3, 5)).toEqual({ train, test })
    const more = split([...pts, { x1: 0, x2: 0, label: 1 }], 0.3, 5)
    // 1001 × 0.3 = 300.3 → still 300 held out; the new point in one set, at most one old point moved
    expect(more.test.length).toBe(300)
    const moved = test.filter((p) => !more.test.includes(p)).length
    expect(moved).toBeLessThanOrEqual(1)
    expect(split(pts, 0, 5).test).toEqual([])
  })

  it('split: the last `alwaysTrain` points (clicked) are training points even at a 90 % test share', () => {
    const pts = generate('gauss', 40, 0, 3)
    const r = split(pts, 0.9, 3, 8)
    expect(r.train.slice(-8)).toEqual(pts.slice(-8))
    expect(r.test).toEqual(split(pts.slice(0, 32), 0.9, 3).test)
  })
})
