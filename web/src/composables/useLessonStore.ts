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

/** One point of a screen's loss history: after `update` updates, one loss per network shown (null: none). */
export interface LossHistory {
  x: number[]
  y: (number | null)[][]
}

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
   * The screen's loss history (one per store): emptied by replace and clear; past `maxPoints` every
   * other point is dropped (the last kept), so a long run stays cheap to draw.
   */
  history: ShallowRef<LossHistory>
  /**
   * Adds the losses measured after `update` updates, one per network shown. Points from `update` on
   * are replaced (a run that goes on after Undo draws its new losses, not both).
   */
  record: (update: number, losses: readonly (number | null)[]) => void
  /** Adds a chunk of points (increasing updates) at once, as `record` does for each. */
  recordAll: (points: readonly { update: number; losses: readonly (number | null)[] }[]) => void
  /** Forgets the points after `update` updates and later (Undo, a divergence's cut-off). */
  trimHistory: (update: number) => void
  /** Empties the loss history (a reset that keeps the networks). */
  forgetHistory: () => void
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
  const history = shallowRef<LossHistory>({ x: [], y: [] })
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
  const forgetHistory = () => void (history.value = { x: [], y: [] })
  /** The history without its points from `update` on. */
  function before(update: number): LossHistory {
    const h = history.value
    const n = h.x.findIndex((x) => x >= update)
    return n < 0 ? h : { x: h.x.slice(0, n), y: h.y.map((y) => y.slice(0, n)) }
  }
  function recordAll(points: readonly { update: number; losses: readonly (number | null)[] }[]) {
    if (points.length === 0) return
    const h = before(points[0].update)
    let x = [...h.x, ...points.map((p) => p.update)]
    const series = Math.max(h.y.length, ...points.map((p) => p.losses.length))
    let y = Array.from({ length: series }, (_, k) => [
      ...(h.y[k] ?? h.x.map(() => null)),
      ...points.map((p) => p.losses[k] ?? null),
    ])
    while (x.length > maxPoints) {
      const keep = (_: unknown, k: number) => k % 2 === 0 || k === x.length - 1
      y = y.map((s) => s.filter(keep))
      x = x.filter(keep)
    }
    history.value = { x, y }
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
    record: (update, losses) => recordAll([{ update, losses }]),
    recordAll,
    trimHistory: (update) => void (history.value = before(update)),
    forgetHistory,
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
