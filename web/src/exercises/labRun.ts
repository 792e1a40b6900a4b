// The run-it step of a lab's prediction exercise: the learner predicts, then the real engine trains the
// candidate networks the question names and its outcome decides the answer. The question (candidates,
// updates, how the outcome answers it) is data in the lesson file (`lab` of an exercise); this file
// only builds and trains EngineNetworks, a few steps at a time, so the shared training loop can show
// the run. Every number comes from the engine. No Vue.
import {
  useNetworkStore,
  withNetwork,
  type LessonStore,
  type NetworkStore,
} from '../composables/useLessonStore'
import type { EngineNetwork } from '../engine/network'
import type { NnModule } from '../engine/nn'
import type { NetworkSpec } from '../engine/types'
import type { Progress } from '../embed/protocol'
import type { Values } from './types'

/** One network the question compares (one η, one loss, one batch size, one seed, one depth…). */
export interface LabCandidate {
  /** How the question names it, e.g. `η = 0.45`. */
  label: string
  spec: NetworkSpec
  /** Its own number of updates, when the candidates differ (e.g. an epoch is 3 updates at batch size 1, 1 at 3). */
  updates?: number
}

/** What a lab exercise runs. */
export interface LabPlan {
  candidates: LabCandidate[]
  /**
   * Updates each candidate trains unless it says otherwise (0: one forward and backward pass only, for
   * a gradient question).
   * A diverging candidate stops at the engine's divergence rule.
   */
  updates: number
  /** Record, after every update, the first update count at which every sample is classified right. */
  watchAccuracy?: boolean
  /** The blanks' answers and one line per candidate (inline LaTeX in `$…$`), from the outcomes. */
  verdict: (outcomes: LabOutcome[], v: Values) => LabResult
}

/** How one candidate's run ended (all numbers from the engine). */
export interface LabOutcome {
  label: string
  /** Updates done (fewer than planned when it diverged). */
  updates: number
  /** The engine's divergence rule: the update count at which it diverged, else null. */
  divergedAt: number | null
  /** Mean loss over all rows after training (a forward pass); NaN after a divergence. */
  loss: number
  /** Share of rows classified right after training (null for regression or after a divergence). */
  accuracy: number | null
  /** With `watchAccuracy`: the first update count after which every row was right (0: at the start). */
  firstFullAccuracy: number | null
  /** ‖∂J/∂W_l‖₂ per weight layer at the end (over all rows). */
  gradientNorms: number[]
}

export interface LabResult {
  /** Blank key → the value the run gives (a number, or the value of the right choice). */
  answers: Record<string, number>
  /** What the run showed, one line per candidate. */
  lines: string[]
}

/** A run in progress: `advance(n)` does up to n more steps; `outcomes` once `done`. */
export class LabRun {
  private index = 0
  private net: EngineNetwork | null = null
  private doneSteps = 0
  private current = 0
  private first: number | null = null
  private readonly results: LabOutcome[] = []
  /** The loss after each step of the last `advance`, from its first step on (NaN: none, a diverged candidate's). */
  private losses: number[] = []
  /** Holds the candidate being trained (one at a time). */
  private readonly store: NetworkStore

  private constructor(
    engine: NnModule,
    readonly plan: LabPlan,
    lesson?: LessonStore,
  ) {
    this.store = useNetworkStore(engine, { lesson })
  }

  /**
   * Starts a run of `plan`, held by a section of `lesson`'s store (the lesson's own, in the app);
   * a spec the engine refuses gives its message instead.
   */
  static start(engine: NnModule, plan: LabPlan, lesson?: LessonStore): LabRun | string {
    for (const c of plan.candidates) {
      const refused = withNetwork(
        engine,
        c.spec,
        () => '',
        (m) => `${c.label}: ${m}`,
      )
      if (refused) return refused
    }
    return new LabRun(engine, plan, lesson)
  }

  /** Steps of the whole run: one per update of every candidate (at least one each). */
  get total(): number {
    return this.plan.candidates.reduce(
      (sum, c) => sum + Math.max(1, c.updates ?? this.plan.updates),
      0,
    )
  }
  /** Steps done so far. */
  get steps(): number {
    return this.doneSteps
  }
  get done(): boolean {
    return this.index >= this.plan.candidates.length
  }
  /** The candidate being trained and its update count, for a progress line. */
  get training(): { label: string; updates: number; of: number } | null {
    if (this.done) return null
    const c = this.plan.candidates[this.index]
    return { label: c.label, updates: this.current, of: c.updates ?? this.plan.updates }
  }
  get outcomes(): readonly LabOutcome[] {
    return this.results
  }

