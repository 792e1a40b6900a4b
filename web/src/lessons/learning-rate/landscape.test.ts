// The loss landscape through the real .wasm, against values worked out by hand here: the loss at a grid
// cell, the first SGD and momentum updates from the start, the least-squares minimum SGD settles in,
// and a too-large η named as divergence at the update where it happened.
import { describe, expect, it } from 'vitest'
import { useNetworkStore } from '../../composables/useLessonStore'
import type { NnModule } from '../../engine/nn'
import { LANDSCAPE_DATA, OptimizerPath, START, VIEW, lossGrid } from './landscape'
import { loadEngineNode } from '../../../../tests/unit/loadEngineNode'

const load = () => loadEngineNode() as unknown as Promise<NnModule>
const store = async () => useNetworkStore(await load())
const xs = LANDSCAPE_DATA.inputs.map((r) => r[0])
const ys = LANDSCAPE_DATA.targets.map((r) => r[0])
/** ½-SSE mean loss and its gradient for ŷ = w·x + b, by hand. */
function byHand(w: number, b: number) {
  const e = xs.map((x, k) => w * x + b - ys[k])
  const n = xs.length
  return {
    loss: e.reduce((s, v) => s + 0.5 * v * v, 0) / n,
    gw: e.reduce((s, v, k) => s + v * xs[k], 0) / n,
    gb: e.reduce((s, v) => s + v, 0) / n,
  }
}

describe('loss landscape', () => {
  it('evaluates the loss at each cell centre of the grid', async () => {
    const { values } = lossGrid(await load(), 3)
    // Centre cell: w = −2 + (1.5/3)·6 = 1, b = 8 − (1.5/3)·12 = 2; top-left: w = −1, b = 6.
    expect(values[4]).toBeCloseTo(0.6825, 12)
    expect(values[4]).toBeCloseTo(byHand(1, 2).loss, 12)
    expect(values[0]).toBeCloseTo(byHand(VIEW.w[0] + 1, VIEW.b[1] - 2).loss, 12)
  })

  it('takes the first SGD step and the first two momentum steps as the update rules say', async () => {
    const s = await store()
    const eta = 0.1
    const g0 = byHand(START.w, START.b) // gw = −7.575, gb = −1.55
    expect(g0.gw).toBeCloseTo(-7.575, 12)
    const sgd = OptimizerPath.create(s, eta, { name: 'sgd' })
    expect(sgd.last.loss).toBeCloseTo(6.6825, 12)
    expect(sgd.last.gw).toBeCloseTo(g0.gw, 12)
    sgd.step(eta)
    expect(sgd.last.w).toBeCloseTo(START.w - eta * g0.gw, 12) // −0.2425
    expect(sgd.last.b).toBeCloseTo(START.b - eta * g0.gb, 12) // 5.155

    const mu = 0.9
    const mom = OptimizerPath.create(s, eta, { name: 'momentum', momentum: mu })
    mom.step(eta)
    const w1 = START.w - eta * g0.gw
    const b1 = START.b - eta * g0.gb
    const g1 = byHand(w1, b1)
    mom.step(eta)
    expect(mom.last.w).toBeCloseTo(w1 - eta * (mu * g0.gw + g1.gw), 12) // 0.589875
    expect(mom.last.b).toBeCloseTo(b1 - eta * (mu * g0.gb + g1.gb), 12)
    expect(mom.last.update).toBe(2)
    s.clear()
  })

  it('settles SGD at the least-squares minimum when η is below 2/λ_max', async () => {
    // Least squares by hand: x̄ = 2.5, ȳ = 4.05, Sxy = 9.8, Sxx = 5 → w* = 1.96, b* = −0.85.
    const s = await store()
    const path = OptimizerPath.create(s, 0.2, { name: 'sgd' })
    for (let k = 0; k < 3000; k++) path.step(0.2)
    expect(path.stopped).toBe('')
    expect(path.last.w).toBeCloseTo(1.96, 6)
    expect(path.last.b).toBeCloseTo(-0.85, 6)
    s.clear()
  })

  it('names a diverging run with the update where it left the landscape', async () => {
    // λ_max of the Hessian [[7.5, 2.5], [2.5, 1]] is (8.5 + √67.25)/2 ≈ 8.35: η = 0.3 gives |1 − ηλ| ≈ 1.5.
    const s = await store()
    const path = OptimizerPath.create(s, 0.3, { name: 'sgd' })
    let updates = 0
    while (path.step(0.3)) updates++
    const stoppedAt = updates + 1
    expect(path.stopped).toBe(
      `diverged at update ${stoppedAt}: the weights ran far off the landscape`,
    )
    expect(path.last.update).toBe(stoppedAt)
    // Far means beyond 100 × the drawn width (1200); the point before was still inside it.
    const prev = path.points[path.points.length - 2]
    expect(Math.max(Math.abs(prev.w), Math.abs(prev.b))).toBeLessThanOrEqual(1200)
    expect(Math.max(Math.abs(path.last.w), Math.abs(path.last.b))).toBeGreaterThan(1200)
    s.clear()
  })
})
