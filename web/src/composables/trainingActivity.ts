// Whether any training loop is running, app-wide (#11): while one is, what changes every frame is
// redrawn only every few frames (typesetting, charts, the address), so the page keeps answering input;
// when the last loop stops, everything catches up (typesetting at once, charts on the next frame).
import { computed, onScopeDispose, shallowRef, watch, type Ref } from 'vue'

const runningLoops = shallowRef(0)

/** True while at least one training loop runs. */
export const trainingNow = computed(() => runningLoops.value > 0)

/** How many training loops run now (loops that train together share a frame's time budget). */
export const runningLoopCount = (): number => runningLoops.value

/**
 * Counts `running` among the running loops while it is true, until the current scope is disposed.
 * Called by useTrainingLoop for every loop.
 */
export function trackTraining(running: Readonly<Ref<boolean>>): void {
  let counted = false
  const count = (on: boolean): void => {
    if (on === counted) return
    counted = on
    runningLoops.value += on ? 1 : -1
  }
  watch(running, count, { flush: 'sync', immediate: true })
  onScopeDispose(() => count(false))
}

/**
 * True between the browser's `beforeprint` and `afterprint`: on paper everything is on screen and up
 * to the run, so what skips redraws while training (sections and charts off screen, a count shown
 * every few frames) catches up at once. Set before any other `beforeprint` listener runs (this module
 * listens first, when it is loaded).
 */
export const printing = shallowRef(false)
if (typeof window !== 'undefined')
  for (const t of ['beforeprint', 'afterprint'])
    window.addEventListener(t, () => (printing.value = t === 'beforeprint'))

/** Frames between two redraws of something that changes every frame while training. */
export const FRAMES_PER_REDRAW = 4

/**
 * Runs `redraw` now when no loop trains, else at most once every `frames()` animation frames (the
 * last call wins), and when training stops (`'now'`: at once; `'frame'`: on the next frame, unless
 * training has started again by then). Returns `request` (ask for a redraw) and `cancel`
 * (for unmount).
 * @param redraw draws the latest state; called with nothing pending afterwards
 * @param when `'now'` redraws synchronously when idle (text beside it must agree), `'frame'` on the next
 *   animation frame
 * @param frames animation frames between two redraws while training, read after each redraw
 *   (@default {@link FRAMES_PER_REDRAW})
 */
export function throttledWhileTraining(
  redraw: () => void,
  when: 'now' | 'frame' = 'frame',
  frames: () => number = () => FRAMES_PER_REDRAW,
): { request: () => void; cancel: () => void } {
  let frame = 0
  let pending = false
  /** Animation frames still to wait before the next redraw while training. */
  let wait = 0
  const run = (): void => {
    frame = 0
    pending = false
    redraw()
  }
  const tick = (): void => {
    frame = 0
    if (!pending) return
    if (trainingNow.value && --wait > 0) {
      frame = requestAnimationFrame(tick)
      return
    }
    wait = frames()
    run()
  }
  // 'now' catches up at once; 'frame' in the frame already asked for, unless a loop has started
  // again by then (a run that ends and is resumed every frame at full speed): then as usual, every
  // few frames. Drawing at the stop drew the data of the last redraw's frame, drawn again after it.
  const stopWatch = watch(trainingNow, (on) => {
    if (!on && pending && when === 'now') {
      cancelAnimationFrame(frame)
      run()
    }
  })
  return {
    request(): void {
      pending = true
      if (!trainingNow.value && when === 'now') {
        cancelAnimationFrame(frame)
        run()
        return
      }
      if (!frame) frame = requestAnimationFrame(tick)
    },
    cancel(): void {
      cancelAnimationFrame(frame)
      frame = 0
      pending = false
      stopWatch()
    },
  }
}
