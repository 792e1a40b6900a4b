// The one paced training loop of every screen that trains (#11). The pace is a parameter, "updates
// per second" (1, 2, 5 … or as fast as it goes); every animation frame the loop adds pace × elapsed
// time to a fractional credit and does the whole updates in it, so 1 update/s works at 60 frames/s.
// A frame never does more than its time budget allows (the chunk adapts to what one update costs), so
// input stays responsive at any pace. Reaching the planned length pauses with a message; Resume goes on
// for another planned length. Knows nothing about networks: `work(n)` trains and says what happened.
// A run the learner did not start (a lab that trains when its lesson opens) uses `autoStart`: it plays
// only while its controls are on screen, so the learner sees it from its first update.
import {
  computed,
  getCurrentInstance,
  getCurrentScope,
  hasInjectionContext,
  onScopeDispose,
  ref,
  shallowRef,
  type Ref,
  type ShallowRef,
  watch,
} from 'vue'
import { injectProgress, type Progress } from '../embed/protocol'
import type { EngineNetwork } from '../engine/network'
import { heldMessage, provideHeldFields, type HeldField } from './heldFields'
import { pacesWith, useLinkedPace } from '../links/pace'
import { plural } from '../math/plural'
import { FRAMES_PER_REDRAW, printing, runningLoopCount, trackTraining } from './trainingActivity'
import { canWatchVisibility } from '../components/visibility'

/** "As fast as it goes": as many updates per frame as the time budget allows. */
export const FASTEST = Infinity

/** The speeds offered by the speed control, in updates (or epochs) per second. */
export const PACES: readonly number[] = [1, 2, 5, 10, 30, 60, 120, 300, 1000, FASTEST]

/** What one chunk did: the steps actually done, and whether (and why) training must stop. */
export interface ChunkResult {
  done: number
  stop?: boolean
  /** Shown while stopped, e.g. why training diverged. */
  message?: string
  /**
   * For an embedding page (`step`, `converged`), required so no screen that trains forgets it: the
   * run's progress with every loss of the chunk (so `converged` names the exact update), counted from
   * the start of the run. Screens with several networks report one and say which. `null` only when
   * the chunk trained nothing.
   */
  progress: Progress | null
}

export interface TrainingLoopOptions {
  /** Steps per second at the start; {@link FASTEST} for as fast as it goes. @default FASTEST */
  pace?: number
  /**
   * Milliseconds of work per animation frame, at most; loops that run at the same time split it
   * (the learning-rate lesson's live run and sweep each took 8 ms of every frame). @default 8
   */
  budgetMs?: number
  /** Steps in the first chunk at FASTEST. @default 1 */
  initialSteps?: number
  /** Largest chunk. @default 100000 */
  maxSteps?: number
  /** Planned length of a run: pauses there with a message; Resume plans as many again. @default Infinity */
  totalSteps?: number
  /** What one step is called in messages. @default 'update' */
  unit?: 'update' | 'epoch'
  /**
   * The pace's key in the lesson's link (`pace=10`); a screen with several loops gives each its own;
   * `false` for a loop without a speed control (its pace is not the learner's to change).
   * @default 'pace'
   */
  link?: string | false
  /** Names this loop's run in its embed events, on a screen with several loops (e.g. `sweep`). */
  run?: string
  /**
   * Publishes what the chunks did to what the screen shows (status, diagram, chart, derivation), all
   * from one snapshot (#11): while running at most every few frames ({@link SHOW_MS}), and at once when
   * the loop pauses or stops (the learner, the planned end, a divergence), after a Step and on
   * `show()` (before an edit). `work` then only trains and keeps what it did unpublished: re-rendering
   * a screen every frame kept frames over 17 ms. Without it, `work` publishes itself.
   */
  show?: () => void
}

