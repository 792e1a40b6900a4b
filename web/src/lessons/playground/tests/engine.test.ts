// The playground on the real .wasm: L1/L2 regularisation gradients against central differences, the
// session (losses, heatmaps, truncated networks), the derivation probe and SPEC.json for the command line.
import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../../engine/network'
import type { NnModule } from '../../../engine/nn'
import { generate, split } from '../../../math/datasets'
import { cliSpec } from '../exportFiles'
import { featureRows, gridFeatures } from '../features'
import { DEFAULT_CONFIG, buildSpec, targetRows, type PlaygroundConfig } from '../model'
import { featureSymbols, flatIndex, probeGradient } from '../probe'
import { PlaygroundSession } from '../session'
import { loadEngineNode } from '../../../../../tests/unit/loadEngineNode'
import { useNetworkStore } from '../../../composables/useLessonStore'

const engine = async () => (await loadEngineNode()) as unknown as NnModule
const BINARY = { kind: 'binary', classes: 2 } as const
const THREE = { kind: 'multiclass', classes: 3 } as const
const cfg = (patch: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...DEFAULT_CONFIG,
  ...patch,
})

describe('playground on the engine', () => {
  it("starts each hidden activation from the initialisation that suits it (He's for ReLU's family)", () => {
    // He et al. 2015 for ReLU and leaky ReLU, Glorot & Bengio 2010 for the smooth ones: listed by hand.
    const pts = generate('xor', 8, 0.1, 3)
    const expected = {
      tanh: 'xavier',
      sigmoid: 'xavier',
      linear: 'xavier',
      relu: 'he',
      leaky_relu: 'he',
    }
    for (const [activation, init] of Object.entries(expected))
      expect(
        buildSpec(cfg({ activation: activation as PlaygroundConfig['activation'] }), BINARY, pts)
          .init,
        activation,
      ).toBe(init)
  })

  it('L1 and L2 gradients match central differences (as the playground configures them)', async () => {
    const m = await engine()
    const pts = generate('xor', 40, 0.1, 3)
    for (const regularization of ['l1', 'l2'] as const) {
      for (const activation of ['tanh', 'sigmoid'] as const) {
        const spec = buildSpec(
          cfg({
            hidden: [5, 3],
            activation,
            regularization,
            regularizationRate: 0.03,
            features: ['x1', 'x2', 'x1x2'],
          }),
          BINARY,
          pts,
        )
        expect(spec.regularization).toEqual({ name: regularization, rate: 0.03 })
        const r = EngineNetwork.create(m, spec)
        if (!r.ok) throw new Error(r.message)
        const g = r.network.gradientCheck()
        expect(g.ok).toBe(true)
        expect(
          Math.max(...g.relativeError.filter((_, k) => Math.abs(g.analytic[k]) > 1e-7)),
        ).toBeLessThan(1e-5)
        // The penalty really is in the gradient: without it the gradients differ by λw (L2) or λ·sign w (L1).
        const plain = EngineNetwork.create(m, { ...spec, regularization: undefined })
        if (!plain.ok) throw new Error(plain.message)
        const g0 = plain.network.gradientCheck()
        const w = r.network.params().weights[0][0][0]
        const k = flatIndex(spec.layers, 'W1[0][0]')!
        expect(g.analytic[k] - g0.analytic[k]).toBeCloseTo(
          regularization === 'l2' ? 0.03 * w : 0.03 * Math.sign(w),
          12,
        )
        r.network.dispose()
        plain.network.dispose()
      }
    }
  })

  it('three classes train with softmax + cross-entropy; the session draws every hidden layer', async () => {
    const m = await engine()
    const { train, test } = split(generate('spiral3', 150, 0, 2), 0.2, 2)
    const spec = buildSpec(
      cfg({
        dataset: 'spiral3',
        hidden: [8, 6],
        loss: 'bce',
        learningRate: 0.03,
        optimizer: 'adam',
      }),
      THREE,
      train,
    )
    expect(spec.activations).toEqual(['tanh', 'tanh', 'softmax'])
    expect(spec.loss).toBe('cross_entropy')
    const t = { inputs: featureRows(test, ['x1', 'x2']), targets: targetRows(test, THREE) }
    const r = PlaygroundSession.create(useNetworkStore(m), spec, t, {
      output: gridFeatures(20, ['x1', 'x2']),
      cells: gridFeatures(6, ['x1', 'x2']),
    })
    if (!r.ok) throw new Error(r.message)
    const s = r.session
    const before = s.snapshot()
    expect(before.output?.length).toBe(400 * 3)
    expect(before.hidden.map((h) => h?.length)).toEqual([36 * 8, 36 * 6])
    const tr = s.train(300)
    expect(tr.diverged).toBe(false)
    const after = s.snapshot()
    expect(after.trainLoss!).toBeLessThan(before.trainLoss!)
    // The first hidden layer's heatmap is that layer's tanh of the grid (checked for one cell by hand).
    const [W, b] = [after.params.weights[0], after.params.biases[0]]
    const cell = gridFeatures(6, ['x1', 'x2']).subarray(14, 16)
    expect(after.hidden[0]![7 * 8 + 3]).toBeCloseTo(
      Math.tanh(W[3][0] * cell[0] + W[3][1] * cell[1] + b[3]),
      5,
    )
    s.dispose()
  })

  it('the probe: the chain rule ends on the engine’s gradient and agrees with the numerical one', async () => {
    const m = await engine()
    const pts = generate('circle', 30, 0, 1)
    const spec = buildSpec(
      cfg({
        hidden: [3, 2],
        regularization: 'l2',
        regularizationRate: 0.01,
        features: ['x1', 'x2', 'x1sq'],
      }),
      BINARY,
      pts,
    )
    const net = EngineNetwork.create(m, spec)
    if (!net.ok) throw new Error(net.message)
    net.network.train(20)
    const params = net.network.params()
    for (const key of ['W1[1][2]', 'W2[0][1]', 'W3[0][0]', 'b1[0]']) {
      const p = probeGradient(
        m,
        spec,
        params,
        { input: spec.inputs[4], target: spec.targets[4] },
        key,
        featureSymbols(['x1', 'x2', 'x1sq']),
      )
      if ('message' in p) throw new Error(p.message)
      const data = p.steps[p.steps.length - 1].value!
      const total = p.penalty ? p.penalty.total : data
      expect(p.check!.relativeError).toBeLessThan(1e-6)
      expect(total).toBeCloseTo(p.check!.analytic, 12)
      expect(p.penalty === null).toBe(key.startsWith('b'))
    }
    expect(
      JSON.stringify(
        probeGradient(
          m,
          spec,
          params,
          { input: spec.inputs[0], target: spec.targets[0] },
          'W1[0][9]',
          {},
        ),
      ),
    ).toContain('not a parameter')
    net.network.dispose()
  })

  it('SPEC.json for the command line: traceSpec gives the loss the page says training minimises', async () => {
    const m = await engine()
    const pts = generate('spiral', 100, 0.1, 3)
    const spec = buildSpec(
      cfg({ hidden: [6, 6], batchSize: 10, regularization: 'l1', regularizationRate: 0.001 }),
      BINARY,
      pts,
    )
    const r = PlaygroundSession.create(useNetworkStore(m), spec, null, {
      output: gridFeatures(4, ['x1', 'x2']),
      cells: gridFeatures(2, ['x1', 'x2']),
    })
    if (!r.ok) throw new Error(r.message)
    r.session.train(57)
    const snap = r.session.snapshot()
    const bytes = m.traceSpec(JSON.stringify(cliSpec(spec, snap.params)), 1)
    const out = JSON.parse(new TextDecoder().decode(bytes))
    expect(out.loss).toBe(snap.trainTotal)
    r.session.dispose()
  })
})
