// The learning-rate sweep (#5): one EngineEnsemble copy per η, all from the same initial weights,
// trained together inside the engine in time-boxed chunks; keeps each copy's loss history and names
// what happened to it (math/sweepVerdict). The whole sweep also runs from a few starts nudged by
// 1e-12, so an η whose outcome depends on such digits is shown as a spread, not one verdict (#12).
// Rebuilds when the problem or the rates change.
import { shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import type { Progress } from '../embed/protocol'
import type { CopyState, EngineEnsemble } from '../engine/ensemble'
import type { EngineNetwork, Params } from '../engine/network'
import type { NnModule } from '../engine/nn'
import { copyActivations } from '../engine/sweepProbe'
import type { NetworkSpec } from '../engine/types'
import { judgeStarts, pinnedShareOf, type CopyVerdict } from '../math/sweepVerdict'
import { useNetworkStore } from './useLessonStore'
import { goOnAfterRebuild, useTrainingLoop, type TrainingLoop } from './useTrainingLoop'

export interface SweepCopy {
  learningRate: number
  /** Loss before each update; null after the copy was stopped (the y of its curve in the sweep's loss history). */
  losses: (number | null)[]
  finalLoss: number | null
  /** Last finite loss before the copy was stopped (for plotting a diverged copy). */
  lastLoss: number | null
  divergedAt: number | null
}

/** The step between starts of the sweep: start k moves every weight by k × 1e-12. */
export const SWEEP_NUDGE = 1e-12

/**
 * Start k of the sweep: `spec` with explicit parameters, every weight of `start` moved by k × `nudge`
 * (biases as they are). k = 0 is the start itself.
 */
export function nudgedSpec(
  spec: NetworkSpec,
  start: Params,
  k: number,
  nudge = SWEEP_NUDGE,
): NetworkSpec {
  return {
    ...spec,
    weights: start.weights.map((layer) => layer.map((row) => row.map((w) => w + k * nudge))),
    biases: start.biases.map((b) => [...b]),
  }
}

export interface RateSweep {
  /** The copies from the start itself (start 0), one per η. */
  copies: ShallowRef<readonly SweepCopy[]>
  /** Every start's copies: [0] is `copies`, then the nudged starts; same η order. */
  starts: ShallowRef<readonly (readonly SweepCopy[])[]>
  verdicts: ShallowRef<readonly CopyVerdict[]>
  error: ShallowRef<string>
  loop: TrainingLoop
  /** Starts again from the initial weights. */
  restart: () => void
  /** Reset: every copy from its start, paused (Train starts them), as every Reset button does. */
  reset: () => void
}

/**
 * The sweep's progress for an embedding page: at each update the lowest loss of any η (of the start
 * itself), so `converged` names the first update at which some η's loss fell below the threshold.
 */
function bestOf(states: readonly CopyState[], from: number, steps: number): Progress {
  const lowest = (ls: readonly (number | null)[]) =>
    ls.reduce<number | null>((m, l) => (l !== null && (m === null || l < m) ? l : m), null)
  const losses = Array.from(
    { length: steps },
    (_, k) => lowest(states.map((s) => s.losses[k] ?? null)) ?? NaN,
  )
  return { from, losses, updates: from + steps, loss: lowest(states.map((s) => s.finalLoss)) }
}

export function useRateSweep(
  engine: NnModule,
  spec: Ref<NetworkSpec>,
  rates: Ref<readonly number[]>,
  options: {
    totalSteps?: number
    budgetMs?: number
    pace?: number
    /** Starts in all: the start itself and `starts − 1` nudged by k × 1e-12. @default 5 */
    starts?: number
    /** The pace's key in the link (useTrainingLoop's `link`). */
    link?: string | false
  } = {},
): RateSweep {
  const startCount = options.starts ?? 5
  const starts = shallowRef<readonly (readonly SweepCopy[])[]>([])
  const copies = shallowRef<readonly SweepCopy[]>([])
  const verdicts = shallowRef<readonly CopyVerdict[]>([])
  const error = shallowRef('')
  // Curve s·(number of η) + k of its loss history: start s, η k, at x = the update (from 1). Never
  // thinned: the verdicts read every update.
  const store = useNetworkStore(engine, { maxPoints: Infinity })
  /** One ensemble per start, [0] from the spec's own start. */
  let ensembles: EngineEnsemble[] = []
  let probe: EngineNetwork | null = null
  /** Every start's copies as trained (their `losses` stale): shown by the loop's `show`. */
  let current: SweepCopy[][] = []
  /** Updates done by every copy since the start. */
  let done = 0
  let shows = 0

  /** Share of sigmoid activations pinned near 0/1, from a forward pass with the copy's weights. */
  function pinned(ensemble: EngineEnsemble, c: number): number | null {
    if (!probe) return null
    const sigmoid = spec.value.activations.map((a) => a === 'sigmoid')
    if (!sigmoid.some(Boolean)) return null
    const acts = copyActivations(ensemble, probe, c, (l) => sigmoid[l])
    return acts && pinnedShareOf(acts)
  }
  /**
   * Names every copy. While the sweep runs only start 0 is judged (as often as before the starts
   * were added: judging all of them costs a frame); paused or done, every start, so the spread shows.
   */
  function judge(all: boolean): void {
    if (ensembles.length !== starts.value.length) return
    const runs = all ? starts.value : starts.value.slice(0, 1)
    verdicts.value = judgeStarts(
      runs.map((run, s) =>
        run.map((c, k) => ({
          ...c,
          pinnedShare: c.divergedAt === null ? () => pinned(ensembles[s], k) : null,
        })),
      ),
      // the last verdicts hold a copy's word near a threshold (hysteresis, classifySweep)
      { nudge: SWEEP_NUDGE, previous: verdicts.value.map((v) => v.verdict) },
    )
  }
  /** Start `start`'s copies after a train call from update `from` (their losses into the history, unshown). */
  function advance(run: readonly SweepCopy[], states: CopyState[], start: number, from: number) {
    return states.map((s, k): SweepCopy => {
      store.extend(start * run.length + k, from + 1, s.losses, false)
      const finite = s.losses.filter((l): l is number => l !== null)
      return {
        ...run[k],
        finalLoss: s.finalLoss,
        divergedAt: s.divergedAt,
        lastLoss: finite.length ? finite[finite.length - 1] : run[k].lastLoss,
      }
    })
  }

  /** What the copies did since the last snapshot, shown: curves, copies and (every few) verdicts. */
  function show(): void {
    store.publishHistory()
    starts.value = current.map((run, s) =>
      run.map((c, k) => ({ ...c, losses: store.curve(s * run.length + k).y })),
    )
    copies.value = starts.value[0] ?? []
    // about every 15 frames, as before the snapshots: judging costs a frame
    if (loop.running.value && ++shows % 4 === 0) judge(false)
  }
  const loop = useTrainingLoop(
    (steps) => {
      if (ensembles.length === 0) return { done: 0, stop: true, progress: null }
      const from = done
      const states = ensembles.map((e) => e.train(steps))
      current = states.map((st, s) => advance(current[s], st, s, from))
      done += steps
      const stop = states.every((st) => st.every((s) => s.divergedAt !== null))
      return {
        done: steps,
        stop,
        message: stop ? 'Every copy diverged.' : '',
        progress: bestOf(states[0], from, steps),
      }
    },
    {
      totalSteps: options.totalSteps ?? 2000,
      initialSteps: 4,
      budgetMs: options.budgetMs ?? 8,
      pace: options.pace,
      link: options.link,
      run: 'sweep',
      show,
    },
  )

  let built = false
  /**
   * Every copy from its start again (a new range or problem); the sweep goes on, stays paused or
   * starts when seen (as the lesson opens, far below the top) as goOnAfterRebuild says, and stays
   * paused when `train` is false (Reset).
   */
  function restart(train = true): void {
    const goOn = goOnAfterRebuild(loop, !built)
    built = true
    loop.reset()
    store.clear()
    ensembles = []
    probe = null
    done = shows = 0
    error.value = ''
    current = []
    starts.value = copies.value = []
    const single = store.add(spec.value)
    if (typeof single === 'string') return void (error.value = single)
    probe = single
    // start 0 is the spec's own (seeded) start; the others its weights nudged
    const start = probe.params()
    for (let k = 0; k < startCount; k++) {
      const made = store.addEnsemble(k === 0 ? spec.value : nudgedSpec(spec.value, start, k), {
        learningRates: [...rates.value],
      })
      if (typeof made === 'string') {
        store.clear()
        ensembles = []
        probe = null
        return void (error.value = made)
      }
      ensembles.push(made)
    }
    const fresh = (): SweepCopy[] =>
      rates.value.map((learningRate) => ({
        learningRate,
        losses: [],
        finalLoss: null,
        lastLoss: null,
        divergedAt: null,
      }))
    starts.value = current = ensembles.map(fresh)
    copies.value = current[0]
    verdicts.value = []
    if (train) goOn()
  }

  watch(loop.running, (running) => !running && ensembles.length > 0 && judge(true))
  watch([spec, rates], () => restart(), { immediate: true })
  return { copies, starts, verdicts, error, loop, restart, reset: () => restart(false) }
}