export interface TrainingLoop {
  running: Readonly<Ref<boolean>>
  /** Steps done since the last `reset`. */
  steps: Readonly<Ref<number>>
  /** `steps` as of the last snapshot (`show`): the count shown beside what the snapshot drew. */
  shownSteps: Readonly<Ref<number>>
  /** Steps per second; {@link FASTEST} for as fast as it goes. Can change while running; in the link. */
  pace: Ref<number>
  /** The paces the speed control offers: {@link PACES} and this loop's default. */
  paces: readonly number[]
  /** Why the loop is paused when it did not pause because the learner asked (planned end, divergence). */
  message: Readonly<Ref<string>>
  /** True after `work` asked to stop (divergence): Resume cannot go on until a reset. */
  halted: Readonly<Ref<boolean>>
  /** Paused in a run that Resume continues (started since the last reset, not halted). */
  resumable: Readonly<Ref<boolean>>
  /**
   * Why training waits ('' = it does not): a field of the screen holds a value it refused, so the
   * values in force are not what the learner typed (heldMessage). Train, Resume and Step do nothing
   * until it is fixed; a run pauses when it happens and goes on once it is fixed. Show it at the
   * buttons, with {@link goToHeld}.
   */
  waits: Readonly<Ref<string>>
  /** The field training waits for, or null. */
  heldField: Readonly<Ref<HeldField | null>>
  /** Moves the keyboard focus to the field training waits for. */
  goToHeld: () => void
  /** Steps per chunk at the last frame, and how long the last chunk took (ms). */
  stats: ShallowRef<{ chunk: number; ms: number }>
  /** Steps of one planned run (`totalSteps`); Infinity without a plan. */
  planned: number
  /**
   * Starts or resumes; at the planned end, plans as many steps again; after a halt, says why not.
   * The learner's (or the screen's on the learner's behalf): ends {@link autoStart}'s hold on the run.
   */
  start: () => void
  /** Pauses until the learner starts again; ends {@link autoStart}'s hold on the run. */
  pause: () => void
  toggle: () => void
  /**
   * Pauses, forgets the message and sets the step count back to 0 (the caller rebuilds its networks).
   * The run stays paused: an earlier {@link autoStart} is forgotten.
   */
  reset: () => void
  /** One step by hand while paused (the Step button): counted like the loop's own steps. */
  stepOnce: () => void
  /**
   * Starts a run the learner did not ask for (a lab that trains as its lesson opens, a race rebuilt
   * with new variants) as soon as the learner can see it: at once if the loop's controls
   * (TrainControls) are on screen or within 200 px of it, else when they come there, so nobody
   * scrolls down to a run that is already half done (#11). Until the learner touches the run
   * ({@link start}, {@link pause}, {@link toggle}, {@link reset}, {@link stepOnce}) it stays the
   * loop's: it pauses while its controls are off screen and goes on when they are back
   * ({@link autoPlays}). The planned end, a divergence and a Reset end that, as a pause by hand does;
   * so autoStart never overrides the learner's pause or Reset. Does nothing while the loop runs or
   * after a halt. Where nothing says whether the controls are on screen (no IntersectionObserver, as
   * in happy-dom) they count as on screen: it starts at once. In a browser, a loop without
   * TrainControls never starts this way.
   */
  autoStart: () => void
  /**
   * True while the run is {@link autoStart}'s: started (or waiting to start) by itself, not touched
   * by the learner since; it plays only while its controls are on screen.
   */
  autoPlays: Readonly<Ref<boolean>>
  /**
   * True while an {@link autoStart}ed run waits for its controls to come on screen (not running, no
   * refused field in the way): TrainControls says so instead of leaving it looking paused.
   */
  waitsToBeSeen: Readonly<Ref<boolean>>
  /**
   * Tells the loop whether its controls are on screen (or within 200 px of it): TrainControls calls
   * it from its IntersectionObserver (components/visibility.ts). An {@link autoPlays} run starts or
   * goes on when `true` and pauses when `false`; any other run is left as it is.
   */
  setOnScreen: (visible: boolean) => void
  /**
   * Tells the loop that the keyboard focus moved into its lab (TrainControls calls it on `focusin`
   * in the section around it). An {@link autoStart}ed run waiting to be seen becomes the learner's,
   * still paused: the focus scrolls the lab into view, and that must not start the run under them,
   * or their Enter on the Train button they tabbed to would pause it (#11). A run already playing is
   * left as it is; so are runs the learner started or paused.
   */
  focusArrived: () => void
  /**
   * Reports progress made outside `work` (a Step or an edit done by the screen itself) through this
   * loop's reporter, so `step` and `converged` count one run.
   */
  report: (progress: Progress) => void
  /** Publishes now what the chunks did (the `show` option), e.g. before an edit; else nothing. */
  show: () => void
}

