// K-class problems in the playground (#15): a CSV's class numbers 0…K−1 or one-hot columns become K
// softmax outputs trained with cross-entropy, and the notice says what was understood. Expected values
// are worked out by hand here (the softmax of logits ln 1, ln 2, ln 3, ln 4 is 0.1, 0.2, 0.3, 0.4),
// never taken from the code under test.
import { describe, expect, it } from 'vitest'
import type { NnModule } from '../../../engine/nn'
import { parseCsv } from '../csv'
import { generate, split } from '../../../math/datasets'
import { playgroundFile, readPlaygroundFile } from '../exportFiles'
import { decodePlayground, encodePlayground } from '../../../links/playgroundLink'
import { gridFeatures } from '../features'
import { paintHeatmap, type Palette, type Rgb } from '../../../components/charts/heatmap'
import { DEFAULT_CONFIG, buildSpec, problemOf, targetRows, type PlaygroundConfig } from '../model'
import { PlaygroundSession } from '../session'
import { loadEngineNode } from '../../../../../tests/unit/loadEngineNode'
import { useNetworkStore } from '../../../composables/useLessonStore'

const engine = async () => (await loadEngineNode()) as unknown as NnModule
const cfg = (patch: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...DEFAULT_CONFIG,
  ...patch,
})

describe('K classes from a CSV', () => {
  it('a 3-class file: labels 0, 1, 2 kept, the notice names the column and the classes', () => {
    const r = parseCsv('x1,x2,label\n1,1,0\n-1,2,2\n0.5,-3,1\n2,2,2\n')
    expect(r.points.map((p) => p.label)).toEqual([0, 2, 1, 2])
    expect(r.problems).toEqual([])
    expect(r.labels).toBe('3 classes from column label: 0, 1, 2.')
    expect(problemOf('custom', r.points)).toEqual({ kind: 'multiclass', classes: 3 })
  })

  it('4 classes, 8 classes, and without a header the column by its place', () => {
    const four = parseCsv('x,y,kind\n0,0,3\n1,1,0\n2,2,1\n3,3,2\n')
    expect(four.labels).toBe('4 classes from column kind: 0, 1, 2, 3.')
    const eight = parseCsv(Array.from({ length: 8 }, (_, k) => `${k - 4},0,${k}`).join('\n'))
    expect(eight.labels).toBe('8 classes from column 3: 0, 1, 2, 3, 4, 5, 6, 7.')
    expect(problemOf('custom', eight.points)).toEqual({ kind: 'multiclass', classes: 8 })
  })

  it('one-hot columns: column k of the labels is class k, named from the header', () => {
    const r = parseCsv(
      'x1,x2,red,green,blue,grey\n1,1,0,0,1,0\n2,2,1,0,0,0\n3,3,0,0,0,1\n4,4,0,1,0,0\n',
    )
    expect(r.points.map((p) => p.label)).toEqual([2, 0, 3, 1])
    expect(r.labels).toBe('4 classes from the one-hot columns red, green, blue, grey: 0, 1, 2, 3.')
    // A last column that is never 1 trains no output: the notice says so, as problemOf decides.
    const short = parseCsv('1,1,0,1,0\n2,2,1,0,0\n')
    expect(short.labels).toBe(
      '2 classes from the one-hot columns 3–5: 0, 1. The last column has no 1, so 2 classes are trained.',
    )
    expect(problemOf('custom', short.points)).toEqual({ kind: 'binary', classes: 2 })
  })

  it('a class without points is named; more than 8 classes or fractions are regression, said so', () => {
    expect(parseCsv('1,1,0\n2,2,3\n').labels).toBe(
      '4 classes from column 3: 0, 1, 2, 3. No point is in class 1, 2.',
    )
    const ten = parseCsv(Array.from({ length: 10 }, (_, k) => `${k - 5},1,${k}`).join('\n'))
    expect(ten.labels).toBe(
      '10 classes from column 3, but the playground trains at most 8, so the class numbers 0…9 are fitted as numbers (regression).',
    )
    expect(problemOf('custom', ten.points)).toEqual({ kind: 'regression', classes: 1 })
    expect(parseCsv('1,1,0.5\n2,2,-0.25\n').labels).toBe(
      'Numbers from −0.25 to 0.5 in column 3: not class numbers 0…7, so they are fitted as numbers (regression).',
    )
  })

  it('±1 labels (TensorFlow Playground) are two classes: −1 → 0, +1 → 1', () => {
    const r = parseCsv('x1,x2,y\n1,1,1\n-1,-1,-1\n')
    expect(r.points.map((p) => p.label)).toEqual([1, 0])
    expect(r.labels).toBe('2 classes from column y: −1 is class 0 (orange), +1 is class 1 (blue).')
  })
})

