// Loads the Emscripten-built engine (generated/nn.mjs + nn.wasm) once per page and hands out the module.
// The only importer of generated/; everything else goes through here (or network.ts on top of it).
// It picks the SIMD build when the browser validates a v128 instruction, else the scalar build.
import simdWasmUrl from './generated/nn.wasm?url'
import scalarWasmUrl from './generated/nn-nosimd.wasm?url'
import { setLoadedEngine, type EngineFactory, type EngineModule } from './engineModule'

/**
 * A 31-byte module with one function using `i8x16.splat` + `i8x16.popcnt`: `WebAssembly.validate` accepts it
 * only where 128-bit SIMD is supported (the same probe as wasm-feature-detect).
 */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15,
  253, 98, 11,
])

/** Whether this browser runs WebAssembly SIMD (the `nn.wasm` build); false also when WebAssembly is missing. */
export function supportsWasmSimd(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE)
  } catch {
    return false
  }
}

/** Thrown when the engine cannot load; `message` is written for learners and can be shown as is. */
class EngineLoadError extends Error {
  override name = 'EngineLoadError'
}

let enginePromise: Promise<EngineModule> | undefined

/**
 * The engine module, loaded on first call and shared afterwards. A failed load is not cached, so calling
 * again retries.
 * @param options.simd force the SIMD (`true`) or scalar (`false`) build. @default supportsWasmSimd()
 */
export function loadEngine(options: { simd?: boolean } = {}): Promise<EngineModule> {
  enginePromise ??= instantiate(options.simd ?? supportsWasmSimd()).catch((cause: unknown) => {
    enginePromise = undefined
    throw toLoadError(cause)
  })
  return enginePromise
}

async function instantiate(simd: boolean): Promise<EngineModule> {
  if (typeof WebAssembly !== 'object') {
    throw new EngineLoadError(
      'This browser does not support WebAssembly, which Backprop Lab needs for its calculations. ' +
        'Please open the page in a current version of Chrome, Edge, Firefox or Safari.',
    )
  }
  // Two literal imports so that Vite bundles both builds; only the chosen one is fetched.
  const factoryModule: { default: unknown } = simd
    ? await import('./generated/nn.mjs')
    : await import('./generated/nn-nosimd.mjs')
  const createModule = factoryModule.default as EngineFactory
  const wasmUrl = simd ? simdWasmUrl : scalarWasmUrl
  const module = await createModule({
    locateFile: (path: string, prefix: string) =>
      path.endsWith('.wasm') ? wasmUrl : prefix + path,
  })
  return setLoadedEngine(module)
}

function toLoadError(cause: unknown): EngineLoadError {
  if (cause instanceof EngineLoadError) return cause
  const detail = cause instanceof Error ? cause.message : String(cause)
  return new EngineLoadError(
    'The calculation engine of Backprop Lab could not be loaded, so the lessons cannot run. ' +
      'Check your connection and reload the page; if it keeps failing, try a current version of ' +
      `Chrome, Edge, Firefox or Safari. (Technical detail: ${detail})`,
    { cause },
  )
}
