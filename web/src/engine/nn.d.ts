// Hand-written types of the embind module (Emscripten 3.1.6 has no --emit-tsd). Mirrors
// wasm/bindings/bindings.cpp: change both together.

/** An embind enum value; compare with `module.Status.ok` etc. */
export interface EmbindEnumValue {
  readonly value: number
}

export interface NnStatusEnum {
  readonly ok: EmbindEnumValue
  readonly badSpec: EmbindEnumValue
  readonly notFinite: EmbindEnumValue
}

/** Typed-array views into WebAssembly memory. They detach when memory grows: re-read after calls. */
export interface NnBuffers {
  params: Float64Array
  grads: Float64Array
  paramsBefore: Float64Array
  /** Optimizer state, same layout as params: momentum's velocity v, or Adam's first moment m. */
  m: Float64Array
  /** Adam's second moment v (zeros for the other optimizers). */
  v: Float64Array
  acts: Float64Array
  dacts: Float64Array
  sampleLosses: Float64Array
  losses: Float64Array
  numeric: Float64Array
  /** One-sided slopes of the numerical check: (L(p) − L(p − ε))/ε and (L(p + ε) − L(p))/ε. */
  numericLeft: Float64Array
  numericRight: Float64Array
  /** 1 where p ± ε moved a ReLU / leaky-ReLU unit across 0 (the check straddles a kink). */
  kinkCrossed: Uint8Array
  inputs: Float64Array
  targets: Float64Array
  /** (rows, inputs) sized by reservePredict: the points to evaluate. */
  predictInputs: Float64Array
  /** (rows, outputs) written by `_nn_predict`. */
  predictOutputs: Float64Array
}

/**
 * The raw embind Network. Use web/src/engine/network.ts instead: it owns lifetime and copies.
 * forward, train, accuracy, updates and status are the plain exports (`NnPlainExports`) only.
 */
export interface NnNetwork {
  configure(specJson: string): EmbindEnumValue
  error(): string
  backward(): EmbindEnumValue
  update(): EmbindEnumValue
  /** Fills numeric, numericLeft, numericRight and kinkCrossed (ε from the spec; shared biases as one). */
  gradientCheck(): EmbindEnumValue
  /** One parameter at one ε over all rows, or null (error() says why). */
  checkParameter(
    index: number,
    eps: number,
  ): { central: number; left: number; right: number; loss: number; kink: boolean } | null
  setLearningRate(lr: number): EmbindEnumValue
  /** Changes μ, β₁, β₂ or Adam's ε during a run (JSON of those fields); kind, η and state stay. */
  setOptimizer(json: string): EmbindEnumValue
  /** Optimizer steps taken (Adam's t). */
  optimizerSteps(): number
  setEpsilon(eps: number): EmbindEnumValue
  loss(): number
  batchStart(): number
  batchRows(): number
  /** Continues a run's count after a configure that keeps the run (an edit, Undo). */
  setUpdates(n: number): void
  /** ‖∂L/∂W_l‖₂ per weight layer from the current gradients (a view: copy it). */
  gradientNorms(): Float64Array
  layoutJson(): string
  buffers(): NnBuffers
  /** This object's address in wasm memory: the first argument of the module's `_nn_*` exports. */
  handle(): number
  delete(): void
  isDeleted(): boolean
}

/** Views of an ensemble's results; copies × steps for `losses`. */
export interface NnEnsembleBuffers {
  losses: Float64Array
  firstLoss: Float64Array
  finalLoss: Float64Array
  accuracy: Float64Array
  divergedAt: Float64Array
}

/** Many copies of one network trained side by side (learning-rate sweep, many seeds). */
export interface NnEnsemble {
  configure(specJson: string, learningRatesJson: string, seedsJson: string): EmbindEnumValue
  error(): string
  copies(): number
  train(steps: number): number
  buffers(): NnEnsembleBuffers
  params(copy: number): Float64Array | null
  gradientNorms(copy: number): Float64Array | null
  delete(): void
  isDeleted(): boolean
}

