// Loops that train on one screen take turns to publish their snapshots (#11): the learning-rate lesson's
// live run, sweep and landscape each render a snapshot every few frames, and all of them in one frame
// made that frame the slowest. Frames and the clock are driven by hand: nothing depends on time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { SHOW_MS, useTrainingLoop } from '../../web/src/composables/useTrainingLoop'

let queue: FrameRequestCallback[] = []
let clock = 0
/** One animation frame 1/60 s after the last: every callback requested before it, with its timestamp. */
function frame(): void {
  clock += 1000 / 60
  const run = queue
  queue = []
  run.forEach((f) => f(clock))
}
beforeEach(() => {
  queue = []
  clock = 0
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => queue.push(f))
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    if (id > 0) queue[id - 1] = () => {}
  })
  vi.spyOn(performance, 'now').mockImplementation(() => clock)
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('useTrainingLoop snapshots', () => {
  it('two loops due in the same frame show in different frames, each as often as alone', () => {
    const scope = effectScope()
    const shown: string[][] = []
    const loops = scope.run(() =>
      ['a', 'b'].map((name) =>
        useTrainingLoop((n) => ({ done: n, progress: null }), {
          link: false,
          pace: 60,
          show: () => shown[shown.length - 1].push(name),
        }),
      ),
    )!
    loops.forEach((l) => l.start())
    const frames = 60
    for (let k = 0; k < frames; k++) {
      shown.push([])
      frame()
    }
    expect(shown.filter((s) => s.length > 1)).toEqual([])
    // both were due in the first frame: b went in the next
    expect(shown.slice(0, 2)).toEqual([['a'], ['b']])
    const every = Math.ceil(SHOW_MS / (1000 / 60))
    for (const name of ['a', 'b']) {
      const count = shown.filter((s) => s.includes(name)).length
      expect(count).toBeGreaterThanOrEqual(Math.floor(frames / every))
    }
    scope.stop()
  })

  it('a loop alone shows when due, frame after frame, even with one timestamp for every frame', () => {
    const scope = effectScope()
    let shows = 0
    const loop = scope.run(() =>
      useTrainingLoop((n) => ({ done: n, progress: null }), {
        link: false,
        pace: 60,
        show: () => shows++,
      }),
    )!
    loop.start()
    for (let k = 0; k < 20; k++) {
      clock += 100 // every frame past SHOW_MS
      const run = queue
      queue = []
      run.forEach((f) => f(0))
    }
    expect(shows).toBe(20)
    scope.stop()
  })
})
