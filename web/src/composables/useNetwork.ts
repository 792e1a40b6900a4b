// One lesson's network: the engine handle (held by the lesson's store, with its Undo points), the spec
// being edited, and the last forward + backward pass (trace) with the stage the learner has reached.
// Every number comes from EngineNetwork.
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import type { EngineNetwork, Params, Result } from '../engine/network'
import type { NetworkSpec, Trace } from '../engine/types'
import { parseKey } from '../math/keys'
import type { NetworkStore, Stage } from './useLessonStore'

export type { Stage } from './useLessonStore'

/**
 * Why Update cannot run at `stage` ('' = it can). Update changes the weights by the gradients that
 * Backward computed and shows, so it comes after Backward: one rule for the step bar's Update and the
 * walk-through's "Do step (Update)" (#11). Step does all three and is never held by it.
 */
export function updateWaitsFor(stage: Stage): string {
  return stage === 'backward' ? '' : 'Press Backward first to compute the gradients.'
}

export interface NetworkState {
  /** The spec as edited, with the current weights and biases. */
  spec: ShallowRef<NetworkSpec>
  /** Forward + backward at the weights before the last update (so derivations stay consistent). */
  trace: ShallowRef<Trace | null>
  /** The weights and biases in the engine now (after an update, the new ones). */
  params: ShallowRef<Params>
  stage: Ref<Stage>
  /** The trace was last computed by a training run (refresh), not by Forward, Backward or an edit. */
  trained: Ref<boolean>
  updates: Ref<number>
  /** The store's: there is an Undo point. */
  canUndo: Readonly<Ref<boolean>>
  /** The engine's last complaint, or ''. */
  message: Ref<string>
  forward: () => void
  backward: () => void
  /** One SGD update; returns the loss before it, or null when the engine refused. */
  update: () => number | null
  reset: () => void
  undo: () => void
  /** Sets one weight or bias (`W2[0][0]`, `b1[0]`, a shared `b1`); with `shared`, every bias of that layer. */
  setParam: (key: string, value: number, shared?: boolean) => Result
  /** Replaces part of the spec (inputs, targets, activations, loss, η, trainBiases). */
  configure: (patch: Partial<NetworkSpec>) => Result
  /** Re-reads params and trace after the engine trained on its own (useTraining). */
  refresh: (updatesDone: number) => void
  /** Remembers the current state for Undo (before training). */
  checkpoint: () => void
  /**
   * Sets what runs before every change the learner makes (Step, an edit, Undo, Reset): training that
   * shows its updates every few frames (useTraining) shows them first, so the change starts from the
   * engine's state.
   */
  beforeChange: (catchUp: () => void) => void
  net: EngineNetwork
}
/** The lesson's network, held by `store` (which keeps its Undo points). */
export function useNetwork(store: NetworkStore, initial: NetworkSpec): NetworkState {
  const made = store.add(initial)
  if (typeof made === 'string') throw new Error(`The lesson’s network is invalid: ${made}`)
  const net: EngineNetwork = made

  const [spec, params] = [shallowRef<NetworkSpec>(initial), shallowRef<Params>(net.params())]
  /** What Reset returns to: the learner's own weights and settings (η) before the first update. */
  let start = initial
  const trace = shallowRef<Trace | null>(null)
  const [stage, updates, message] = [ref<Stage>('ready'), ref(0), ref('')]
  const trained = ref(false)

  let catchUp = (): void => {}
  const current = (): NetworkSpec => ({ ...spec.value, ...params.value })
  /** Forward and backward at the current params; the stage decides what is shown. */
  function recompute(): void {
    trained.value = false
    const f = net.forward()
    const b = net.backward()
    message.value = !f.ok ? f.message : !b.ok ? b.message : ''
    trace.value = net.trace()
    params.value = net.params()
  }
  const remember = () =>
    store.checkpoint({ spec: current(), stage: stage.value, updates: updates.value })
  function settle(to: Stage): void {
    trained.value = false
    if (stage.value === 'updated' || trace.value === null) recompute()
    stage.value = to
  }
  function update(): number | null {
    catchUp()
    settle('backward')
    const before = trace.value?.loss ?? NaN
    remember()
    const r = net.update()
    if (!r.ok) {
      message.value = r.message
      store.dropCheckpoint()
      return null
    }
    params.value = net.params()
    spec.value = current()
    stage.value = 'updated'
    updates.value++
    return before
  }
  function configure(patch: Partial<NetworkSpec>, keepHistory = false): Result {
    const next = { ...current(), ...patch }
    if (!keepHistory) remember()
    const r = net.configure(next)
    if (!r.ok) {
      if (!keepHistory) store.dropCheckpoint()
      return r
    }
    net.setUpdates(updates.value) // an edit keeps the run: its updates still count
    spec.value = next
    params.value = net.params()
    if (updates.value === 0) start = next
    const was = stage.value
    recompute()
    stage.value = was === 'updated' ? 'backward' : was
    return r
  }
  function setParam(key: string, value: number, shared = false): Result {
    catchUp()
    const r = parseKey(key)
    const p = structuredClone(params.value)
    if (r?.kind === 'W' && r.layer && r.i !== undefined)
      p.weights[r.layer - 1][r.j ?? 0][r.i] = value
    else if (r?.kind === 'b' && r.layer) {
      const row = p.biases[r.layer - 1]
      row.forEach((_, j) => (shared || r.shared || j === r.j) && (row[j] = value))
    } else return { ok: false, message: `${key} is not a weight or bias` }
    return configure(p)
  }
  function reset(): void {
    catchUp()
    net.configure(start)
    spec.value = start
    store.forgetUndo()
    updates.value = 0
    stage.value = 'ready'
    recompute()
  }
  function undo(): void {
    catchUp()
    const last = store.undo()
    if (!last) return
    stage.value = last.stage === 'updated' ? 'backward' : last.stage
    configure(last.spec, true)
    updates.value = last.updates
    net.setUpdates(last.updates)
  }
  function refresh(updatesDone: number): void {
    params.value = net.params()
    spec.value = current()
    updates.value += updatesDone
    recompute()
    stage.value = 'backward'
    trained.value = true
  }
  recompute()
  return {
    spec,
    trace,
    params,
    stage,
    trained,
    updates,
    canUndo: store.canUndo,
    message,
    net,
    forward: () => settle('forward'),
    backward: () => settle('backward'),
    update,
    reset,
    undo,
    setParam,
    configure: (p) => {
      catchUp()
      return configure(p)
    },
    refresh,
    checkpoint: () => {
      catchUp()
      remember()
    },
    beforeChange: (f) => void (catchUp = f),
  }
}
