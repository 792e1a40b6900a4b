// The learning-rate sweep (#5): one EngineEnsemble copy per η, all from the same initial weights,
// trained together inside the engine in time-boxed chunks; keeps each copy's loss history and names
// what happened to it (math/sweepVerdict). Rebuilds when the problem or the rates change.
import { shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import type { EngineEnsemble } from '../engine/ensemble'
import type { EngineNetwork } from '../engine/network'
import type { NnModule } from '../engine/nn'
import { copyActivations } from '../engine/sweepProbe'
import type { NetworkSpec } from '../engine/types'
import { classifySweep, pinnedShareOf, type CopyVerdict } from '../math/sweepVerdict'
import { useNetworkStore } from './useLessonStore'
import { useTrainingLoop, type TrainingLoop } from './useTrainingLoop'

export interface SweepCopy {
  learningRate: number
  /** Loss before each update; null after the copy was stopped. */
  losses: (number | null)[]
  finalLoss: number | null
  /** Last finite loss before the copy was stopped (for plotting a diverged copy). */
  lastLoss: number | null
  divergedAt: number | null
}

export interface RateSweep {
  copies: ShallowRef<readonly SweepCopy[]>
  verdicts: ShallowRef<readonly CopyVerdict[]>
  error: ShallowRef<string>
  loop: TrainingLoop
  /** Starts again from the initial weights. */
  restart: () => void
}

export function useRateSweep(
  engine: NnModule,
  spec: Ref<NetworkSpec>,
  rates: Ref<readonly number[]>,
  options: { totalSteps?: number; budgetMs?: number; pace?: number } = {},
): RateSweep {
  const copies = shallowRef<readonly SweepCopy[]>([])
  const verdicts = shallowRef<readonly CopyVerdict[]>([])
  const error = shallowRef('')
  const store = useNetworkStore(engine)
  let ensemble: EngineEnsemble | null = null
  let probe: EngineNetwork | null = null
  let frames = 0

  /** Share of sigmoid activations pinned near 0/1, from a forward pass with the copy's weights. */
  function pinned(c: number): number | null {
    if (!ensemble || !probe) return null
    const sigmoid = spec.value.activations.map((a) => a === 'sigmoid')
    if (!sigmoid.some(Boolean)) return null
    const acts = copyActivations(ensemble, probe, c, (l) => sigmoid[l])
    return acts && pinnedShareOf(acts)
  }
  function judge(): void {
    verdicts.value = classifySweep(
      copies.value.map((c, k) => ({ ...c, pinnedShare: c.divergedAt === null ? pinned(k) : null })),
    )
  }

  const loop = useTrainingLoop(
    (steps) => {
      if (!ensemble) return { done: 0, stop: true }
      const states = ensemble.train(steps)
      copies.value = states.map((s, k) => {
        const losses = copies.value[k].losses
        for (const l of s.losses) losses.push(l)
        const finite = s.losses.filter((l): l is number => l !== null)
        return {
          ...copies.value[k],
          losses,
          finalLoss: s.finalLoss,
          divergedAt: s.divergedAt,
          lastLoss: finite.length ? finite[finite.length - 1] : copies.value[k].lastLoss,
        }
      })
      if (++frames % 15 === 0) judge()
      const stop = states.every((s) => s.divergedAt !== null)
      return { done: steps, stop, message: stop ? 'Every copy diverged.' : '' }
    },
    {
      totalSteps: options.totalSteps ?? 2000,
      initialSteps: 4,
      budgetMs: options.budgetMs ?? 8,
      pace: options.pace,
    },
  )

  function restart(): void {
    loop.reset()
    store.clear()
    ensemble = probe = null
    frames = 0
    const made = store.addEnsemble(spec.value, { learningRates: [...rates.value] })
    const single = store.add(spec.value)
    const refused = [made, single].find((x): x is string => typeof x === 'string')
    error.value = refused ?? ''
    if (typeof made === 'string' || typeof single === 'string') {
      store.clear()
      copies.value = []
      return
    }
    ensemble = made
    probe = single
    copies.value = rates.value.map((learningRate) => ({
      learningRate,
      losses: [],
      finalLoss: null,
      lastLoss: null,
      divergedAt: null,
    }))
    verdicts.value = []
    loop.start()
  }

  watch(loop.running, (running) => !running && ensemble && judge())
  watch([spec, rates], restart, { immediate: true })
  return { copies, verdicts, error, loop, restart }
}
