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
  acts: Float64Array
  dacts: Float64Array
  sampleLosses: Float64Array
  losses: Float64Array
  numeric: Float64Array
  inputs: Float64Array
  targets: Float64Array
  /** (rows, inputs) sized by reservePredict: the points to evaluate. */
  predictInputs: Float64Array
  /** (rows, outputs) written by predict / predictExact. */
  predictOutputs: Float64Array
}

/** The raw embind Network. Use web/src/engine/network.ts instead: it owns lifetime and copies. */
export interface NnNetwork {
  configure(specJson: string): EmbindEnumValue
  error(): string
  status(): EmbindEnumValue
  forward(): number
  backward(): EmbindEnumValue
  update(): EmbindEnumValue
  step(): number
  train(steps: number): number
  gradientCheck(): EmbindEnumValue
  setLearningRate(lr: number): EmbindEnumValue
  setOptimizer(optimizerJson: string): EmbindEnumValue
  setTrainBiases(on: boolean): void
  setEpsilon(eps: number): EmbindEnumValue
  resetOptimizer(): void
  checkParams(): EmbindEnumValue
  loss(): number
  batchStart(): number
  batchRows(): number
  steps(): number
  /** Share of rows classified right (runs a forward pass); NaN for regression outputs. */
  accuracy(): number
  /** ‖∂L/∂W_l‖₂ per weight layer from the current gradients (a view: copy it). */
  gradientNorms(): Float64Array
  layoutJson(): string
  buffers(): NnBuffers
  /** Sizes predictInputs/predictOutputs for `rows` points (may grow memory: re-read buffers()). */
  reservePredict(rows: number): EmbindEnumValue
  /** Forward of predictInputs into predictOutputs in float32 fast maths: for heatmaps, not digits. */
  predict(rows: number): EmbindEnumValue
  /** The same in double: bitwise what forward() would give. */
  predictExact(rows: number): EmbindEnumValue
  /** Plain SGD steps in float32 for big networks (parameters copied back to double); → steps done. */
  trainFloat32(steps: number): number
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

export interface NnModule {
  Network: new () => NnNetwork
  Ensemble: new () => NnEnsemble
  Status: NnStatusEnum
  /** Runs a spec and returns the trace JSON, or `{"error": "…"}` naming the field. */
  traceSpec(specJson: string, steps: number): string
  HEAPU8: Uint8Array
}
