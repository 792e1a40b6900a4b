// The link codec (web/src/links/): the route split from its query, one set of limits for fields,
// links and the engine, and notices grouped and capped. The worked examples' link is tested in
// workedLink.test.ts, every lesson's fields round trip in linkRoundTrips.test.ts.
import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NetworkSpec } from '../../web/src/engine/types'
import { decodeLink, noticeLines, num, splitHash } from '../../web/src/links/codec'
import {
  ENGINE,
  LIMITS,
  learningRateProblem,
  outOfRange,
  type Range,
} from '../../web/src/links/limits'
import { decodeWorked, encodeWorked } from '../../web/src/links/workedLink'
import { fieldProblem, fieldRefusal } from '../../web/src/links/fields'
import { LEARNING_RATE_FIELDS as LR } from '../../web/src/lessons/learning-rate/fields'
import { XOR_FIELDS } from '../../web/src/lessons/xor-221/fields'
import { at, classic, own } from './linkFixtures'
import { loadEngineNode } from './loadEngineNode'

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
    const field = (lr: number) => learningRateProblem(lr)
    for (const lr of [150, 100, 100.5, 1e-5, 9.9e-6, 1e-300, 0, -1, 0.5, 5e-324]) {
      const linked = decodeWorked(`v=1&lr=${num(lr)}`, own).applied.includes('lr')
      expect([lr, field(lr) === null]).toEqual([lr, linked])
    }
    // one wording for every η field, at either end of the range
    expect(field(150)).toBe('η must be from 1×10⁻⁵ to 100.')
    expect(field(0)).toBe('η must be from 1×10⁻⁵ to 100.')
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

describe('a range given as two fields', () => {
  it('the sweep: the link refuses a smallest η not below the largest, as the fields do, and the reverse', () => {
    // The lesson's own sweep is 0.0001 to 10.
    expect([LR.own.min, LR.own.max]).toEqual([1e-4, 10])
    for (const [min, max] of [
      [0.5, 1],
      [1, 1],
      [5, 1],
      [20, 50],
      [1e-5, 1e-5],
    ]) {
      const d = decodeLink(LR.schema, `v=1&min=${min}&max=${max}`, LR.own)
      const both = d.applied.includes('min') && d.applied.includes('max')
      const fields =
        fieldProblem(LR, 'min', () => ({ min, max }))(min) === null &&
        fieldProblem(LR, 'max', () => ({ min, max }))(max) === null
      expect([min, max, both]).toEqual([min, max, fields])
      expect([min, max, both]).toEqual([min, max, min < max])
      expect(d.state.min < d.state.max).toBe(true) // never an empty range, whatever the link says
    }
    // One end alone is checked against the lesson's own other end, and goes back to its own value.
    const alone = decodeLink(LR.schema, 'v=1&min=20', LR.own)
    expect(alone.state.min).toBe(1e-4)
    expect(alone.notices.map((n) => n.text)).toEqual([
      'Ignored the link’s smallest η of the sweep: 20 must be below the largest η of the sweep (10).',
    ])
    expect(decodeLink(LR.schema, 'v=1&max=0.00005', LR.own).state.max).toBe(10)
    // The field says it in the same words, with the value it is compared with now.
    expect(fieldProblem(LR, 'max', () => ({ min: 5, max: 10 }))(0.1)).toBe(
      'The largest η of the sweep must be above the smallest η of the sweep (5).',
    )
    // and the training bar, which waits for the field, says the rule too, not "0.01 is out of range"
    expect(fieldRefusal(LR, 'max', () => ({ min: 1, max: 10 }))(0.01)).toEqual({
      message: 'The largest η of the sweep must be above the smallest η of the sweep (1).',
      problem: '0.01 must be above the smallest η of the sweep (1)',
    })
    expect(fieldRefusal(LR, 'min', () => ({ min: 1e-4, max: 10 }))(200)).toEqual({
      message: 'The smallest η of the sweep must be at most 100.',
      problem: '200 must be at most 100',
    })
    expect(fieldRefusal(LR, 'max', () => ({ min: 1, max: 10 }))(5)).toBeNull()
  })

  it('the XOR lab: the update shown is at most the run’s updates, in the link as on the scrubber', () => {
    const read = (q: string) => decodeLink(XOR_FIELDS.schema, q, XOR_FIELDS.own)
    expect(read('v=1&n=3000&at=2500').state.at).toBe(2500)
    expect(read('v=1&n=3000&at=3000').state.at).toBe(3000)
    const over = read('v=1&n=1000&at=1500')
    expect(over.state).toMatchObject({ updates: 1000 })
    expect(over.applied).toEqual(['n'])
    expect(over.notices.map((n) => n.text)).toEqual([
      'Ignored the link’s update shown: 1500 must be at most the updates (1,000).',
    ])
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
