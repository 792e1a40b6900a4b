// Progress lives in localStorage only: it is read back after a reload (a fresh module) and forgotten on
// request; unreadable storage starts afresh instead of failing.
import { beforeEach, describe, expect, it, vi } from 'vitest'

const KEY = 'backprop-lab:progress'
const fresh = async () => {
  vi.resetModules()
  return import('../../web/src/progress/progress')
}

describe('progress', () => {
  beforeEach(() => localStorage.clear())

  it('records opened lessons and solved exercises, once each, and keeps them over a reload', async () => {
    const p = await fresh()
    p.markOpened('chain-rule')
    p.markOpened('chain-rule')
    p.markSolved('chain-rule', 'three-links')
    p.markSolved('shapes', 'product-shape')
    expect(JSON.parse(localStorage.getItem(KEY) ?? '')).toEqual({
      v: 1,
      opened: ['chain-rule'],
      solved: ['chain-rule/three-links', 'shapes/product-shape'],
    })
    const again = await fresh()
    expect(again.progress.value.opened).toEqual(['chain-rule'])
    expect(again.solvedIn('chain-rule')).toBe(1)
    expect(again.exercisesSolved()).toBe(2)
  })

  it('forgets everything on request', async () => {
    const p = await fresh()
    p.markOpened('shapes')
    p.forgetProgress()
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(p.exercisesSolved()).toBe(0)
    expect((await fresh()).progress.value.opened).toEqual([])
  })

  it('starts afresh from unreadable storage', async () => {
    localStorage.setItem(KEY, '{not json')
    const p = await fresh()
    expect(p.progress.value).toEqual({ opened: [], solved: [] })
    localStorage.setItem(KEY, JSON.stringify({ opened: ['a', 3], solved: 'x' }))
    expect((await fresh()).progress.value).toEqual({ opened: ['a'], solved: [] })
  })
})
