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
    return { done: n, progress: null }
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

  it('splits the 8 ms budget between loops that run together', async () => {
    const a: number[] = []
    const b: number[] = []
    const scope = effectScope()
    const one = scope.run(() => useTrainingLoop(costly(0.01, a)))!
    const two = scope.run(() => useTrainingLoop(costly(0.01, b)))!
    one.start()
    two.start()
    for (let k = 0; k < 30; k++) await frame()
    one.pause()
    two.pause()
    for (const calls of [a, b]) {
      const last = calls[calls.length - 1] * 0.01
      expect(last).toBeGreaterThan(2)
      expect(last).toBeLessThanOrEqual(4)
    }
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
      useTrainingLoop((n) => ({ done: n, progress: null }), { totalSteps: 10, initialSteps: 4 }),
    )!
    a.start()
    for (let k = 0; k < 8; k++) await frame()
    expect(a.steps.value).toBe(10)
    expect(a.running.value).toBe(false)
    const b = scope.run(() => useTrainingLoop((n) => ({ done: n, stop: true, progress: null })))!
    b.start()
    await frame()
    await frame()
    expect(b.steps.value).toBe(1)
    expect(b.running.value).toBe(false)
    scope.stop()
  })

  it('pauses, resumes, resets and stops when its scope is disposed', async () => {
    const scope = effectScope()
    const loop = scope.run(() => useTrainingLoop((n) => ({ done: n, progress: null })))!
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

describe('useTrainingLoop at a pace', () => {
  /** One animation frame 1/60 s after the last one on the fake clock. */
  async function frameAt60(): Promise<void> {
    clock += 1000 / 60
    await frame()
  }

  it('does 1 update per second at 60 frames per second (fractional credit), the first at once', async () => {
    vi.spyOn(performance, 'now').mockImplementation(() => clock)
    const calls: number[] = []
    const scope = effectScope()
    const loop = scope.run(() =>
      useTrainingLoop((n) => (calls.push(n), { done: n, progress: null }), { pace: 1 }),
    )!
    loop.start()
    for (let k = 0; k < 180; k++) await frameAt60() // 3 s
    loop.pause()
    // 1 at the start, then one per 60 frames: 1 + 3 = 4, each a chunk of exactly 1.
    expect(loop.steps.value).toBe(4)
    expect(calls).toEqual([1, 1, 1, 1])
    scope.stop()
  })

  it('does 30 updates per second as 1 or (rarely) 2 per frame, and a new pace applies at once', async () => {
    vi.spyOn(performance, 'now').mockImplementation(() => clock)
    const scope = effectScope()
    const loop = scope.run(() =>
      useTrainingLoop((n) => ({ done: n, progress: null }), { pace: 30 }),
    )!
    loop.start()
    for (let k = 0; k < 120; k++) await frameAt60() // 2 s at 30/s: 60, plus the one at the start
    expect(loop.steps.value).toBe(61)
    loop.pace.value = 5
    for (let k = 0; k < 120; k++) await frameAt60() // 2 s at 5/s
    expect(loop.steps.value).toBe(71)
    scope.stop()
  })

  it('pauses at the planned length with a message; Resume plans as many again', async () => {
    vi.spyOn(performance, 'now').mockImplementation(() => clock)
    const scope = effectScope()
    const loop = scope.run(() =>
      useTrainingLoop((n) => ({ done: n, progress: null }), { pace: 60, totalSteps: 5 }),
    )!
    loop.start()
    for (let k = 0; k < 20; k++) await frameAt60()
    expect(loop.steps.value).toBe(5)
    expect(loop.running.value).toBe(false)
    expect(loop.resumable.value).toBe(true)
    expect(loop.message.value).toBe(
      'Paused after the planned 5 updates: Resume trains another 5 updates.',
    )
    loop.toggle() // Resume
    expect(loop.running.value).toBe(true)
    expect(loop.message.value).toBe('')
    for (let k = 0; k < 20; k++) await frameAt60()
    expect(loop.steps.value).toBe(10)
    expect(loop.message.value).toBe(
      'Paused after the planned 10 updates: Resume trains another 5 updates.',
    )
    scope.stop()
  })

  it('halts when the work says stop, keeps its message, and only a reset clears it', async () => {
    vi.spyOn(performance, 'now').mockImplementation(() => clock)
    const scope = effectScope()
    let left = 3
    const loop = scope.run(() =>
      useTrainingLoop(
        (n) => {
          const done = Math.min(n, left)
          left -= done
          return left === 0
            ? { done, stop: true, message: 'diverged after 3 updates', progress: null }
            : { done, progress: null }
        },
        { pace: 60 },
      ),
    )!
    loop.start()
    for (let k = 0; k < 10; k++) await frameAt60()
    expect(loop.steps.value).toBe(3)
    expect(loop.halted.value).toBe(true)
    expect(loop.message.value).toBe('diverged after 3 updates')
    loop.start()
    expect(loop.running.value).toBe(false)
    expect(loop.message.value).toBe('diverged after 3 updates')
    loop.reset()
    expect(loop.message.value).toBe('')
    expect(loop.halted.value).toBe(false)
    scope.stop()
  })

  it('never does more in a frame than the budget allows, even at a high pace', async () => {
    const calls: number[] = []
    const scope = effectScope()
    const loop = scope.run(() =>
      useTrainingLoop(costly(1, calls), { pace: 1000, initialSteps: 64 }),
    )!
    loop.start()
    for (let k = 0; k < 10; k++) await frameAt60()
    loop.pause()
    expect(Math.max(...calls.slice(3))).toBeLessThanOrEqual(8)
    scope.stop()
  })
})
