// Several variants of one network (different loss, batch size, …) trained side by side, epoch by epoch,
// in time-boxed chunks: the loss of each update (as the engine reports it) and the loss over all rows
// after each epoch (one forward pass). Rebuilt when the variants change; stops a variant that diverges.
import { onScopeDispose, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { EngineNetwork } from '../engine/network'
import type { NnModule } from '../engine/nn'
import type { NetworkSpec } from '../engine/types'
import { useTrainingLoop, type TrainingLoop } from './useTrainingLoop'

export interface RaceVariant {
  name: string
  spec: NetworkSpec
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
}

export interface NetworkRace {
  lanes: ShallowRef<readonly RaceLane[]>
  error: ShallowRef<string>
  loop: TrainingLoop
  restart: () => void
}

const updatesPerEpoch = (s: NetworkSpec) => Math.ceil(s.inputs.length / (s.batchSize || s.inputs.length))

/** `totalEpochs` epochs for every variant; each step of the loop is one epoch of every variant. */
export function useNetworkRace(
  engine: NnModule,
  variants: Ref<readonly RaceVariant[]>,
  options: { totalEpochs?: number; budgetMs?: number } = {},
): NetworkRace {
  const lanes = shallowRef<readonly RaceLane[]>([])
  const error = shallowRef('')
  let nets: EngineNetwork[] = []

  function epoch(k: number, lane: RaceLane): RaceLane {
    const t = nets[k].train(updatesPerEpoch(variants.value[k].spec))
    for (const l of t.losses.subarray(0, t.done)) lane.updateLosses.push(l)
    if (t.diverged) return { ...lane, stopped: t.message }
    const f = nets[k].forward()
    if (!f.ok) return { ...lane, stopped: f.message }
    lane.epochLosses.push(f.loss)
    return lane
  }
  const loop = useTrainingLoop(
    (epochs) => {
      lanes.value = lanes.value.map((lane, k) => {
        let l = lane
        for (let e = 0; e < epochs && !l.stopped; e++) l = epoch(k, l)
        return { ...l, accuracy: l.stopped ? null : nets[k].accuracy() }
      })
      return { done: epochs, stop: lanes.value.every((l) => l.stopped) }
    },
    { totalSteps: options.totalEpochs ?? 2000, budgetMs: options.budgetMs ?? 8 },
  )

  function dispose(): void {
    nets.forEach((n) => n.dispose())
    nets = []
  }
  function restart(): void {
    loop.reset()
    dispose()
    error.value = ''
    const fresh: RaceLane[] = []
    for (const v of variants.value) {
      const made = EngineNetwork.create(engine, v.spec)
      if (!made.ok) {
        error.value = `${v.name}: ${made.message}`
        dispose()
        lanes.value = []
        return
      }
      nets.push(made.network)
      const start = made.network.forward()
      fresh.push({ name: v.name, updateLosses: [], epochLosses: start.ok ? [start.loss] : [], accuracy: made.network.accuracy(), stopped: '' })
    }
    lanes.value = fresh
    loop.start()
  }
  watch(variants, restart, { immediate: true })
  onScopeDispose(dispose)
  return { lanes, error, loop, restart }
}
