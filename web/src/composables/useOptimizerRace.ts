// Live training of one problem with SGD, momentum and Adam side by side (notes 003: "Adam and friends
// add terms from past gradients"), same initial weights, one learning rate that the learner changes
// while it runs (EngineNetwork.setLearningRate on every copy, no restart). A race (useRace) of three.
import { watch, type Ref, type ShallowRef } from 'vue'
import type { NnModule } from '../engine/nn'
import type { NetworkSpec, OptimizerSpec } from '../engine/types'
import type { TrainingLoop } from './useTrainingLoop'
import { useRace } from './useNetworkRace'

export interface RaceRunner {
  name: string
  optimizer: OptimizerSpec
  losses: number[]
  /** Why this copy stopped (divergence), or ''. */
  stopped: string
  /** The engine's count of updates when it diverged, or null. */
  divergedAt: number | null
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
  options: { totalSteps?: number; budgetMs?: number; pace?: number } = {},
): OptimizerRace {
  // η is read when the networks are built, not watched: a new η must not restart the race.
  const variants = () =>
    optimizers.map((o) => ({
      name: o.name,
      spec: { ...spec.value, learningRate: learningRate.value, optimizer: o.optimizer },
    }))
  const race = useRace<RaceRunner>(
    engine,
    variants,
    spec,
    {
      start: (_net, k) => ({
        ...optimizers[k],
        losses: [],
        stopped: '',
        divergedAt: null,
        accuracy: null,
      }),
      progress: (net, r, from) => ({
        from,
        losses: r.losses.slice(from, net.updates),
        updates: net.updates,
        loss: r.losses[r.losses.length - 1] ?? null,
      }),
      advance(net, r, steps) {
        if (r.stopped) return r
        const t = net.train(steps)
        for (const l of t.losses.subarray(0, t.done)) r.losses.push(l)
        return {
          ...r,
          stopped: t.message,
          divergedAt: t.divergedAt,
          accuracy: net.accuracy(),
        }
      },
    },
    {
      totalSteps: options.totalSteps ?? 3000,
      initialSteps: 4,
      budgetMs: options.budgetMs ?? 8,
      pace: options.pace,
    },
  )

  // A new η reaches the running networks at once; training carries on from where it is.
  watch(learningRate, (lr) => {
    for (const n of race.networks()) {
      const r = n.setLearningRate(lr)
      if (!r.ok) race.error.value = r.message
    }
  })
  return { runners: race.lanes, error: race.error, loop: race.loop, restart: race.restart }
}
