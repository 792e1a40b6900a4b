// The one owner of engine networks outside web/src/engine (#11): every screen gets its networks and
// ensembles from a store, which deletes the ones it replaces and everything it holds when its scope
// (the component or composable that made it) is disposed, and keeps the screen's one loss history,
// its Undo points and its selected parameter.
// Nothing else calls EngineNetwork.create / EngineEnsemble.create (eslint.config.js enforces it).
import {
  getCurrentScope,
  markRaw,
  onScopeDispose,
  ref,
  shallowRef,
  type Ref,
  type ShallowRef,
} from 'vue'
import { EngineEnsemble } from '../engine/ensemble'
import { EngineNetwork } from '../engine/network'
import type { NnModule } from '../engine/nn'
import type { NetworkSpec } from '../engine/types'

/** One curve of a loss history: the loss y[i] at x[i] (an update or epoch count: the screen's axis); null is a gap. */
export interface LossCurve {
  x: number[]
  y: (number | null)[]
}

/** A screen's loss history: one curve per network (or per quantity) shown, each with its own x. */
export type LossHistory = readonly LossCurve[]

/** How far the learner has gone in a worked example: which numbers of the trace are shown. */
export type Stage = 'ready' | 'forward' | 'backward' | 'updated'

/** What Undo goes back to: the spec with its weights, the stage and the update count. */
export interface UndoPoint {
  spec: NetworkSpec
  stage: Stage
  updates: number
}

/** Undo points kept; older ones are dropped. */
const UNDO_POINTS = 20

export interface NetworkStore {
  readonly engine: NnModule
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
  /** How many networks and ensembles are held (for tests). */
  readonly size: number
  /**
   * The screen's loss history (one per store): emptied by replace and clear; a curve longer than
   * `maxPoints` loses every other point (the last kept), so a long run stays cheap to draw.
   */
  history: ShallowRef<LossHistory>
  /**
   * Adds the losses at `update`, one per curve (curve k gets `losses[k]`). Points from `update` on are
   * replaced (a run that goes on after Undo draws its new losses, not both). `publish: false` keeps
   * the change from `history`'s watchers until the next publish (a chart redrawn less often).
   */
  record: (update: number, losses: readonly (number | null)[], publish?: boolean) => void
  /** Adds `losses[i]` at x = `from` + i to curve `curve` alone (its points from `from` on are replaced). */
  extend: (curve: number, from: number, losses: ArrayLike<number | null>) => void
  /** Curve k of the history (an empty one before its first point), for a chart's series. */
  curve: (k: number) => LossCurve
  /** Forgets the points at `update` and later (Undo, a divergence's cut-off). */
  trimHistory: (update: number) => void
  /** Empties the loss history (a reset that keeps the networks). */
  forgetHistory: () => void
  /** Hands the changes recorded with `publish: false` to `history`'s watchers. */
  publishHistory: () => void
  /** The selected parameter, e.g. `W1[0][0]` or `b2[1]` (what the derivation explains). */
  selected: Ref<string>
  /** There is an Undo point. */
  canUndo: Readonly<Ref<boolean>>
  /** Remembers a state for Undo (the oldest goes past {@link UNDO_POINTS}). */
  checkpoint: (point: UndoPoint) => void
  /** Drops the last Undo point (the change it was taken for was refused). */
  dropCheckpoint: () => void
  /** Takes the last Undo point, or undefined when there is none. */
  undo: () => UndoPoint | undefined
  /** Forgets every Undo point (Reset). */
  forgetUndo: () => void
}

/**
 * A store of engine networks for one screen. Inside a component's setup or an effect scope it deletes
 * what it holds when that scope ends; elsewhere (tests, one-off scripts) call `clear()`.
 */
export function useNetworkStore(
  engine: NnModule,
  options: { maxPoints?: number; selected?: string } = {},
): NetworkStore {
  const maxPoints = options.maxPoints ?? 4000
  const held = new Set<EngineNetwork | EngineEnsemble>()
  const history = shallowRef<LossHistory>([])
  let curves: LossCurve[] = []
  let undoPoints: UndoPoint[] = []
  const canUndo = ref(false)
  const keep = <T extends EngineNetwork | EngineEnsemble>(x: T): T => {
    held.add(x)
    return markRaw(x)
  }
  function add(spec: NetworkSpec): EngineNetwork | string {
    const made = EngineNetwork.create(engine, spec)
    return made.ok ? keep(made.network) : made.message
  }
  const publishHistory = () => void (history.value = [...curves])
  const forgetHistory = () => void (history.value = curves = [])
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
  const setUndo = (points: UndoPoint[]) => {
    undoPoints = points
    canUndo.value = points.length > 0
  }
  function clear(): void {
    held.forEach((x) => x.dispose())
    held.clear()
    forgetHistory()
  }
  const store: NetworkStore = {
    engine,
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
    get size() {
      return held.size
    },
    history,
    record(update, losses, publish = true) {
      losses.forEach((l, k) => put(k, update, l))
      if (publish) publishHistory()
    },
    extend(curve, from, losses) {
      for (let i = 0; i < losses.length; i++) put(curve, from + i, losses[i])
      publishHistory()
    },
    curve: (k) => history.value[k] ?? { x: [], y: [] },
    trimHistory(update) {
      curves = curves.map((c) => {
        const n = c.x.findIndex((x) => x >= update)
        return n < 0 ? c : { x: c.x.slice(0, n), y: c.y.slice(0, n) }
      })
      publishHistory()
    },
    forgetHistory,
    publishHistory,
    selected: ref(options.selected ?? ''),
    canUndo,
    checkpoint: (point) => setUndo([...undoPoints.slice(1 - UNDO_POINTS), point]),
    dropCheckpoint: () => setUndo(undoPoints.slice(0, -1)),
    undo() {
      const last = undoPoints[undoPoints.length - 1]
      setUndo(undoPoints.slice(0, -1))
      return last
    },
    forgetUndo: () => setUndo([]),
  }
  if (getCurrentScope()) onScopeDispose(clear)
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
