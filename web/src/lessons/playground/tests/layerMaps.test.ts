// Every layer's map from one forward pass (EngineNetwork.predictLayers) on the real .wasm: its values
// against a 2-2-1 network worked by hand, and the playground session's pictures bit for bit what the
// per-layer way gave (one network cut after each hidden layer, each running predict), from one engine
// pass per redraw instead of one per layer.
import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../../engine/network'
import type { NnModule } from '../../../engine/nn'
import type { NetworkSpec } from '../../../engine/types'
import { generate, split } from '../../../math/datasets'
import { featureRows, gridFeatures } from '../features'
import { DEFAULT_CONFIG, buildSpec, targetRows } from '../model'
import { PlaygroundSession } from '../session'
import { loadEngineNode } from '../../../../../tests/unit/loadEngineNode'
import { useNetworkStore } from '../../../composables/useLessonStore'

const engine = async () => (await loadEngineNode()) as unknown as NnModule

function network(m: NnModule, spec: NetworkSpec): EngineNetwork {
  const r = EngineNetwork.create(m, spec)
  if (!r.ok) throw new Error(r.message)
  return r.network
}

/** The same doubles, bit for bit (NaN-safe, −0 ≠ +0). */
const bits = (a: Float64Array | null | undefined) =>
  a ? Array.from(new BigUint64Array(Float64Array.from(a).buffer), String) : null

/** Counts the module's forward passes over grid points (predict in either precision, predictLayers). */
function countPasses(m: NnModule) {
  const names = ['_nn_predict', '_nn_predict_layers'] as const
  const counts = { _nn_predict: 0, _nn_predict_layers: 0 }
  const saved = names.map((k) => m[k])
  names.forEach((k, i) => {
    const f = saved[i] as (...a: number[]) => number
    ;(m as unknown as Record<string, unknown>)[k] = (...a: number[]) => {
      counts[k]++
      return f(...a)
    }
  })
  const restore = () =>
    names.forEach((k, i) => ((m as unknown as Record<string, unknown>)[k] = saved[i]))
  return { counts, restore }
}

describe('predictLayers: every layer from one forward pass', () => {
  // W¹ = [[1, −1], [0.5, 2]], b¹ = [0, −1], W² = [[2, −3]], b² = [0.5], ReLU then linear; by hand:
  //   x = (1, 2): z¹ = (1 − 2 + 0, 0.5 + 4 − 1) = (−1, 3.5), a¹ = (0, 3.5), a² = 0 − 10.5 + 0.5 = −10
  //   x = (3, 1): z¹ = (3 − 1, 1.5 + 2 − 1) = (2, 2.5),     a¹ = (2, 2.5), a² = 4 − 7.5 + 0.5 = −3
  //   x = (−2, 0): z¹ = (−2, −1 − 1) = (−2, −2),            a¹ = (0, 0),   a² = 0.5
  it('gives a 2-2-1 network’s hidden and output activations as worked by hand', async () => {
    const m = await engine()
    const net = network(m, {
      layers: [2, 2, 1],
      activations: ['relu', 'linear'],
      loss: 'mse',
      weights: [
        [
          [1, -1],
          [0.5, 2],
        ],
        [[2, -3]],
      ],
      biases: [[0, -1], [0.5]],
      inputs: [[0, 0]],
      targets: [[0]],
      learningRate: 1,
    })
    const points = Float64Array.from([1, 2, 3, 1, -2, 0])
    for (const exact of [true, false]) {
      const r = net.predictLayers(points, 3, { exact })!
      expect(r.offsets).toEqual([0, 6]) // rows · 0, rows · sizes[1]
      expect(Array.from(r.data)).toEqual([0, 3.5, 2, 2.5, 0, 0, -10, -3, 0.5])
      expect(Array.from(r.block(0))).toEqual([0, 3.5, 2, 2.5, 0, 0])
      expect(Array.from(r.block(1))).toEqual([-10, -3, 0.5])
    }
    expect(net.predictLayers(points, 4)).toBeNull() // 4 rows need 8 inputs
    net.dispose()
  })

  it('tanh then sigmoid, in double, agrees with Math.tanh and 1/(1 + e^−z) to 1e-14', async () => {
    const m = await engine()
    const [W1, b1, W2, b2] = [
      [
        [0.3, -0.7],
        [1.1, 0.4],
      ],
      [0.2, -0.1],
      [[-1.5, 0.8]],
      [0.05],
    ]
    const net = network(m, {
      layers: [2, 2, 1],
      activations: ['tanh', 'sigmoid'],
      loss: 'bce',
      weights: [W1, W2],
      biases: [b1, b2],
      inputs: [[0, 0]],
      targets: [[0]],
      learningRate: 1,
    })
    const xs = [
      [0.5, -1],
      [-2, 0.25],
    ]
    const r = net.predictLayers(Float64Array.from(xs.flat()), 2, { exact: true })!
    xs.forEach(([x1, x2], row) => {
      const h = W1.map((w, j) => Math.tanh(w[0] * x1 + w[1] * x2 + b1[j]))
      const y = 1 / (1 + Math.exp(-(W2[0][0] * h[0] + W2[0][1] * h[1] + b2[0])))
      h.forEach((v, j) => expect(Math.abs(r.block(0)[row * 2 + j] - v)).toBeLessThan(1e-14))
      expect(Math.abs(r.block(1)[row] - y)).toBeLessThan(1e-14)
    })
    net.dispose()
  })
})

