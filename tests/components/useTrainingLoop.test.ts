// useTrainingLoop on a fake clock: chunks grow while work is cheap, shrink to the budget when it is
// dear, stop when the work says so or the total is reached, and stop when the scope goes away.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useTrainingLoop } from '../../web/src/composables/useTrainingLoop'

const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)))
let clock = 0
afterEach(() => vi.restoreAllMocks())

/** Work that costs `msPerStep` on the fake clock. */
function costly(msPerStep: number, calls: number[]) {
  vi.spyOn(performance, 'now').mockImplementation(() => clock)
  return (n: number) => {
    calls.push(n)
    clock += n * msPerStep
    return { done: n }
  }
}

describe('useTrainingLoop', () => {
  it('grows the chunk while steps are cheap and settles near the 8 ms budget', async () => {
    const calls: number[] = []
    const scope = effectScope()
    const loop = scope.run(() => useTrainingLoop(costly(0.01, calls)))!
    loop.start()
    for (let k = 0; k < 30; k++) await frame()
    loop.pause()
    expect(calls[0]).toBe(1)
    expect(calls[1]).toBe(2)
    const last = calls[calls.length - 1]
    expect(last * 0.01).toBeGreaterThan(4)
    expect(last * 0.01).toBeLessThanOrEqual(8)
    expect(loop.steps.value).toBe(calls.reduce((a, b) => a + b, 0))
    scope.stop()
  })

  it('shrinks the chunk when a chunk overruns the budget', async () => {
    const calls: number[] = []
    const scope = effectScope()
    const loop = scope.run(() => useTrainingLoop(costly(1, calls), { initialSteps: 64 }))!
    loop.start()
    for (let k = 0; k < 6; k++) await frame()
    loop.pause()
    expect(calls[0]).toBe(64)
    expect(calls[calls.length - 1]).toBeLessThanOrEqual(8)
    scope.stop()
  })

  it('stops at totalSteps and when the work asks to stop', async () => {
    const scope = effectScope()
    const a = scope.run(() =>
      useTrainingLoop((n) => ({ done: n }), { totalSteps: 10, initialSteps: 4 }),
    )!
    a.start()
    for (let k = 0; k < 8; k++) await frame()
    expect(a.steps.value).toBe(10)
    expect(a.running.value).toBe(false)
    const b = scope.run(() => useTrainingLoop((n) => ({ done: n, stop: true })))!
    b.start()
    await frame()
    await frame()
    expect(b.steps.value).toBe(1)
    expect(b.running.value).toBe(false)
    scope.stop()
  })

  it('pauses, resumes, resets and stops when its scope is disposed', async () => {
    const scope = effectScope()
    const loop = scope.run(() => useTrainingLoop((n) => ({ done: n })))!
    loop.toggle()
    await frame()
    loop.toggle()
    const after = loop.steps.value
    await frame()
    expect(loop.steps.value).toBe(after)
    loop.start()
    await frame()
    expect(loop.steps.value).toBeGreaterThan(after)
    loop.reset()
    expect(loop.steps.value).toBe(0)
    loop.start()
    scope.stop()
    expect(loop.running.value).toBe(false)
  })
})
