// The engine networks behind one playground, outside Vue: the training network, two evaluators (all
// training rows, the test rows: the plotted losses) and one helper per hidden layer that stops at that
// layer (its neurons' heatmaps). Each frame: train(n) once, then snapshot(): the evaluators and helpers
// take the current parameters with setParams and run forward / predict. Every number comes from the engine.
import type { NetworkStore } from '../../composables/useLessonStore'
import type { EngineNetwork, Params, TrainResult } from '../../engine/network'
import type { NetworkSpec } from '../../engine/types'
import { reluHealth, reluVerdict } from '../../math/reluHealth'

export interface Snapshot {
  params: Params
  /** Mean data loss over all training rows, without the weight penalty (#12). */
  trainLoss: number | null
  /** Mean data loss over the test rows, without the weight penalty. */
  testLoss: number | null
  /**
   * Share of training rows classified right (arg-max of the softmax, or sigmoid > 0.5; the engine's
   * network_accuracy), in [0, 1]; null for regression.
   */
  trainAccuracy: number | null
  /** The same over the test rows; null for regression or without test rows. */
  testAccuracy: number | null
  /** The weight penalty (λ/2)Σw² or λΣ|w| the training minimises on top; null without regularisation. */
  penalty: number | null
  /** What training minimises over the training rows: data loss + penalty (the CLI's `loss`). */
  trainTotal: number | null
  /** (grid², outputs) in float32 fast maths; null when the engine refused. */
  output: Float64Array | null
  /** Dead ReLU units or a dead network over the training rows, named (math/reluHealth); null if none or not asked for. */
  deadRelu: string | null
  /** Per hidden layer: (cells², units) activations; empty when not asked for. */
  hidden: (Float64Array | null)[]
}

/** An evaluator over `rows`: the data loss only, unless `withPenalty` (then data loss + penalty). */
const evalSpec = (
  spec: NetworkSpec,
  rows: Pick<NetworkSpec, 'inputs' | 'targets'>,
  withPenalty = false,
): NetworkSpec => ({
  ...spec,
  ...rows,
  batchSize: 0,
  ...(!withPenalty && { regularization: { name: 'none' } }),
})

const penalised = (spec: NetworkSpec): boolean =>
  (spec.regularization?.name ?? 'none') !== 'none' && (spec.regularization?.rate ?? 0) !== 0

/** The network up to hidden layer k (1-based), with one dummy row: only `predict` is used. */
function truncatedSpec(spec: NetworkSpec, k: number): NetworkSpec {
  const layers = spec.layers.slice(0, k + 1)
  return {
    layers,
    activations: spec.activations.slice(0, k),
    loss: 'mse',
    inputs: [Array<number>(layers[0]).fill(0)],
    targets: [Array<number>(layers[k]).fill(0)],
    learningRate: 1,
  }
}

export class PlaygroundSession {
  private constructor(
    readonly net: EngineNetwork,
    private readonly trainEval: EngineNetwork,
    private readonly testEval: EngineNetwork | null,
    /** Training rows with the penalty: the engine's data loss + penalty, so penalty = its loss − data. */
    private readonly totalEval: EngineNetwork | null,
    private readonly layerNets: EngineNetwork[],
    private readonly grid: { output: Float64Array; cells: Float64Array },
    private readonly store: NetworkStore,
  ) {}

