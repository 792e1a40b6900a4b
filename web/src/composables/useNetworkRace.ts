// Several variants of one network trained side by side in time-boxed chunks (useTrainingLoop).
// `useRace` owns what every race shares: one EngineNetwork per variant (held by a network store:
// rebuilt on demand, deleted on unmount), a lane of results per variant. `useNetworkRace` races
// variants (loss, batch size, …) epoch by epoch: the loss of each update and the loss over all rows
// after each epoch; stops a variant that diverges.
import { shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue'
import type { EngineNetwork } from '../engine/network'
import type { NnModule } from '../engine/nn'
import type { NetworkSpec } from '../engine/types'
import {
  useTrainingLoop,
  type ChunkResult,
  type TrainingLoop,
  type TrainingLoopOptions,
} from './useTrainingLoop'
import { useNetworkStore } from './useLessonStore'

export interface RaceVariant {
  name: string
  spec: NetworkSpec
}

/** How a race fills its lanes: a lane per new network, and one chunk of `steps` loop steps. */
export interface RaceRules<L extends { stopped: string }> {
  start: (net: EngineNetwork, k: number) => L
  /** Trains `net` by `steps` loop steps; returns the lane (a new object when it changed). */
  advance: (net: EngineNetwork, lane: L, steps: number, k: number) => L
  /** The first variant's progress since update `from`, for an embedding page. */
  progress: (net: EngineNetwork, lane: L, from: number) => ChunkResult['progress']
}

export interface Race<L> {
  lanes: ShallowRef<readonly L[]>
  error: ShallowRef<string>
  loop: TrainingLoop
  restart: () => void
  /** The running networks (empty after an error). */
  networks: () => readonly EngineNetwork[]
}

/** Rebuilds every network from `variants()` whenever `rebuildOn` changes (and at once). */
export function useRace<L extends { stopped: string }>(
  engine: NnModule,
  variants: () => readonly RaceVariant[],
  rebuildOn: WatchSource,
  rules: RaceRules<L>,
  loopOptions: TrainingLoopOptions,
): Race<L> {
  const lanes = shallowRef<readonly L[]>([])
  const error = shallowRef('')
  const store = useNetworkStore(engine)
  let nets: EngineNetwork[] = []

  const loop = useTrainingLoop((steps) => {
    const from = nets[0]?.updates ?? 0
    lanes.value = lanes.value.map((lane, k) => rules.advance(nets[k], lane, steps, k))
    const stop = lanes.value.every((l) => l.stopped)
    return {
      done: steps,
      stop,
      message: stop ? 'Every run diverged: lower η and start again.' : '',
      progress: nets[0] ? rules.progress(nets[0], lanes.value[0], from) : null,
    }
  }, loopOptions)

  let built = false
  /** New networks from the same start; trains at once unless the learner had paused by hand. */
  function restart(): void {
    const pausedByHand = built && !loop.running.value && !loop.message.value
    built = true
    loop.reset()
    const vs = variants()
    const made = store.replace(
      vs.map((v) => v.spec),
      vs.map((v) => v.name),
    )
    nets = typeof made === 'string' ? [] : made
    error.value = typeof made === 'string' ? made : ''
    lanes.value = nets.map((n, k) => rules.start(n, k))
    if (typeof made === 'string') return
    if (!pausedByHand) loop.start()
  }
  watch(rebuildOn, restart, { immediate: true })
  return { lanes, error, loop, restart, networks: () => nets }
}

export interface RaceLane {
  name: string
  /** Loss of the batch used, before each update. */
  updateLosses: number[]
  /** Loss over all rows after each epoch (index 0: before training). */
  epochLosses: number[]
  accuracy: number | null
  /** Why the variant stopped (divergence), or ''. */
  stopped: string
  /** The engine's count of updates when it diverged, or null. */
  divergedAt: number | null
}

export type NetworkRace = Race<RaceLane>

const updatesPerEpoch = (s: NetworkSpec) =>
  Math.ceil(s.inputs.length / (s.batchSize || s.inputs.length))

/**
 * `totalEpochs` epochs for every variant (then paused; Resume goes on); each step of the loop is one
 * epoch of every variant, at `pace` epochs per second.
 */
export function useNetworkRace(
  engine: NnModule,
  variants: Ref<readonly RaceVariant[]>,
  options: {
    totalEpochs?: number
    budgetMs?: number
    pace?: number
    unit?: 'update' | 'epoch'
  } = {},
): NetworkRace {
  function epoch(net: EngineNetwork, lane: RaceLane, k: number): RaceLane {
    const t = net.train(updatesPerEpoch(variants.value[k].spec))
    for (const l of t.losses.subarray(0, t.done)) lane.updateLosses.push(l)
    if (t.diverged) return { ...lane, stopped: t.message, divergedAt: t.divergedAt }
    const f = net.forward()
    if (!f.ok) return { ...lane, stopped: f.message }
    lane.epochLosses.push(f.loss)
    return lane
  }
  return useRace<RaceLane>(
    engine,
    () => variants.value,
    variants,
    {
      start(net, k) {
        const start = net.forward()
        return {
          name: variants.value[k].name,
          updateLosses: [],
          epochLosses: start.ok ? [start.loss] : [],
          accuracy: net.accuracy(),
          stopped: '',
          divergedAt: null,
        }
      },
      progress: (net, lane, from) => ({
        from,
        losses: lane.updateLosses.slice(from, net.updates),
        updates: net.updates,
        loss: lane.updateLosses[lane.updateLosses.length - 1] ?? null,
      }),
      advance(net, lane, epochs, k) {
        let l = lane
        for (let e = 0; e < epochs && !l.stopped; e++) l = epoch(net, l, k)
        return { ...l, accuracy: l.stopped ? null : net.accuracy() }
      },
    },
    {
      totalSteps: options.totalEpochs ?? 2000,
      budgetMs: options.budgetMs ?? 8,
      pace: options.pace,
      unit: options.unit ?? 'epoch',
    },
  )
}