describe('the playground session’s maps from one pass', () => {
  it('2-8×6-1: output and every hidden map bit for bit the per-layer way, in one engine pass', async () => {
    const m = await engine()
    const { train, test } = split(generate('circle', 120, 0, 3), 0.5, 3)
    const binary = { kind: 'binary', classes: 2 } as const
    const spec = buildSpec(
      { ...DEFAULT_CONFIG, hidden: [8, 8, 8, 8, 8, 8], seed: 3 },
      binary,
      train,
    )
    const t = { inputs: featureRows(test, ['x1', 'x2']), targets: targetRows(test, binary) }
    const grid = { output: gridFeatures(30, ['x1', 'x2']), cells: gridFeatures(7, ['x1', 'x2']) }
    const r = PlaygroundSession.create(useNetworkStore(m), spec, t, grid)
    if (!r.ok) throw new Error(r.message)
    const s = r.session
    expect(s.train(40).diverged).toBe(false)

    const pass = countPasses(m)
    let snap
    let maps
    try {
      snap = s.snapshot(true)
      maps = [1, 2, 3, 4, 5, 6].map((k) => s.layerMap(k))
      // one pass for the output and all 6 hidden layers (the per-layer way: 1 + 6 + 1 per map shown)
      expect(pass.counts).toEqual({ _nn_predict: 0, _nn_predict_layers: 1 })
      s.snapshot(false) // a frame between detail redraws: the output alone
      expect(pass.counts._nn_predict).toBe(1)
      s.train(1)
      expect(s.layerMap(3)).not.toBeNull() // the weights moved on: a pass of its own
      expect(pass.counts._nn_predict_layers).toBe(2)
    } finally {
      pass.restore()
    }

    // The per-layer way, built here: the network cut after hidden layer k, with the first k layers'
    // parameters, running predict (float32 fast maths) over each grid.
    const params = snap.params
    const full = network(m, { ...spec, weights: params.weights, biases: params.biases })
    expect(bits(snap.output)).toEqual(bits(full.predict(grid.output, 900)))
    for (let k = 1; k <= 6; k++) {
      const cut = network(m, {
        layers: spec.layers.slice(0, k + 1),
        activations: spec.activations.slice(0, k),
        loss: 'mse',
        weights: params.weights.slice(0, k),
        biases: params.biases.slice(0, k),
        inputs: [[0, 0]],
        targets: [Array<number>(8).fill(0)],
        learningRate: 1,
      })
      expect(snap.hidden[k - 1]?.length).toBe(49 * 8)
      expect(bits(snap.hidden[k - 1]), `layer ${k}, neuron grid`).toEqual(
        bits(cut.predict(grid.cells, 49)),
      )
      expect(bits(maps[k - 1]), `layer ${k}, output grid`).toEqual(
        bits(cut.predict(grid.output, 900)),
      )
      cut.dispose()
    }
    full.dispose()
    s.dispose()
  })
})
