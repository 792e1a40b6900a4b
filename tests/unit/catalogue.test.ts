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
  hasKink,
  suitedInit,
  tex,
  type ActivationName,
} from '../../web/src/engine/catalogue'
import { CATALOGUE } from '../../web/src/engine/generated/catalogue'
import { loadEngineNode } from './loadEngineNode'

const docs = readFileSync(new URL('../../docs/spec.md', import.meta.url), 'utf8')
/** The text of the docs table row of `field`. */
const row = (field: string) => docs.split('\n').find((l) => l.startsWith(`| \`${field}\``)) ?? ''
const ticked = (text: string) => [...text.matchAll(/`([a-z_0-9]+)`/g)].map((m) => m[1])

describe('the catalogue', () => {
  it('says which activations have a kink in f′ and which initialisation suits each', () => {
    // ReLU′ and leaky ReLU′ jump at z = 0 and He's initialisation is theirs (He et al. 2015); the smooth
    // ones take Xavier's (Glorot & Bengio 2010).
    const kinked = {
      relu: true,
      leaky_relu: true,
      linear: false,
      sigmoid: false,
      tanh: false,
      softmax: false,
    }
    for (const [name, kink] of Object.entries(kinked) as [ActivationName, boolean][]) {
      expect(hasKink(name), name).toBe(kink)
      expect(suitedInit(name), name).toBe(kink ? 'he' : 'xavier')
    }
  })

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

  it('evaluates activations and their slopes for the TypeScript maths (the engine tests each one)', async () => {
    const engine = await loadEngineNode()
    const zs = [-2, 0, 0.5]
    const s = (z: number) => 1 / (1 + Math.exp(-z))
    const t = Math.tanh
    const expected: Record<string, [number[], number[]]> = {
      linear: [zs, [1, 1, 1]],
      sigmoid: [zs.map(s), zs.map((z) => s(z) * (1 - s(z)))],
      tanh: [zs.map(t), zs.map((z) => 1 - t(z) ** 2)],
      relu: [
        [0, 0, 0.5],
        [0, 0, 1],
      ],
      leaky_relu: [
        [-0.02, 0, 0.5],
        [0.01, 0.01, 1],
      ],
    }
    for (const [name, [f, df]] of Object.entries(expected)) {
      engine.activation(name, zs, false).forEach((v, i) => expect(v).toBeCloseTo(f[i], 15))
      engine.activation(name, zs, true).forEach((v, i) => expect(v).toBeCloseTo(df[i], 15))
    }
    // e^0 : e^{ln 3} = 1 : 3
    const softmax = engine.activation('softmax', [0, Math.log(3)], false)
    expect(softmax[0]).toBeCloseTo(0.25, 15)
    expect(softmax[1]).toBeCloseTo(0.75, 15)
    expect(engine.activation('swish', [1], false)).toEqual([])
  })

  it('gives every activation and loss its maths text, placeholders filled as the notes write them', () => {
    expect(tex('activations', 'sigmoid', 'tex', { z: 'z_1' })).toBe('\\frac{1}{1 + e^{-z_1}}')
    expect(tex('activations', 'tanh', 'dtex', { a: 'a_1', z: 'z_1' })).toBe('1 - {a_1}^2')
    // #11: a number in scientific notation as the base of a power is bracketed, or 1 − {1.2 × 10⁻⁷}²
    // reads as 1 − 1.2 × 10⁻⁷²; a plain number is not
    expect(tex('activations', 'tanh', 'dtex', { a: '1.2 \\times 10^{-7}' })).toBe(
      '1 - {(1.2 \\times 10^{-7})}^2',
    )
    expect(tex('activations', 'tanh', 'dtex', { a: '0.5' })).toBe('1 - {0.5}^2')
    expect(tex('activations', 'softmax', 'tex', { z: 'z_2', 'Σe^z': 'e^{z_1} + e^{z_2}' })).toBe(
      '\\frac{e^{z_2}}{e^{z_1} + e^{z_2}}',
    )
    expect(tex('losses', 'mse', 'dtex', { a: 'a', y: 'y', K: '2' })).toBe('-\\frac{2}{2}(y - a)')
    // one output: 1/K and 2/K are written 1 and 2, as a reader would (the shapes lesson's 2-4-1)
    expect(tex('losses', 'mse', 'tex', { a: 'a', y: 'y', K: '1' })).toBe('(y - a)^2')
    expect(tex('losses', 'mse', 'dtex', { a: 'a', y: 'y', K: '1' })).toBe('-2(y - a)')
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
