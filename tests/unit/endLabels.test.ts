// End labels of a line chart (#12): two series that stop at nearly the same point (SGD and momentum
// diverging a few updates apart at η = 3) must not write their labels on top of each other. Boxes
// worked out by hand from the placement rule: 6 px right of the point, bottom 4 px above it, 13 px lines.
import { describe, expect, it } from 'vitest'
import {
  endLabelPlugin,
  placeEndLabels,
  toDatasets,
} from '../../web/src/components/charts/lineChartConfig'
import { etaChangeMarks } from '../../web/src/composables/useEtaChanges'
import type { ChartSeries } from '../../web/src/math/series'
import { liveEndLabels } from '../../web/src/lessons/learning-rate/learningRateCharts'

const area = { top: 10, bottom: 210, left: 0, right: 400 }
const overlap = (
  a: { left: number; top: number; width: number; height: number },
  b: typeof a,
): boolean =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height

describe('placeEndLabels', () => {
  it('keeps a lone label where it always was: right of the point, just above it', () => {
    const [b] = placeEndLabels([{ text: 'diverged after 40', x: 100, y: 100, width: 90 }], area)
    expect(b).toEqual({ text: 'diverged after 40', left: 106, top: 83, width: 90, height: 13 })
  })

  it('moves a second label that would cover the first by whole lines until it is free', () => {
    const boxes = placeEndLabels(
      [
        { text: 'diverged after 40', x: 100, y: 100, width: 90 },
        { text: 'diverged after 43', x: 104, y: 98, width: 90 },
      ],
      { ...area, left: 20 },
    )
    expect(boxes[0]?.top).toBe(83)
    // its own place, top 98 − 4 − 13 = 81, overlaps the first (83 to 96), and left of its point
    // (104 − 6 − 90 = 8) is past the chart's left edge (20); a line down, 94, still overlaps; a line
    // up, 68 (68 to 81), is free.
    expect(boxes[1]).toEqual({
      text: 'diverged after 43',
      left: 110,
      top: 68,
      width: 90,
      height: 13,
    })
    expect(overlap(boxes[0]!, boxes[1]!)).toBe(false)
  })

  it('stacks three labels at one point, none covering another, all inside the chart', () => {
    const boxes = placeEndLabels(
      [0, 1, 2].map((k) => ({ text: `label ${k}`, x: 50, y: 30, width: 60 })),
      area,
    )
    expect(boxes.map((b) => b?.top)).toEqual([13, 26, 39])
    for (const b of boxes) expect(b!.top).toBeGreaterThanOrEqual(area.top)
    expect(overlap(boxes[0]!, boxes[1]!) || overlap(boxes[1]!, boxes[2]!)).toBe(false)
  })

  it('writes a label that would run past the right edge to the left of its point', () => {
    const [b] = placeEndLabels([{ text: 'x', x: 380, y: 100, width: 40 }], area)
    expect(b?.left).toBe(380 - 6 - 40)
  })

  // #11: ten η marks at nearly one update on a chart 60 px tall used to be stacked past the area and
  // written over each other. The lines inside are tops 53 (70 − 4 − 13), 40, 27 and 14 (66 runs past
  // the bottom, 1 above the top). Label k at x = 100 + k (40 wide) goes right of its point (106 + k)
  // or left of it (54 + k): the first right at 53, the second left at 53, the third and fourth a line
  // up, right and left, and so on: eight placed, two a line apart at each top; the last two find none.
  it('leaves out the labels that find no free line instead of writing them over others', () => {
    const small = { top: 10, bottom: 70, left: 0, right: 400 }
    const boxes = placeEndLabels(
      Array.from({ length: 10 }, (_, k) => ({ text: `η ${k}`, x: 100 + k, y: 70, width: 40 })),
      small,
    )
    const written = boxes.filter((b) => b !== null)
    expect(written.map((b) => b.top).sort((a, b) => a - b)).toEqual([
      14, 14, 27, 27, 40, 40, 53, 53,
    ])
    expect(boxes.map((b) => b?.left)).toEqual([
      106,
      55,
      108,
      57,
      110,
      59,
      112,
      61,
      undefined,
      undefined,
    ])
    for (const a of written) for (const b of written) if (a !== b) expect(overlap(a, b)).toBe(false)
  })

  it('places the labels that yield after the others: a divergence label keeps its place', () => {
    const small = { top: 10, bottom: 36, left: 0, right: 400 } // two lines: tops 10 and 23
    const boxes = placeEndLabels(
      [
        { text: 'η → 0.1', x: 100, y: 36, width: 40, yields: true },
        { text: 'η → 0.2', x: 101, y: 36, width: 40, yields: true },
        { text: 'diverged after 40', x: 102, y: 36, width: 90 },
      ],
      small,
    )
    // the divergence label first: its own place, top 36 − 4 − 13 = 19, is free (108 to 198); the
    // only line inside is 19 (32 runs past the bottom, 6 above the top). The first η label finds it
    // taken right of its point (106) and free left of it (100 − 6 − 40 = 54); the second finds 107,
    // 55 and 107 (pushed inside: the same) taken: left out.
    expect(boxes[2]).toEqual({
      text: 'diverged after 40',
      left: 108,
      top: 19,
      width: 90,
      height: 13,
    })
    expect(boxes[0]).toEqual({ text: 'η → 0.1', left: 54, top: 19, width: 40, height: 13 })
    expect(boxes[1]).toBeNull()
  })

  // #11: on a phone (390 px) the live run's labels covered another run's ✕, ran past the chart's left
  // edge and were crossed by the curves. A ✕ is drawn 4 px around its point: its box.
  const cross = (x: number, y: number) => ({ left: x - 4, top: y - 4, width: 8, height: 8 })

  it('never covers a ✕ where another run stopped', () => {
    // its own place, 106 to 196 by 83 to 96, covers the ✕ at (150, 90) (146 to 154, 86 to 94); left
    // of its point, 100 − 6 − 90 = 4, is free
    const marks = [cross(100, 100), cross(150, 90)]
    const [b] = placeEndLabels(
      [{ text: 'Adam diverged after 8', x: 100, y: 100, width: 90 }],
      area,
      marks,
    )
    expect(b).toEqual({ text: 'Adam diverged after 8', left: 4, top: 83, width: 90, height: 13 })
    for (const m of marks) expect(overlap(b!, m)).toBe(false)
  })

  it('keeps a label too wide for either side of its point inside the chart', () => {
    // a phone's chart area, 50 to 320: right of the point, 206 + 161 + 2 > 320; left of it, 200 − 6
    // − 161 = 33 < 50; pushed inside: 320 − 2 − 161 = 157, at its own height 100 − 4 − 13 = 83,
    // just above its own ✕ (96 to 104)
    const phone = { top: 10, bottom: 210, left: 50, right: 320 }
    const [b] = placeEndLabels(
      [{ text: 'Momentum diverged after 11', x: 200, y: 100, width: 161 }],
      phone,
      [cross(200, 100)],
    )
    expect(b).toEqual({
      text: 'Momentum diverged after 11',
      left: 157,
      top: 83,
      width: 161,
      height: 13,
    })
  })

  it('prefers a line no curve crosses', () => {
    // a curve along y = 90 crosses its own place (83 to 96) on both sides of the point; a line down,
    // 96 to 109, right of the point, is clear
    const [b] = placeEndLabels(
      [{ text: 'SGD diverged after 18', x: 100, y: 100, width: 60 }],
      area,
      [],
      [
        [
          { x: 0, y: 90 },
          { x: 400, y: 90 },
        ],
      ],
    )
    expect(b).toEqual({ text: 'SGD diverged after 18', left: 106, top: 96, width: 60, height: 13 })
  })

  it('sees a curve segment that starts far left of the place and crosses it', () => {
    // one segment from (0, 84) to (400, 92), y = 84 + x / 50: both its ends lie outside the x-range
    // of every place tried, yet it runs through the label's own line (83 to 96) right of the point
    // (x = 106 to 166, y = 86.12 to 87.32) and left of it (x = 34 to 94, y = 84.68 to 85.88); a line
    // down, 96 to 109, right of the point, is clear
    const [b] = placeEndLabels(
      [{ text: 'SGD diverged after 18', x: 100, y: 100, width: 60 }],
      area,
      [],
      [
        [
          { x: 0, y: 84 },
          { x: 400, y: 92 },
        ],
      ],
    )
    expect(b).toEqual({ text: 'SGD diverged after 18', left: 106, top: 96, width: 60, height: 13 })
  })

  it('sees a curve that turns back to the left through the place', () => {
    // a curve that runs right along y = 200, then back left along y = 90 (its points not in x
    // order): the way back crosses the label's own place (83 to 96) on both sides of the point
    const [b] = placeEndLabels(
      [{ text: 'SGD diverged after 18', x: 100, y: 100, width: 60 }],
      area,
      [],
      [
        [
          { x: 0, y: 200 },
          { x: 400, y: 200 },
          { x: 400, y: 90 },
          { x: 0, y: 90 },
        ],
      ],
    )
    expect(b).toEqual({ text: 'SGD diverged after 18', left: 106, top: 96, width: 60, height: 13 })
  })
})

