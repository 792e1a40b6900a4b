// Chart tick labels: neighbouring ticks never read the same (the playground's first loss, one value,
// gave five ticks all labelled 0.702).
import { describe, expect, it, vi } from 'vitest'
import { tickText } from '../../web/src/components/charts/lineChartConfig'

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
  it('writes very large and very small ticks in exponent form, distinct too', () => {
    expect(labels([10000, 20000, 30000])).toEqual(['1e+4', '2e+4', '3e+4'])
    expect(labels([10000, 15000, 20000])).toEqual(['1.0e+4', '1.5e+4', '2.0e+4'])
    expect(tickText(Number.NaN)).toBe('')
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
    expect(texts.slice(0, 3)).toEqual(['1e-300', '2e-300', '3e-300'])
    expect(new Set(texts).size).toBe(ticks.length)
  })
})
