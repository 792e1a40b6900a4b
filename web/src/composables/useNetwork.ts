// One lesson's network: the engine handle (held by the lesson's store, with its Undo points), the spec
// being edited, and the last forward + backward pass (trace) with the stage the learner has reached.
// Every number comes from EngineNetwork.
import { computed, ref, shallowRef, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import type { EngineNetwork, Params, Result } from '../engine/network'
import type { NetworkSpec, Trace } from '../engine/types'
import { formatNumber } from '../math/format'
import { parseKey } from '../math/keys'
import { plural } from '../math/plural'
import {
  undoLabel,
  undoneWhat,
  type NetworkStore,
  type Stage,
  type UndoPoint,
} from './useLessonStore'

export type { Stage } from './useLessonStore'

/**
 * Why Update cannot run at `stage` ('' = it can), naming the first step missing: Forward when nothing
 * was computed for the weights now (ready, or after an update), else Backward. Update changes the
 * weights by the gradients that Backward computed and shows: one rule for the step bar's Update and
 * the walk-through's "Do step (Update)" (#11). Step does all three and is never held by it. After an
 * update it says so: the status reads "After Update", and "first" beside a done Update read as if it
 * had never been pressed.
 */
export function updateWaitsFor(stage: Stage): string {
  if (stage === 'backward') return ''
  if (stage === 'updated')
    return 'Updated. For the next update, press Forward, then Backward, at the new weights.'
  return `Press ${stage === 'forward' ? 'Backward' : 'Forward, then Backward,'} first to compute the gradients.`
}

export interface NetworkState {
  /** The spec as edited, with the current weights and biases. */
  spec: ShallowRef<NetworkSpec>
  /** Forward + backward at the weights before the last update (so derivations stay consistent). */
  trace: ShallowRef<Trace | null>
  /** The weights and biases in the engine now (after an update, the new ones). */
  params: ShallowRef<Params>
  stage: Ref<Stage>
  /**
   * The last thing that moved the numbers was a training run (refresh), not Forward, Backward, Update
   * or Reset: the status then says the run's state (Paused, Trained). An edit keeps it (#11).
   */
  trained: Ref<boolean>
  updates: Ref<number>
  /** The store's: there is an Undo point. */
  canUndo: Readonly<Ref<boolean>>
  /**
   * What Undo takes back, whole (the button's title and accessible name): 'Undo η change',
   * 'Undo training run (128 updates)' ('Undo training run' while it goes on).
   */
  undoLabel: ComputedRef<string>
  /**
   * What Undo takes back without the update count (the button's text, so it keeps its width while a
   * run counts): 'Undo η change', 'Undo training run'; 'Undo' when there is nothing to undo.
   */
  undoShortLabel: ComputedRef<string>
  /** What the last Undo took back, e.g. 'Undone: η change (η = 0.5 again).'; '' after any other change. */
  undone: Ref<string>
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
  /** Remembers the current state for Undo as the start of a training run (Train, Resume). */
  checkpoint: () => void
  /** A run that ended without an update since its start is nothing to undo: its Undo point goes. */
  dropEmptyRun: () => void
  /**
   * Sets what runs before every change the learner makes (Step, an edit, Undo, Reset): training that
   * shows its updates every few frames (useTraining) shows them first, so the change starts from the
   * engine's state. `running` says whether a run is going on: a change during a run ends the run's
   * Undo step there, and the rest of the run is a step of its own (Undo never takes back both).
   */
  beforeChange: (catchUp: () => void, running?: () => boolean) => void
  net: EngineNetwork
}
/** What the Undo button calls a change of these spec fields ('η change'); 'settings change' for several kinds. */
function changeName(patch: Partial<NetworkSpec>): string {
  const names: Partial<Record<keyof NetworkSpec, string>> = {
    learningRate: 'η change',
    inputs: 'data edit',
    targets: 'data edit',
    weights: 'weight edit',
    biases: 'weight edit',
    activations: 'activation change',
    loss: 'loss change',
    trainBiases: 'Train biases switch',
    sharedBiases: 'bias tie change',
    epsilon: 'ε change',
  }
  const said = new Set(
    Object.keys(patch).map((k) => names[k as keyof NetworkSpec] ?? 'settings change'),
  )
  return said.size === 1 ? [...said][0] : 'settings change'
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
  let running = (): boolean => false
  const undone = ref('')
  const current = (): NetworkSpec => ({ ...spec.value, ...params.value })
  /** Forward and backward at the current params; the stage decides what is shown. */
  function recompute(): void {
    const f = net.forward()
    const b = net.backward()
    message.value = !f.ok ? f.message : !b.ok ? b.message : ''
    trace.value = net.trace()
    params.value = net.params()
  }
  /** A run point on top with no update since it is nothing to undo: dropped. */
  function dropEmptyRun(): void {
    const top = store.lastPoint.value
    if (top?.kind === 'run' && top.updates === updates.value) store.dropCheckpoint()
  }
  /** Remembers the state now for Undo, as the start of `kind` (a change named `change`). */
  function remember(kind: UndoPoint['kind'], change?: string): void {
    dropEmptyRun()
    undone.value = ''
    store.checkpoint({
      spec: current(),
      stage: stage.value,
      trained: trained.value,
      updates: updates.value,
      kind,
      change,
    })
  }
  function settle(to: Stage): void {
    trained.value = false
    if (stage.value === 'updated' || trace.value === null) recompute()
    stage.value = to
  }
  function update(): number | null {
    catchUp()
    settle('backward')
    const before = trace.value?.loss ?? NaN
    remember('update')
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
  function configure(
    patch: Partial<NetworkSpec>,
    keepHistory = false,
    change = changeName(patch),
  ): Result {
    const next = { ...current(), ...patch }
    // A change to the values already in force (a field committed twice) is no step of the history.
    const remembered = !keepHistory && JSON.stringify(next) !== JSON.stringify(current())
    if (remembered) remember('change', change)
    const r = net.configure(next)
    if (!r.ok) {
      if (remembered) store.dropCheckpoint()
      return r
    }
    net.setUpdates(updates.value) // an edit keeps the run: its updates still count
    spec.value = next
    params.value = net.params()
    if (updates.value === 0) start = next
    const was = stage.value
    recompute()
    stage.value = was === 'updated' ? 'backward' : was
    // During a run the rest of the run is a step of its own, from the changed state.
    if (remembered && running()) remember('run')
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
    return configure(p, false, r.kind === 'W' ? 'weight edit' : 'bias edit')
  }
  function reset(): void {
    catchUp()
    net.configure(start)
    spec.value = start
    store.forgetUndo()
    undone.value = ''
    updates.value = 0
    stage.value = 'ready'
    trained.value = false
    recompute()
  }
  function undo(): void {
    catchUp()
    dropEmptyRun()
    const what = undoneWhat(store.lastPoint.value, updates.value)
    const eta = spec.value.learningRate
    const last = store.undo()
    if (!last) return
    stage.value = last.stage === 'updated' ? 'backward' : last.stage
    trained.value = last.trained
    configure(last.spec, true)
    updates.value = last.updates
    net.setUpdates(last.updates)
    const etaNow = spec.value.learningRate
    undone.value =
      `Undone: ${what}; back at ${plural(last.updates, 'update')}` +
      (etaNow !== eta ? `, η = ${formatNumber(etaNow, 7)} again.` : '.')
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
    // while a run goes on, without its count (the button keeps its width)
    undoLabel: computed(() => undoLabel(store.lastPoint.value, running() ? null : updates.value)),
    undoShortLabel: computed(() => undoLabel(store.lastPoint.value, null)),
    undone,
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
      remember('run')
    },
    dropEmptyRun: () => {
      catchUp()
      dropEmptyRun()
    },
    beforeChange: (f, isRunning = running) => {
      catchUp = f
      running = isRunning
    },
  }
}
