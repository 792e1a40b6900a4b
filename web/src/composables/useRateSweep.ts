// The learning-rate sweep (#5): one EngineEnsemble copy per η, all from the same initial weights,
// trained together inside the engine in time-boxed chunks; keeps each copy's loss history and names
// what happened to it (math/sweepVerdict). Rebuilds when the problem or the rates change.
import { onScopeDispose, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { EngineEnsemble } from '../engine/ensemble'
import { EngineNetwork } from '../engine/network'
import type { NnModule } from '../engine/nn'
import { copyActivations } from '../engine/sweepProbe'
import type { NetworkSpec } from '../engine/types'
import { classifySweep, pinnedShareOf, type CopyVerdict } from '../math/sweepVerdict'
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

  function dispose(): void {
    ensemble?.dispose()
    probe?.dispose()
    ensemble = probe = null
  }
  function restart(): void {
    loop.reset()
    dispose()
    frames = 0
    error.value = ''
    const made = EngineEnsemble.create(engine, spec.value, { learningRates: [...rates.value] })
    const single = EngineNetwork.create(engine, spec.value)
    if (!made.ok || !single.ok) {
      // One may have been built: free it, since only a pair is kept and disposed later.
      if (made.ok) made.ensemble.dispose()
      if (single.ok) single.network.dispose()
      error.value = !made.ok ? made.message : single.ok ? '' : single.message
      copies.value = []
      return
    }
    ensemble = made.ensemble
    probe = single.network
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
  onScopeDispose(dispose)
  return { copies, verdicts, error, loop, restart }
}
