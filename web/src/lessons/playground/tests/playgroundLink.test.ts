// The playground's link codec: round trips, only changed fields written, hostile input dropped with a notice.
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../model'
import { HIDDEN_ACTIVATION_NAMES } from '../../../engine/catalogue'
import { noticeLines } from '../../../links/codec'
import { LIMITS } from '../../../links/limits'
import { decodePlayground, encodePlayground } from '../../../links/playgroundLink'

const MAX_LINK_POINTS = LIMITS.playground.linkPoints
import { readPlaygroundFile, playgroundFile } from '../exportFiles'

describe('playground state in the URL', () => {
  it('writes nothing for the defaults and round-trips every field', () => {
    expect(encodePlayground({ config: DEFAULT_CONFIG, points: [] })).toBe('')
    const config = {
      ...DEFAULT_CONFIG,
      dataset: 'spiral3' as const,
      noise: 0.15,
      points: 500,
      testShare: 0.3,
      seed: 1234,
      features: ['x1', 'x2', 'sinx1'] as const,
      hidden: [8, 8, 8, 8, 8, 8],
      activation: 'relu' as const,
      loss: 'cross_entropy' as const,
      optimizer: 'adam' as const,
      learningRate: 0.003,
      batchSize: 30,
      regularization: 'l2' as const,
      regularizationRate: 0.001,
    }
    const q = encodePlayground({
      config: { ...config, features: [...config.features] },
      points: [],
    })
    expect(q).toBe(
      'v=1&d=spiral3&noise=15&n=500&test=30&seed=1234&f=x1,x2,sinx1&h=8,8,8,8,8,8&act=relu&loss=cross_entropy&opt=adam&lr=0.003&bs=30&reg=l2&rr=0.001',
    )
    expect(decodePlayground(q)).toEqual({ config, points: [], notices: [] })
    expect(decodePlayground('v=1&h=0').config.hidden).toEqual([])
  })

  it('carries the learner’s own points, up to a limit', () => {
    const points = [
      { x1: 1.5, x2: -2, label: 1 },
      { x1: -3, x2: 0.25, label: 0 },
    ]
    const q = encodePlayground({ config: { ...DEFAULT_CONFIG, dataset: 'custom' }, points })
    expect(q).toBe('v=1&d=custom&pts=1.5,-2,1;-3,0.25,0')
    expect(decodePlayground(q).points).toEqual(points)
    const clicked = encodePlayground({
      config: { ...DEFAULT_CONFIG, dataset: 'custom' },
      points,
      clicked: 1,
    })
    expect(clicked).toBe('v=1&d=custom&pts=1.5,-2,1;-3,0.25,0&clk=1')
    expect(decodePlayground(clicked).clicked).toBe(1)
    const many = Array.from({ length: MAX_LINK_POINTS + 1 }, () => points[0])
    expect(
      encodePlayground({ config: { ...DEFAULT_CONFIG, dataset: 'custom' }, points: many }),
    ).not.toContain('pts=')
  })

  it('drops hostile or broken parts with a notice and keeps the rest', () => {
    const r = decodePlayground(
      'v=1&d=spiral&h=8,99&lr=1e308&act=%3Cscript%3E&f=&seed=-1&__proto__=1&pts=1,2;x&n=40&n=50&noise=%E0%A4%A',
    )
    expect(r.config).toEqual({ ...DEFAULT_CONFIG, dataset: 'spiral', points: 40 })
    expect(noticeLines(r.notices, 99).map((n) => n.text)).toEqual([
      'Unknown setting “__proto__” was ignored.',
      '1 garbled part was ignored.',
      'The setting “n” appeared twice; the first one was used.',
      'Ignored the link’s seed: -1 must be at least 0.',
      'Ignored the link’s features: at least 1 value needed.',
      'Ignored the link’s hidden layers: 99 must be at most 8.',
      `Ignored the link’s activation: “<script>” is not one of ${HIDDEN_ACTIVATION_NAMES.join(', ')}.`,
      'Ignored the link’s learning rate η: 1e308 must be at most 100.',
      'Ignored the link’s points: “1,2” is not x1,x2,label.',
    ])
    expect(Object.prototype).not.toHaveProperty('1')
    expect(decodePlayground('x'.repeat(20_000)).notices).toHaveLength(1)
  })

  it('the JSON file goes through the same checks', () => {
    const state = {
      config: { ...DEFAULT_CONFIG, dataset: 'custom' as const, hidden: [2] },
      points: [{ x1: 1, x2: 2, label: 1 }],
    }
    const params = {
      weights: [
        [
          [0.1, 0.2],
          [0.3, 0.4],
        ],
        [[0.5, 0.6]],
      ],
      biases: [[0, 0], [0.1]],
    }
    const r = readPlaygroundFile(JSON.stringify(playgroundFile(state, params)))
    expect(r).toEqual({ ok: true, state, params, notices: [] })
    expect(readPlaygroundFile('{"format":"other"}')).toMatchObject({ ok: false })
    expect(readPlaygroundFile('nope')).toEqual({ ok: false, message: 'The file is not JSON.' })
    const bad = readPlaygroundFile(
      JSON.stringify({ ...playgroundFile(state, params), points: [[1, 2, 'x']] }),
    )
    expect(bad).toEqual({
      ok: false,
      message: 'Point 1 is not [x1, x2, label] with x1 and x2 between −6 and 6.',
    })
  })

  it('accepts exactly the losses the loss menu offers for the data, and writes only those', () => {
    // The menu's choices, written out: two classes bce, mse, half_sse; several classes
    // cross_entropy; regression mse, half_sse.
    const refused = (q: string) => noticeLines(decodePlayground(q).notices, 99).map((n) => n.text)
    expect(refused('v=1&d=spiral3&loss=bce')).toEqual([
      'Ignored the link’s loss: “bce” is not one of cross_entropy.',
    ])
    expect(refused('v=1&d=plane&loss=bce')).toEqual([
      'Ignored the link’s loss: “bce” is not one of mse, half_sse.',
    ])
    expect(refused('v=1&d=circle&loss=cross_entropy')).toEqual([
      'Ignored the link’s loss: “cross_entropy” is not one of bce, mse, half_sse.',
    ])
    // Refused: the rest of the link is kept, the loss stays the playground's own.
    const r = decodePlayground('v=1&d=plane&loss=bce&lr=0.1')
    expect(r.config).toEqual({ ...DEFAULT_CONFIG, dataset: 'plane', learningRate: 0.1 })
    // The learner's own points decide: labels 0 and 1 are two classes, 0.5 makes it regression,
    // whatever order the link lists them in.
    expect(refused('v=1&d=custom&loss=cross_entropy&pts=1,1,0;2,2,1')).toEqual([
      'Ignored the link’s loss: “cross_entropy” is not one of bce, mse, half_sse.',
    ])
    expect(refused('v=1&d=custom&loss=bce&pts=1,1,0;2,2,0.5')).toEqual([
      'Ignored the link’s loss: “bce” is not one of mse, half_sse.',
    ])
    expect(decodePlayground('v=1&d=custom&loss=half_sse&pts=1,1,0;2,2,0.5').config.loss).toBe(
      'half_sse',
    )
    expect(decodePlayground('v=1&d=plane&loss=mse').notices).toEqual([])
    // A loss kept from other data that does not fit this data is not written (the playground uses
    // the menu's first choice, as it does for the link without it): nothing the app writes is refused.
    const q = encodePlayground({
      config: { ...DEFAULT_CONFIG, dataset: 'spiral3', loss: 'half_sse' },
      points: [],
    })
    expect(q).toBe('v=1&d=spiral3')
    expect(decodePlayground(q).notices).toEqual([])
    expect(
      encodePlayground({
        config: { ...DEFAULT_CONFIG, dataset: 'plane', loss: 'half_sse' },
        points: [],
      }),
    ).toBe('v=1&d=plane&loss=half_sse')
  })
})
