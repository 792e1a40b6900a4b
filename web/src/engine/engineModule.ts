// The shape of the Emscripten module factory as loadEngine.ts and tests/unit/loadEngineNode.ts use it.
// The module's own bindings are typed by hand in nn.d.ts (beside this file), next to bindings.cpp's contract.
import type { NnModule } from './nn'

/** The instantiated engine: embind classes, enums and functions (`Network`, `Status`, `traceSpec`, …). */
export type EngineModule = NnModule

/** Options understood by Emscripten's MODULARIZE factory that Backprop Lab uses. */
export interface EngineFactoryOptions {
  /** Maps a file name the module asks for (the `.wasm`) to a URL. */
  locateFile?: (path: string, prefix: string) => string
  /** The `.wasm` bytes, for Node (Vitest, the CLI), where the web-only build cannot fetch files. */
  wasmBinary?: ArrayBuffer | Uint8Array
}

/** The default export of `generated/nn.mjs` / `generated/nn-nosimd.mjs`. */
export type EngineFactory = (options?: EngineFactoryOptions) => Promise<EngineModule>

let loaded: EngineModule | undefined

/** Records the module once instantiated (loadEngine, and its Node twin in the tests). */
export function setLoadedEngine(module: EngineModule): EngineModule {
  return (loaded = module)
}

/**
 * The module already loaded, for maths that runs synchronously once a lesson has its numbers (the
 * engine computes them). Throws when nothing has loaded it yet.
 */
export function loadedEngine(): EngineModule {
  if (!loaded) throw new Error('the engine is not loaded yet')
  return loaded
}