/** Milliseconds between two snapshots while training: every few frames at 60 Hz (a little less, so
 * timer jitter never makes it one frame more). */
export const SHOW_MS = (FRAMES_PER_REDRAW - 0.5) * (1000 / 60)

/**
 * The animation frame (its timestamp) in which a loop last published a snapshot, and which loop:
 * loops that train together (the learning-rate lesson's live run, sweep and landscape) take turns,
 * so that one frame does not render all their snapshots at once (#11).
 */
let lastSnapshot: { frame: number; loop: object } | null = null
/** Frames a loop lets another loop's snapshot go first, at most, before it shows its own. */
const MAX_DEFER = 2

/** The progress of a train call from update `from` (`done` updates, the loss before each), at `loss` after it. */
export const progressOf = (
  from: number,
  r: { done: number; losses: ArrayLike<number> },
  loss: number | null,
): Progress => ({ from, losses: r.losses, updates: from + r.done, loss })

/**
 * `steps` updates of each network as one chunk: the first to diverge stops the loop (its count and
 * message); network `reported`'s progress goes to an embedding page.
 */
export function trainTogether(nets: readonly EngineNetwork[], steps: number, reported = 0) {
  const from = nets[reported]?.updates ?? 0
  const runs = nets.map((n) => n.train(steps))
  const bad = runs.find((r) => r.diverged)
  const own = runs[reported]
  return {
    runs, // each network's own result
    done: bad?.done ?? own?.done ?? 0,
    stop: !!bad,
    message: bad?.message,
    progress: own ? progressOf(from, own, nets[reported].forward().loss) : null,
  }
}

/** "2 updates", "1 epoch", "1,000 updates". */
export function countOf(n: number, unit: 'update' | 'epoch' = 'update'): string {
  return plural(n, unit, undefined, { grouped: true })
}

/**
 * What a screen that rebuilds its networks (new settings, data or range) does with its run, read before
 * `loop.reset()`: the returned function, called after the rebuild, goes on training if the learner had
 * it running; leaves it paused at 0 (waiting for Train) if the learner had paused it or pressed Reset;
 * else (the run as the lesson opens, one waiting to be seen, one past its planned end or diverged)
 * starts it once the learner can see it (autoStart). `first`: the screen's first build.
 */
export function goOnAfterRebuild(loop: TrainingLoop, first: boolean): () => void {
  const theirs = !first && !loop.autoPlays.value
  if (theirs && loop.running.value) return loop.start
  if (theirs && !loop.message.value) return () => {}
  return loop.autoStart
}

/**
 * Calls `work(n)` once per animation frame while running, with n = the whole steps the pace has
 * earned since the last frame (capped by the time budget). Pauses when `work` returns `stop` (with its
 * message), at the planned length (with a message saying Resume goes on) and on scope dispose.
 */
