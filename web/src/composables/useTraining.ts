// Training in the background of a lesson: EngineNetwork.train in time-boxed chunks, one per animation
// frame (never a JS loop per step), streaming the loss curve. Also records single updates.
import { onScopeDispose, ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import type { NetworkState } from './useNetwork'

/** The loss measured after `update` updates. */
export interface LossPoint {
  update: number
  loss: number
}

export interface TrainingOptions {
  /** Milliseconds of engine work per animation frame. @default 8 */
  frameBudgetMs?: number
  /** At most this many updates per frame, so the curve visibly streams. @default 25 */
  stepsPerFrame?: number
  /** Updates per press of Train. @default 5000 */
  maxSteps?: number
  /** Points kept in the history before thinning it out. @default 4000 */
  maxPoints?: number
}

export interface TrainingState {
  lossHistory: ShallowRef<readonly LossPoint[]>
  running: Ref<boolean>
  /** Why training stopped early (divergence), or ''. */
  stopReason: Ref<string>
  start: () => void
  pause: () => void
  /** Adds the loss measured before update number `update + 1`. */
  record: (update: number, loss: number) => void
  /** Forgets points after `updates` (undo) or all of them (reset). */
  trimTo: (updates: number) => void
}

export function useTraining(network: NetworkState, options: TrainingOptions = {}): TrainingState {
  const budget = options.frameBudgetMs ?? 8
  const maxSteps = options.maxSteps ?? 5000
  const perFrame = options.stepsPerFrame ?? 25
  const maxPoints = options.maxPoints ?? 4000
  const lossHistory = shallowRef<readonly LossPoint[]>([])
  const running = ref(false)
  const stopReason = ref('')
  let frame = 0
  let chunk = 20
  let left = 0

  function push(points: LossPoint[]): void {
    let all = [...lossHistory.value.filter((p) => p.update < (points[0]?.update ?? Infinity)), ...points]
    while (all.length > maxPoints) all = all.filter((_, k) => k % 2 === 0 || k === all.length - 1)
    lossHistory.value = all
  }
  function tick(): void {
    if (!running.value) return
    const t0 = performance.now()
    const base = network.updates.value
    const r = network.net.train(Math.min(chunk, left))
    const ms = performance.now() - t0
    chunk = Math.max(1, Math.min(perFrame, Math.round(chunk * Math.min(4, budget / Math.max(ms, 0.05)))))
    left -= r.done
    push(Array.from(r.losses, (loss, k) => ({ update: base + k, loss })).filter((p) => Number.isFinite(p.loss)))
    network.refresh(r.done)
    if (r.diverged) stopReason.value = `Training diverged (${r.message}). Lower the learning rate, then Undo or Reset.`
    if (r.diverged || left <= 0) return pause()
    frame = requestAnimationFrame(tick)
  }
  function start(): void {
    if (running.value) return
    stopReason.value = ''
    network.checkpoint()
    left = maxSteps
    running.value = true
    frame = requestAnimationFrame(tick)
  }
  function pause(): void {
    running.value = false
    cancelAnimationFrame(frame)
  }
  onScopeDispose(pause)
  return {
    lossHistory,
    running,
    stopReason,
    start,
    pause,
    record: (update, loss) => Number.isFinite(loss) && push([{ update, loss }]),
    trimTo: (updates) => (lossHistory.value = lossHistory.value.filter((p) => p.update < updates)),
  }
}
