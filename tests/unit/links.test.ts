// The link codec (web/src/links/): exact round trips, only changed fields written, one set of limits for
// fields and links, a link replaces the state, and hostile, truncated, oversized or outdated links never
// throw, never yield a spec of the wrong shape, and get notices grouped and capped.
import { mulberry32 } from '../../web/src/math/random'
import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NetworkSpec } from '../../web/src/engine/types'
import { lessons } from '../../web/src/lessons'
import { isLesson } from '../../web/src/lessons/types'
import { DEFAULT_CONFIG } from '../../web/src/lessons/playground/model'
import type { FeatureId } from '../../web/src/lessons/playground/features'
import { decodeLink, encodeLink, noticeLines, num, splitHash } from '../../web/src/links/codec'
import type { Decl, LinkedFields, NumberDecl } from '../../web/src/links/fields'
import { ENGINE, LIMITS, outOfRange, validator, type Range } from '../../web/src/links/limits'
import { decodePlayground, encodePlayground } from '../../web/src/links/playgroundLink'
import {
  WORKED_SCHEMA,
  decodeWorked,
  encodeWorked,
  workedBase,
  type WorkedState,
} from '../../web/src/links/workedLink'
import { loadEngineNode } from './loadEngineNode'

const classic: NetworkSpec = {
  layers: [2, 2, 2],
  activations: ['sigmoid', 'sigmoid'],
  loss: 'half_sse',
  weights: [
    [
      [0.15, 0.2],
      [0.25, 0.3],
    ],
    [
      [0.4, 0.45],
      [0.5, 0.55],
    ],
  ],
  biases: [
    [0.35, 0.35],
    [0.6, 0.6],
  ],
  inputs: [[0.05, 0.1]],
  targets: [[0.01, 0.99]],
  learningRate: 0.5,
  trainBiases: false,
}

const own = workedBase(classic, 'W2[0][0]')
const at = (spec: NetworkSpec, selected = 'W2[0][0]', sample = 0): WorkedState => ({
  spec,
  selected,
  sample,
})
/** The old API's shape, so the cases below read as before: the spec and the notices' text. */
function decodeState(query: string, _base?: NetworkSpec) {
  const d = decodeWorked(query, own)
  return {
    spec: d.state.spec,
    applied: d.applied,
    notices: noticeLines(d.notices, 99).map((n) => n.text),
  }
}
const encodeState = (_base: NetworkSpec, spec: NetworkSpec): string => encodeWorked(at(spec), own)