  /**
   * Builds every network for `spec` (training rows) and `test` (test rows; null when there are none),
   * held by the playground's `store`. `grid.output` / `grid.cells`: feature rows of the output heatmap
   * and of the small neuron heatmaps.
   */
  static create(
    store: NetworkStore,
    spec: NetworkSpec,
    test: Pick<NetworkSpec, 'inputs' | 'targets'> | null,
    grid: { output: Float64Array; cells: Float64Array },
  ): { ok: true; session: PlaygroundSession } | { ok: false; message: string } {
    const make = store.add
    const net = make(spec)
    const trainEval = typeof net === 'string' ? net : make(evalSpec(spec, spec))
    const testEval = test && test.inputs.length > 0 ? make(evalSpec(spec, test)) : null
    const totalEval = penalised(spec) ? make(evalSpec(spec, spec, true)) : null
    const layers = spec.layers.slice(1, -1).map((_, l) => make(truncatedSpec(spec, l + 1)))
    const failed = [net, trainEval, testEval, totalEval, ...layers].find(
      (n): n is string => typeof n === 'string',
    )
    if (failed !== undefined) {
      for (const n of [net, trainEval, testEval, totalEval, ...layers])
        if (typeof n !== 'string') store.release(n)
      return { ok: false, message: failed }
    }
    const session = new PlaygroundSession(
      net as EngineNetwork,
      trainEval as EngineNetwork,
      testEval as EngineNetwork | null,
      totalEval as EngineNetwork | null,
      layers as EngineNetwork[],
      grid,
      store,
    )
    return { ok: true, session }
  }

  /** `steps` updates in one engine call; on divergence the weights are the last good ones. */
  train(steps: number): TrainResult {
    return this.net.train(steps)
  }

  /**
   * Losses, parameters and the output heatmap for the current weights (training state untouched); the
   * hidden layers' heatmaps only when `hidden` is true (they are drawn less often while training).
   */
  snapshot(withHidden = true): Snapshot {
    const params = this.net.params()
    const lossOf = (n: EngineNetwork | null): number | null => {
      if (!n || !n.setParams(params).ok) return null
      const r = n.forward()
      return r.ok && Number.isFinite(r.loss) ? r.loss : null
    }
    const nin = this.net.layout.sizes[0]
    const hidden = (withHidden ? this.layerNets : []).map((n, l) => {
      const k = l + 1
      if (
        !n.setParams({ weights: params.weights.slice(0, k), biases: params.biases.slice(0, k) }).ok
      )
        return null
      return n.predict(this.grid.cells, this.grid.cells.length / nin)
    })
    const trainLoss = lossOf(this.trainEval)
    // with the training rows' pre-activations just computed: the one dead-ReLU detector (#12)
    const acts = this.trainEval.spec.activations
    const deadRelu =
      withHidden && trainLoss !== null && acts.includes('relu')
        ? reluVerdict(
            reluHealth(
              acts,
              this.trainEval.trace().layers.map((t) => t.z),
            ),
          )
        : null
    const total = lossOf(this.totalEval)
    const testLoss = lossOf(this.testEval)
    // after lossOf: the evaluators hold the current parameters
    const accuracyOf = (n: EngineNetwork | null, loss: number | null): number | null =>
      n && loss !== null ? n.accuracy() : null
    return {
      params,
      trainLoss,
      testLoss,
      trainAccuracy: accuracyOf(this.trainEval, trainLoss),
      testAccuracy: accuracyOf(this.testEval, testLoss),
      penalty: total === null || trainLoss === null ? null : total - trainLoss,
      trainTotal: this.totalEval ? total : trainLoss,
      deadRelu,
      output: this.net.predict(this.grid.output, this.grid.output.length / nin),
      hidden,
    }
  }

  /**
   * Hidden layer `k`'s (1-based) activations over the output heatmap's grid, (grid², units), for the
   * current weights: one neuron's map shown large. Null when there is no such layer or the engine refused.
   */
  layerMap(k: number): Float64Array | null {
    const n = this.layerNets[k - 1]
    if (!n) return null
    const p = this.net.params()
    if (!n.setParams({ weights: p.weights.slice(0, k), biases: p.biases.slice(0, k) }).ok)
      return null
    return n.predict(this.grid.output, this.grid.output.length / this.net.layout.sizes[0])
  }

  dispose(): void {
    ;[this.net, this.trainEval, this.testEval, this.totalEval, ...this.layerNets].forEach((n) =>
      this.store.release(n),
    )
  }
}
