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
      walked: [],
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
    expect(p.progress.value).toEqual({ opened: [], solved: [], walked: [] })
    localStorage.setItem(KEY, JSON.stringify({ opened: ['a', 3], solved: 'x' }))
    expect((await fresh()).progress.value).toEqual({ opened: ['a'], solved: [], walked: [] })
  })
})

describe('lesson score and completion (the SCORM report, #17)', () => {
  it('scores the share of the lesson’s exercises solved and completes on the walk-through', async () => {
    localStorage.clear()
    vi.resetModules()
    const p = await import('../../web/src/progress/progress')
    expect(p.lessonScore('x', 0)).toBeNull()
    expect(p.lessonScore('x', 3)).toBe(0)
    p.markSolved('x', 'one')
    expect(p.lessonScore('x', 3)).toBe(33)
    p.markSolved('x', 'two')
    expect(p.lessonScore('x', 3)).toBe(67)
    expect(p.lessonCompleted('x', true, 3)).toBe(false)
    p.markWalkthroughDone('x')
    expect(p.lessonCompleted('x', true, 3)).toBe(true)
    // Without a walk-through: completed when every exercise is solved.
    expect(p.lessonCompleted('x', false, 3)).toBe(false)
    p.markSolved('x', 'three')
    expect(p.lessonCompleted('x', false, 3)).toBe(true)
    expect(p.lessonScore('x', 3)).toBe(100)
  })
})
