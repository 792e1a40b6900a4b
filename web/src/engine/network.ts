// EngineNetwork: the one TypeScript face of the embind Network. Owns its lifetime (dispose), copies
// what it hands out (views into wasm memory detach when memory grows) and turns statuses into
// results with messages. No arithmetic here: every number comes from the engine.
import type { NnModule, NnNetwork, EmbindEnumValue } from './nn'
import { flatFromParams, paramsFromFlat } from './paramLayout'
import type { LayerTrace, NetworkSpec, Trace } from './types'
import { screenNumbers } from '../math/format'
import { relativeError } from '../math/gradientCheck'

/** Success, or a message written for the person who typed the value. */
export type Result = { ok: true } | { ok: false; message: string }

/** Offsets of every block in the engine's flat buffers (from `layoutJson`). */
export interface Layout {
  sizes: number[]
  activations: string[]
  loss: string
  rows: number
  paramCount: number
  /** Per weight layer: one bias shared by every unit (stored in every slot, kept equal). */
  sharedBiases: boolean[]
  W: number[]
  b: number[]
  z: number[]
  a: number[]
  dz: number[]
  da: number[]
}

export interface Params {
  weights: number[][][]
  biases: number[][]
}

/**
 * The analytic gradient beside the central-difference one, per parameter in W1 b1 W2 b2 … order (every
 * copy of a shared bias carries the one parameter's numbers: it was perturbed as one).
 */
export interface GradientCheck {
  analytic: number[]
  numeric: number[]
  /** One-sided slopes (L(p) − L(p − ε))/ε and (L(p + ε) − L(p))/ε. */
  left: number[]
  right: number[]
  /** p ± ε moved a ReLU / leaky-ReLU unit across 0 on some sample: the central difference straddles a kink. */
  kink: boolean[]
  relativeError: number[]
  epsilon: number
  /** The unperturbed loss (what bounds the resolution of a difference quotient: about ulp(L)/ε). */
  loss: number
}

/** One parameter checked at one ε (the ε sweep). */
interface ParameterCheck {
  central: number
  left: number
  right: number
  loss: number
  kink: boolean
}

export interface TrainResult {
  /** Updates done (fewer than asked when training diverged). */
  done: number
  /** The batch loss before each update done (all finite and within the cut-off). */
  losses: Float64Array
  diverged: boolean
  /**
   * The engine's one divergence rule: the run's update count when the loss after it was not finite
   * or passed the cut-off (or the next update failed), counted from the start of the run; else null.
   */
  divergedAt: number | null
  /** The loss above which the run counts as diverged (1000 × its first loss). */
  cutoff: number
  /** "training diverged after N updates: …", or ''. */
  message: string
}

/** What {@link EngineNetwork.predictLayers} returns: every layer's activations in one buffer. */
export interface LayerMaps {
  /** rows · (sizes[1] + … + sizes[L]) values, layer after layer: a view of WebAssembly memory. */
  data: Float64Array
  /** Start of layer l's (rows, sizes[l+1]) block in `data`, l = 0 … L−1 (the last is the output). */
  offsets: number[]
  rows: number
  /** Layer l's block, a view of `data` (no copy). */
  block: (l: number) => Float64Array
}

function rows(buf: Float64Array, offset: number, r: number, c: number): number[][] {
  return Array.from({ length: r }, (_, i) =>
    Array.from(buf.subarray(offset + i * c, offset + (i + 1) * c)),
  )
}

export class EngineNetwork {
  private raw: NnNetwork | null
  /** The raw network's address, for the module's plain `_nn_*` exports (the per-frame calls). */
  private readonly handle: number
  private layoutCache: Layout
  private specCache: NetworkSpec

  private constructor(
    private readonly module: NnModule,
    raw: NnNetwork,
    spec: NetworkSpec,
  ) {
    this.raw = raw
    this.handle = raw.handle()
    this.specCache = spec
    this.layoutCache = JSON.parse(raw.layoutJson()) as Layout
  }

  /** Builds a network from a spec; on a bad spec nothing is allocated and the message names the field. */
  static create(
    module: NnModule,
    spec: NetworkSpec,
  ): { ok: true; network: EngineNetwork } | { ok: false; message: string } {
    const raw = new module.Network()
    const status = raw.configure(JSON.stringify(spec))
    if (status !== module.Status.ok) {
      const message = screenNumbers(raw.error())
      raw.delete()
      return { ok: false, message }
    }
    return { ok: true, network: new EngineNetwork(module, raw, spec) }
  }

