// The training loop's own reporter (#11), with the real engine: every chunk sends `step` with the
// update count from the start of the run, and `converged` comes once, at the exact update where the
// loss first falls below 0.001, even inside a chunk of many updates. The expected numbers are worked
// out by hand here, not read from the app.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp, effectScope } from 'vue'
import { FASTEST, useTrainingLoop } from '../../web/src/composables/useTrainingLoop'
import { ProgressKey, progressReporter, type EmbedMessage } from '../../web/src/embed/protocol'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NnModule } from '../../web/src/engine/nn'
import { loadEngineNode } from './loadEngineNode'
import { oneUnit } from './fixtures'

/**
 * ŷ = w·x + b on the single row x = 1, t = 0, with w = 1, b = 0, ½-SSE, η = 0.1. Both gradients are
 * ŷ, so one update gives ŷ ← (w − ηŷ) + (b − ηŷ) = 0.8 ŷ: after n updates ŷ = 0.8ⁿ and
 * E = ½ · 0.64ⁿ. E < 0.001 ⇔ 0.64ⁿ < 0.002 ⇔ n > ln 0.002 / ln 0.64 ≈ 13.93: first at n = 14.
 */
const spec = oneUnit()
const lossAfter = (n: number) => 0.5 * 0.64 ** n
const CONVERGES_AT = 14

// Node has no animation frames: the loop's frames are queued here and run one batch at a time.
let queued: FrameRequestCallback[] = []
beforeEach(() => {
  queued = []
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => queued.push(cb))
  vi.stubGlobal('cancelAnimationFrame', () => (queued = []))
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})
function frame(): void {
  const now = queued
  queued = []
  for (const cb of now) cb(0)
}

/** A lesson (an app whose sink records every message) with one loop training `spec` in the engine. */
async function lessonLoop(run?: string) {
  const engine = (await loadEngineNode()) as unknown as NnModule
  const made = EngineNetwork.create(engine, spec)
  if (!made.ok) throw new Error(made.message)
  const net = made.network
  const sent: EmbedMessage[] = []
  const app = createApp({})
  app.provide(ProgressKey, (name?: string) => progressReporter('tiny', (m) => sent.push(m), name))
  const scope = effectScope()
  const loop = app.runWithContext(() =>
    scope.run(() =>
      useTrainingLoop(
        (n) => {
          const from = net.updates
          const r = net.train(n)
          const loss = net.forward().loss
          return { done: r.done, progress: { from, losses: r.losses, updates: net.updates, loss } }
        },
        { pace: FASTEST, link: false, totalSteps: 40, run },
      ),
    ),
  )!
  const close = () => {
    scope.stop()
    net.dispose()
  }
  return { net, sent, loop, close }
}

const ofType = (sent: EmbedMessage[], type: string) =>
  sent.filter((m) => m.type === type) as { updates: number; loss: number; run?: string }[]

describe('the training loop reports progress to an embedding page', () => {
  it('sends step at every chunk from update 0 and converged once at update 14, inside a chunk', async () => {
    // A clock that stands still: each chunk looks free, so chunks double (1, 2, 4, 8, …) and
    // update 14 falls inside the chunk from 7 to 15.
    vi.spyOn(performance, 'now').mockImplementation(() => 0)
    const { sent, loop, close } = await lessonLoop()
    loop.start()
    for (let k = 0; k < 20 && loop.running.value; k++) frame()
    expect(loop.steps.value).toBe(40)
    const steps = ofType(sent, 'backprop-lab:step')
    expect(steps.map((s) => s.updates)).toEqual([1, 3, 7, 15, 31, 40])
    for (const s of steps) {
      expect(Math.abs(s.loss - lossAfter(s.updates))).toBeLessThanOrEqual(
        1e-12 * lossAfter(s.updates),
      )
      expect(s.run).toBeUndefined()
    }
    const converged = ofType(sent, 'backprop-lab:converged')
    expect(converged).toHaveLength(1)
    expect(converged[0].updates).toBe(CONVERGES_AT)
    expect(Math.abs(converged[0].loss - lossAfter(CONVERGES_AT))).toBeLessThanOrEqual(
      1e-12 * lossAfter(CONVERGES_AT),
    )
    // the loss just before is still above the threshold: 14 is the first
    expect(lossAfter(CONVERGES_AT - 1)).toBeGreaterThan(1e-3)
    close()
  })

  it('re-arms converged after a reset, counts Steps by hand, and names the run', async () => {
    const { net, sent, loop, close } = await lessonLoop('sweep')
    for (let k = 0; k < 20; k++) loop.stepOnce()
    loop.reset()
    expect(net.configure(spec).ok).toBe(true)
    loop.report({ from: 0, losses: [], updates: 0, loss: net.forward().loss })
    for (let k = 0; k < 20; k++) loop.stepOnce()
    const steps = ofType(sent, 'backprop-lab:step')
    expect(steps.map((s) => s.updates)).toEqual([
      ...Array.from({ length: 20 }, (_, k) => k + 1),
      ...Array.from({ length: 20 }, (_, k) => k + 1),
    ])
    const converged = ofType(sent, 'backprop-lab:converged')
    expect(converged.map((c) => c.updates)).toEqual([CONVERGES_AT, CONVERGES_AT])
    expect(sent.every((m) => 'run' in m && m.run === 'sweep')).toBe(true)
    close()
  })
})
