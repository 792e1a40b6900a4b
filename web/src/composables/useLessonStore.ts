// The one owner of engine networks outside web/src/engine (#11): each lesson's view provides one store
// (provideLessonStore), and every part of the lesson that trains takes a section of it
// (useNetworkStore): the section deletes the networks it replaces and everything it holds when its
// scope ends; the lesson keeps one loss history (the sections' curves), one Undo and one selected
// parameter, and deletes everything when its view goes.
// Nothing else calls EngineNetwork.create / EngineEnsemble.create (eslint.config.js enforces it).
import {
  getCurrentScope,
  hasInjectionContext,
  inject,
  markRaw,
  onScopeDispose,
  provide,
  ref,
  shallowRef,
  triggerRef,
  type InjectionKey,
  type Ref,
  type ShallowRef,
} from 'vue'
import { EngineEnsemble } from '../engine/ensemble'
import { EngineNetwork } from '../engine/network'
import type { NnModule } from '../engine/nn'
import type { NetworkSpec } from '../engine/types'
import { plural } from '../math/plural'

/** One curve of a loss history: the loss y[i] at x[i] (an update or epoch count: the screen's axis); null is a gap. */
export interface LossCurve {
  x: number[]
  y: (number | null)[]
}

/** A screen's loss history: one curve per network (or per quantity) shown, each with its own x. */
export type LossHistory = readonly LossCurve[]

/** How far the learner has gone in a worked example: which numbers of the trace are shown. */
export type Stage = 'ready' | 'forward' | 'backward' | 'updated'

/**
 * What Undo goes back to: the spec with its weights, the stage and the update count, and what going
 * back takes back: one update (Step, Update), a training run (Train to Pause, or to a change made
 * during the run: the run then goes on as a new one) or one change (`change`: 'η change').
 */
export interface UndoPoint {
  spec: NetworkSpec
  stage: Stage
  /** The numbers were left by a training run (the status says Paused or Trained, not the stage). */
  trained: boolean
  updates: number
  kind: 'update' | 'run' | 'change'
  /** What the change was, as the Undo button says it: 'η change', 'weight edit'. */
  change?: string
}

/**
 * What Undo to `point` takes back, with `updates` done now: 'update', 'training run (128 updates)',
 * 'η change'; '' when there is nothing to undo. With `updates` null (a run going on: the count changes
 * every few frames) a run is 'training run'. The button says 'Undo ' before it (undoLabel), the message
 * after an Undo 'Undone: ' (useNetwork `undone`).
 */
export function undoneWhat(point: UndoPoint | undefined, updates: number | null): string {
  if (!point) return ''
  if (point.kind === 'update') return 'update'
  if (point.kind === 'run')
    return updates === null
      ? 'training run'
      : `training run (${plural(updates - point.updates, 'update')})`
  return point.change ?? 'change'
}

/**
 * What Undo to `point` takes back, as its button says it: 'Undo update', 'Undo training run (128
 * updates)', 'Undo η change'; 'Undo' when there is nothing to undo (see {@link undoneWhat}; with
 * `updates` null, 'Undo training run', also the Undo button's own text: useNetwork `undoShortLabel`).
 */
export const undoLabel = (point: UndoPoint | undefined, updates: number | null): string =>
  point ? `Undo ${undoneWhat(point, updates)}` : 'Undo'

/** Undo points kept; older ones are dropped. */
const UNDO_POINTS = 20

/** What every section shares with its lesson: the selected parameter and Undo. */
interface LessonShared {
  /** The lesson's selected parameter, e.g. `W1[0][0]` or `b2[1]` (what the derivation explains). */
  selected: Ref<string>
  /** There is an Undo point in the lesson. */
  canUndo: Readonly<Ref<boolean>>
  /** Remembers a state for Undo (the oldest goes past {@link UNDO_POINTS}). */
  checkpoint: (point: UndoPoint) => void
  /** Drops the last Undo point (the change it was taken for was refused). */
  dropCheckpoint: () => void
  /** Takes the last Undo point, or undefined when there is none. */
  undo: () => UndoPoint | undefined
  /** The last Undo point (what Undo would take back), or undefined. */
  lastPoint: Readonly<Ref<UndoPoint | undefined>>
  /** Forgets every Undo point (Reset). */
  forgetUndo: () => void
}

