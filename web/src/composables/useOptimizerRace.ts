// Live training of one problem with SGD, momentum and Adam side by side (notes 003: "Adam and friends
// add terms from past gradients"), same initial weights, one learning rate that the learner changes
// while it runs (EngineNetwork.setLearningRate on every copy, no restart), and μ, β₁, β₂, ε changed the
// same way (setOptimizer). Each lane keeps the numbers of its last update for one weight, read from
// the engine, so the page can write the rule each optimizer followed with them. A race (useRace).
import { watch, type Ref } from 'vue'
import type { EngineNetwork, TrainResult } from '../engine/network'
import type { NnModule } from '../engine/nn'
import type { NetworkSpec, OptimizerSpec } from '../engine/types'
import { useNetworkStore, withNetwork } from './useLessonStore'
import { lossNow, useRace, type Race, type RaceLane } from './useNetworkRace'
import { allDivergedAdvice, divergedCure, type Cure } from './divergedAdvice'
import { applyRate } from './useEtaChanges'

/** μ of the momentum copy and β₁, β₂, ε of the Adam copy. */
export interface OptimizerSettings {
  momentum: number
  beta1: number
  beta2: number
  epsilon: number
}

/**
 * One weight's last update, every number from the engine: the gradient g, the weight before and after,
 * the optimizer's state before and after (momentum: m = velocity v; Adam: m and v), Adam's t, and the
 * η, μ, β₁, β₂, ε it was made with.
 */
export interface UpdateNumbers {
  /** Index of the weight in W1 b1 W2 b2 … order. */
  index: number
  /** The run's count of updates, this one included. */
  update: number
  g: number
  before: number
  after: number
  mBefore: number
  mAfter: number
  vBefore: number
  vAfter: number
  t: number
  learningRate: number
  settings: OptimizerSettings
}

interface RaceRunner extends RaceLane {
  optimizer: OptimizerSpec
  /** The last update of the first weight (W1[0][0]); null before the first. */
  last: UpdateNumbers | null
  /**
   * The loss over every sample at the weights now, after the updates done (null when not finite).
   * The curve's points are the losses before each update, so its last is one update behind this.
   */
  loss: number | null
  /** What to do now that it diverged, by the settings it diverged with (divergedCure); null while it runs. */
  cure: Cure | null
}

export const optimizerKinds = ['sgd', 'momentum', 'adam'] as const
export type OptimizerKind = (typeof optimizerKinds)[number]

/** The three copies' optimizers with the learner's settings. */
function optimizerSpecs(s: OptimizerSettings): OptimizerSpec[] {
  return [
    { name: 'sgd' },
    { name: 'momentum', momentum: s.momentum },
    { name: 'adam', beta1: s.beta1, beta2: s.beta2, epsilon: s.epsilon },
  ]
}

/** μ, β₁, β₂, ε as copy k's optimizer takes them (setOptimizer). */
function settingsPatch(k: number, s: OptimizerSettings) {
  return k === 1
    ? { momentum: s.momentum }
    : k === 2
      ? { beta1: s.beta1, beta2: s.beta2, epsilon: s.epsilon }
      : {}
}

/** The lane names: 'SGD', 'Momentum (μ = 0.9)', 'Adam'. */
function optimizerNames(s: OptimizerSettings): string[] {
  return ['SGD', `Momentum (μ = ${s.momentum})`, 'Adam']
}

/** The race (useRace) with its lanes called runners, without the controls only this file uses. */
type OptimizerRace = Omit<Race<RaceRunner>, 'lanes' | 'networks' | 'mapLanes'> & {
  runners: Race<RaceRunner>['lanes']
}

