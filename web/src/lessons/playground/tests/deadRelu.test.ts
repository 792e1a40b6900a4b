// The playground names dead ReLU units and dead networks with the shared detector (#12), on the real .wasm.
import { describe, expect, it } from 'vitest'
import type { NnModule } from '../../../engine/nn'
import type { NetworkSpec } from '../../../engine/types'
import { gridFeatures } from '../features'
import { PlaygroundSession } from '../session'
import { loadEngineNode } from '../../../../../tests/unit/loadEngineNode'
import { useNetworkStore } from '../../../composables/useLessonStore'

const rows = {
  inputs: [
    [0.5, -0.4],
    [-0.3, 0.8],
    [0.9, 0.2],
  ],
  targets: [[1], [0], [1]],
}
function snapshot(m: NnModule, b1: number[]) {
  const spec: NetworkSpec = {
    layers: [2, 2, 1],
    activations: ['relu', 'sigmoid'],
    loss: 'bce',
    weights: [
      [
        [0.8, -1],
        [-0.5, 0.9],
      ],
      [[1.5, -2]],
    ],
    biases: [b1, [0.3]],
    ...rows,
    learningRate: 0.1,
  }
  const grid = { output: gridFeatures(2, ['x1', 'x2']), cells: gridFeatures(2, ['x1', 'x2']) }
  const r = PlaygroundSession.create(useNetworkStore(m), spec, null, grid)
  if (!r.ok) throw new Error(r.message)
  const s = r.session.snapshot()
  r.session.dispose()
  return s
}

describe('playground dead ReLU', () => {
  it('names a dead network: with b = −5, every z = w·x − 5 < 0 on inputs in [−1, 1]', async () => {
    const m = (await loadEngineNode()) as unknown as NnModule
    expect(snapshot(m, [-5, -5]).deadRelu).toMatch(/^Dead network: every ReLU unit of layer 1/)
  })

  it('names one dead unit: unit 2 has z = −0.5·x1 + 0.9·x2 − 2 < 0 on every row', async () => {
    const m = (await loadEngineNode()) as unknown as NnModule
    // unit 1: z = 0.8·0.5 + 0.4 + 0 = 0.8 > 0 on row 1, so it is alive
    expect(snapshot(m, [0, -2]).deadRelu).toContain('1 dead ReLU unit (layer 1: unit 2)')
    expect(snapshot(m, [0.5, 0.5]).deadRelu).toBeNull()
  })
})