/**
 * Plain C exports (wasm/bindings/plain_exports.cpp) for the calls made every frame: embind costs
 * ~0.1 µs per call under the strict CSP, these are called directly. `h` is `NnNetwork.handle()`;
 * statuses are `Status.*.value` integers; addresses index `HEAPU8.buffer` (re-read `HEAPU8` after
 * any call that may grow memory: reserve, configure, train). Call them as `module._nn_…(…)`: the
 * module replaces each with the raw export after its first call.
 */
export interface NnPlainExports {
  /** train(steps) → steps done (then `_nn_status`; the losses at `_nn_losses`). */
  _nn_train(h: number, steps: number): number
  /** forward() → the mean loss over all rows (then `_nn_status`). */
  _nn_forward(h: number): number
  /** accuracy() → share of rows classified right, NaN for regression (runs forward). */
  _nn_accuracy(h: number): number
  /**
   * trainEpochs(epochs, perEpoch) → updates done (then `_nn_status`; their losses at `_nn_losses`);
   * after every whole epoch its loss and accuracy over all rows (NaN for regression), as
   * `_nn_epoch_ends_count` pairs of doubles at `_nn_epoch_ends`: a race's chunk in one call.
   */
  _nn_train_epochs(h: number, epochs: number, perEpoch: number): number
  _nn_epoch_ends(h: number): number
  _nn_epoch_ends_count(h: number): number
  /** Updates done in this run: the divergence rule's count (configure starts a run at 0). */
  _nn_updates(h: number): number
  /** Address of the parameters W¹ b¹ W² b² … (layout's paramCount doubles; valid until configure). */
  _nn_params(h: number): number
  /** The last call's status as a `Status.*.value` integer; `error()` says why. */
  _nn_status(h: number): number
  /** divergedAt() and cutoff(). */
  _nn_diverged_at(h: number): number
  _nn_cutoff(h: number): number
  /** Address of the losses buffer (`_nn_losses_count` doubles). */
  _nn_losses(h: number): number
  _nn_losses_count(h: number): number
  /** reservePredict(rows) → status integer. */
  _nn_reserve_predict(h: number, rows: number): number
  /** Addresses of the predict inputs (rows, inputs) and outputs (rows, outputs). */
  _nn_predict_inputs(h: number): number
  _nn_predict_outputs(h: number): number
  /** The outputs over the predict inputs, in float32 fast maths unless `exact` is 1 → status integer. */
  _nn_predict(h: number, rows: number, exact: number): number
  /**
   * Every layer's activations over the predict inputs in one pass (float32 fast maths unless
   * `exact` is 1) → status integer; may grow memory.
   */
  _nn_predict_layers(h: number, rows: number, exact: number): number
  /**
   * Address of that result: rows · (sizes[1] + … + sizes[L]) doubles, layer l's block (rows,
   * sizes[l+1]) at rows · (sizes[1] + … + sizes[l]).
   */
  _nn_predict_layers_outputs(h: number): number
}

export interface NnModule extends NnPlainExports {
  Network: new () => NnNetwork
  Ensemble: new () => NnEnsemble
  Status: NnStatusEnum
  /**
   * Runs a spec and returns the trace JSON, or `{"error": "…"}` naming the field, as UTF-8 bytes: a
   * view of the module's memory, valid until the next call (decode it with TextDecoder).
   */
  traceSpec(specJson: string, steps: number): Uint8Array
  /** The catalogue of activations, losses, optimizers and regularisers as JSON (catalogue.h). */
  catalogue(): string
  /** f(z) per element of one layer's net inputs, or f′(z) with `slope`; [] for an unknown name. */
  activation(name: string, zs: readonly number[], slope: boolean): number[]
  HEAPU8: Uint8Array
}
