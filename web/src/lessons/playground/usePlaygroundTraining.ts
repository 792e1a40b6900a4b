// Live training of the playground: one PlaygroundSession (engine networks) per spec and test rows;
// useTrainingLoop runs n epochs per animation frame at the pace, and a snapshot() of what is shown
// (counts, losses, pictures) every few frames (its `show`, #11). What can be kept is kept:
// the learning rate changes in place; new data, batch size, activation, loss, optimizer or
// regularisation build a new session that starts from the trained weights (the optimizer's momentum
// and Adam moments start again) and keeps running. Only a new architecture (layer sizes, input
// features) or a new seed draws new first weights, and says so. A diverged run is stopped and named,
// never drawn as NaN; changing the learning rate after it draws new first weights and says so.
import { computed, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import { useNetworkStore } from '../../composables/useLessonStore'
import { useTrainingLoop } from '../../composables/useTrainingLoop'
import type { Progress } from '../../embed/protocol'
import type { Params } from '../../engine/network'
import type { NnModule } from '../../engine/nn'
import type { NetworkSpec } from '../../engine/types'
import { plural } from '../../math/plural'
import { gridFeatures, type FeatureId } from './features'
import { PlaygroundSession, type Snapshot } from './session'

/** Heatmap resolutions (cells per side): the output's (default 100) and each neuron's (default 24). */
export interface TrainingOptions {
  gridN?: number
  cellN?: number
}

const MAX_HISTORY = 20_000
const CHART_MS = 250
const DETAIL_MS = 100

export function usePlaygroundTraining(
  module: NnModule,
  spec: Ref<NetworkSpec>,
  test: Ref<Pick<NetworkSpec, 'inputs' | 'targets'> | null>,
  features: Ref<FeatureId[]>,
  canTrain: Ref<boolean>,
  options: TrainingOptions = {},
) {
  const gridN = options.gridN ?? 100
  const cellN = options.cellN ?? 24
  /** Losses and the output heatmap: every frame. */
  const snapshot = shallowRef<Snapshot | null>(null)
  /** Parameters and neuron heatmaps: every DETAIL_MS while running (edges and 48 small canvases cost paint). */
  const detail = shallowRef<Pick<Snapshot, 'params' | 'hidden' | 'deadRelu'> | null>(null)
  /** The playground's networks, its loss history (curves: training and test data loss) and selected parameter. */
  const store = useNetworkStore(module, { maxPoints: MAX_HISTORY })
  /** The hidden layer (1-based) whose map is shown large, 0 for none; its map at the output's resolution. */
  const focusLayer = ref(0)
  const focusMap = shallowRef<Float64Array | null>(null)
  /** Updates done, as shown (the snapshot's); `trained` counts them as they are done. */
  const updates = ref(0)
  let trained = 0
  /** Passes over the training set completed (each {@link perEpoch} updates at the batch size then). */
  const epochs = ref(0)
  /** Why training stopped or could not start (plain text), '' when all is well. */
  const message = ref('')
  /** What the last change did to the weights, e.g. "New architecture: weights re-initialised." */
  const notice = ref('')
  /** The run diverged: the weights are no longer trained on (see `message`). */
  const diverged = ref(false)
  /**
   * The engine's update count where the run diverged (its loss after that update was past the cut-off
   * or not finite), counted from the start of the run: the number the message, the status and the
   * chart's mark all say (#11); null while the run is healthy.
   */
  const divergedAt = ref<number | null>(null)
  const grid = computed(() => ({
    output: gridFeatures(gridN, features.value),
    cells: gridFeatures(cellN, features.value),
  }))
  let session: PlaygroundSession | null = null

  let [chartAt, detailAt] = [0, 0]
  /** Re-reads the counts and pictures; `chart: false` keeps the loss out of the curve (a diverged run's). */
  function record(force = true, chart = true): void {
    updates.value = trained
    countEpochs()
    if (!session) return
    const now = performance.now()
    const due = force || now - detailAt >= DETAIL_MS
    const taken = session.snapshot(due)
    // Without training points the session trains on a one-row placeholder: nothing read from it is shown.
    const s: Snapshot = canTrain.value
      ? taken
      : {
          ...taken,
          trainLoss: null,
          trainAccuracy: null,
          penalty: null,
          trainTotal: null,
          deadRelu: null,
        }
    snapshot.value = s
    if (due) {
      detailAt = now
      detail.value = { params: s.params, hidden: s.hidden, deadRelu: s.deadRelu }
      focusMap.value = focusLayer.value > 0 ? session.layerMap(focusLayer.value) : null
    }
    if (chart) store.record(updates.value, [s.trainLoss, s.testLoss], false)
    // The chart gets a new history at most every CHART_MS while running: a redraw per frame costs frames.
    if (!force && now - chartAt < CHART_MS) return
    chartAt = now
    store.publishHistory()
  }

  /** Epochs before the current session, and the update count it started at (its cursor starts at row 0). */
  let [epochBase, segmentStart] = [0, 0]
  function countEpochs(): void {
    epochs.value = epochBase + Math.floor((trained - segmentStart) / perEpoch())
  }

  /**
   * A new session for the current spec. `keep`: start from the trained weights and go on counting
   * (running stays as it was); otherwise new first weights from the seed, counts and curve from 0.
   */
  function build(keep: boolean): void {
    const carried = keep && session && !diverged.value ? session.net.params() : null
    if (carried) {
      countEpochs() // with the old session's epoch length
      epochBase = epochs.value
    }
    const wasRunning = loop.running.value
    loop.reset()
    session?.dispose()
    session = null
    message.value = ''
    diverged.value = false
    divergedAt.value = null
    if (!carried) {
      trained = updates.value = 0
      epochs.value = 0
      epochBase = 0
      store.forgetHistory()
    }
    segmentStart = trained
    const r = PlaygroundSession.create(store, spec.value, test.value, grid.value)
    if (!r.ok) {
      message.value = `The engine refused this network: ${r.message}`
      snapshot.value = null
      focusMap.value = null
      return
    }
    session = r.session
    if (carried) {
      const set = session.net.setParams(carried)
      if (!set.ok) message.value = `The trained weights could not be kept: ${set.message}`
      session.net.setUpdates(trained) // divergence messages go on counting
    }
    record()
    if (wasRunning && canTrain.value && !message.value) loop.start()
  }
  /** The Reset button: new first weights from the seed, counts from 0. */
  function rebuild(): void {
    notice.value = ''
    build(false)
  }

  /** `n` updates; stops (and names the reason) when the engine reports divergence. Shown by `record`. */
  function trainSteps(n: number): { done: number; stop: boolean; losses?: Float64Array } {
    if (!session || !canTrain.value) return { done: 0, stop: true }
    const r = session.train(n)
    trained += r.done
    if (r.diverged) {
      diverged.value = true
      divergedAt.value = r.divergedAt ?? trained
      // The curve stops at the last loss within the cut-off: a snapshot taken after the update that
      // went past it (the engine names it at the next one) drew that loss, which is not kept.
      store.trimHistory(divergedAt.value)
      message.value = `${r.message.charAt(0).toUpperCase()}${r.message.slice(1)}. Lower the learning rate (new first weights are drawn) or press Reset.`
    }
    return { done: r.done, stop: r.diverged, losses: r.losses }
  }

  /**
   * For an embedding page: full-batch losses name `converged` exactly; mini-batch ones are one
   * batch's, so only the training loss after the chunk counts then.
   */
  function progressSince(from: number, losses: Float64Array | undefined): Progress {
    return {
      from,
      losses: perEpoch() === 1 && losses ? losses : [],
      updates: trained,
      loss: session?.trainLoss() ?? null,
    }
  }
  /** Updates in one epoch (one pass over the training points) at the current batch size. */
  function perEpoch(): number {
    const trained = session?.net.spec ?? spec.value
    const rows = trained.inputs.length
    const b = trained.batchSize ?? 0
    return b > 0 && b < rows ? Math.ceil(rows / b) : 1
  }
  // Paced in epochs, 10 per second at the start: Circle's boundary forms between about epoch 20 and
  // 100, so over some 8 s where the learner can watch it (at 60 per second it was over in about 1 s).
  // The speed control goes up to "as fast as it goes".
  const loop = useTrainingLoop(
    (epochs) => {
      const from = updates.value
      const r = trainSteps(epochs * perEpoch())
      return {
        done: r.stop ? Math.floor(r.done / perEpoch()) : epochs,
        stop: r.stop,
        progress: progressSince(from, r.losses),
      }
    },
    {
      budgetMs: 6,
      maxSteps: 2000,
      pace: 10,
      unit: 'epoch',
      // The curve stops at the last loss within the engine's cut-off; the message names the update.
      show: () => record(!loop.running.value, !diverged.value),
    },
  )

  // The architecture: what the weights mean. A change draws new first weights (as does a new seed).
  const archKey = computed(() =>
    JSON.stringify({ layers: spec.value.layers, features: features.value }),
  )
  // Everything else but the learning rate makes a new session that keeps the weights.
  const runKey = computed(() =>
    JSON.stringify({ ...spec.value, learningRate: 0, test: test.value }),
  )
  let built: { arch: string; seed: number | undefined } | null = null
  watch(
    [runKey, archKey],
    () => {
      const seed = spec.value.seed
      const keep = built !== null && built.arch === archKey.value && built.seed === seed
      if (built && !keep)
        notice.value =
          built.arch !== archKey.value
            ? 'New architecture: weights re-initialised.'
            : `New seed ${seed}: weights re-initialised.`
      built = { arch: archKey.value, seed }
      build(keep)
    },
    { immediate: true },
  )
  watch(
    () => spec.value.learningRate,
    (lr) => {
      if (diverged.value) {
        const at = trained
        build(false)
        notice.value = `Training diverged after ${plural(at, 'update')}; with η = ${lr} it starts again from new first weights (seed ${spec.value.seed}).`
        return
      }
      const r = session?.net.setLearningRate(lr)
      if (r && !r.ok) message.value = r.message
    },
  )
  watch(focusLayer, (k) => {
    focusMap.value = k > 0 ? (session?.layerMap(k) ?? null) : null
  })
  onScopeDispose(() => {
    loop.pause()
    session?.dispose()
    session = null
  })

  return {
    snapshot,
    detail,
    focusLayer,
    focusMap,
    store,
    updates,
    epochs,
    /** Updates per epoch now: ⌈training points / batch size⌉. */
    perEpoch,
    message,
    notice,
    diverged,
    divergedAt,
    running: loop.running,
    /** Epochs per second; FASTEST for as fast as it goes. */
    pace: loop.pace,
    toggle: () => (canTrain.value && !message.value ? loop.toggle() : undefined),
    /** The training waits for a field holding a value it refused (TrainingWaits shows why). */
    loop,
    step: () => {
      if (loop.running.value || message.value || loop.waits.value) return
      const from = trained
      loop.report(progressSince(from, trainSteps(1).losses))
      loop.show()
    },
    reset: rebuild,
    pause: loop.pause,
    /** Puts imported parameters into the training network (same shape); says why not otherwise. */
    apply: (p: Params): string => {
      const r = session?.net.setParams(p)
      if (!r) return 'There is no network to put the weights into.'
      if (!r.ok) return r.message
      record()
      return ''
    },
    /** The current training network's weights and biases (a copy), or null. */
    params: () => session?.net.params() ?? null,
    gridN,
    cellN,
  }
}

export type PlaygroundTraining = ReturnType<typeof usePlaygroundTraining>
