// The learning-rate sweep's chart says which colour is the largest η (#15: its caption said orange while
// the largest-η curves were drawn crimson). The caption's colour words are checked against the colour
// Chart.js is handed for the smallest- and largest-η curves, and both against the design tokens read
// from tokens.css here (Chart.js mocked: happy-dom has no canvas).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { mount } from '@vue/test-utils'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { charts } from './fakeChartJs'

vi.mock('chart.js', () => import('./fakeChartJs'))

const { default: LineChart } = await import('../../web/src/components/charts/LineChart.vue')
const { sweepCaption, sweepCurves } =
  await import('../../web/src/lessons/learning-rate/learningRateCharts')

const tokensCss = readFileSync(
  fileURLToPath(new globalThis.URL('../../web/src/styles/tokens.css', import.meta.url)),
  'utf8',
)
/** A token's value as written in tokens.css (its first definition, the light theme). */
const token = (name: string) => {
  const m = new RegExp(`${name}:\\s*(#[0-9a-fA-F]{3,6})\\s*;`).exec(tokensCss)
  if (!m) throw new Error(`${name} is not in tokens.css`)
  return m[1].toLowerCase()
}
/** What a learner calls each token colour (tokens.css's own comment: blue positive, orange negative). */
const colourWords: Record<string, string> = { blue: '--pos', orange: '--neg' }

beforeAll(() => {
  const style = document.createElement('style')
  style.textContent = tokensCss
  document.head.appendChild(style)
})
afterEach(() => {
  charts.length = 0
})

/** Sweep copies at log-spaced η, ascending (as logSpaced gives them), the largest one stopped. */
function copies(n: number) {
  return Array.from({ length: n }, (_, k) => ({
    learningRate: 10 ** (-3 + (3 * k) / (n - 1)),
    losses: [1, 0.5],
    finalLoss: k === n - 1 ? null : 0.5,
    lastLoss: 0.5,
    divergedAt: k === n - 1 ? 2 : null,
  }))
}

describe('the sweep chart’s colour words', () => {
  it.each([2, 7, 12])('name the colours of the smallest- and largest-η curves (%i copies)', (n) => {
    const caption = sweepCaption()
    const largest = /(\w+): largest η/.exec(caption)?.[1] ?? ''
    const smallest = /(\w+): smallest η/.exec(caption)?.[1] ?? ''
    expect(Object.keys(colourWords)).toContain(largest)
    expect(Object.keys(colourWords)).toContain(smallest)
    const w = mount(LineChart, {
      props: {
        caption,
        series: sweepCurves(copies(n)),
        xLabel: 'update',
        yLabel: 'loss',
        link: 's',
      },
    })
    expect(w.text()).toContain(caption)
    const sets = charts[0].data.datasets
    expect(sets).toHaveLength(n)
    expect(sets[n - 1].label).toBe('η = 1')
    expect(sets[n - 1].borderColor.toLowerCase()).toBe(token(colourWords[largest]))
    expect(sets[0].borderColor.toLowerCase()).toBe(token(colourWords[smallest]))
    expect(token(colourWords.orange)).toBe('#ea580c')
    expect(token(colourWords.blue)).toBe('#2563eb')
    w.unmount()
  })

  it('mixes the two ends in between: no curve is redder or greener than both ends', () => {
    const ch = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
    const [lo, hi] = [ch(token('--pos')), ch(token('--neg'))]
    for (const c of sweepCurves(copies(9)).map((s) => ch(s.color)))
      c.forEach((v, i) => {
        expect(v).toBeGreaterThanOrEqual(Math.min(lo[i], hi[i]))
        expect(v).toBeLessThanOrEqual(Math.max(lo[i], hi[i]))
      })
  })
})