describe('the K-class network', () => {
  const points = [
    { x1: 1, x2: -2, label: 2 },
    { x1: 0, x2: 0, label: 1 },
    { x1: -3, x2: 4, label: 3 },
    { x1: 5, x2: 5, label: 0 },
  ]

  it('K softmax outputs, cross-entropy whatever loss was chosen, one-hot targets', () => {
    const problem = problemOf('custom', points)
    expect(problem).toEqual({ kind: 'multiclass', classes: 4 })
    const spec = buildSpec(cfg({ dataset: 'custom', hidden: [5], loss: 'bce' }), problem, points)
    expect(spec.layers).toEqual([2, 5, 4])
    expect(spec.activations).toEqual(['tanh', 'softmax'])
    expect(spec.loss).toBe('cross_entropy')
    expect(spec.targets).toEqual([
      [0, 0, 1, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 1],
      [1, 0, 0, 0],
    ])
    expect(targetRows([{ x1: 0, x2: 0, label: 7 }], { kind: 'multiclass', classes: 8 })).toEqual([
      [0, 0, 0, 0, 0, 0, 0, 1],
    ])
  })

  it('softmax and cross-entropy of a point match the hand values; accuracy counts arg-max hits', async () => {
    const m = await engine()
    const rows = points.slice(0, 2)
    // No hidden layer: z = Wx + b. W·x for x = (1, −2) is (−1, −2, 2, 1); b undoes it and adds ln(k + 1),
    // so the logits of point 1 are ln 1 … ln 4 and its softmax is (1, 2, 3, 4)/10. Its label is 2:
    // cross-entropy −ln 0.3. Point 2 (x = 0) has logits b = (1, ln 2 + 2, ln 3 − 2, ln 4 − 1):
    // e^z = (e, 2e², 3e⁻², 4e⁻¹), arg-max class 1 = its label; point 1's arg-max is 3 ≠ 2.
    const W = [
      [1, 1],
      [0, 1],
      [2, 0],
      [-1, -1],
    ]
    const b = [1, Math.log(2) + 2, Math.log(3) - 2, Math.log(4) - 1]
    const spec = {
      ...buildSpec(
        cfg({ dataset: 'custom', hidden: [] }),
        { kind: 'multiclass', classes: 4 },
        rows,
      ),
      weights: [W],
      biases: [b],
    }
    const e = Math.E
    const sum2 = e + 2 * e * e + 3 / (e * e) + 4 / e
    const ce1 = -Math.log(0.3)
    const ce2 = -Math.log((2 * e * e) / sum2)
    expect(ce1).toBeCloseTo(1.2039728043259361, 15) // ln(10/3)
    const r = PlaygroundSession.create(useNetworkStore(m), spec, null, {
      output: new Float64Array([1, -2, 0, 0]),
      cells: gridFeatures(2, ['x1', 'x2']),
    })
    if (!r.ok) throw new Error(r.message)
    const s = r.session.snapshot()
    expect(s.trainLoss!).toBeCloseTo((ce1 + ce2) / 2, 12)
    expect(s.trainAccuracy).toBe(0.5)
    expect(s.testAccuracy).toBeNull()
    // The heatmap's grid values (float32 fast maths): point 1's probabilities, to float32 precision.
    const out = Array.from(s.output!.subarray(0, 4))
    ;[0.1, 0.2, 0.3, 0.4].forEach((p, k) => expect(out[k]).toBeCloseTo(p, 5))
    r.session.dispose()
  })

  it('a separable 4-class set trains above chance on the test points', async () => {
    const m = await engine()
    // Four clusters, one per quadrant, class = quadrant; 25 points each on a fixed lattice.
    const quads = [
      [3, 3],
      [-3, 3],
      [-3, -3],
      [3, -3],
    ]
    const pts = quads.flatMap(([cx, cy], label) =>
      Array.from({ length: 25 }, (_, k) => ({
        x1: cx + ((k % 5) - 2) * 0.4,
        x2: cy + (Math.floor(k / 5) - 2) * 0.4,
        label,
      })),
    )
    const problem = problemOf('custom', pts)
    const { train, test } = split(pts, 0.2, 1)
    expect(test.length).toBe(20) // exactly 20 % of 100
    const spec = buildSpec(
      cfg({ dataset: 'custom', hidden: [4], learningRate: 0.1, batchSize: 0 }),
      problem,
      train,
    )
    const r = PlaygroundSession.create(
      useNetworkStore(m),
      spec,
      { inputs: test.map((p) => [p.x1, p.x2]), targets: targetRows(test, problem) },
      { output: gridFeatures(4, ['x1', 'x2']), cells: gridFeatures(2, ['x1', 'x2']) },
    )
    if (!r.ok) throw new Error(r.message)
    r.session.train(300)
    const s = r.session.snapshot()
    // chance is 1/4; quadrants are linearly separable, so far above it after 300 full-batch updates
    expect(s.trainAccuracy!).toBeGreaterThan(0.9)
    expect(s.testAccuracy!).toBeGreaterThan(0.9)
    r.session.dispose()
  })
})