  private get net(): NnNetwork {
    if (!this.raw) throw new Error('EngineNetwork used after dispose()')
    return this.raw
  }

  /** The handle for the plain exports, with the same use-after-dispose guard as `net`. */
  private liveHandle(): number {
    return this.net && this.handle
  }

  private result(status: EmbindEnumValue): Result {
    return status === this.module.Status.ok
      ? { ok: true }
      : { ok: false, message: screenNumbers(this.net.error()) }
  }

  /** The same for a plain export's status integer. */
  private resultOf(code: number): Result {
    return code === this.module.Status.ok.value
      ? { ok: true }
      : { ok: false, message: this.net.error() }
  }

  /**
   * The parameters in place (W1 b1 W2 b2 …), through a plain export: buffers() builds every view
   * of the network through embind, tens of µs, and params()/setParams run every frame. Holds until
   * memory grows (read it again after any engine call).
   */
  private paramView(): Float64Array {
    const m = this.module
    return new Float64Array(
      m.HEAPU8.buffer,
      m._nn_params(this.liveHandle()),
      this.layoutCache.paramCount,
    )
  }

  get layout(): Layout {
    return this.layoutCache
  }

  /** The spec this network was last configured with (parameters as given, not as trained). */
  get spec(): NetworkSpec {
    return this.specCache
  }

  /** Replaces network and data; a rejected spec keeps the last good network and says why. */
  configure(spec: NetworkSpec): Result {
    const r = this.result(this.net.configure(JSON.stringify(spec)))
    if (r.ok) {
      this.specCache = spec
      this.layoutCache = JSON.parse(this.net.layoutJson()) as Layout
    }
    return r
  }

  /** Forward pass over every sample; returns the mean loss (NaN is reported, not returned silently). */
  forward(): { loss: number } & Result {
    const h = this.liveHandle()
    const loss = this.module._nn_forward(h)
    return { loss, ...this.resultOf(this.module._nn_status(h)) }
  }

  backward(): Result {
    return this.result(this.net.backward())
  }

  /** One optimizer step on the current gradients; a step that would make a weight non-finite is undone. */
  update(): Result {
    return this.result(this.net.update())
  }

  /** `steps` scheduled updates inside WebAssembly (one call), with the loss history copied out. */
  train(steps: number): TrainResult {
    const m = this.module
    const h = this.liveHandle()
    const done = m._nn_train(h, steps)
    const diverged = m._nn_status(h) !== m.Status.ok.value
    const losses = new Float64Array(m.HEAPU8.buffer, m._nn_losses(h), m._nn_losses_count(h))
    const at = m._nn_diverged_at(h)
    return {
      done,
      losses: losses.slice(0, done),
      diverged,
      divergedAt: at >= 0 ? at : null,
      cutoff: m._nn_cutoff(h),
      message: diverged ? screenNumbers(this.net.error()) : '',
    }
  }

  /**
   * A race's chunk in one call (#11): up to `epochs` epochs of `perEpoch` updates (as `train`), and
   * after every whole epoch the loss and the accuracy over all rows from one forward pass: `ends` =
   * loss, accuracy (NaN for regression) of epoch 1, of epoch 2, …; a divergence ends the chunk and
   * its epoch has none. Thousands of epochs a frame at "as fast as it goes" cost one call, not three
   * per epoch.
   */
  trainEpochs(epochs: number, perEpoch: number): TrainResult & { ends: Float64Array } {
    const m = this.module
    const h = this.liveHandle()
    const done = m._nn_train_epochs(h, epochs, perEpoch)
    const diverged = m._nn_status(h) !== m.Status.ok.value
    const losses = new Float64Array(m.HEAPU8.buffer, m._nn_losses(h), m._nn_losses_count(h))
    const ends = new Float64Array(
      m.HEAPU8.buffer,
      m._nn_epoch_ends(h),
      2 * m._nn_epoch_ends_count(h),
    )
    const at = m._nn_diverged_at(h)
    return {
      done,
      losses: losses.slice(0, done),
      ends: ends.slice(),
      diverged,
      divergedAt: at >= 0 ? at : null,
      cutoff: m._nn_cutoff(h),
      message: diverged ? screenNumbers(this.net.error()) : '',
    }
  }

  /** Updates done in this run, the count every divergence message uses (configure restarts it). */
  get updates(): number {
    return this.module._nn_updates(this.liveHandle())
  }

  /** Continues the run's count after a configure that keeps the run (an edit, Undo). */
  setUpdates(n: number): void {
    this.net.setUpdates(n)
  }

