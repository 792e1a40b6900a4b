// Training in the background of a lesson: EngineNetwork.train at the learner's pace, at most a frame
// budget per animation frame (useTrainingLoop; never a JS loop per step), streaming the loss curve
// into the lesson store's loss history. Also records single updates.
import { computed, shallowRef, watch, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import type { NetworkStore } from './useLessonStore'
import type { NetworkState } from './useNetwork'
import { progressOf, useTrainingLoop, type TrainingLoop } from './useTrainingLoop'

/** The loss measured after `update` updates. */
interface LossPoint {
  update: number
  loss: number
}

export interface TrainingOptions {
  /** Milliseconds of engine work per animation frame. @default 8 */
  frameBudgetMs?: number
  /** At most this many updates per frame, so the curve visibly streams. @default 25 */
  stepsPerFrame?: number
  /** Updates per planned run (then paused; Resume goes on). @default 5000 */
  maxSteps?: number
  /** Updates per second at the start. @default 30 */
  pace?: number
}

interface TrainingState {
  /** The store's loss history, as points. */
  lossHistory: ComputedRef<readonly LossPoint[]>
  running: Readonly<Ref<boolean>>
  /** The paced loop: pace, message, Resume. */
  loop: TrainingLoop
  /** Where the last run diverged (updates from the start of the run) and the loss cut-off, or null. */
  divergence: ShallowRef<{ update: number; cutoff: number } | null>
  /** Why training stopped on its own (divergence), or ''. */
  stopReason: Readonly<Ref<string>>
  /** Train, Pause or Resume; every start is an Undo point. */
  toggle: () => void
  start: () => void
  pause: () => void
  /** Pauses and forgets the run (the network was reset or undone). */
  reset: () => void
  /** Adds the loss measured before update number `update + 1`. */
  record: (update: number, loss: number) => void
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Trains `network` (held by `store`) and keeps its loss curve in the store's history. */
export function useTraining(
  network: NetworkState,
  store: NetworkStore,
  options: TrainingOptions = {},
): TrainingState {
  const push = (points: LossPoint[]) => {
    for (const p of points) store.record(p.update, [p.loss], false)
    store.publishHistory()
  }
  const lossHistory = computed(() => {
    const { x, y } = store.curve(0)
    return x.map((update, k) => ({ update, loss: y[k] ?? NaN }))
  })
  /** Where the run diverged (the engine's count) and its cut-off, for the chart's mark; or null. */
  const divergence = shallowRef<{ update: number; cutoff: number } | null>(null)
  // While training, the engine runs every frame but what is shown (status, diagram, loss chart,
  // derivation) follows it every few frames, all from one snapshot (the loop's `show`, #11): the
  // numbers drawn agree on every frame.
  /** Updates done and losses measured since the last snapshot. */
  let unshown = 0
  let points: LossPoint[] = []
  /** The last chunk diverged: its loss after is past the cut-off, not drawn. */
  let diverged = false
  function show(): void {
    if (unshown === 0 && points.length === 0) return
    const done = unshown
    unshown = 0
    network.refresh(done)
    // The curve ends where the status stands (#12): the loss after the updates done, the status's
    // own E (the next chunk's first loss replaces it). Not past a divergence: that loss is cut off.
    const now = network.trace.value?.loss
    const current =
      !diverged && now !== undefined && Number.isFinite(now) && now <= cutoff
        ? [{ update: network.updates.value, loss: now }]
        : []
    push([...points, ...current])
    points = []
  }
  let cutoff = Infinity
  const loop = useTrainingLoop(
    (steps) => {
      const base = network.updates.value + unshown
      const r = network.net.train(steps)
      unshown += r.done
      ;({ diverged, cutoff } = r)
      // A chunk can end on the update whose loss the next chunk names as the divergence: drop it then.
      if (r.divergedAt !== null) {
        store.trimHistory(r.divergedAt)
        points = points.filter((p) => p.update < r.divergedAt!)
      }
      // The curve stops at the cut-off: nothing from the update where the run diverged on.
      points.push(
        ...Array.from(r.losses, (loss, k) => ({ update: base + k, loss })).filter(
          (p) => Number.isFinite(p.loss) && (r.divergedAt === null || p.update < r.divergedAt),
        ),
      )
      const after = unshown ? network.net.forward() : null
      const loss = after ? (after.ok ? after.loss : null) : (network.trace.value?.loss ?? null)
      const progress = progressOf(base, r, loss)
      if (r.divergedAt !== null) divergence.value = { update: r.divergedAt, cutoff: r.cutoff }
      return {
        done: r.done,
        progress,
        stop: r.diverged,
        message: r.diverged
          ? `${sentence(r.message)}. Lower the learning rate, then Undo or Reset.`
          : '',
      }
    },
    {
      budgetMs: options.frameBudgetMs ?? 8,
      initialSteps: 20,
      maxSteps: options.stepsPerFrame ?? 25,
      totalSteps: options.maxSteps ?? 5000,
      pace: options.pace ?? 30,
      show,
    },
  )
  // Changed by the learner, what is shown catches up at once; a change during a run splits its Undo.
  network.beforeChange(show, () => loop.running.value)
  // A run paused before its first update is nothing to undo.
  watch(loop.running, (on) => on || network.dropEmptyRun())
  /** Each press of Train or Resume starts an Undo step: "Undo training run (128 updates)". */
  function start(): void {
    if (loop.running.value) return
    if (loop.halted.value) reset() // after a divergence (undone or not), a fresh run
    network.checkpoint()
    loop.start()
  }
  function reset(): void {
    loop.reset()
    divergence.value = null
  }
  return {
    lossHistory,
    divergence,
    running: loop.running,
    loop,
    stopReason: computed(() => (loop.halted.value ? loop.message.value : '')),
    toggle: () => (loop.running.value ? loop.pause() : start()),
    start,
    pause: loop.pause,
    reset,
    record: (update, loss) => Number.isFinite(loss) && push([{ update, loss }]),
  }
}
