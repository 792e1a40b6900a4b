// Chart tick labels: neighbouring ticks never read the same (the playground's first loss, one value,
// gave five ticks all labelled 0.702).
import { describe, expect, it, vi } from 'vitest'
import {
  cleanLogTicks,
  lineChartConfig,
  tickText,
  toDatasets,
} from '../../web/src/components/charts/lineChartConfig'

const labels = (values: number[]) =>
  values.map((v, k) =>
    tickText(
      v,
      k,
      values.map((value) => ({ value })),
    ),
  )

describe('tickText', () => {
  it('keeps 3 significant digits when they tell the ticks apart', () => {
    expect(labels([0, 0.25, 0.5, 0.75, 1])).toEqual(['0', '0.25', '0.5', '0.75', '1'])
    expect(labels([0.66, 0.68, 0.7, 0.72, 0.74])).toEqual(['0.66', '0.68', '0.7', '0.72', '0.74'])
  })
  it('adds digits when a narrow range would repeat a label', () => {
    expect(labels([0.7023, 0.7024, 0.7025, 0.7026, 0.7027, 0.7028])).toEqual([
      '0.7023',
      '0.7024',
      '0.7025',
      '0.7026',
      '0.7027',
      '0.7028',
    ])
    expect(labels([0.9394, 0.9396, 0.9398, 0.94, 0.9402])).toEqual([
      '0.9394',
      '0.9396',
      '0.9398',
      '0.94',
      '0.9402',
    ])
  })
  it('writes very large and very small ticks as the page writes numbers (1×10⁷, not 1e+7), distinct too', () => {
    expect(labels([1e7, 2e7, 3e7])).toEqual(['1×10⁷', '2×10⁷', '3×10⁷'])
    expect(labels([1e7, 1.5e7, 2e7])).toEqual(['1×10⁷', '1.5×10⁷', '2×10⁷'])
    expect(labels([0.0001, 0.0002])).toEqual(['0.0001', '0.0002'])
    expect(labels([2e-5, 4e-5])).toEqual(['2×10⁻⁵', '4×10⁻⁵'])
    expect(labels([-0.5, 0, 0.5])).toEqual(['−0.5', '0', '0.5'])
    expect(tickText(Number.NaN)).toBe('')
  })
  it('writes an axis of whole numbers (updates, epochs) in full, grouped, never half in exponent form', () => {
    // the playground's loss chart read 0, 5000, 1.0e+4, 1.5e+4 along its epochs
    expect(labels([0, 5000, 10000, 15000])).toEqual(['0', '5,000', '10,000', '15,000'])
    expect(labels([0, 250000, 500000])).toEqual(['0', '250,000', '500,000'])
    expect(labels([-2, 0, 2])).toEqual(['−2', '0', '2'])
  })
  it('labels a log axis over hundreds of decades formatting each tick a few times, not once per other tick', () => {
    // What Chart.js makes of losses from 1e-300 to 1e+100 on a log axis: 1, 2, …, 9 per decade,
    // labelled one by one with the same array (batch-vs-sgd froze for seconds per frame on this).
    const ticks = Array.from({ length: 400 * 9 }, (_, k) => ({
      value: (1 + (k % 9)) * 10 ** (Math.floor(k / 9) - 300),
    }))
    const formats = vi.spyOn(Number.prototype, 'toExponential')
    const texts = ticks.map((t, k) => tickText(t.value, k, ticks))
    // 3 digits tell them apart: one pass to choose the digits, one to write each label
    expect(formats.mock.calls.length).toBeLessThanOrEqual(2 * ticks.length)
    formats.mockRestore()
    expect(texts.slice(0, 3)).toEqual(['1×10⁻³⁰⁰', '2×10⁻³⁰⁰', '3×10⁻³⁰⁰'])
    expect(new Set(texts).size).toBe(ticks.length)
  })
})