describe('the train/test split', () => {
  it('holds out exactly the share: 50 % of 300 is 150/150, 30 % of 1000 is 300', () => {
    const pts = generate('circle', 300, 0, 1)
    const r = split(pts, 0.5, 1)
    expect([r.train.length, r.test.length]).toEqual([150, 150])
    expect(split(generate('gauss', 1000, 0, 5), 0.3, 5).test.length).toBe(300)
    expect(split(pts, 0.9, 1).test.length).toBe(270)
  })
})

describe('the K-class heatmap', () => {
  const classes: Rgb[] = [
    [234, 88, 12],
    [37, 99, 235],
    [13, 148, 136],
    [124, 58, 237],
    [219, 39, 119],
    [101, 163, 13],
    [202, 138, 4],
    [71, 85, 105],
  ]
  const palette: Palette = { neg: classes[0], pos: classes[1], classes }

  it('colours each cell by its arg-max class, from white at p = 1/K to 60 % colour at p = 1', () => {
    const values = new Float64Array([
      ...[0.1, 0.2, 0.3, 0.4], // class 3 at p = 0.4: strength (0.4 − 1/4)·4/3 = 0.2, mix 0.2 · 0.6 = 0.12
      ...[0.25, 0.25, 0.25, 0.25], // a tie of all four: white
      ...[0, 0, 1, 0], // class 2 for sure: mix 0.6
      ...[NaN, 0, 0, 0], // not finite: grey, never a class
    ])
    const out = new Uint8ClampedArray(4 * 4)
    paintHeatmap(out, values, 4, 4, 0, 'classes', palette)
    const mix = (c: Rgb, s: number) => c.map((v) => Math.round(255 + (v - 255) * s))
    expect(Array.from(out.subarray(0, 3))).toEqual(mix(classes[3], 0.12)) // 239, 231, 253
    expect(Array.from(out.subarray(0, 3))).toEqual([239, 231, 253])
    expect(Array.from(out.subarray(4, 7))).toEqual([255, 255, 255])
    expect(Array.from(out.subarray(8, 11))).toEqual(mix(classes[2], 0.6))
    expect(Array.from(out.subarray(12, 15))).toEqual([217, 217, 217])
  })

  it('the eighth class has its own colour', () => {
    const values = new Float64Array(8).fill(0)
    values[7] = 1
    const out = new Uint8ClampedArray(4)
    paintHeatmap(out, values, 1, 8, 0, 'classes', palette)
    // 255 + (71 − 255)·0.6 = 144.6, 255 + (85 − 255)·0.6 = 153, 255 + (105 − 255)·0.6 = 165
    expect(Array.from(out.subarray(0, 3))).toEqual([145, 153, 165])
  })
})

describe('what keeps the K classes', () => {
  const points = [0, 1, 2, 3, 4, 5].map((label) => ({ x1: label - 3, x2: 1.5, label }))
  const state = {
    config: { ...DEFAULT_CONFIG, dataset: 'custom' as const, hidden: [3] },
    points,
    clicked: 0,
  }

  it('the link carries the points and their class numbers (up to 500 points)', () => {
    const back = decodePlayground(encodePlayground(state))
    expect(back.notices).toEqual([])
    expect(back.points).toEqual(points)
    expect(problemOf(back.config.dataset, back.points)).toEqual({ kind: 'multiclass', classes: 6 })
  })

  it('the JSON file carries them too, with weights of the 6-output network', () => {
    const weights = [
      Array.from({ length: 3 }, () => [0.5, -0.5]),
      Array.from({ length: 6 }, () => [1, 2, 3]),
    ]
    const biases = [
      [0, 0, 0],
      [0, 0, 0, 0, 0, 0],
    ]
    const r = readPlaygroundFile(JSON.stringify(playgroundFile(state, { weights, biases })))
    if (!r.ok) throw new Error(r.message)
    expect(r.state.points).toEqual(points)
    expect(r.params?.weights[1]).toHaveLength(6)
    expect(problemOf(r.state.config.dataset, r.state.points).classes).toBe(6)
  })
})
