// The shape of the Emscripten module factory as loadEngine.ts and tests/unit/loadEngineNode.ts use it.
// TODO: once the lead's hand-written embind types land in web/src/engine/nn.d.ts, make EngineModule the
// module type declared there; until then it is deliberately loose (`unknown` members, no `any`).

/** The instantiated engine: embind classes and enums (`Network`, `Activation`, `Status`, …) by name. */
export interface EngineModule {
  readonly [binding: string]: unknown
}

/** Options understood by Emscripten's MODULARIZE factory that Backprop Lab uses. */
export interface EngineFactoryOptions {
  /** Maps a file name the module asks for (the `.wasm`) to a URL. */
  locateFile?: (path: string, prefix: string) => string
  /** The `.wasm` bytes, for Node (Vitest, the CLI), where the web-only build cannot fetch. */
  wasmBinary?: ArrayBuffer | Uint8Array
}

/** The default export of `generated/nn.mjs` / `generated/nn-nosimd.mjs`. */
export type EngineFactory = (options?: EngineFactoryOptions) => Promise<EngineModule>
