// Runs engine work in time-boxed chunks, one per animation frame, so training never freezes the page:
// the number of steps per chunk grows or shrinks to keep each frame's work near the budget (~8 ms).
// Knows nothing about networks: `work(steps)` does the training and says whether to go on.
import { onScopeDispose, ref, shallowRef, type Ref, type ShallowRef } from 'vue'

/** What one chunk did: the steps actually done, and whether training should stop afterwards. */
export interface ChunkResult {
  done: number
  stop?: boolean
}

export interface TrainingLoopOptions {
  /** Milliseconds of work per animation frame. @default 8 */
  budgetMs?: number
  /** Steps in the first chunk. @default 1 */
  initialSteps?: number
  /** Largest chunk. @default 100000 */
  maxSteps?: number
  /** Stop after this many steps in total (Infinity: until `work` says stop). @default Infinity */
  totalSteps?: number
}

export interface TrainingLoop {
  running: Readonly<Ref<boolean>>
  /** Steps done since the last `reset`. */
  steps: Readonly<Ref<number>>
  /** Steps per chunk the loop settled on, and how long the last chunk took (ms). */
  stats: ShallowRef<{ chunk: number; ms: number }>
  start: () => void
  pause: () => void
  toggle: () => void
  /** Pauses and sets the step count back to 0 (the caller rebuilds its networks). */
  reset: () => void
}

/**
 * Calls `work(n)` once per animation frame while running; `n` adapts so each call takes about
 * `budgetMs`. Stops when `work` returns `stop`, when `totalSteps` is reached, and on unmount.
 */
export function useTrainingLoop(
  work: (steps: number) => ChunkResult,
  options: TrainingLoopOptions = {},
): TrainingLoop {
  const budget = options.budgetMs ?? 8
  const maxSteps = options.maxSteps ?? 100_000
  const total = options.totalSteps ?? Infinity
  const running = ref(false)
  const steps = ref(0)
  const stats = shallowRef({ chunk: options.initialSteps ?? 1, ms: 0 })
  let chunk = options.initialSteps ?? 1
  let frame = 0

  /** Next chunk size: proportional to how far the last one was from the budget, at most ×2 up. */
  function adapt(ms: number, done: number): void {
    if (done < chunk) return
    const factor = ms <= 0.05 ? 2 : Math.min(2, Math.max(0.25, (0.9 * budget) / ms))
    chunk = Math.max(1, Math.min(maxSteps, Math.floor(chunk * factor) || 1))
  }

  function tick(): void {
    frame = 0
    if (!running.value) return
    const n = Math.max(1, Math.min(chunk, total - steps.value))
    const t0 = performance.now()
    const r = work(n)
    const ms = performance.now() - t0
    steps.value += r.done
    stats.value = { chunk: n, ms }
    adapt(ms, r.done)
    if (r.stop || steps.value >= total) return pause()
    frame = requestAnimationFrame(tick)
  }

  function start(): void {
    if (running.value || steps.value >= total) return
    running.value = true
    frame = requestAnimationFrame(tick)
  }
  function pause(): void {
    running.value = false
    if (frame) cancelAnimationFrame(frame)
    frame = 0
  }
  function reset(): void {
    pause()
    steps.value = 0
  }
  onScopeDispose(pause)

  return {
    running,
    steps,
    stats,
    start,
    pause,
    toggle: () => (running.value ? pause() : start()),
    reset,
  }
}
