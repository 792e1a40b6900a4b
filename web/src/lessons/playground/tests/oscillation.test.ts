// The oscillation note's rule on curves whose rises are counted by hand, and on the real engine: the
// playground's own network at η = 100 oscillates without diverging, at η = 0.03 it never does.
import { describe, expect, it } from 'vitest'
import type { NnModule } from '../../../engine/nn'
import { useNetworkStore } from '../../../composables/useLessonStore'
import { generate, split } from '../../../math/datasets'
import { gridFeatures } from '../features'
import { DEFAULT_CONFIG, buildSpec } from '../model'
import { oscillation } from '../oscillation'
import { PlaygroundSession } from '../session'
import { loadEngineNode } from '../../../../../tests/unit/loadEngineNode'

const curve = (y: (number | null)[]) => ({ x: y.map((_, k) => k), y })

describe('oscillation note', () => {
  it('counts rises of more than 5 % in the last quarter (at least 10 points)', () => {
    // 12 points: the last 10 are 1, 0.5, 1, 0.5, … and rise at their 3rd, 5th, 7th and 9th point.
    const saw = [1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5]
    expect(oscillation(curve(saw), false)).toEqual({ rises: 4, size: 10 })
    // Two rises are not enough; a rise of exactly 5 % is none.
    expect(oscillation(curve([1, 1, 1, 1, 1, 2, 1, 1, 2, 1, 1, 1]), false)).toBeNull()
    expect(oscillation(curve([1, 1.05, 1, 1.05, 1, 1.05, 1, 1.05, 1, 1.05]), false)).toBeNull()
    // Gaps are skipped; fewer than 10 finite points, or a diverged run, say nothing.
    expect(oscillation(curve([null, ...saw.slice(2)]), false)).toEqual({ rises: 4, size: 10 })
    expect(oscillation(curve(saw.slice(3)), false)).toBeNull()
    expect(oscillation(curve(saw), true)).toBeNull()
  })

  it('holds for the playground’s network at η = 100, never at η = 0.03', async () => {
    const m = (await loadEngineNode()) as unknown as NnModule
    const { train } = split(generate('circle', 300, 0, 1), 0.5, 1)
    const problem = { kind: 'binary', classes: 2 } as const
    const grid = { output: gridFeatures(4, ['x1', 'x2']), cells: gridFeatures(2, ['x1', 'x2']) }
    const run = (learningRate: number, updates: number) => {
      const spec = buildSpec({ ...DEFAULT_CONFIG, learningRate }, problem, train)
      const r = PlaygroundSession.create(useNetworkStore(m), spec, null, grid)
      if (!r.ok) throw new Error(r.message)
      const y: number[] = []
      for (let k = 0; k < updates; k++) {
        expect(r.session.train(1).diverged).toBe(false)
        y.push(r.session.snapshot(false).trainLoss!)
      }
      r.session.dispose()
      return oscillation(curve(y), false)
    }
    expect(run(100, 40)?.rises).toBeGreaterThanOrEqual(3)
    expect(run(0.03, 2000)).toBeNull()
  })
})
