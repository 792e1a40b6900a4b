// The worked examples' link (web/src/links/workedLink.ts): only changed fields written, exact round
// trips of trained weights, shapes refitted, partly broken, hostile, oversized and 3,000 fuzzed links
// that never throw and never yield a spec of the wrong shape, and a link that replaces the state.
import { describe, expect, it } from 'vitest'
import { HIDDEN_ACTIVATION_NAMES } from '../../web/src/engine/catalogue'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NetworkSpec } from '../../web/src/engine/types'
import { lessons } from '../../web/src/lessons'
import { isLesson } from '../../web/src/lessons/types'
import { LIMITS } from '../../web/src/links/limits'
import { decodeWorked, encodeWorked, workedBase } from '../../web/src/links/workedLink'
import { mulberry32 } from '../../web/src/math/random'
import { classic, decodeState, encodeState, expectWellFormed, own } from './linkFixtures'
import { loadEngineNode } from './loadEngineNode'

/** A small seeded generator so a failing fuzz case can be replayed. */
const rng = mulberry32

describe('worked examples: encodeWorked / decodeWorked', () => {
  it('writes nothing for the lesson’s own spec', () => {
    expect(encodeState(classic, classic)).toBe('')
    expect(decodeState('', classic)).toEqual({ spec: classic, applied: [], notices: [] })
  })

  it('writes only what changed, after v=1, and reads it back exactly', () => {
    const changed = { ...classic, learningRate: 0.25, loss: 'mse' as const }
    const q = encodeState(classic, changed)
    expect(q).toBe('v=1&loss=mse&lr=0.25')
    expect(decodeState(q, classic)).toEqual({ spec: changed, applied: ['loss', 'lr'], notices: [] })
  })

  it('round-trips trained weights to the last bit, and batches of several samples', () => {
    const w = classic.weights!.map((W) => W.map((r) => r.map((v) => v + Math.PI / 7e5)))
    const changed: NetworkSpec = {
      ...classic,
      weights: w,
      biases: [
        [-1e-7, 3],
        [123456.789, -0.5],
      ],
      inputs: [
        [0.05, 0.1],
        [1, -2],
      ],
      targets: [
        [0.01, 0.99],
        [0.5, 0.5],
      ],
      optimizer: { name: 'adam', beta1: 0.8, epsilon: 1e-9 },
      trainBiases: true,
      batchSize: 1,
    }
    const q = encodeState(classic, changed)
    expect(q).not.toMatch(/[+ %]/) // nothing a chat client or URLSearchParams would mangle
    const back = decodeState(q, classic)
    expect(back.notices).toEqual([])
    expect(back.spec).toEqual(changed)
  })

  it('changes the shape: parameters that no longer fit are dropped, activations and data refitted', () => {
    const r = decodeState('v=1&n=2,3,1', classic)
    expect(r.notices).toEqual([])
    expect(r.spec.layers).toEqual([2, 3, 1])
    expect(r.spec.weights).toBeUndefined()
    expect(r.spec.activations).toEqual(['sigmoid', 'sigmoid'])
    expect(r.spec.targets).toEqual([[0.01]])
    expectWellFormed(r.spec)
    // and a link for the new shape with its own weights reads back
    const three = {
      ...r.spec,
      weights: [
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        [[7, 8, 9]],
      ],
      biases: [[0, 0, 0], [1]],
    }
    expect(decodeState(encodeState(classic, three), classic).spec).toEqual(three)
  })

  // A newcomer: the notice listed softmax, which the worked example's menu does not offer (#11). The
  // activations listed are the menu's: the catalogue's hidden ones (softmax is not one of them, see
  // below), so a new activation needs no edit here; the losses that fit the output are written out.
  const menu = HIDDEN_ACTIVATION_NAMES.join(', ')
  it('offers no softmax in the activation menu', () => {
    expect(HIDDEN_ACTIVATION_NAMES).toContain('relu')
    expect(HIDDEN_ACTIVATION_NAMES).not.toContain('softmax')
  })
  it.each([
    [
      'an unknown activation',
      'v=1&act=sigmoid,swish',
      `Ignored the link’s activations: “swish” is not one of ${menu}.`,
    ],
    [
      'softmax, which the menu does not offer',
      'v=1&act=sigmoid,softmax',
      `Ignored the link’s activations: “softmax” is not one of ${menu}.`,
    ],
    [
      'cross-entropy, which the loss menu does not offer',
      'v=1&loss=cross_entropy',
      'Ignored the link’s loss: “cross_entropy” is not one of half_sse, mse, bce.',
    ],
    [
      'binary cross-entropy with ReLU outputs (the menu offers it with sigmoid outputs only)',
      'v=1&act=relu,relu&loss=bce',
      'Ignored the link’s loss: “bce” is not one of half_sse, mse.',
    ],
  ])('lists exactly what the menus offer for %s', (_what, query, notice) => {
    expect(decodeState(query, classic).notices).toContain(notice)
  })

  it.each([
    ['an unknown key', 'v=1&lr=0.1&color=red', /Unknown setting “color”/],
    ['a wrong count', 'v=1&w=1,2,3', /weights: expected 8 values, got 3/],
    ['a non-number', 'v=1&lr=0x10', /learning rate η: “0x10” is not a number/],
    ['Infinity', 'v=1&lr=Infinity', /not a number/],
    ['an overflow', 'v=1&b=1e999,0,0,0', /must be a finite number/],
    ['a zero learning rate', 'v=1&lr=0', /must be at least 1×10⁻⁵/],
    ['a learning rate below 1e-5', 'v=1&lr=9e-6', /must be at least 1×10⁻⁵/],
    ['an unknown activation', 'v=1&act=sigmoid,swish', /“swish” is not one of/],
    ['a duplicate', 'v=1&lr=0.1&lr=0.2', /appeared twice/],
    ['another version', 'v=7&lr=0.1', /another version/],
    ['a network too big for the page', 'v=1&n=64,64,64,64,64,64,64,64', /the playground/],
    ['a derivation that is not a parameter', 'v=1&sel=W9[0][0]', /not a weight or bias/],
    ['a sample that is not there', 'v=1&s=2', /at most 1/],
    ['a bad escape', 'v=1&lr=%E0%A4%A&loss=mse', /garbled/],
    ['mismatched samples', 'v=1&x=1,2;3,4', /different numbers of samples/],
    ['a batch larger than the data', 'v=1&bs=5', /there is only 1 sample\./],
    [
      'an unknown optimizer',
      'v=1&opt=rmsprop',
      /“rmsprop” is not sgd, momentum\[:momentum\], or adam\[:beta1:beta2:epsilon\]/,
    ],
    ['an optimizer with too many fields', 'v=1&opt=momentum:0.5:0.9', /is not sgd/],
    ['a momentum of 1', 'v=1&opt=momentum:1', /optimizer: momentum 1 must be below 1\./],
    // Just outside the engine's (bounds.h) ranges, Adam's ε in (0, 1] and β in [0, 1): the notice
    // names the optimizer's field, not only the optimizer.
    ["Adam's ε of 0", 'v=1&opt=adam:::0', /optimizer: epsilon 0 must be above 0\./],
    [
      "Adam's ε just above 1",
      'v=1&opt=adam:::1.0000001',
      /optimizer: epsilon 1\.0000001 must be at most 1\./,
    ],
    ["Adam's β₂ of 1", 'v=1&opt=adam::1:', /optimizer: beta2 1 must be below 1\./],
  ])('drops %s with a notice and applies the rest', (_what, query, notice) => {
    const r = decodeState(query, classic)
    expect(r.notices.join(' ')).toMatch(notice)
    expectWellFormed(r.spec)
  })

  it('applies the valid parts of a partly broken link', () => {
    const r = decodeState('v=1&lr=0.1&w=oops&loss=mse&act=relu', classic)
    expect(r.spec.learningRate).toBe(0.1)
    expect(r.spec.loss).toBe('mse')
    expect(r.spec.weights).toEqual(classic.weights)
    expect(r.applied).toEqual(['loss', 'lr'])
    expect(r.notices).toHaveLength(2)
  })

  it('never touches prototypes or echoes markup unescaped-length', () => {
    const r = decodeState(
      'v=1&__proto__[x]=1&constructor=1&__proto__=%7B%7D&toString=<img src=x onerror=alert(1)>',
      classic,
    )
    expect(({} as Record<string, unknown>).x).toBeUndefined()
    expect(Object.keys(r.spec).sort()).toEqual(Object.keys(classic).sort())
    expect(r.notices.every((n) => n.length < 200)).toBe(true)
  })

  it('refuses an oversized link whole', () => {
    const r = decodeState(`v=1&w=${'1,'.repeat(LIMITS.queryLength)}`, classic)
    expect(r.spec).toBe(classic)
    expect(r.notices[0]).toMatch(/too long/)
  })

  it('survives 3,000 fuzzed links (random, truncated, mutated) with well-formed specs the engine accepts or refuses cleanly', async () => {
    const engine = await loadEngineNode({ simd: false })
    const random = rng(2024)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]
    const good = encodeState(classic, {
      ...classic,
      layers: [2, 3, 2],
      weights: [
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
      ],
      biases: [
        [0, 0, 0],
        [1, 1],
      ],
      inputs: [
        [1, 2],
        [3, 4],
      ],
      targets: [
        [0, 1],
        [1, 0],
      ],
      optimizer: { name: 'momentum', momentum: 0.9 },
      batchSize: 2,
    })
    const atoms = [
      'v=1',
      'n=2,2,2',
      'n=1,64,64,64,64,64,64,64',
      'n=0',
      'act=relu,softmax',
      'loss=cross_entropy',
      'loss=bce',
      'lr=1e-300',
      'lr=99',
      'w=',
      'b=-0',
      'x=;',
      'y=1e6,1e6',
      'opt=adam:::',
      'opt=momentum:2',
      'tb=1',
      'seed=4294967296',
      'init=he',
      'bs=0',
      '&&',
      '=',
      '%',
      '<script>alert(1)</script>',
      'x=1,2;3,4;5,6',
      'y=0,1;1,0;0,1',
    ]
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789=&,;:.-+e%<>"\'/\\ \u2028\u0000'
    let configured = 0
    for (let k = 0; k < 3000; k++) {
      const kind = k % 4
      let q: string
      if (kind === 0)
        q = good.slice(0, Math.floor(random() * good.length)) // truncated
      else if (kind === 1)
        q = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(atoms)).join('&')
      else if (kind === 2)
        q = Array.from({ length: Math.floor(random() * 200) }, () => pick([...alphabet])).join('')
      else {
        const chars = [...good]
        for (let m = 0; m < 5; m++) chars[Math.floor(random() * chars.length)] = pick([...alphabet])
        q = chars.join('')
      }
      const r = decodeState(q, classic)
      expectWellFormed(r.spec)
      const net = EngineNetwork.create(engine, r.spec)
      if (net.ok) {
        configured++
        net.network.dispose()
      } else expect(net.message.length).toBeGreaterThan(0)
    }
    expect(configured).toBeGreaterThan(1000)
  }, 60_000)
})

describe('a link replaces the state', () => {
  it('new layer sizes make a network the engine runs (n=2,8,8,2), nothing kept from the old shape', async () => {
    const engine = await loadEngineNode({ simd: false })
    for (const l of lessons.filter(isLesson)) {
      const base = workedBase(l.spec, l.focus)
      const d = decodeWorked('v=1&n=2,8,8,2', base)
      expect([l.id, d.notices]).toEqual([l.id, []])
      expect(d.state.spec.layers).toEqual([2, 8, 8, 2])
      expect(d.state.spec.weights).toBeUndefined()
      const net = EngineNetwork.create(engine, d.state.spec)
      expect([l.id, net.ok]).toEqual([l.id, true])
      if (net.ok) net.network.dispose()
    }
  })

  it('decoding starts from the lesson’s own values, never from the previous link’s', () => {
    const first = decodeWorked('v=1&lr=0.1&loss=mse', own).state
    const second = decodeWorked(encodeWorked(first, own).replace('&lr=0.1', ''), own).state
    expect(second.spec.learningRate).toBe(classic.learningRate)
    expect(second.spec.loss).toBe('mse')
  })
})
