// Training in the background of a lesson: EngineNetwork.train in time-boxed chunks, one per animation
// frame (useTrainingLoop; never a JS loop per step), streaming the loss curve. Also records single updates.
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import type { NetworkState } from './useNetwork'
import { useTrainingLoop } from './useTrainingLoop'

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
  running: Readonly<Ref<boolean>>
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
  const maxPoints = options.maxPoints ?? 4000
  const lossHistory = shallowRef<readonly LossPoint[]>([])
  const stopReason = ref('')

  function push(points: LossPoint[]): void {
    let all = [
      ...lossHistory.value.filter((p) => p.update < (points[0]?.update ?? Infinity)),
      ...points,
    ]
    while (all.length > maxPoints) all = all.filter((_, k) => k % 2 === 0 || k === all.length - 1)
    lossHistory.value = all
  }
  const loop = useTrainingLoop(
    (steps) => {
      const base = network.updates.value
      const r = network.net.train(steps)
      push(
        Array.from(r.losses, (loss, k) => ({ update: base + k, loss })).filter((p) =>
          Number.isFinite(p.loss),
        ),
      )
      network.refresh(r.done)
      if (r.diverged)
        stopReason.value = `Training diverged (${r.message}). Lower the learning rate, then Undo or Reset.`
      return { done: r.done, stop: r.diverged }
    },
    {
      budgetMs: options.frameBudgetMs ?? 8,
      initialSteps: 20,
      maxSteps: options.stepsPerFrame ?? 25,
      totalSteps: options.maxSteps ?? 5000,
    },
  )
  /** Each press of Train: a fresh run of `maxSteps` updates from a checkpoint (for Undo). */
  function start(): void {
    if (loop.running.value) return
    stopReason.value = ''
    network.checkpoint()
    loop.reset()
    loop.start()
  }
  return {
    lossHistory,
    running: loop.running,
    stopReason,
    start,
    pause: loop.pause,
    record: (update, loss) => Number.isFinite(loss) && push([{ update, loss }]),
    trimTo: (updates) => (lossHistory.value = lossHistory.value.filter((p) => p.update < updates)),
  }
}