export function useOptimizerRace(
  engine: NnModule,
  spec: Ref<NetworkSpec>,
  learningRate: Ref<number>,
  settings: Ref<OptimizerSettings>,
  options: { totalSteps?: number; budgetMs?: number; pace?: number } = {},
): OptimizerRace {
  /**
   * Per copy: the spec it was built with and every η, μ, β₁, β₂, ε set since, at the count of updates
   * it had made (the change applies to the updates after it). A copy that diverged in the middle of a
   * chunk has lost the state before its last update; replaying this from the start gives its numbers
   * exactly (the engine is deterministic), so the rule shows the update the message counts (#11).
   */
  type Change = { at: number; lr: number; s: OptimizerSettings }
  let built: { spec: NetworkSpec; s: OptimizerSettings; changes: Change[] }[] = []
  // η and the settings are read when the networks are built, not watched: a change must not restart
  // the race.
  const variants = () => {
    const names = optimizerNames(settings.value)
    const vs = optimizerSpecs(settings.value).map((optimizer, k) => ({
      name: names[k],
      spec: { ...spec.value, learningRate: learningRate.value, optimizer },
    }))
    built = vs.map((v) => ({ spec: v.spec, s: { ...settings.value }, changes: [] }))
    return vs
  }
  /** The weight whose update is written out (W1[0][0]). */
  const WATCHED = 0
  /** Trains `steps` updates, the last one alone, to read the state before it. */
  function trainReading(
    net: EngineNetwork,
    steps: number,
  ): { t: TrainResult; last: UpdateNumbers | null } {
    const first = steps > 1 ? net.train(steps - 1) : null
    if (first?.diverged) return { t: first, last: null }
    const prior = net.lastUpdate()
    const second = net.train(1)
    const t = first
      ? {
          ...second,
          done: first.done + second.done,
          losses: Float64Array.from([...first.losses, ...second.losses]),
        }
      : second
    if (second.done === 0) return { t, last: null }
    const now = net.lastUpdate()
    const last: UpdateNumbers = {
      index: WATCHED,
      update: net.updates,
      g: now.g[WATCHED],
      before: now.before[WATCHED],
      after: now.after[WATCHED],
      mBefore: prior.m[WATCHED],
      mAfter: now.m[WATCHED],
      vBefore: prior.v[WATCHED],
      vAfter: now.v[WATCHED],
      t: now.t,
      learningRate: learningRate.value,
      settings: { ...settings.value },
    }
    return { t, last }
  }
  /** Update `at` of copy k (the last it made before diverging), replayed from its start; null if none. */
  function replayed(k: number, at: number): UpdateNumbers | null {
    const b = built[k]
    if (!b || at < 1) return null
    return withNetwork(engine, b.spec, (net) => {
      let lr = b.spec.learningRate
      let s = b.s
      const upTo = (n: number) => n <= net.updates || net.train(n - net.updates).done > 0
      for (const c of b.changes) {
        if (c.at >= at) break
        if (!upTo(c.at)) return null
        net.setLearningRate(c.lr)
        if (k > 0) net.setOptimizer(settingsPatch(k, c.s))
        lr = c.lr
        s = c.s
      }
      if (!upTo(at - 1) || net.updates !== at - 1) return null
      const r = trainReading(net, 1)
      if (!r.last || net.updates !== at) return null
      return { ...r.last, learningRate: lr, settings: s }
    })
  }
  const race = useRace<RaceRunner>(
    useNetworkStore(engine),
    variants,
    spec,
    {
      start: (net, k) => ({
        name: optimizerNames(settings.value)[k],
        optimizer: optimizerSpecs(settings.value)[k],
        last: null,
        loss: lossNow(net),
        stopped: '',
        divergedAt: null,
        accuracy: null,
        cure: null,
      }),
      advance(net, r, steps, k) {
        if (r.stopped) return { lane: r, losses: [] }
        const { t, last } = trainReading(net, steps)
        const loss = lossNow(net)
        // Diverged: the rule shows the last update made, the one the message counts (never an older one).
        const shown = t.diverged
          ? r.last?.update === t.divergedAt
            ? r.last
            : replayed(k, t.divergedAt ?? 0)
          : (last ?? r.last)
        const lane = {
          ...r,
          last: shown,
          stopped: t.message,
          divergedAt: t.divergedAt,
          accuracy: net.accuracy(),
          loss,
          cure: t.message ? divergedCure(optimizerKinds[k], settings.value.beta2) : null,
        }
        return { lane, losses: Array.from(t.losses.subarray(0, t.done)), loss }
      },
      allStopped: allDivergedAdvice,
    },
    {
      totalSteps: options.totalSteps ?? 3000,
      initialSteps: 4,
      budgetMs: options.budgetMs ?? 8,
      pace: options.pace,
      run: 'live',
    },
  )

  // A new η reaches the running networks at once; training carries on from where it is.
  watch(learningRate, (lr) => {
    race
      .networks()
      .forEach((n, k) => built[k]?.changes.push({ at: n.updates, lr, s: { ...settings.value } }))
    applyRate(race.networks(), lr, race.error)
  })
  // New μ, β₁, β₂ or ε reach the momentum and Adam copies at once; their state is kept.
  watch(settings, (s) => {
    const nets = race.networks()
    nets.forEach((n, k) =>
      built[k]?.changes.push({ at: n.updates, lr: learningRate.value, s: { ...s } }),
    )
    for (const [k, patch] of [
      [1, { momentum: s.momentum }],
      [2, { beta1: s.beta1, beta2: s.beta2, epsilon: s.epsilon }],
    ] as const) {
      const r = nets[k]?.setOptimizer(patch)
      if (r && !r.ok) race.error.value = r.message
    }
    race.mapLanes((l, k) => ({ ...l, name: optimizerNames(s)[k] }))
  })
  const { lanes: runners, curve, error, loop, restart, reset } = race
  return { runners, curve, error, loop, restart, reset }
}
