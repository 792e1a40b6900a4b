// While a loop trains, redraws thin out to one every FRAMES_PER_REDRAW animation frames and catch up
// when it stops (#11); with no loop running every change is drawn (at once, or on the next frame).
// Frames are counted with a hand-driven requestAnimationFrame: nothing here depends on time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import {
  FRAMES_PER_REDRAW,
  throttledWhileTraining,
  trackTraining,
  trainingNow,
} from '../../web/src/composables/trainingActivity'

let queue: FrameRequestCallback[] = []
/** Runs one animation frame: every callback requested before it. */
function frame(): void {
  const run = queue
  queue = []
  run.forEach((f) => f(0))
}

beforeEach(() => {
  queue = []
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => queue.push(f))
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    if (id > 0) queue[id - 1] = () => {}
  })
})
afterEach(() => vi.unstubAllGlobals())

describe('trainingActivity', () => {
  it('draws every change when no loop runs: at once, or on the next frame', () => {
    let now = 0
    let later = 0
    const a = throttledWhileTraining(() => now++, 'now')
    const b = throttledWhileTraining(() => later++, 'frame')
    a.request()
    b.request()
    expect([now, later]).toEqual([1, 0])
    frame()
    expect([now, later]).toEqual([1, 1])
    a.cancel()
    b.cancel()
  })

  it('while a loop runs, one draw every few frames; the last state at once when it stops', async () => {
    const scope = effectScope()
    const running = ref(false)
    scope.run(() => trackTraining(running))
    running.value = true
    expect(trainingNow.value).toBe(true)
    let state = 0
    const drawn: number[] = []
    const r = throttledWhileTraining(() => drawn.push(state), 'now')
    const frames = 6 * FRAMES_PER_REDRAW
    for (let k = 1; k <= frames; k++) {
      state = k
      r.request() // the data change every frame
      frame()
    }
    expect(drawn.length).toBe(frames / FRAMES_PER_REDRAW)
    expect(drawn[0]).toBe(1) // the first change is drawn on its frame
    state = frames + 1
    r.request()
    running.value = false
    await nextTick()
    expect(trainingNow.value).toBe(false)
    expect(drawn[drawn.length - 1]).toBe(frames + 1)
    r.cancel()
    scope.stop()
  })

  it('a chart (on the next frame) catches up on the frame after the stop, unless training starts again first', async () => {
    const scope = effectScope()
    const running = ref(true)
    scope.run(() => trackTraining(running))
    let state = 0
    const drawn: number[] = []
    const r = throttledWhileTraining(() => drawn.push(state), 'frame')
    state = 1
    r.request()
    frame()
    expect(drawn).toEqual([1])
    // a run that ends and is resumed before the next frame: no draw per end, the usual one every few
    for (let k = 2; k <= 1 + FRAMES_PER_REDRAW; k++) {
      state = k
      r.request()
      running.value = false
      await nextTick()
      expect(drawn).toEqual([1])
      running.value = true
      await nextTick()
      frame()
    }
    expect(drawn).toEqual([1, 1 + FRAMES_PER_REDRAW])
    // stopped for good: its last state on the next frame
    state = 99
    r.request()
    running.value = false
    await nextTick()
    expect(drawn).toEqual([1, 1 + FRAMES_PER_REDRAW])
    frame()
    expect(drawn).toEqual([1, 1 + FRAMES_PER_REDRAW, 99])
    r.cancel()
    scope.stop()
  })

  it('counts a loop only once and forgets it when its scope ends', () => {
    const a = ref(true)
    const b = ref(true)
    const first = effectScope()
    const second = effectScope()
    first.run(() => trackTraining(a))
    second.run(() => trackTraining(b))
    a.value = true
    expect(trainingNow.value).toBe(true)
    first.stop() // unmounted while running
    expect(trainingNow.value).toBe(true)
    b.value = false
    expect(trainingNow.value).toBe(false)
    second.stop()
    expect(trainingNow.value).toBe(false)
  })
})
