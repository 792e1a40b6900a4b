// The one owner of engine networks outside web/src/engine (#11): every screen gets its networks and
// ensembles from a store, which deletes the ones it replaces and everything it holds when its scope
// (the component or composable that made it) is disposed, and keeps the screen's one loss history.
// Nothing else calls EngineNetwork.create / EngineEnsemble.create (eslint.config.js enforces it).
import { getCurrentScope, markRaw, onScopeDispose, shallowRef, type ShallowRef } from 'vue'
import { EngineEnsemble } from '../engine/ensemble'
import { EngineNetwork } from '../engine/network'
import type { NnModule } from '../engine/nn'
import type { NetworkSpec } from '../engine/types'

/** One point of a screen's loss history: after `update` updates, one loss per network shown (null: none). */
export interface LossHistory {
  x: number[]
  y: (number | null)[][]
}

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
  /** The screen's loss history (one per store): emptied by replace and clear. */
  history: ShallowRef<LossHistory>
  /** Appends the losses measured after `update` updates, one per network shown. */
  record: (update: number, losses: readonly (number | null)[]) => void
  /** Empties the loss history (a reset that keeps the networks). */
  forgetHistory: () => void
}

/**
 * A store of engine networks for one screen. Inside a component's setup or an effect scope it deletes
 * what it holds when that scope ends; elsewhere (tests, one-off scripts) call `clear()`.
 */
export function useNetworkStore(engine: NnModule): NetworkStore {
  const held = new Set<EngineNetwork | EngineEnsemble>()
  const history = shallowRef<LossHistory>({ x: [], y: [] })
  const keep = <T extends EngineNetwork | EngineEnsemble>(x: T): T => {
    held.add(x)
    return markRaw(x)
  }
  function add(spec: NetworkSpec): EngineNetwork | string {
    const made = EngineNetwork.create(engine, spec)
    return made.ok ? keep(made.network) : made.message
  }
  const forgetHistory = () => void (history.value = { x: [], y: [] })
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
    record(update, losses) {
      const h = history.value
      history.value = { x: [...h.x, update], y: losses.map((l, k) => [...(h.y[k] ?? []), l]) }
    },
    forgetHistory,
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