  setLearningRate(lr: number): Result {
    return this.result(this.net.setLearningRate(lr))
  }

  /**
   * Changes momentum's μ, Adam's β₁, β₂ or ε while the run goes on: the optimizer's kind, η and its
   * state (velocity, moments, t) stay. 0 ≤ μ, β₁, β₂ < 1 and ε > 0; a value out of range is refused
   * (the message names the field) and changes nothing.
   */
  setOptimizer(o: { momentum?: number; beta1?: number; beta2?: number; epsilon?: number }): Result {
    return this.result(this.net.setOptimizer(JSON.stringify(o)))
  }

  /**
   * The last update, flat in W1 b1 W2 b2 … order (copies): the gradient g it used, each parameter
   * before and after it, and the optimizer's state after it: `m` is momentum's velocity v or Adam's
   * first moment, `v` Adam's second moment, `t` the optimizer steps taken (Adam's t).
   */
  lastUpdate(): {
    g: number[]
    before: number[]
    after: number[]
    m: number[]
    v: number[]
    t: number
  } {
    const b = this.net.buffers()
    return {
      g: Array.from(b.grads),
      before: Array.from(b.paramsBefore),
      after: Array.from(b.params),
      m: Array.from(b.m),
      v: Array.from(b.v),
      t: this.net.optimizerSteps(),
    }
  }

  /** Share of samples classified right (a forward pass over all rows); null for regression. */
  accuracy(): number | null {
    const a = this.module._nn_accuracy(this.liveHandle())
    return Number.isFinite(a) ? a : null
  }

  /** ‖∂L/∂W_l‖₂ per weight layer from the current gradients (run backward first). */
  gradientNorms(): number[] {
    return Array.from(this.net.gradientNorms())
  }

  /** Current weights and biases (a copy). */
  params(): Params {
    return this.paramsFrom(this.paramView())
  }

  /** ∂L/∂W and ∂L/∂b of the last backward pass, in params()' shapes (a copy; run backward first). */
  gradients(): Params {
    return this.paramsFrom(this.net.buffers().grads)
  }

  /** Weights and biases as they were before the last update. */
  paramsBefore(): Params {
    return this.paramsFrom(this.net.buffers().paramsBefore)
  }

  private paramsFrom(buf: Float64Array): Params {
    return paramsFromFlat(buf.subarray(0, this.layoutCache.paramCount), this.layoutCache.sizes)
  }

  /** Writes weights and biases (same shapes as params()); non-finite values are refused whole. */
  setParams(p: Params): Result {
    const flat = flatFromParams(p)
    if (flat.length !== this.layoutCache.paramCount || !flat.every(Number.isFinite)) {
      return {
        ok: false,
        message: 'weights and biases must be finite numbers of the network’s shape',
      }
    }
    this.paramView().set(flat)
    return { ok: true }
  }

  /** Everything about the last forward + backward pass, copied out of WebAssembly memory. */
  trace(): Trace {
    const buf = this.net.buffers()
    const { sizes, z, a, dz, W, b } = this.layoutCache
    const B = this.net.batchRows()
    const start = this.net.batchStart()
    const { weights, biases } = this.paramsFrom(buf.params)
    const layers: LayerTrace[] = z.map((_, l) => ({
      z: rows(buf.acts, z[l], B, sizes[l + 1]),
      a: rows(buf.acts, a[l], B, sizes[l + 1]),
      delta: rows(buf.dacts, dz[l], B, sizes[l + 1]),
      dW: rows(buf.grads, W[l], sizes[l + 1], sizes[l]),
      db: Array.from(buf.grads.subarray(b[l], b[l] + sizes[l + 1])),
    }))
    const nin = sizes[0]
    const nout = sizes[sizes.length - 1]
    return {
      loss: this.net.loss(),
      sampleLosses: Array.from(buf.sampleLosses.subarray(0, B)),
      inputs: rows(buf.inputs, start * nin, B, nin),
      targets: rows(buf.targets, start * nout, B, nout),
      weights,
      biases,
      layers,
    }
  }

