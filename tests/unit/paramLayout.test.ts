// paramLayout.ts against the engine's own layout: for several shapes, the offsets it implies equal the
// W and b offsets of the wasm's layoutJson, and flat ↔ nested round-trips through a real network.
import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../web/src/engine/network'
import { flatFromParams, paramsFromFlat } from '../../web/src/engine/paramLayout'
import { loadEngineNode } from './loadEngineNode'

describe('paramLayout', () => {
  it.each([[[2, 2, 2]], [[3, 1]], [[2, 4, 3, 1]], [[5, 5, 3, 4]]])(
    'places W and b where the engine does for layers %j',
    async (layers) => {
      const engine = await loadEngineNode()
      const L = layers.length - 1
      const created = EngineNetwork.create(engine, {
        layers,
        activations: Array(L).fill('tanh'),
        loss: 'mse',
        inputs: [Array(layers[0]).fill(0.5)],
        targets: [Array(layers[L]).fill(0.5)],
        learningRate: 0.1,
      })
      if (!created.ok) throw new Error(created.message)
      const net = created.network
      const { W, b, paramCount } = net.layout
      // Number k at flat position k: each block's first value is its engine offset.
      const p = paramsFromFlat(
        Array.from({ length: paramCount }, (_, k) => k),
        layers,
      )
      expect(p.weights.map((Wl) => Wl[0][0])).toEqual(W)
      expect(p.biases.map((bl) => bl[0])).toEqual(b)
      const fromEngine = net.params()
      expect(paramsFromFlat(flatFromParams(fromEngine), layers)).toEqual(fromEngine)
      net.dispose()
    },
  )
})