export interface NetworkStore extends LessonShared {
  readonly engine: NnModule
  /** The lesson's store this section belongs to (shared Undo, selected parameter, lifetimes). */
  readonly lesson: LessonStore
  /** Builds a network held by this store; on a refused spec nothing is held and the engine's message is returned. */
  add: (spec: NetworkSpec) => EngineNetwork | string
  /** An ensemble (one copy per learning rate and/or seed) held by this store; a message when refused. */
  addEnsemble: (
    spec: NetworkSpec,
    copies: { learningRates?: number[]; seeds?: number[] },
  ) => EngineEnsemble | string
  /**
   * Deletes everything held and builds one network per spec (a spec change). If the engine refuses one,
   * nothing is held and the message is returned, prefixed with `names[k]` when given.
   */
  replace: (specs: readonly NetworkSpec[], names?: readonly string[]) => EngineNetwork[] | string
  /** Deletes one held network or ensemble now (safe to call twice). */
  release: (held: EngineNetwork | EngineEnsemble | null | undefined) => void
  /** Deletes everything held and empties the loss history. */
  clear: () => void
  /** {@link clear}, and leaves the lesson (a section made outside a component, e.g. a lab run). */
  dispose: () => void
  /** How many networks and ensembles are held (for tests). */
  readonly size: number
  /**
   * This section's curves of the lesson's loss history: emptied by replace and clear; a curve longer
   * than `maxPoints` loses every other point (the last kept), so a long run stays cheap to draw. The
   * curves grow in place: watchers hear of new points once per task (a training frame), not per call.
   */
  history: ShallowRef<LossHistory>
  /**
   * Adds the losses at `update`, one per curve (curve k gets `losses[k]`). Points from `update` on are
   * replaced (a run that goes on after Undo draws its new losses, not both). `publish: false` keeps
   * the change from `history`'s watchers until the next publish (a chart redrawn less often).
   */
  record: (update: number, losses: readonly (number | null)[], publish?: boolean) => void
  /**
   * Adds `losses[i]` at x = `from` + i to curve `curve` alone (its points from `from` on are replaced);
   * `publish: false` as in `record`.
   */
  extend: (curve: number, from: number, losses: ArrayLike<number | null>, publish?: boolean) => void
  /** Curve k of the history (an empty one before its first point), for a chart's series. */
  curve: (k: number) => LossCurve
  /** Forgets the points at `update` and later (Undo, a divergence's cut-off). */
  trimHistory: (update: number) => void
  /** Empties the loss history (a reset that keeps the networks). */
  forgetHistory: () => void
  /** Hands the changes recorded with `publish: false` to `history`'s watchers. */
  publishHistory: () => void
}

/**
 * One lesson's store (#11): every network and ensemble of the lesson, its one loss history, its Undo
 * points and its selected parameter. Each part of the lesson that trains (a panel, a section, a lab)
 * takes a section of it with {@link useNetworkStore}: the section replaces only its own networks and
 * draws its own curves; all of it is deleted when the lesson's view goes.
 */
export interface LessonStore extends LessonShared {
  /** Networks and ensembles held by all sections. */
  readonly size: number
  /** How many sections read from it now (for tests). */
  readonly sections: number
  /** The lesson's loss history: every section's curves, in the order the sections were made. */
  history: () => LossHistory
  /** Deletes every section's networks and curves (the lesson's view went). */
  clear: () => void
}

interface LessonInternals extends LessonStore {
  shared: LessonShared
  join: (section: NetworkStore) => void
  leave: (section: NetworkStore) => void
}

const LessonStoreKey: InjectionKey<LessonInternals> = Symbol('lesson-store')

/** A lesson's store (see {@link LessonStore}); {@link provideLessonStore} in a lesson's view. */
export function createLessonStore(): LessonStore {
  const sections = new Set<NetworkStore>()
  let undoPoints: UndoPoint[] = []
  const canUndo = ref(false)
  const lastPoint = shallowRef<UndoPoint | undefined>()
  const setUndo = (points: UndoPoint[]) => {
    undoPoints = points
    canUndo.value = points.length > 0
    lastPoint.value = points[points.length - 1]
  }
  const shared: LessonShared = {
    selected: ref(''),
    canUndo,
    lastPoint,
    checkpoint: (point) => setUndo([...undoPoints.slice(1 - UNDO_POINTS), point]),
    dropCheckpoint: () => setUndo(undoPoints.slice(0, -1)),
    undo() {
      const last = undoPoints[undoPoints.length - 1]
      setUndo(undoPoints.slice(0, -1))
      return last
    },
    forgetUndo: () => setUndo([]),
  }
  const lesson: LessonInternals = {
    ...shared,
    shared,
    get size() {
      return [...sections].reduce((n, s) => n + s.size, 0)
    },
    get sections() {
      return sections.size
    },
    history: () => [...sections].flatMap((s) => s.history.value),
    clear: () => sections.forEach((s) => s.clear()),
    join: (s) => void sections.add(s),
    leave: (s) => void sections.delete(s),
  }
  return lesson
}

/** Makes the lesson's one store for everything below the calling component; deleted with it. */
export function provideLessonStore(): LessonStore {
  const lesson = createLessonStore() as LessonInternals
  provide(LessonStoreKey, lesson)
  onScopeDispose(lesson.clear)
  return lesson
}

