// The loss landscape through the real .wasm, against values worked out by hand here: the loss at a grid
// cell, the first SGD and momentum updates from the start, the least-squares minimum SGD settles in,
// and a too-large η named as divergence at the update where it happened.
import { describe, expect, it } from 'vitest'
import { useNetworkStore } from '../../composables/useLessonStore'
import type { NnModule } from '../../engine/nn'
import type { OptimizerSpec } from '../../engine/types'
import { KEPT_UPDATES, LANDSCAPE_DATA, OptimizerPath, START, VIEW, lossGrid } from './landscape'
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

describe('what the landscape’s text says about each optimizer', () => {
  const UPDATES = 200 // as many as the page draws
  /** Largest |Δw|, |Δb| of a path's updates, each over the η it used. */
  const stepsOverEta = (path: OptimizerPath) =>
    path.points
      .slice(1)
      .map(
        (p, k) =>
          Math.max(Math.abs(p.w - path.points[k].w), Math.abs(p.b - path.points[k].b)) / p.eta,
      )

  it('Adam: no step is longer than about η, however steep the slope', async () => {
    // Adam's rule: Δθ_t = −η m̂_t/(√v̂_t + ε), m̂_t = Σ_i a_i g_i, v̂_t = Σ_i c_i g_i² with
    // a_i = (1−β₁)β₁^(t−i)/(1−β₁^t), c_i = (1−β₂)β₂^(t−i)/(1−β₂^t). Cauchy–Schwarz gives, for any
    // gradients, |Δθ_t|/η ≤ √(Σ a_i²/c_i) = B_t; B_1 = 1 (one gradient: |g|/(|g| + ε) < 1), and B_t
    // grows (≈ 7.3 for large t with β₁ = 0.9, β₂ = 0.999): a gradient that jumps after a quiet spell
    // could give a step of several η. The page's sentence claims the bound η (×(1 + 10⁻⁹) for
    // rounding) on this landscape, from η = 10⁻⁴ to 10 (here gradients shrink and turn, never jump).
    const [b1, b2] = [0.9, 0.999]
    const bound = (t: number) => {
      let s = 0
      for (let i = 1; i <= t; i++) {
        const a = ((1 - b1) * b1 ** (t - i)) / (1 - b1 ** t)
        const c = ((1 - b2) * b2 ** (t - i)) / (1 - b2 ** t)
        s += (a * a) / c
      }
      return Math.sqrt(s)
    }
    expect(bound(1)).toBe(1)
    expect(bound(UPDATES)).toBeGreaterThan(3)
    const s = await store()
    for (const eta of [1e-4, 1e-3, 0.01, 0.1, 0.3, 1, 10]) {
      const path = OptimizerPath.create(s, eta, { name: 'adam', beta1: b1, beta2: b2 })
      for (let k = 0; k < UPDATES; k++) path.step(eta)
      expect(path.stopped).toBe('')
      const r = stepsOverEta(path)
      expect(r).toHaveLength(UPDATES)
      r.forEach((x, k) => {
        expect(x).toBeLessThanOrEqual(bound(k + 1) * (1 + 1e-9)) // the rule, any gradients
        expect(x).toBeLessThanOrEqual(1 + 1e-9) // the sentence
      })
      // The first step is η·|g|/(|g| + ε) ≈ η whatever g: SGD's is η·|g| = 7.575 η here.
      expect(r[0]).toBeCloseTo(1, 6)
    }
    // Where the gradient turns, the step falls far below η (the newcomer's update 22 at η = 0.1).
    const path = OptimizerPath.create(s, 0.1, { name: 'adam', beta1: b1, beta2: b2 })
    for (let k = 0; k < 22; k++) path.step(0.1)
    const [p21, p22] = path.points.slice(21, 23)
    expect(Math.abs(p22.w - p21.w)).toBeLessThan(0.1 / 10)
    s.clear()
  })

  it('SGD: zig-zags across the valley above η ≈ 1/λ_max and leaves it above 2/λ_max', async () => {
    // λ_max ≈ 8.35 (see below): 1/λ_max ≈ 0.120, 2/λ_max ≈ 0.240. Across the valley is the steep
    // eigenvector of the Hessian [[7.5, 2.5], [2.5, 1]]: (2.5, λ_max − 7.5) up to scale.
    const lmax = (8.5 + Math.sqrt(67.25)) / 2
    const across = (p: { w: number; b: number }) => 2.5 * (p.w - 1.96) + (lmax - 7.5) * (p.b + 0.85)
    const s = await store()
    const turns = (eta: number) => {
      const path = OptimizerPath.create(s, eta, { name: 'sgd' })
      // 8 updates: at η = 0.1 the across part shrinks by 0.165 a step, to rounding noise by 20
      for (let k = 0; k < 8; k++) path.step(eta)
      const a = path.points.map(across)
      const grew = Math.abs(a[a.length - 1]) > Math.abs(a[0])
      return { path, flips: a.slice(1).filter((v, k) => v * a[k] < 0).length, grew }
    }
    expect(turns(0.1).flips).toBe(0) // 1 − ηλ_max ≈ 0.16 > 0: straight down the side
    expect(turns(0.2).flips).toBe(8) // 1 − ηλ_max ≈ −0.67: across and back every update
    expect(turns(0.2).grew).toBe(false)
    expect(turns(0.25).grew).toBe(true) // |1 − ηλ_max| ≈ 1.09 > 1: it leaves the valley
    s.clear()
  })

  it('momentum: gets much further down the valley than SGD at the same η, and runs past the minimum', async () => {
    const s = await store()
    const eta = 0.01
    const walk = (spec: OptimizerSpec) => {
      const path = OptimizerPath.create(s, eta, spec)
      for (let k = 0; k < UPDATES; k++) path.step(eta)
      return path
    }
    const sgd = walk({ name: 'sgd' })
    const mom = walk({ name: 'momentum', momentum: 0.9 })
    // Distance to the minimum (1.96, −0.85), worked out by hand in the least-squares test above.
    const left = (p: { w: number; b: number }) => Math.hypot(p.w - 1.96, p.b + 0.85)
    expect(left(mom.last)).toBeLessThan(left(sgd.last) / 10)
    // At the page's η = 0.1 momentum runs past w* and swings back; SGD never reaches it.
    const fast = (spec: OptimizerSpec) => {
      const path = OptimizerPath.create(s, 0.1, spec)
      for (let k = 0; k < UPDATES; k++) path.step(0.1)
      return Math.max(...path.points.map((p) => p.w))
    }
    expect(fast({ name: 'momentum', momentum: 0.9 })).toBeGreaterThan(1.96 + 0.1)
    expect(fast({ name: 'sgd' })).toBeLessThan(1.96)
    s.clear()
  })
})

describe('a path that runs on and on', () => {
  it(`keeps its last ${KEPT_UPDATES} updates, with their update numbers and the point they start from`, async () => {
    const s = await store()
    const path = OptimizerPath.create(s, 0.1, { name: 'sgd' })
    // 2,500 updates: three times what a Resume or two adds; before, every one stayed in memory.
    for (let k = 0; k < 2500; k++) path.step(0.1)
    expect(path.stopped).toBe('')
    expect(path.points).toHaveLength(KEPT_UPDATES + 1)
    expect(path.points[0].update).toBe(2500 - KEPT_UPDATES)
    expect(path.last.update).toBe(2500)
    // consecutive: no update is missing from what is kept
    expect(path.points.every((p, k) => p.update === path.points[0].update + k)).toBe(true)
    // between(): by update number, whatever was dropped; the first SGD point by hand is gone
    expect(path.between(2490, 2493).map((p) => p.update)).toEqual([2490, 2491, 2492])
    expect(path.between(0, 3)).toEqual([])
    s.clear()
  })
})
