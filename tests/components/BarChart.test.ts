// BarChart with Chart.js mocked (happy-dom has no canvas): its value axis must write numbers as the
// line charts and the rest of the page do. Before, a log bar axis (vanishing gradients' ‖∂J/∂W‖) read
// 0.00001, 0.00005, 0.00010, 0.00050, … 0.10000 while the line charts read 0.0001 … 1×10⁻⁵.
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { charts } from './fakeChartJs'

vi.mock('chart.js', () => import('./fakeChartJs'))

const { default: BarChart } = await import('../../web/src/components/charts/BarChart.vue')

afterEach(() => {
  charts.length = 0
})

interface Axis {
  type: string
  beginAtZero: boolean
  title: { display: boolean; text: string }
  afterBuildTicks?: (scale: { min: number; max: number; ticks: { value: number }[] }) => void
  ticks: { callback: (v: number, i: number, ticks: { value: number }[]) => string }
}
const yAxis = () => charts[0].options.scales.y as unknown as Axis

/** The labels Chart.js would draw on the y axis for data from `min` to `max`. */
function labels(min: number, max: number): string[] {
  const y = yAxis()
  const scale = { min, max, ticks: [] as { value: number }[] }
  y.afterBuildTicks?.(scale)
  return scale.ticks.map((t, i) => y.ticks.callback(t.value, i, scale.ticks))
}

describe('BarChart', () => {
  it('a log axis over four decades is labelled at powers of ten, written as the page writes them', () => {
    mount(BarChart, {
      props: {
        title: 'Gradient norm of each layer',
        yTitle: '‖∂J/∂W‖ (log scale)',
        labels: ['W1', 'W2'],
        series: [{ label: 'sigmoid', colour: '--forward', data: [0.000113, 0.19] }],
        log: true,
      },
    })
    expect(yAxis().type).toBe('logarithmic')
    // 1.13×10⁻⁴ … 0.19 spans more than two decades: 10⁻⁴ … 10⁰, one tick per power of ten (by hand).
    expect(labels(0.000113, 0.19)).toEqual(['0.0001', '0.001', '0.01', '0.1', '1'])
    expect(labels(1.2e-7, 0.019)).toEqual([
      '1×10⁻⁷',
      '1×10⁻⁶',
      '1×10⁻⁵',
      '0.0001',
      '0.001',
      '0.01',
      '0.1',
    ])
  })

  it('a linear axis of counts starts at zero, grouped and without a title when given none', () => {
    mount(BarChart, {
      props: {
        title: 'Runs',
        labels: ['a', 'b'],
        series: [{ label: 'runs', colour: '--forward', data: [40, 100] }],
      },
    })
    const y = yAxis()
    expect(y.type).toBe('linear')
    expect(y.beginAtZero).toBe(true)
    expect(y.title.display).toBe(false)
    const ticks = [0, 5000, 10000].map((value) => ({ value }))
    expect(ticks.map((t, i) => y.ticks.callback(t.value, i, ticks))).toEqual([
      '0',
      '5,000',
      '10,000',
    ])
  })
})

describe('BarChart log axis bottom', () => {
  it('puts the bottom at least half a decade below the smallest bar, so every bar shows', () => {
    // vanishing-gradient at depth 7: the sigmoid net's W1 gradient 1.03×10⁻⁵ was drawn from an axis
    // bottom of 10⁻⁵, a bar log10(1.03) = 0.013 decades tall.
    const bars = (data: number[]) => {
      charts.length = 0
      mount(BarChart, {
        props: {
          title: 't',
          labels: data.map(String),
          series: [{ label: 's', colour: '--forward', data }],
          log: true,
        },
      })
      return (yAxis() as unknown as { min?: number }).min
    }
    // log10(1.03e-5) = −4.987; half a decade lower −5.487, down to the power of ten: 10⁻⁶.
    expect(bars([1.03e-5, 0.2])).toBe(1e-6)
    // log10(9e-5) = −4.046; −4.546 → 10⁻⁵: the smallest bar still 0.95 decades tall.
    expect(bars([9e-5, 0.2])).toBe(1e-5)
  })
})