describe('cleanLogTicks: log axes at 1-2-5 or powers of ten, never 0.48/0.49/0.5', () => {
  it('widens a narrow range to the 1-2-5 values around it', () => {
    // the XOR chart's loss between 0.48 and 0.5 was labelled 0.48, 0.49, 0.5
    expect(cleanLogTicks(0.48, 0.5)).toEqual({ min: 0.2, max: 0.5, ticks: [0.2, 0.5] })
    // step-by-step's loss between 0.08 and 0.3 was labelled 0.08, 0.09, 0.1 …
    expect(cleanLogTicks(0.08, 0.3)).toEqual({ min: 0.05, max: 0.5, ticks: [0.05, 0.1, 0.2, 0.5] })
    expect(cleanLogTicks(0.2, 0.5)).toEqual({ min: 0.2, max: 0.5, ticks: [0.2, 0.5] })
    expect(cleanLogTicks(0.012, 0.9)?.ticks).toEqual([0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1])
  })
  it('over more than two decades: powers of ten, at most 8', () => {
    expect(cleanLogTicks(1e-4, 10)?.ticks).toEqual([1e-4, 1e-3, 0.01, 0.1, 1, 10])
    expect(cleanLogTicks(3e-3, 0.7)?.ticks).toEqual([1e-3, 0.01, 0.1, 1]) // 2.4 decades
    const wide = cleanLogTicks(1e-300, 1e100)!
    expect(wide.ticks.length).toBeLessThanOrEqual(8)
    expect(wide.ticks[0]).toBeLessThanOrEqual(1e-300)
    expect(wide.ticks.at(-1)).toBeGreaterThanOrEqual(1e100)
    for (const t of wide.ticks) expect(Math.log10(t) % 1).toBeCloseTo(0, 9)
    expect(cleanLogTicks(0, 1)).toBeNull()
    expect(cleanLogTicks(1, Infinity)).toBeNull()
  })
  it('their labels are distinct and short', () => {
    const t = cleanLogTicks(0.08, 0.3)!.ticks
    expect(labels(t)).toEqual(['0.05', '0.1', '0.2', '0.5'])
    expect(labels(cleanLogTicks(1e-4, 10)!.ticks)).toEqual([
      '0.0001',
      '0.001',
      '0.01',
      '0.1',
      '1',
      '10',
    ])
  })
  it('a log axis of the chart config uses them', () => {
    const axes = { xLabel: 'update', yLabel: 'loss', logX: false, logY: true, legend: false }
    const c = lineChartConfig([], axes)
    const y = c.options!.scales!.y as unknown as {
      afterBuildTicks: (s: { min: number; max: number; ticks: { value: number }[] }) => void
    }
    const scale = { min: 0.48, max: 0.5, ticks: [0.48, 0.49, 0.5].map((value) => ({ value })) }
    y.afterBuildTicks(scale)
    expect(scale).toEqual({ min: 0.2, max: 0.5, ticks: [{ value: 0.2 }, { value: 0.5 }] })
  })
})

describe('an empty or one-point chart of updates: x from 0 to the planned end, not −1 … 1', () => {
  const axes = { xLabel: 'updates', yLabel: 'loss', logX: false, logY: false, legend: false }
  const xOf = (c: ReturnType<typeof lineChartConfig>) =>
    c.options!.scales!.x as { min?: number; max?: number }
  const yTicks = (c: ReturnType<typeof lineChartConfig>) =>
    (c.options!.scales!.y as { ticks: { display?: boolean } }).ticks
  const curve = (x: number[], y: number[]) =>
    toDatasets([{ label: 'loss', x, y, color: '#000' }], axes)
  it('no point: 0 … planned updates, and no y numbers', () => {
    const c = lineChartConfig([], { ...axes, xIntegers: true, xUpTo: 5000 })
    expect(xOf(c)).toMatchObject({ min: 0, max: 5000 })
    expect(yTicks(c).display).toBe(false)
    // a count axis without a plan: 0 … 1
    expect(xOf(lineChartConfig([], { ...axes, xIntegers: true }))).toMatchObject({ min: 0, max: 1 })
  })
  it('one point at update 0: 0 … planned; two points: the data sets the axis', () => {
    const one = lineChartConfig(curve([0], [0.298]), { ...axes, xIntegers: true, xUpTo: 2000 })
    expect(xOf(one)).toMatchObject({ min: 0, max: 2000 })
    expect(yTicks(one).display).not.toBe(false)
    const two = lineChartConfig(curve([0, 1], [0.3, 0.29]), { ...axes, xUpTo: 2000 })
    expect(xOf(two).min).toBeUndefined()
    expect(xOf(two).max).toBeUndefined()
  })
})
