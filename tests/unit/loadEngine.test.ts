// The Node loader (twin of web/src/engine/loadEngine.ts) finds both generated builds and shares one module.
import { describe, expect, it } from 'vitest'
import { supportsWasmSimd } from '../../web/src/engine/loadEngine'
import { loadEngineNode } from './loadEngineNode'

describe('loadEngineNode', () => {
  it.each([true, false])('loads the build with simd=%s and exposes the bindings', async (simd) => {
    const engine = await loadEngineNode({ simd })
    expect(typeof engine.Network).toBe('function')
    expect(typeof engine.traceSpec).toBe('function')
    const network = new engine.Network()
    network.delete()
  })

  it('returns the same module on every call', async () => {
    expect(await loadEngineNode()).toBe(await loadEngineNode())
  })
})

describe('supportsWasmSimd', () => {
  it('is true in Node 20, whose V8 runs WebAssembly SIMD', () => {
    expect(supportsWasmSimd()).toBe(true)
  })
})
