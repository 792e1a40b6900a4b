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
} from '../../web/src/engine/catalogue'
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
})
