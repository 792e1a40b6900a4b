// The XOR lesson's 100-starts experiments (notes 003) as one runner: every architecture × loss, then
// the 2-2-1 fixes other than a wider layer, each trained as 100 seeded copies inside the engine
// (EngineEnsemble), one experiment after the other on the shared training loop. XorPanel.vue shows
// what it gathers: the success counts, the accuracy histogram and the failed 2-2-1 runs.
import { computed, ref, shallowRef, watch } from 'vue'
import { countOf, useTrainingLoop } from '../../composables/useTrainingLoop'
import { useNetworkStore } from '../../composables/useLessonStore'
import type { EngineEnsemble } from '../../engine/ensemble'
import type { NnModule } from '../../engine/nn'
import { paramsFromFlat } from '../../engine/paramLayout'
import { plural } from '../../math/plural'
import {
  XOR_ARCHITECTURES,
  XOR_SEEDS,
  XOR_FIXES,
  XOR_STEPS,
  architectureName,
  type XorOptions,
  rowVerdicts,
  summarize,
  xorSpec,
  type XorSummary,
} from './xorExperiment'
import type { FailedRun } from './XorFailure.vue'

export const LOSSES = ['mse', 'bce'] as const

/** One experiment: 100 starts of one network, trained for `steps` full-batch updates. */
interface Job {
  /** Its key in the results: `<loss> <architecture>` or `fix <fix key>`. */
  key: string
  /** What the progress line calls it. */
  label: string
  hidden: number[]
  loss: 'mse' | 'bce'
  options?: XorOptions
  steps: number
}
const XOR_JOBS: Job[] = [
  ...XOR_ARCHITECTURES.flatMap((hidden) =>
    LOSSES.map((loss) => ({
      hidden,
      loss,
      key: `${loss} ${architectureName(hidden)}`,
      label: `${loss.toUpperCase()} ${architectureName(hidden)}`,
      steps: XOR_STEPS,
    })),
  ),
  // fixes other than "wider", on the notes' 2-2-1 with BCE (#15)
  ...XOR_FIXES.map((f) => ({
    hidden: [2],
    loss: 'bce' as const,
    key: `fix ${f.key}`,
    label: `BCE 2-2-1, ${f.label}`,
    options: f.options,
    steps: f.steps,
  })),
]

/**
 * Runs XOR_JOBS in turn on `engine`. `results` fills in per job key as each finishes, `failures`
 * holds the 2-2-1 BCE runs that end below 100 %, `progress` is the count line, `reset` starts over.
 */
export function useXorExperiments(engine: NnModule) {
  const jobs = XOR_JOBS
  const results = shallowRef<Record<string, XorSummary>>({})
  const failures = shallowRef<FailedRun[]>([])
  let current: EngineEnsemble | null = null
  let starts: number[][] = []
  // one 2-2-1 network to read each run's outputs: is any of them at the threshold (undecided)? (#12)
  const store = useNetworkStore(engine)
  const probeMade = store.add(xorSpec([2], 'bce'))
  const probe = typeof probeMade === 'string' ? null : probeMade
  function undecidedRuns(ens: EngineEnsemble, hidden: number[]): boolean[] {
    if (!probe || hidden.length !== 1 || hidden[0] !== 2) return []
    return XOR_SEEDS.map((_, k) => {
      if (!probe.setParams(paramsFromFlat(ens.params(k), [2, 2, 1])).ok) return false
      probe.forward()
      return rowVerdicts(probe.trace()).includes('undecided')
    })
  }
  /**
   * The experiment being trained (jobs.length once all are done), its updates so far and the results
   * as shown (`job`, `done`, `results`, `failures`): the training's snapshot every few frames (#11).
   */
  const job = ref(0)
  const done = ref(0)
  const complete = computed(() => job.value >= jobs.length)
  /** The same, as trained. */
  let trained = { job: 0, done: 0, results: results.value, failures: failures.value }
  function show(): void {
    job.value = trained.job
    done.value = trained.done
    results.value = trained.results
    failures.value = trained.failures
  }

  function dispose(): void {
    store.release(current)
    current = null
  }
  function clear(): void {
    dispose()
    trained = { job: 0, done: 0, results: {}, failures: [] }
    show()
  }
  /** One loop step is one update of the 100 copies of the current experiment; experiments run in turn. */
  function work(steps: number) {
    if (trained.job >= jobs.length) clear() // "Run again" after a finished experiment starts it anew
    const j = jobs[trained.job]
    if (!current) {
      const made = store.addEnsemble(xorSpec(j.hidden, j.loss, j.options), { seeds: XOR_SEEDS })
      if (typeof made === 'string') return { done: 0, stop: true, message: made, progress: null }
      current = made
      trained.done = 0
      // the starting weights, to tell units dead from the start from units that died in training (#12)
      if (j.key === 'bce 2-2-1') starts = XOR_SEEDS.map((_, k) => made.params(k))
    }
    const from = trained.done
    const n = Math.min(steps, j.steps - trained.done)
    const states = current.train(n, 'first') // only the first run's losses are reported
    trained.done += n
    // An embedding page hears the first run (seed) of the experiment being trained: each experiment
    // is a new run of new networks, counted from its own update 0.
    const first = states[0]
    const progress = first && {
      from,
      losses: first.losses.map((l) => l ?? NaN),
      updates: trained.done,
      loss: first.finalLoss,
    }
    if (trained.done >= j.steps) {
      const open = undecidedRuns(current, j.hidden)
      trained.results = { ...trained.results, [j.key]: summarize(states, open) }
      if (j.key === 'bce 2-2-1') {
        const ens = current
        trained.failures = states.flatMap((s, k) =>
          s.accuracy !== null && s.accuracy < 1
            ? [{ seed: XOR_SEEDS[k], params: ens.params(k), start: starts[k] }]
            : [],
        )
      }
      dispose()
      trained.job++
      if (trained.job >= jobs.length) show() // the last one: shown before the loop resets
    }
    return { done: n, progress: progress ?? null }
  }
  // As fast as it goes by default: the point is the counts at the end. At a slow pace the count says
  // which experiment and which update is being trained, so the page never looks frozen (#15). 6 ms of
  // training per frame, as the playground: with the default 8 ms, the frames that also render a
  // snapshot went past 17 ms (#11).
  const loop = useTrainingLoop(work, { run: 'starts', show, budgetMs: 6 })
  // Finished: nothing to resume. The loop goes back to its start state (the button offers "Run again").
  watch(complete, (c) => c && loop.reset())
  function reset(): void {
    loop.reset()
    clear()
  }

  const finished = computed(() => Object.keys(results.value).length)
  /** "3 / 14 experiments done · BCE 2-4-1: 1,234 updates of 2,000", or the end state. */
  const progress = computed(() => {
    const head = `${finished.value} / ${plural(jobs.length, 'experiment')} done`
    const j = jobs[job.value]
    if (!j || (!loop.running.value && !done.value)) return head
    return `${head} · ${j.label}: ${countOf(done.value)} of ${j.steps.toLocaleString('en-US')}`
  })
  return { jobs, results, failures, complete, finished, progress, loop, reset }
}
