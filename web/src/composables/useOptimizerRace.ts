// Live training of one problem with SGD, momentum and Adam side by side (notes 003: "Adam and friends
// add terms from past gradients"), same initial weights, one learning rate that the learner changes
// while it runs (EngineNetwork.setLearningRate on every copy, no restart).
import { onScopeDispose, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { EngineNetwork } from '../engine/network'
import type { NnModule } from '../engine/nn'
import type { NetworkSpec, OptimizerSpec } from '../engine/types'
import { useTrainingLoop, type TrainingLoop } from './useTrainingLoop'

export interface RaceRunner {
  name: string
  optimizer: OptimizerSpec
  losses: number[]
  /** Why this copy stopped (divergence), or ''. */
  stopped: string
  accuracy: number | null
}

export const optimizers: { name: string; optimizer: OptimizerSpec }[] = [
  { name: 'SGD', optimizer: { name: 'sgd' } },
  { name: 'Momentum (μ = 0.9)', optimizer: { name: 'momentum', momentum: 0.9 } },
  { name: 'Adam', optimizer: { name: 'adam' } },
]

export interface OptimizerRace {
  runners: ShallowRef<readonly RaceRunner[]>
  error: ShallowRef<string>
  loop: TrainingLoop
  restart: () => void
}

export function useOptimizerRace(
  engine: NnModule,
  spec: Ref<NetworkSpec>,
  learningRate: Ref<number>,
  options: { totalSteps?: number; budgetMs?: number } = {},
): OptimizerRace {
  const runners = shallowRef<readonly RaceRunner[]>([])
  const error = shallowRef('')
  let nets: EngineNetwork[] = []

  const loop = useTrainingLoop(
    (steps) => {
      runners.value = runners.value.map((r, k) => {
        if (r.stopped) return r
        const t = nets[k].train(steps)
        for (const l of t.losses.subarray(0, t.done)) r.losses.push(l)
        return { ...r, stopped: t.diverged ? `diverged: ${t.message}` : '', accuracy: nets[k].accuracy() }
      })
      return { done: steps, stop: runners.value.every((r) => r.stopped) }
    },
    { totalSteps: options.totalSteps ?? 3000, initialSteps: 4, budgetMs: options.budgetMs ?? 8 },
  )

  function dispose(): void {
    nets.forEach((n) => n.dispose())
    nets = []
  }
  function restart(): void {
    loop.reset()
    dispose()
    error.value = ''
    for (const o of optimizers) {
      const made = EngineNetwork.create(engine, { ...spec.value, learningRate: learningRate.value, optimizer: o.optimizer })
      if (!made.ok) {
        error.value = made.message
        dispose()
        runners.value = []
        return
      }
      nets.push(made.network)
    }
    runners.value = optimizers.map((o) => ({ ...o, losses: [], stopped: '', accuracy: null }))
    loop.start()
  }

  // A new η reaches the running networks at once; training carries on from where it is.
  watch(learningRate, (lr) => {
    for (const n of nets) {
      const r = n.setLearningRate(lr)
      if (!r.ok) error.value = r.message
    }
  })
  watch(spec, restart, { immediate: true })
  onScopeDispose(dispose)
  return { runners, error, loop, restart }
}