  /** Analytic vs central-difference gradient for every parameter (ε from the spec, default 1e-6). */
  gradientCheck(epsilon?: number): GradientCheck & Result {
    if (epsilon !== undefined) {
      const r = this.result(this.net.setEpsilon(epsilon))
      if (!r.ok) {
        const none = { analytic: [], numeric: [], left: [], right: [], kink: [], relativeError: [] }
        return { ...none, epsilon, loss: NaN, ...r }
      }
    }
    const r = this.result(this.net.gradientCheck())
    const buf = this.net.buffers()
    const analytic = Array.from(buf.grads)
    const numeric = Array.from(buf.numeric)
    return {
      analytic,
      numeric,
      left: Array.from(buf.numericLeft),
      right: Array.from(buf.numericRight),
      kink: Array.from(buf.kinkCrossed, (k) => k !== 0),
      relativeError: analytic.map((g, k) => relativeError(g, numeric[k])),
      epsilon: epsilon ?? this.specCache.epsilon ?? 1e-6,
      loss: this.net.loss(),
      ...r,
    }
  }

  /**
   * Checks parameter `index` (in W1 b1 W2 b2 … order; any copy of a shared bias) at step `epsilon`
   * (0 < ε ≤ 0.1) over all rows, leaving the training state as it was. For the ε sweep.
   */
  checkParameter(
    index: number,
    epsilon: number,
  ): (ParameterCheck & { ok: true }) | { ok: false; message: string } {
    const c = this.net.checkParameter(index, epsilon)
    if (c === null) return { ok: false, message: screenNumbers(this.net.error()) }
    return { ...c, ok: true }
  }

  /**
   * Evaluates the network at many points without touching the training state: the heatmap path,
   * one call per frame. `points` is row-major (rows, inputs); returns (rows, outputs), a copy.
   * `exact: false` (the default) uses float32 fast maths: fine for colours, not for digits.
   */
  predict(
    points: Float64Array,
    rows: number,
    options: { exact?: boolean } = {},
  ): Float64Array | null {
    const nout = this.layoutCache.sizes[this.layoutCache.sizes.length - 1]
    const [m, h] = [this.module, this.loadPoints(points, rows)]
    if (h === null || m._nn_predict(h, rows, options.exact ? 1 : 0) !== m.Status.ok.value)
      return null
    return new Float64Array(m.HEAPU8.buffer, m._nn_predict_outputs(h), rows * nout).slice()
  }

  /** Puts `points` (rows, inputs) in the engine's predict inputs; the handle, or null if refused. */
  private loadPoints(points: Float64Array, rows: number): number | null {
    const nin = this.layoutCache.sizes[0]
    if (points.length !== rows * nin) return null
    const [m, h] = [this.module, this.liveHandle()]
    if (m._nn_reserve_predict(h, rows) !== m.Status.ok.value) return null // may grow memory
    new Float64Array(m.HEAPU8.buffer, m._nn_predict_inputs(h), rows * nin).set(points)
    return h
  }

  /**
   * Every layer's activations at many points in one forward pass (the output heatmap and every
   * hidden neuron's map at once), training state untouched. `points` is row-major (rows, inputs).
   * Returns one flat view of WebAssembly memory (no copy: 49 values a point for 2-8×6-1 would be
   * 4 MB a frame) and its layout: with sizes = layout.sizes and L = sizes.length − 1 weight layers,
   * layer l's activations a^{l+1} (l = 0 … L−1; the last is the output, softmax included) are the
   * (rows, sizes[l+1]) row-major block at `offsets[l]` = rows · (sizes[1] + … + sizes[l]);
   * `block(l)` is that subarray. The view holds until the next predictLayers on this network, and
   * reads as empty (length 0) once memory grows: copy (`slice`) what is kept. Block L−1 equals
   * predict's result bit for bit; block l equals predict of the network cut after layer l+1.
   * `exact: false` (the default) uses float32 fast maths, like predict. Null when the engine
   * refused (rows out of range, wrong input length).
   */
  predictLayers(
    points: Float64Array,
    rows: number,
    options: { exact?: boolean } = {},
  ): LayerMaps | null {
    const sizes = this.layoutCache.sizes
    const [m, h] = [this.module, this.loadPoints(points, rows)]
    if (h === null || m._nn_predict_layers(h, rows, options.exact ? 1 : 0) !== m.Status.ok.value)
      return null
    const offsets: number[] = []
    let width = 0
    for (let l = 1; l < sizes.length; l++) {
      offsets.push(rows * width)
      width += sizes[l]
    }
    const data = new Float64Array(m.HEAPU8.buffer, m._nn_predict_layers_outputs(h), rows * width)
    const block = (l: number): Float64Array =>
      data.subarray(offsets[l], offsets[l] + rows * sizes[l + 1])
    return { data, offsets, rows, block }
  }

  /** Frees the WebAssembly object; safe to call twice. */
  dispose(): void {
    if (this.raw && !this.raw.isDeleted()) this.raw.delete()
    this.raw = null
  }
}