/** Every structural promise a decoded spec keeps, whatever the link was. */
function expectWellFormed(spec: NetworkSpec): void {
  const L = spec.layers.length - 1
  expect(L).toBeGreaterThanOrEqual(1)
  expect(spec.layers.every((n) => Number.isInteger(n) && n >= 1 && n <= 8)).toBe(true)
  expect(spec.layers.length).toBeLessThanOrEqual(LIMITS.lesson.layers)
  expect(spec.activations).toHaveLength(L)
  expect(spec.inputs.length).toBe(spec.targets.length)
  expect(spec.inputs.every((r) => r.length === spec.layers[0] && r.every(Number.isFinite))).toBe(
    true,
  )
  expect(spec.targets.every((r) => r.length === spec.layers[L] && r.every(Number.isFinite))).toBe(
    true,
  )
  if (spec.weights) {
    expect(spec.weights.map((W) => [W.length, W[0]?.length])).toEqual(
      spec.layers.slice(1).map((n, l) => [n, spec.layers[l]]),
    )
    expect(spec.weights.flat(2).every(Number.isFinite)).toBe(true)
  }
  if (spec.biases) expect(spec.biases.map((b) => b.length)).toEqual(spec.layers.slice(1))
  expect(Number.isFinite(spec.learningRate) && spec.learningRate > 0).toBe(true)
}

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

  it.each([
    ['an unknown key', 'v=1&lr=0.1&color=red', /Unknown setting “color”/],
    ['a wrong count', 'v=1&w=1,2,3', /weights: expected 8 values, got 3/],
    ['a non-number', 'v=1&lr=0x10', /learning rate: “0x10” is not a number/],
    ['Infinity', 'v=1&lr=Infinity', /not a number/],
    ['an overflow', 'v=1&b=1e999,0,0,0', /must be a finite number/],
    ['a zero learning rate', 'v=1&lr=0', /must be at least 0.00001/],
    ['a learning rate below 1e-5', 'v=1&lr=9e-6', /must be at least 0.00001/],
    ['an unknown activation', 'v=1&act=sigmoid,swish', /“swish” is not one of/],
    ['a duplicate', 'v=1&lr=0.1&lr=0.2', /appeared twice/],
    ['another version', 'v=7&lr=0.1', /another version/],
    ['a network too big for the page', 'v=1&n=64,64,64,64,64,64,64,64', /the playground/],
    ['a derivation that is not a parameter', 'v=1&sel=W9[0][0]', /not a weight or bias/],
    ['a sample that is not there', 'v=1&s=2', /at most 1/],
    ['a bad escape', 'v=1&lr=%E0%A4%A&loss=mse', /garbled/],
    ['mismatched samples', 'v=1&x=1,2;3,4', /different numbers of samples/],
    ['a batch larger than the data', 'v=1&bs=5', /there is only 1 sample\./],
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

describe('splitHash', () => {
  it('separates the route from its query', () => {
    expect(splitHash('#/step-by-step-222?v=1&lr=0.1')).toEqual({
      path: '/step-by-step-222',
      query: 'v=1&lr=0.1',
    })
    expect(splitHash('#/step-by-step-222')).toEqual({ path: '/step-by-step-222', query: '' })
    expect(splitHash('')).toEqual({ path: '', query: '' })
  })
})

describe('one set of limits', () => {
  it('are the engine’s own: it accepts a spec at each limit and refuses one past it', async () => {
    const engine = await loadEngineNode({ simd: false })
    const spec = (layers: number[]): NetworkSpec => ({
      layers,
      activations: layers.slice(1).map(() => 'linear' as const),
      loss: 'mse',
      inputs: [Array(layers[0]).fill(0)],
      targets: [Array(layers.at(-1)).fill(0)],
      learningRate: 0.1,
    })
    const accepts = (s: NetworkSpec): boolean => {
      const r = EngineNetwork.create(engine, s)
      if (r.ok) r.network.dispose()
      return r.ok
    }
    expect(accepts(spec([1, ENGINE.units]))).toBe(true)
    expect(accepts(spec([1, ENGINE.units + 1]))).toBe(false)
    expect(accepts(spec(Array(ENGINE.layers).fill(1)))).toBe(true)
    expect(accepts(spec(Array(ENGINE.layers + 1).fill(1)))).toBe(false)
    expect(accepts({ ...spec([1, 1]), learningRate: 0 })).toBe(false)
    expect(accepts({ ...spec([1, 1]), seed: ENGINE.seed })).toBe(true)
    // The page's limits stay inside the engine's.
    expect(LIMITS.lesson.units.max).toBeLessThanOrEqual(ENGINE.units)
    expect(LIMITS.lesson.layers).toBeLessThanOrEqual(ENGINE.layers)
    expect(LIMITS.seed.max).toBeLessThanOrEqual(ENGINE.seed)
  })

  it('a value the learning-rate field accepts is one the link accepts, and the reverse', () => {
    const field = validator('The learning rate', LIMITS.learningRate)
    for (const lr of [150, 100, 100.5, 1e-5, 9.9e-6, 1e-300, 0, -1, 0.5, 5e-324]) {
      const linked = decodeWorked(`v=1&lr=${num(lr)}`, own).applied.includes('lr')
      expect([lr, field(lr) === null]).toEqual([lr, linked])
    }
    expect(field(150)).toBe('The learning rate must be at most 100.')
    expect(field(0)).toBe('The learning rate must be at least 0.00001.')
    expect([field(1e-5), field(100)]).toEqual([null, null])
  })

  it('at every boundary, the field, the link and the engine (so the CLI) accept the same values', async () => {
    const engine = await loadEngineNode({ simd: false })
    const engineAccepts = (s: NetworkSpec): boolean => {
      const r = EngineNetwork.create(engine, s)
      if (r.ok) r.network.dispose()
      return r.ok
    }
    const cases: {
      range: Range
      link: (x: number) => string
      spec: (x: number) => Partial<NetworkSpec>
      values: number[]
    }[] = [
      {
        range: LIMITS.learningRate,
        link: (x) => `lr=${num(x)}`,
        spec: (x) => ({ learningRate: x }),
        values: [1e-5, 9.99e-6, 100, 100.000001, 0, -1, 0.5],
      },
      {
        range: LIMITS.decay,
        link: (x) => `opt=momentum:${num(x)}`,
        spec: (x) => ({ optimizer: { name: 'momentum', momentum: x } }),
        values: [0, -1e-9, 0.999999, 1, 0.9],
      },
      {
        range: LIMITS.adamEpsilon,
        link: (x) => `opt=adam:::${num(x)}`,
        spec: (x) => ({ optimizer: { name: 'adam', epsilon: x } }),
        values: [0, 5e-324, 1e-8, 1, 1.0000001],
      },
      {
        range: LIMITS.checkEpsilon,
        link: (x) => `eps=${num(x)}`,
        spec: (x) => ({ epsilon: x }),
        values: [0, 5e-324, 0.1, 0.1000001, 1e-6],
      },
    ]
    for (const { range, link, spec, values } of cases)
      for (const x of values) {
        const field = outOfRange(x, range) === null
        const linked = decodeWorked(`v=1&${link(x)}`, own).notices.length === 0
        expect([link(x), linked, engineAccepts({ ...classic, ...spec(x) })]).toEqual([
          link(x),
          field,
          field,
        ])
      }
  })

  it('weights the app writes after a divergence read back (w = −3,007,000,000)', () => {
    const w = [
      [
        [-3007000000, 0.2],
        [0.25, 1e300],
      ],
      classic.weights![1],
    ]
    const q = encodeWorked(at({ ...classic, weights: w }), own)
    expect(q).toContain('w=-3007000000,0.2,0.25,1e300')
    expect(decodeWorked(q, own)).toMatchObject({ notices: [], state: { spec: { weights: w } } })
  })
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

describe('round trip of every field of every lesson', () => {
  it('worked examples: every field changed at once reads back exactly', () => {
    const fields = new Set<string>()
    for (const l of lessons.filter(isLesson)) {
      const base = workedBase(l.spec, l.focus)
      const s = l.spec
      const changed: WorkedState = {
        spec: {
          ...s,
          layers: [...s.layers.slice(0, -1), s.layers.at(-1)! + 1],
          activations: s.activations.map(() => 'tanh' as const),
          loss: 'mse',
          learningRate: 0.125,
          optimizer: { name: 'adam', beta1: 0.8, beta2: 0.99, epsilon: 1e-7 },
          trainBiases: !(s.trainBiases ?? true),
          sharedBiases: s.sharedBiases !== true,
          seed: 77,
          init: 'he',
          inputs: [s.inputs[0].map((x) => x + 1), s.inputs[0]],
          targets: [Array(s.layers.at(-1)! + 1).fill(0.25), Array(s.layers.at(-1)! + 1).fill(0.5)],
          batchSize: 1,
          epsilon: 1e-4,
        },
        selected: 'b1[0]',
        sample: 1,
      }
      const L = changed.spec.layers
      changed.spec.weights = L.slice(1).map((n, k) =>
        Array.from({ length: n }, (_, j) => Array.from({ length: L[k] }, (_, i) => j - i / 3)),
      )
      changed.spec.biases = L.slice(1).map((n) => Array.from({ length: n }, (_, j) => -j / 7))
      const q = encodeWorked(changed, base)
      for (const part of q.split('&')) fields.add(part.split('=')[0])
      expect(decodeWorked(q, base)).toEqual({
        state: changed,
        applied: WORKED_SCHEMA.map((f) => f.key),
        notices: [],
      })
    }
    expect([...fields].sort()).toEqual(['v', ...WORKED_SCHEMA.map((f) => f.key)].sort())
  })

  it('the playground: every setting and the learner’s own points', () => {
    const state = {
      config: {
        ...DEFAULT_CONFIG,
        dataset: 'custom' as const,
        noise: 0.15,
        points: 500,
        testShare: 0.3,
        seed: 1234,
        features: ['x1', 'x2', 'sinx1'] as FeatureId[],
        hidden: [8, 8, 8, 8, 8, 8],
        activation: 'relu' as const,
        loss: 'cross_entropy' as const,
        optimizer: 'adam' as const,
        learningRate: 0.003,
        batchSize: 30,
        regularization: 'l2' as const,
        regularizationRate: 0.001,
      },
      points: [{ x1: 1.5, x2: -2, label: 1 }],
    }
    const q = encodePlayground(state)
    expect(q.split('&')).toHaveLength(16) // v and all 15 fields
    expect(decodePlayground(q)).toEqual({ ...state, notices: [] })
  })
})

describe('notices', () => {
  it('one line for every unknown name, capped, and the rest counted', () => {
    const junk = Array.from({ length: 1300 }, (_, k) => `junk${k}=1`).join('&')
    const d = decodeWorked(`v=1&${junk}&lr=-1&w=1&b=x&tb=2&loss=no&act=x&opt=x&init=x`, own)
    expect(d.notices).toHaveLength(1300 + 8)
    const lines = noticeLines(d.notices).map((n) => n.text)
    expect(lines[0]).toBe(
      'Unknown settings “junk0”, “junk1”, “junk2”, “junk3”, “junk4” and 1,295 more were ignored.',
    )
    expect(lines).toHaveLength(7)
    expect(lines.at(-1)).toBe('… and 3 more.')
  })

  it('a network too big for the lesson player points to the playground', () => {
    const d = decodeWorked('v=1&n=64,64,64,64,64,64,64,64', own)
    expect(d.state.spec).toBe(classic)
    expect(d.notices).toEqual([
      {
        kind: 'bad',
        to: '/playground',
        text: 'Ignored the link’s layer sizes: the lesson shows 2 to 4 layers of 1 to 8 units; the playground trains bigger networks.',
      },
    ])
  })

  it('a schema never reads keys it does not declare', () => {
    const d = decodeLink([], 'v=1&__proto__=1&constructor=2', {})
    expect(d).toEqual({
      state: {},
      applied: [],
      notices: [
        { kind: 'unknown', text: '__proto__' },
        { kind: 'unknown', text: 'constructor' },
      ],
    })
  })
})

describe('panel lessons: every declared field', () => {
  const declared = import.meta.glob<Record<string, LinkedFields<Record<string, Decl>>>>(
    '../../web/src/lessons/*/fields.ts',
    { eager: true },
  )
  const all = Object.entries(declared).flatMap(([file, m]) =>
    Object.values(m).map((f) => [file.split('/').at(-2)!, f] as const),
  )

  it('is declared for the panels', () => {
    expect(all.map(([id]) => id)).toContain('chain-rule')
  })

  it.each(all)(
    '%s: every field changed at once reads back; out of range or off the stops is refused',
    (_id, F) => {
      const changed = Object.fromEntries(
        Object.entries(F.own).map(([name, v]) => {
          const d = F[name] as Decl
          if ('options' in d) return [name, d.options.find((o) => o !== v) ?? v]
          if (typeof v === 'boolean') return [name, !v]
          const n = d as NumberDecl
          // Another value in range: the top (unless excluded), else the middle or the bottom.
          if (v !== n.max && !n.maxExclusive) return [name, n.max]
          return [name, n.minExclusive ? (n.min + n.max) / 2 : v !== n.min ? n.min : n.max / 2]
        }),
      )
      const q = encodeLink(F.schema, changed, F.own)
      expect(q.split('&')).toHaveLength(1 + F.schema.length)
      expect(decodeLink(F.schema, q, F.own)).toEqual({
        state: changed,
        applied: F.schema.map((f) => f.key),
        notices: [],
      })
      for (const d of Object.values(F).filter(
        (d): d is NumberDecl => typeof d === 'object' && d !== null && 'min' in d,
      )) {
        const bad = [
          d.max + (d.step ?? 1),
          d.min - (d.step ?? 1),
          ...(d.step ? [d.min + d.step / 2] : []),
        ]
        for (const v of bad) {
          const r = decodeLink(F.schema, `v=1&${d.key}=${num(v)}`, F.own)
          expect([d.key, v, r.applied]).toEqual([d.key, v, []])
          // the slider could not reach it either
          expect(outOfRange(v, d)).not.toBeNull()
        }
      }
    },
  )
})
