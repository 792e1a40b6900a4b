// The engine networks behind one playground, outside Vue: the training network and two evaluators (all
// training rows, the test rows: the plotted losses). train(n) every frame, snapshot() every few frames: the
// evaluators take the current parameters with setParams and run forward; the output heatmap is one
// predict, or, when the hidden neurons' maps are due too, one predictLayers over the output grid and
// the neurons' grid together (every layer from one forward pass). Every number comes from the engine.
import type { NetworkStore } from '../../composables/useLessonStore'
import type { EngineNetwork, LayerMaps, Params, TrainResult } from '../../engine/network'
import type { NetworkSpec } from '../../engine/types'
import { deadReluOf } from '../../math/reluHealth'

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

export class PlaygroundSession {
  private constructor(
    readonly net: EngineNetwork,
    private readonly trainEval: EngineNetwork,
    private readonly testEval: EngineNetwork | null,
    /** Training rows with the penalty: the engine's data loss + penalty, so penalty = its loss − data. */
    private readonly totalEval: EngineNetwork | null,
    private readonly grid: { output: Float64Array; cells: Float64Array },
    private readonly store: NetworkStore,
  ) {
    this.both = new Float64Array(grid.output.length + grid.cells.length)
    this.both.set(grid.output)
    this.both.set(grid.cells, grid.output.length)
  }

  /** The output grid's rows, then the neuron grid's: the input of the one all-layer pass. */
  private readonly both: Float64Array
  /**
   * The last all-layer pass over `both` (a view of engine memory, see predictLayers) and the update
   * count it was made at; dropped when an output-only snapshot shows that the weights may have moved
   * on (layerMap then makes its own).
   */
  private maps: { at: number; pass: LayerMaps } | null = null

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
    const failed = [net, trainEval, testEval, totalEval].find(
      (n): n is string => typeof n === 'string',
    )
    if (failed !== undefined) {
      for (const n of [net, trainEval, testEval, totalEval])
        if (typeof n !== 'string') store.release(n)
      return { ok: false, message: failed }
    }
    const session = new PlaygroundSession(
      net as EngineNetwork,
      trainEval as EngineNetwork,
      testEval as EngineNetwork | null,
      totalEval as EngineNetwork | null,
      grid,
      store,
    )
    return { ok: true, session }
  }

  /** `steps` updates in one engine call; on divergence the weights are the last good ones. */
  train(steps: number): TrainResult {
    return this.net.train(steps)
  }

  /** The loss over the training rows at the current weights (what `snapshot` calls trainLoss). */
  trainLoss(): number | null {
    if (!this.trainEval.setParams(this.net.params()).ok) return null
    const r = this.trainEval.forward()
    return r.ok && Number.isFinite(r.loss) ? r.loss : null
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
    const { output, hidden } = this.pictures(withHidden)
    const trainLoss = lossOf(this.trainEval)
    // with the training rows' pre-activations just computed: the one dead-ReLU detector (#12)
    const acts = this.trainEval.spec.activations
    const deadRelu =
      withHidden && trainLoss !== null && acts.includes('relu')
        ? deadReluOf(acts, this.trainEval.trace())
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
      output,
      hidden,
    }
  }

  /**
   * The output heatmap, and with `withHidden` every hidden neuron's map, for the current weights:
   * one engine pass either way (float32 fast maths, as predict).
   */
  private pictures(withHidden: boolean): Pick<Snapshot, 'output' | 'hidden'> {
    const sizes = this.net.layout.sizes
    const L = sizes.length - 1
    const nin = sizes[0]
    const n = this.grid.output.length / nin
    if (!withHidden || L < 2) {
      this.maps = null
      return { output: this.net.predict(this.grid.output, n), hidden: [] }
    }
    const cells = this.grid.cells.length / nin
    const pass = this.net.predictLayers(this.both, n + cells)
    this.maps = pass && { at: this.net.updates, pass }
    if (!pass) return { output: null, hidden: Array<null>(L - 1).fill(null) }
    const rowsOf = (l: number, from: number, count: number) =>
      pass.block(l).slice(from * sizes[l + 1], (from + count) * sizes[l + 1])
    return {
      output: rowsOf(L - 1, 0, n),
      hidden: Array.from({ length: L - 1 }, (_, l) => rowsOf(l, n, cells)),
    }
  }

  /**
   * Hidden layer `k`'s (1-based) activations over the output heatmap's grid, (grid², units), for the
   * current weights: one neuron's map shown large. Null when there is no such layer or the engine refused.
   */
  layerMap(k: number): Float64Array | null {
    const sizes = this.net.layout.sizes
    if (!Number.isInteger(k) || k < 1 || k > sizes.length - 2) return null
    const n = this.grid.output.length / sizes[0]
    // the last snapshot's pass when the weights have not moved since (and its view still holds);
    // else one pass of its own
    const kept = this.maps
    const pass =
      kept && kept.at === this.net.updates && kept.pass.data.length > 0
        ? kept.pass
        : this.net.predictLayers(this.grid.output, n)
    return pass && pass.block(k - 1).slice(0, n * sizes[k])
  }

  dispose(): void {
    ;[this.net, this.trainEval, this.testEval, this.totalEval].forEach((n) => this.store.release(n))
  }
}