/** The enclosing lesson's store (call in setup), or undefined outside a lesson's view. */
export function injectLessonStore(): LessonStore | undefined {
  return inject(LessonStoreKey, undefined)
}

/**
 * A section of the enclosing lesson's store (or of a store of its own where no lesson provides one:
 * tests, one-off scripts). Inside a component's setup or an effect scope it deletes what it holds
 * when that scope ends; elsewhere call `dispose()`.
 */
export function useNetworkStore(
  engine: NnModule,
  options: { maxPoints?: number; selected?: string; lesson?: LessonStore } = {},
): NetworkStore {
  const lesson = (options.lesson ??
    (hasInjectionContext() ? inject(LessonStoreKey, null) : null) ??
    createLessonStore()) as LessonInternals
  if (options.selected !== undefined) lesson.selected.value = options.selected
  const maxPoints = options.maxPoints ?? 4000
  const held = new Set<EngineNetwork | EngineEnsemble>()
  const curves: LossCurve[] = []
  const history = shallowRef<LossHistory>(curves)
  let publishing = false
  const keep = <T extends EngineNetwork | EngineEnsemble>(x: T): T => {
    held.add(x)
    return markRaw(x)
  }
  function add(spec: NetworkSpec): EngineNetwork | string {
    const made = EngineNetwork.create(engine, spec)
    return made.ok ? keep(made.network) : made.message
  }
  const publishHistory = () => triggerRef(history)
  /** One publish per task however many points come in it (the screen redraws after the task). */
  function publishSoon(): void {
    if (publishing) return
    publishing = true
    queueMicrotask(() => {
      publishing = false
      publishHistory()
    })
  }
  const forgetHistory = () => {
    curves.length = 0
    publishHistory()
  }
  /** Puts (x, y) at the end of curve k, after dropping its points from x on; thins it past maxPoints. */
  function put(k: number, x: number, y: number | null): void {
    while (curves.length <= k) curves.push({ x: [], y: [] })
    const c = curves[k]
    if (c.x.length > 0 && c.x[c.x.length - 1] >= x) {
      const n = c.x.findIndex((v) => v >= x)
      c.x.length = c.y.length = n
    }
    c.x.push(x)
    c.y.push(y)
    if (c.x.length <= maxPoints) return
    const keep = (_: unknown, i: number) => i % 2 === 0 || i === c.x.length - 1
    curves[k] = { x: c.x.filter(keep), y: c.y.filter(keep) }
  }
  function clear(): void {
    held.forEach((x) => x.dispose())
    held.clear()
    forgetHistory()
  }
  const store: NetworkStore = {
    engine,
    lesson,
    add,
    addEnsemble(spec, copies) {
      const made = EngineEnsemble.create(engine, spec, copies)
      return made.ok ? keep(made.ensemble) : made.message
    },
    replace(specs, names = []) {
      clear()
      const nets: EngineNetwork[] = []
      for (const [k, spec] of specs.entries()) {
        const net = add(spec)
        if (typeof net === 'string') {
          clear()
          return names[k] ? `${names[k]}: ${net}` : net
        }
        nets.push(net)
      }
      return nets
    },
    release(x) {
      if (!x) return
      x.dispose()
      held.delete(x)
    },
    clear,
    dispose() {
      clear()
      lesson.leave(store)
    },
    get size() {
      return held.size
    },
    history,
    record(update, losses, publish = true) {
      losses.forEach((l, k) => put(k, update, l))
      if (publish) publishSoon()
    },
    extend(curve, from, losses, publish = true) {
      for (let i = 0; i < losses.length; i++) put(curve, from + i, losses[i])
      if (publish) publishSoon()
    },
    curve: (k) => history.value[k] ?? { x: [], y: [] },
    trimHistory(update) {
      for (const c of curves) {
        const n = c.x.findIndex((x) => x >= update)
        if (n >= 0) c.x.length = c.y.length = n
      }
      publishHistory()
    },
    forgetHistory,
    publishHistory,
    ...lesson.shared,
  }
  lesson.join(store)
  if (getCurrentScope()) onScopeDispose(store.dispose)
  return store
}

/**
 * Builds a network for `spec`, hands it to `use` and deletes it afterwards (also when `use` throws):
 * for numbers read once (a trace, a table). When the engine refuses the spec, returns
 * `refused(message)` (default: null).
 */
export function withNetwork<T, R = null>(
  engine: NnModule,
  spec: NetworkSpec,
  use: (net: EngineNetwork) => T,
  refused?: (message: string) => R,
): T | R {
  const made = EngineNetwork.create(engine, spec)
  if (!made.ok) return refused ? refused(made.message) : (null as R)
  try {
    return use(made.network)
  } finally {
    made.network.dispose()
  }
}