  /**
   * Does up to `n` steps and returns how many it used (0 once done). A candidate that diverges ends
   * there: the rest of its planned updates count as used, so the steps always reach `total`.
   */
  advance(n: number): number {
    let used = 0
    this.losses = []
    const keep = (ls: ArrayLike<number>) => this.losses.push(...Array.from(ls))
    while (used < n && !this.done) {
      const net = this.network()
      const planned = this.plan.candidates[this.index].updates ?? this.plan.updates
      if (planned === 0) {
        used += 1
        this.finish(net, null)
        keep([this.results[this.results.length - 1].loss])
        continue
      }
      const from = this.current
      const take = Math.min(n - used, planned - from)
      let divergedAt: number | null = null
      if (this.plan.watchAccuracy) {
        for (let k = 0; k < take && divergedAt === null; k++) {
          const r = net.train(1)
          keep(r.losses.subarray(0, r.done))
          this.current += r.done
          if (r.diverged) divergedAt = r.divergedAt ?? this.current
          else if (this.first === null && net.accuracy() === 1) this.first = this.current
        }
      } else {
        const r = net.train(take)
        keep(r.losses.subarray(0, r.done))
        this.current += r.done
        if (r.diverged) divergedAt = r.divergedAt ?? this.current
      }
      if (divergedAt !== null) {
        used += planned - from
        this.finish(net, divergedAt)
      } else {
        used += take
        if (this.current >= planned) this.finish(net, null)
      }
      keep(Array<number>(used - this.losses.length).fill(NaN)) // a divergence's unused updates
    }
    this.doneSteps += used
    return used
  }

  /**
   * The last `advance` as a run's progress for an embedding page (`step`, `converged`): the candidates
   * are trained one after another, so the run's update count is the steps of every candidate so far
   * (one per update, {@link total} in all) and `losses[k]` the loss of the candidate trained at step
   * `from + k`, before that step's update. `loss` is the loss after the last step: the candidate being
   * trained, or the one just finished (null after a divergence).
   */
  progress(): Progress {
    const f = this.net?.forward()
    const loss = f ? (f.ok ? f.loss : NaN) : (this.results.at(-1)?.loss ?? NaN)
    const [from, updates] = [this.doneSteps - this.losses.length, this.doneSteps]
    return { from, losses: this.losses, updates, loss: Number.isFinite(loss) ? loss : null }
  }

  private network(): EngineNetwork {
    if (this.net) return this.net
    const made = this.store.add(this.plan.candidates[this.index].spec)
    if (typeof made === 'string') throw new Error(made) // checked in start()
    this.net = made
    this.current = 0
    this.first = this.plan.watchAccuracy && made.accuracy() === 1 ? 0 : null
    return this.net
  }

  private finish(net: EngineNetwork, divergedAt: number | null): void {
    let loss = NaN
    let accuracy: number | null = null
    let gradientNorms: number[] = []
    if (divergedAt === null) {
      const f = net.forward()
      if (f.ok && net.backward().ok) {
        loss = f.loss
        gradientNorms = net.gradientNorms()
        accuracy = net.accuracy()
      }
    }
    this.results.push({
      label: this.plan.candidates[this.index].label,
      updates: divergedAt ?? this.current,
      divergedAt,
      loss,
      accuracy,
      firstFullAccuracy: this.first,
      gradientNorms,
    })
    this.store.release(net)
    this.net = null
    this.index += 1
  }

  /** The blanks' answers and lines, once done. */
  result(v: Values): LabResult {
    return this.plan.verdict([...this.results], v)
  }

  /** Frees the candidate being trained (a run left half-way). */
  dispose(): void {
    this.store.dispose()
    this.net = null
  }
}

/** Runs `plan` to the end at once (tests, and a learner's run has the same outcome step by step). */
export function runLab(engine: NnModule, plan: LabPlan, v: Values): LabResult | string {
  const run = LabRun.start(engine, plan)
  if (typeof run === 'string') return run
  while (!run.done) run.advance(10_000)
  return run.result(v)
}
