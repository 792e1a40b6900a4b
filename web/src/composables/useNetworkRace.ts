// Several variants of one network trained side by side in time-boxed chunks (useTrainingLoop).
// `useRace` owns what every race shares: a network store (one EngineNetwork per variant, rebuilt on
// demand, deleted on unmount; the loss history, curve k: variant k's loss before each update, at x =
// that update) and a lane of results per variant. `useNetworkRace` races variants (loss, batch
// size, …) epoch by epoch, with the loss over all rows after each epoch (curve n + k of n variants)
// and, when asked, the accuracy after each epoch (curve 2n + k), so every chart follows the live run;
// stops a variant that diverges.
import { shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue'
import type { EngineNetwork } from '../engine/network'
import type { NnModule } from '../engine/nn'
import type { NetworkSpec } from '../engine/types'
import {
  goOnAfterRebuild,
  useTrainingLoop,
  type ChunkResult,
  type TrainingLoop,
  type TrainingLoopOptions,
} from './useTrainingLoop'
import { useNetworkStore, type NetworkStore } from './useLessonStore'
import { allDivergedAdvice } from './divergedAdvice'

export interface RaceVariant {
  name: string
  spec: NetworkSpec
}

/** How a race fills its lanes: a lane per new network, and one chunk of `steps` loop steps. */
interface RaceRules<L extends { stopped: string }> {
  start: (net: EngineNetwork, k: number) => L
  /**
   * Trains `net` by `steps` loop steps; returns the lane (a new object when it changed) and the loss
   * before each update done (curve k of the history; the first variant's go to an embedding page)
   * and, when the rules computed it anyway, the loss after them (`lossNow`; else the race does).
   */
  advance: (
    net: EngineNetwork,
    lane: L,
    steps: number,
    k: number,
  ) => { lane: L; losses: number[]; loss?: number | null }
  /**
   * The status once every lane has stopped: what to do, from the same source as any advice the page
   * gives per lane, so the two never disagree (#11).
   */
  allStopped: (lanes: readonly L[]) => string
}

export interface Race<L> {
  lanes: ShallowRef<readonly L[]>
  /** Curve k of the store's loss history: variant k's loss before each update (x: that update, from 1). */
  curve: NetworkStore['curve']
  error: ShallowRef<string>
  loop: TrainingLoop
  restart: () => void
  /** Reset: new networks from the same start, paused (Train starts them), as every Reset button does. */
  reset: () => void
  /** The running networks (empty after an error). */
  networks: () => readonly EngineNetwork[]
  /** Changes every lane now (shown at once, and kept by the training that goes on). */
  mapLanes: (f: (lane: L, k: number) => L) => void
}

/** The loss over every sample at `net`'s weights now, or null when it is not finite. */
export function lossNow(net: EngineNetwork): number | null {
  const r = net.forward()
  return r.ok && Number.isFinite(r.loss) ? r.loss : null
}

/** Rebuilds every network from `variants()` whenever `rebuildOn` changes (and at once), held by `store`. */
export function useRace<L extends { stopped: string }>(
  store: NetworkStore,
  variants: () => readonly RaceVariant[],
  rebuildOn: WatchSource,
  rules: RaceRules<L>,
  loopOptions: TrainingLoopOptions,
): Race<L> {
  const lanes = shallowRef<readonly L[]>([])
  const error = shallowRef('')
  let nets: EngineNetwork[] = []

  /** The lanes as trained: published to `lanes` (and the history to its chart) by the loop's `show`. */
  let current: L[] = []
  function show(): void {
    lanes.value = current
    store.publishHistory()
  }
  const loop = useTrainingLoop(
    (steps): ChunkResult => {
      const from = nets.map((n) => n.updates)
      const moved = current.map((lane, k) => rules.advance(nets[k], lane, steps, k))
      moved.forEach((m, k) => store.extend(k, from[k] + 1, m.losses, false))
      current = moved.map((m) => m.lane)
      const stop = current.every((l) => l.stopped)
      const first = moved[0]?.losses ?? []
      return {
        done: steps,
        stop,
        message: stop ? rules.allStopped(current) : '',
        // `loss`: the first variant's loss after its updates (the losses are the ones before each).
        progress: nets[0]
          ? {
              from: from[0],
              losses: first,
              updates: nets[0].updates,
              loss: moved[0].loss !== undefined ? moved[0].loss : lossNow(nets[0]),
            }
          : null,
      }
    },
    { ...loopOptions, show },
  )

  let built = false
  /**
   * New networks from the same start (new data, new variants); the run goes on, stays paused or
   * starts when seen as goOnAfterRebuild says, and stays paused when `train` is false (Reset).
   */
  function restart(train = true): void {
    const goOn = goOnAfterRebuild(loop, !built)
    built = true
    loop.reset()
    const vs = variants()
    const made = store.replace(
      vs.map((v) => v.spec),
      vs.map((v) => v.name),
    )
    nets = typeof made === 'string' ? [] : made
    error.value = typeof made === 'string' ? made : ''
    lanes.value = current = nets.map((n, k) => rules.start(n, k))
    if (typeof made === 'string') return
    if (train) goOn()
  }
  watch(rebuildOn, () => restart(), { immediate: true })
  function mapLanes(f: (lane: L, k: number) => L): void {
    current = current.map(f)
    show()
  }
  return {
    lanes,
    curve: store.curve,
    error,
    loop,
    restart,
    reset: () => restart(false),
    networks: () => nets,
    mapLanes,
  }
}

export interface RaceLane {
  name: string
  accuracy: number | null
  /** Why the variant stopped (divergence), or ''. */
  stopped: string
  /** The engine's count of updates when it diverged, or null. */
  divergedAt: number | null
}

type NetworkRace = Race<RaceLane>

/**
 * Where `updates` updates end on an epoch axis of `perEpoch` updates each, in words: 'after epoch 10'
 * at an epoch's end, 'during epoch 3' inside one (7 updates of 3 per epoch), 'before epoch 1' at 0.
 */
export function epochMoment(updates: number, perEpoch: number): string {
  if (updates === 0) return 'before epoch 1'
  return updates % perEpoch === 0
    ? `after epoch ${updates / perEpoch}`
    : `during epoch ${Math.ceil(updates / perEpoch)}`
}

/** An accuracy as the engine gives it (NaN for regression) as a lane shows it (null). */
const accuracyOf = (a: number): number | null => (Number.isFinite(a) ? a : null)

export const updatesPerEpoch = (s: NetworkSpec) =>
  Math.ceil(s.inputs.length / (s.batchSize || s.inputs.length))

/**
 * `totalEpochs` epochs for every variant (then paused; Resume goes on); each step of the loop is one
 * epoch of every variant, at `pace` epochs per second. Curve n + k of the history (n variants) is
 * variant k's loss over all rows after each epoch (x: epochs, from 0); with `accuracy`, curve 2n + k is
 * its accuracy (share right, 0…1) at the same x, recorded by the same run (never computed ahead).
 */
export function useNetworkRace(
  engine: NnModule,
  variants: Ref<readonly RaceVariant[]>,
  options: {
    totalEpochs?: number
    budgetMs?: number
    pace?: number
    unit?: 'update' | 'epoch'
    accuracy?: boolean
    /** The status when every variant diverged (the page's own advice, when it gives one). */
    allDiverged?: () => string
  } = {},
): NetworkRace {
  const store = useNetworkStore(engine)
  const n = () => variants.value.length
  /** Per variant: x of the last point of its loss over all rows (epochs done; −1 before any). */
  const epochsAt: number[] = []
  /**
   * `epochs` epochs of variant k (`updates` updates each) in one engine call (`trainEpochs`: at
   * "as fast as it goes" a chunk is thousands of epochs, and three engine calls per epoch were most
   * of the race's time, #11): its update losses for the history's curve k, and after every whole
   * epoch the loss over all rows into curve n + k and, with `accuracyCurve` ≥ 0, the accuracy of
   * the same forward pass into that curve. Returns the lane (stopped at a divergence) and its
   * accuracy at the weights now.
   */
  function epochs(
    net: EngineNetwork,
    lane: RaceLane,
    k: number,
    count: number,
    updates: number,
    lossCurve: number,
    accuracyCurve: number,
  ): { lane: RaceLane; losses: number[] } {
    if (lane.stopped || count <= 0) return { lane: { ...lane, accuracy: null }, losses: [] }
    const t = net.trainEpochs(count, updates)
    const ends = t.ends
    for (let e = 0; e < ends.length; e += 2) {
      const at = ++epochsAt[k]
      // A loss past the run's cut-off (or not finite) is not drawn: the next update names that
      // divergence by the engine's rule, with one number on the message and the marks (#11), and
      // the other curves stay readable. The accuracy is drawn at the same x as the loss (never ahead).
      if (Number.isFinite(ends[e]) && ends[e] <= t.cutoff) {
        store.extend(lossCurve, at, [ends[e]], false)
        if (accuracyCurve >= 0) store.extend(accuracyCurve, at, [accuracyOf(ends[e + 1])], false)
      }
    }
    const losses = Array.from(t.losses)
    if (t.diverged) {
      // The mark goes where the message says, after `divergedAt` updates (epochs: divergedAt / updates,
      // "during" an epoch when it is not whole), level with the last loss drawn: the loss past the
      // cut-off is never drawn, so the other curves stay readable (#11, as LossChart's mark).
      const at = (t.divergedAt ?? 0) / updates
      const level = store.curve(lossCurve).y.at(-1)
      if (level !== undefined && level !== null) store.extend(lossCurve, at, [level], false)
      return {
        lane: { ...lane, stopped: t.message, divergedAt: t.divergedAt, accuracy: null },
        losses,
      }
    }
    // the accuracy at the weights now: the last epoch's (every epoch of an unstopped chunk ended)
    const accuracy = ends.length > 0 ? accuracyOf(ends[ends.length - 1]) : net.accuracy()
    return { lane: { ...lane, accuracy }, losses }
  }
  return useRace<RaceLane>(
    store,
    () => variants.value,
    variants,
    {
      start(net, k) {
        const start = net.forward()
        epochsAt[k] = start.ok ? 0 : -1
        if (start.ok) store.extend(n() + k, 0, [start.loss])
        if (start.ok && options.accuracy) store.extend(2 * n() + k, 0, [net.accuracy()])
        return {
          name: variants.value[k].name,
          accuracy: net.accuracy(),
          stopped: '',
          divergedAt: null,
        }
      },
      advance(net, lane, count, k) {
        const updates = updatesPerEpoch(variants.value[k].spec)
        const accuracyCurve = options.accuracy ? 2 * n() + k : -1
        return epochs(net, lane, k, count, updates, n() + k, accuracyCurve)
      },
      allStopped: options.allDiverged ?? allDivergedAdvice,
    },
    {
      totalSteps: options.totalEpochs ?? 2000,
      budgetMs: options.budgetMs ?? 8,
      pace: options.pace,
      unit: options.unit ?? 'epoch',
    },
  )
}