describe('liveEndLabels (the learning-rate lesson’s live run)', () => {
  it('writes one label naming every optimizer that diverged at the same update', () => {
    expect(
      liveEndLabels([
        { name: 'SGD', divergedAt: 3 },
        { name: 'Momentum (μ = 0.9)', divergedAt: 3 },
        { name: 'Adam', divergedAt: null },
      ]),
    ).toEqual(['SGD and Momentum diverged after 3', '', undefined])
  })

  it('names each optimizer on its own label when they diverged at different updates', () => {
    expect(
      liveEndLabels([
        { name: 'SGD', divergedAt: 40 },
        { name: 'Momentum (μ = 0.9)', divergedAt: 12 },
        { name: 'Adam', divergedAt: 40 },
      ]),
    ).toEqual(['SGD and Adam diverged after 40', 'Momentum diverged after 12', ''])
  })
})

// #11: the η-change line of the learning-rate lesson was momentum's purple, dashed like momentum's
// curve, with the sweep's "diverged" cross at its foot. One mark means one thing: the cross is where a
// run stopped, and an η line is a grey of its own with only its label.
describe('η-change marks are not a curve and not a divergence', () => {
  /** The plugin's strokes on a fake canvas: each cross is two moveTo/lineTo pairs around a point. */
  function draw(series: readonly ChartSeries[]): { crosses: string[]; texts: string[] } {
    const datasets = toDatasets(series, {
      xLabel: 'update',
      yLabel: 'loss',
      logX: false,
      logY: false,
      legend: false,
    })
    const crosses: string[] = []
    const texts: string[] = []
    let stroke = ''
    const ctx = {
      save() {},
      restore() {},
      beginPath() {},
      moveTo() {},
      lineTo() {},
      stroke: () => crosses.push(stroke),
      measureText: (t: string) => ({ width: t.length * 6 }),
      fillText: (t: string) => texts.push(t),
      set strokeStyle(c: string) {
        stroke = c
      },
    }
    const chart = {
      ctx,
      chartArea: { top: 0, bottom: 200, left: 0, right: 400 },
      data: { datasets },
      isDatasetVisible: () => true,
      // every point at (100, 100): only what is drawn there matters
      getDatasetMeta: (i: number) => ({ data: datasets[i].data.map(() => ({ x: 100, y: 100 })) }),
    }
    ;(endLabelPlugin.afterDatasetsDraw as unknown as (c: typeof chart) => void)(chart)
    return { crosses, texts }
  }

  const sgd: ChartSeries = { label: 'SGD', y: [1, 0.5, 0.25], color: '#1d4ed8' }
  const momentum: ChartSeries = {
    label: 'Momentum',
    y: [1, 0.4, 0.2],
    color: '#7c3aed',
    dashed: true,
  }
  const burst = { update: 1, last: 1, from: 0.05, eta: 0.3, count: 1 }

  it('draws the η line with its label and no cross', () => {
    const marks = etaChangeMarks([burst], [sgd, momentum])
    expect(marks).toHaveLength(1)
    const { crosses, texts } = draw([sgd, momentum, ...marks])
    expect(crosses).toEqual([])
    expect(texts).toEqual(['η → 0.3'])
  })

  it('still draws the cross where a run diverged', () => {
    const stopped: ChartSeries = { ...sgd, endLabel: 'SGD diverged after 2' }
    expect(draw([stopped]).crosses).toEqual(['#1d4ed8'])
  })

  it('colours the η line a grey that no series of the app takes', () => {
    const [mark] = etaChangeMarks([burst], [sgd])
    // every colour a series is drawn in (tokens.css values, as the palette's fallbacks): the four pass
    // and sign colours with their strong variants, the classes, the verdicts' success/danger/greys
    const seriesColours = [
      '#2563eb',
      '#1d4ed8',
      '#ea580c',
      '#c2410c',
      '#0d9488',
      '#0f766e',
      '#7c3aed',
      '#6d28d9',
      '#15803d',
      '#b91c1c',
      '#db2777',
      '#65a30d',
      '#ca8a04',
      '#475569',
      '#111827',
      '#0f172a',
      '#334155',
      '#94a3b8',
    ]
    expect(seriesColours).not.toContain(mark.color.toLowerCase())
    expect(mark.color.toLowerCase()).toBe('#64748b')
  })
})
