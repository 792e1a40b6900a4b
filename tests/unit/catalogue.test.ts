// The engine's catalogue reaches every place that names activations, losses, optimizers and
// regularisers: the generated TypeScript equals what the loaded wasm reports, the spec reader's
// message lists the same names, and docs/spec.md documents each one (and no other).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  ACTIVATION_NAMES,
  LOSS_NAMES,
  OPTIMIZER_NAMES,
  PENALTY_NAMES,
  tex,
} from '../../web/src/engine/catalogue'
import { ELEMENTWISE } from '../../web/src/math/activations'
import { CATALOGUE } from '../../web/src/engine/generated/catalogue'
import { loadEngineNode } from './loadEngineNode'

const docs = readFileSync(new URL('../../docs/spec.md', import.meta.url), 'utf8')
/** The text of the docs table row of `field`. */
const row = (field: string) => docs.split('\n').find((l) => l.startsWith(`| \`${field}\``)) ?? ''
const ticked = (text: string) => [...text.matchAll(/`([a-z_0-9]+)`/g)].map((m) => m[1])

describe('the catalogue', () => {
  it('generated into TypeScript is what the engine exports', async () => {
    const engine = await loadEngineNode()
    expect(JSON.parse(engine.catalogue())).toEqual(CATALOGUE)
  })

  it('gives the spec reader its list of names', async () => {
    const engine = await loadEngineNode()
    const net = new engine.Network()
    const spec = {
      layers: [1, 1],
      activations: ['swish'],
      loss: 'mse',
      inputs: [[1]],
      targets: [[1]],
      learningRate: 0.1,
    }
    net.configure(JSON.stringify(spec))
    expect(net.error()).toBe(`activations[0]: expected one of ${ACTIVATION_NAMES.join(', ')}`)
    net.configure(JSON.stringify({ ...spec, activations: ['linear'], loss: 'hinge' }))
    expect(net.error()).toBe(`loss: expected one of ${LOSS_NAMES.join(', ')}`)
    net.delete()
  })

  it('is documented in docs/spec.md, name by name', () => {
    const activationRow = ticked(row('activations')).filter(
      (n) => n !== 'activations' && !LOSS_NAMES.includes(n as never),
    )
    expect(activationRow.sort()).toEqual([...ACTIVATION_NAMES].sort())
    expect(
      ticked(row('loss'))
        .filter((n) => n !== 'loss')
        .sort(),
    ).toEqual([...LOSS_NAMES].sort())
    for (const name of OPTIMIZER_NAMES) expect(row('optimizer')).toContain(`"name": "${name}"`)
    for (const name of PENALTY_NAMES)
      expect(row('regularization')).toMatch(new RegExp(`\\b${name}\\b`))
  })

  it("gives TypeScript's f and f′ the engine's values at every net input (one table row each)", async () => {
    const engine = await loadEngineNode()
    const zs = [-30, -3, -1.5, -0.25, -1e-3, 0, 1e-3, 0.25, 0.7, 2, 5, 30]
    // A 1-1 network with w = 1, b = 0 gives z and a = f(z); with targets a − 1 its half-SSE δ is f′(z).
    const trace = (f: string, targets: number[]) =>
      JSON.parse(
        engine.traceSpec(
          JSON.stringify({
            layers: [1, 1],
            activations: [f],
            loss: 'half_sse',
            weights: [[[1]]],
            biases: [[0]],
            inputs: zs.map((z) => [z]),
            targets: targets.map((t) => [t]),
            learningRate: 0.1,
          }),
          0,
        ),
      ) as { layers: { a: number[][]; delta: number[][] }[] }
    expect(Object.keys(ELEMENTWISE).sort()).toEqual(
      ACTIVATION_NAMES.filter((a) => a !== 'softmax').sort(),
    )
    for (const [name, { f, df }] of Object.entries(ELEMENTWISE)) {
      const a = trace(name, zs).layers[0].a.map((r) => r[0])
      zs.forEach((z, i) => expect(f(z), `${name}(${z})`).toBeCloseTo(a[i], 15))
      const delta = trace(
        name,
        a.map((v) => v - 1),
      ).layers[0].delta.map((r) => r[0])
      zs.forEach((z, i) => expect(df(z), `${name}′(${z})`).toBeCloseTo(delta[i], 12))
    }
  })

  it('gives every activation and loss its maths text, placeholders filled as the notes write them', () => {
    expect(tex('activations', 'sigmoid', 'tex', { z: 'z_1' })).toBe('\\frac{1}{1 + e^{-z_1}}')
    expect(tex('activations', 'tanh', 'dtex', { a: 'a_1', z: 'z_1' })).toBe('1 - {a_1}^2')
    expect(tex('activations', 'softmax', 'tex', { z: 'z_2', 'Σe^z': 'e^{z_1} + e^{z_2}' })).toBe(
      '\\frac{e^{z_2}}{e^{z_1} + e^{z_2}}',
    )
    expect(tex('losses', 'mse', 'dtex', { a: 'a', y: 'y', K: '2' })).toBe('-\\frac{2}{2}(y - a)')
    const slots = { z: 'Z', a: 'A', y: 'Y', K: '3', 'Σe^z': 'S' }
    for (const name of ACTIVATION_NAMES) {
      expect(tex('activations', name, 'tex', slots)).toContain('Z')
      expect(tex('activations', name, 'dtex', slots)).not.toBe('')
      expect(tex('activations', name, 'dtex', slots)).not.toMatch(/\{[za]\}/)
    }
    for (const name of LOSS_NAMES)
      for (const which of ['tex', 'dtex'] as const) {
        const text = tex('losses', name, which, slots)
        expect(text).toContain('A')
        expect(text).not.toMatch(/\{[zayK]\}/)
      }
  })
})