export function useTrainingLoop(
  work: (steps: number) => ChunkResult,
  options: TrainingLoopOptions = {},
): TrainingLoop {
  const ownBudget = options.budgetMs ?? 8
  const maxSteps = options.maxSteps ?? 100_000
  const planned = options.totalSteps ?? Infinity
  const unit = options.unit ?? 'update'
  const running = ref(false)
  if (getCurrentScope()) trackTraining(running) // redraws thin out while any loop runs
  const steps = ref(0)
  const shownSteps = ref(0)
  const pace =
    options.link === false
      ? ref(options.pace ?? FASTEST)
      : useLinkedPace(options.link ?? 'pace', options.pace ?? FASTEST, PACES)
  const message = ref('')
  const halted = ref(false)
  const started = ref(false)
  const stats = shallowRef({ chunk: options.initialSteps ?? 1, ms: 0 })
  /** The most steps one frame may do: adapted so a frame's work stays near the budget. */
  let chunk = options.initialSteps ?? 1
  /** Earned but not yet done steps (fractional). */
  let credit = 0
  let lastTime = 0
  let end = planned
  let frame = 0
  // This loop's own reporter: one run's `step` and `converged`, whatever else trains on the screen.
  const reporter = (hasInjectionContext() ? injectProgress() : null)?.(options.run) ?? null
  function report(p: Progress | null): void {
    if (reporter && p) reporter(p)
  }
  // The fields of this screen: while one holds refused text, training waits (heldFields.ts).
  const heldField =
    hasInjectionContext() && getCurrentInstance()
      ? provideHeldFields()
      : computed((): HeldField | null => null)
  const waits = computed(() => (heldField.value ? heldMessage(heldField.value) : ''))
  /** The run is autoStart's (plays only while on screen), until the learner touches it. */
  const autoPlays = ref(false)
  /** Whether the controls are on screen (within 200 px): null until they say; true where nobody can. */
  let onScreen: boolean | null = canWatchVisibility ? null : true
  // A run that a refused value paused goes on once the field is fixed (a Reset in between forgets it).
  let resumeWhenFixed = false
  watch(waits, (why) => {
    if (why && running.value) {
      resumeWhenFixed = true
      stop(true)
    } else if (!why && resumeWhenFixed) {
      resumeWhenFixed = false
      if (!autoPlays.value || onScreen) begin() // an autoStarted run goes on only where it is seen
    }
  })
  let shownAt = -Infinity
  const me = {}
  let deferred = 0
  /** While running: publishes a snapshot when one is due, unless another loop did in this frame. */
  function showWhenDue(frameTime: number): void {
    if (steps.value === shownSteps.value || performance.now() - shownAt < SHOW_MS) return
    const taken = lastSnapshot?.frame === frameTime && lastSnapshot.loop !== me
    if (taken && deferred < MAX_DEFER) return void deferred++
    deferred = 0
    lastSnapshot = { frame: frameTime, loop: me }
    show()
  }
  function show(): void {
    shownAt = performance.now()
    shownSteps.value = steps.value
    options.show?.()
  }

  /** Next chunk limit: shrinks at once after a frame over budget, grows (at most ×2) after a full one. */
  function adapt(ms: number, asked: number, done: number): void {
    if (done < asked || asked === 0) return
    const budget = ownBudget / Math.max(1, runningLoopCount())
    if (ms > budget) chunk = Math.max(1, Math.floor(asked * Math.max(0.25, (0.9 * budget) / ms)))
    else if (asked >= chunk) {
      const factor = ms <= 0.05 ? 2 : Math.min(2, (0.9 * budget) / ms)
      chunk = Math.max(1, Math.min(maxSteps, Math.floor(chunk * factor) || 1))
    }
  }

  /** How many steps this frame: the pace's credit, or the whole chunk at FASTEST. */
  function earned(now: number): number {
    if (!Number.isFinite(pace.value)) return chunk
    // At most a quarter second counts: a hidden tab or a long frame must not cause a burst.
    credit += (pace.value * Math.min(250, Math.max(0, now - lastTime))) / 1000
    const n = Math.min(chunk, Math.floor(credit + 1e-9)) // 60 × (1/60) must make 1
    credit = Math.min(credit - n, 1) // a pace above what the budget allows is not owed later
    return n
  }

  function finishRun(r: ChunkResult): boolean {
    if (r.stop) {
      halted.value = true
      message.value = r.message ?? ''
      pause() // and no longer autoStart's: it would not go on
      return true
    }
    if (steps.value >= end) {
      message.value = `Paused after the planned ${countOf(steps.value, unit)}: Resume trains another ${countOf(planned, unit)}.`
      pause() // and no longer autoStart's: scrolling back must not plan another run
      return true
    }
    return false
  }

  function tick(frameTime: number): void {
    frame = 0
    if (!running.value) return
    const now = performance.now()
    const n = Math.min(earned(now), end - steps.value)
    lastTime = now
    if (n > 0) {
      const t0 = performance.now()
      const r = work(n)
      const ms = performance.now() - t0
      steps.value += r.done
      report(r.progress)
      stats.value = { chunk: n, ms }
      adapt(ms, n, r.done)
      if (finishRun(r)) return
    }
    showWhenDue(frameTime)
    frame = requestAnimationFrame(tick)
  }

  /** Starts the frames (start, autoStart, a fixed field), keeping whose run it is. */
  function begin(): void {
    if (running.value || waits.value) return
    if (halted.value) return // the message (why it stopped) stays on screen
    if (steps.value >= end) end = steps.value + planned
    message.value = ''
    running.value = true
    started.value = true
    credit = 1 // the first update comes at once, not after 1/pace seconds
    lastTime = performance.now()
    frame = requestAnimationFrame(tick)
  }
  /** Stops the frames; with `catchUp`, what is shown catches up at once. */
  function stop(catchUp: boolean): void {
    const was = running.value
    running.value = false
    if (frame) cancelAnimationFrame(frame)
    frame = 0
    if (was && catchUp) show()
  }
  function start(): void {
    autoPlays.value = false
    begin()
  }
  function pause(): void {
    autoPlays.value = false
    stop(true)
  }
  function autoStart(): void {
    if (running.value || halted.value) return
    autoPlays.value = true
    if (onScreen) begin()
  }
  function setOnScreen(visible: boolean): void {
    onScreen = visible
    if (!autoPlays.value) return
    if (visible) begin()
    else stop(true)
  }
  function focusArrived(): void {
    if (autoPlays.value && !running.value) autoPlays.value = false
  }
  function reset(): void {
    pause()
    resumeWhenFixed = false
    steps.value = shownSteps.value = 0
    end = planned
    message.value = ''
    halted.value = false
    started.value = false
  }
  function stepOnce(): void {
    if (running.value || halted.value || waits.value) return
    autoPlays.value = false
    const r = work(1)
    steps.value += r.done
    report(r.progress)
    show()
    if (r.stop) {
      halted.value = true
      message.value = r.message ?? ''
    } else if (steps.value >= end) end = steps.value + planned
  }
  // On paper the count and the charts agree: the updates not yet shown are shown before printing.
  watch(printing, (on) => on && steps.value !== shownSteps.value && show(), { flush: 'sync' })
  onScopeDispose(() => stop(false)) // the screen's networks may be gone already

  return {
    running,
    steps,
    shownSteps,
    pace,
    paces: pacesWith(PACES, options.pace ?? FASTEST),
    message,
    halted,
    resumable: computed(() => started.value && !halted.value && !running.value),
    waits,
    heldField,
    goToHeld: () => heldField.value?.focus(),
    stats,
    planned,
    start,
    pause,
    toggle: () => (running.value ? pause() : start()),
    reset,
    stepOnce,
    autoStart,
    autoPlays,
    waitsToBeSeen: computed(() => autoPlays.value && !running.value && !waits.value),
    setOnScreen,
    focusArrived,
    report,
    show,
  }
}
