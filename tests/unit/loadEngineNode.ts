// The Node twin of web/src/engine/loadEngine.ts for Vitest: loads the same generated .mjs + .wasm, passing
// the bytes (`wasmBinary`) because the web-only Emscripten build cannot fetch files in Node.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  setLoadedEngine,
  type EngineFactory,
  type EngineModule,
} from '../../web/src/engine/engineModule'

// A path, not a URL: happy-dom's URL (the `components` project) is not Node's.
const generated = join(import.meta.dirname, '../../web/src/engine/generated/')
const cache = new Map<boolean, Promise<EngineModule>>()

/**
 * The real engine module in Node, loaded once per build variant and shared by the test file.
 * @param options.simd use `nn.wasm` (SIMD) or `nn-nosimd.wasm`. @default true
 */
export function loadEngineNode(options: { simd?: boolean } = {}): Promise<EngineModule> {
  const simd = options.simd ?? true
  let promise = cache.get(simd)
  if (!promise) {
    promise = instantiate(simd)
    cache.set(simd, promise)
  }
  return promise
}

async function instantiate(simd: boolean): Promise<EngineModule> {
  const base = simd ? 'nn' : 'nn-nosimd'
  const wasmPath = `${generated}${base}.wasm`
  if (!existsSync(wasmPath)) {
    throw new Error(`${wasmPath} is missing: build the engine first with \`npm run build:engine\`.`)
  }
  const factoryModule: { default: unknown } = simd
    ? await import('../../web/src/engine/generated/nn.mjs')
    : await import('../../web/src/engine/generated/nn-nosimd.mjs')
  const createModule = factoryModule.default as EngineFactory
  return setLoadedEngine(await createModule({ wasmBinary: readFileSync(wasmPath) }))
}
