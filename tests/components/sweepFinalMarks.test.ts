// The sweep's final loss against η (#11): a diverged copy has no final loss, so its cross is drawn on
// the chart's top edge (never at its last finite loss, which could read lower than a slow copy's) and
// its tooltip and table row say "diverged after N updates" with the engine's count; the key shows the
// marks as drawn (dots, a hollow ring for the best η, a cross for diverged); and a loss chart's table
// lists only losses (an η mark is named as what it is). Chart.js mocked: happy-dom has no canvas.
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CopyVerdict } from '../../web/src/math/sweepVerdict'
import { charts } from './fakeChartJs'

vi.mock('chart.js', () => import('./fakeChartJs'))

const { default: LineChart } = await import('../../web/src/components/charts/LineChart.vue')
const { finalLossSeries } = await import('../../web/src/lessons/learning-rate/learningRateCharts')
const { etaChangeMarks } = await import('../../web/src/composables/useEtaChanges')
const { atTopPlugin } = await import('../../web/src/components/charts/lineChartConfig')

afterEach(() => {
  charts.length = 0
})

// η = 0.01 slow at 0.5; η = 0.1 converged at 0.0005; η = 10 diverged after 37 updates, its last
// finite loss 0.02: lower than the slow copy's 0.5.
const copies = [
  { learningRate: 0.01, losses: [], finalLoss: 0.5, lastLoss: 0.5, divergedAt: null },
  { learningRate: 0.1, losses: [], finalLoss: 0.0005, lastLoss: 0.0005, divergedAt: null },
  { learningRate: 10, losses: [], finalLoss: null, lastLoss: 0.02, divergedAt: 37 },
]
const verdicts = ['slow', 'converged', 'diverged'].map(
  (verdict) => ({ verdict, reason: '' }) as unknown as CopyVerdict,
)

function mountFinal() {
  return mount(LineChart, {
    props: {
      caption: 'final',
      series: finalLossSeries(copies, verdicts),
      xLabel: 'learning rate η',
      yLabel: 'final loss',
      logX: true,
      logY: true,
      link: 'f',
    },
  })
}

describe('final loss against η', () => {
  it('draws a diverged copy on the top edge, never at its last loss, and names its update count', () => {
    const w = mountFinal()
    type DS = {
      label: string
      data: { x: number; y: number | null }[]
      atTop?: boolean
      notes?: string[]
      pointStyle?: string
      backgroundColor?: string
    }
    const sets = charts[0].data.datasets as unknown as DS[]
    const diverged = sets.find((d) => d.label.startsWith('diverged'))!
    // no y to stretch the axis or to be read: the plugin puts it on the top edge
    expect(diverged.data).toEqual([{ x: 10, y: null }])
    expect(diverged.atTop).toBe(true)
    expect(diverged.pointStyle).toBe('crossRot')
    expect(diverged.notes).toEqual(['diverged after 37 updates'])
    // the plugin moves its points to the top of the chart area
    const el = { x: 50, y: NaN, skip: true }
    const fake = {
      chartArea: { top: 12 },
      data: { datasets: [diverged] },
      getDatasetMeta: () => ({ data: [el] }),
    }
    ;(atTopPlugin.afterDatasetsUpdate as (c: unknown) => void)(fake)
    expect(el.y).toBeLessThan(12 + 10)
    expect(el.skip).toBe(false)
    // the tooltip says what it is, not a loss
    const label = (
      charts[0].options as unknown as {
        plugins: { tooltip: { callbacks: { label: (i: unknown) => string } } }
      }
    ).plugins.tooltip.callbacks.label({ dataset: diverged, dataIndex: 0, formattedValue: '0.02' })
    expect(label).toContain('diverged after 37 updates')
    expect(label).not.toContain('0.02')
    w.unmount()
  })

  it('keys the marks as drawn: point shapes, the best η a hollow ring', () => {
    const w = mountFinal()
    const opts = charts[0].options as unknown as {
      plugins: { legend: { labels: { usePointStyle: boolean } } }
    }
    expect(opts.plugins.legend.labels.usePointStyle).toBe(true)
    const best = (
      charts[0].data.datasets as unknown as {
        label: string
        backgroundColor: string
        pointBorderWidth: number
      }[]
    ).find((d) => d.label.startsWith('best'))!
    expect(best.backgroundColor).toBe('rgba(0, 0, 0, 0)')
    expect(best.pointBorderWidth).toBeGreaterThan(0)
    w.unmount()
  })

  it('its table writes the diverged copy’s update count, not a loss', async () => {
    const w = mountFinal()
    await w.find('button.line-chart__toggle').trigger('click')
    const row = w.findAll('tbody tr').find((r) => r.text().startsWith('diverged'))!
    expect(row.findAll('td')[2].text()).toBe('diverged after 37 updates')
    w.unmount()
  })
})

describe('a loss chart’s table', () => {
  it('lists an η mark as a mark, not as two losses', async () => {
    const curve = { label: 'SGD', y: [1, 0.5, 0.25, 0.2], xStart: 1, color: '#000' }
    const marks = etaChangeMarks(
      [{ update: 2, last: 2, count: 1, from: 0.05, eta: 0.5 }] as never,
      [curve],
    )
    const w = mount(LineChart, {
      props: {
        caption: 'live',
        series: [curve, ...marks],
        xLabel: 'update',
        yLabel: 'loss',
        link: 'l',
      },
    })
    await w.find('button.line-chart__toggle').trigger('click')
    const rows = w.findAll('tbody tr').map((r) => r.findAll('td').map((td) => td.text()))
    const mine = rows.filter((r) => r[0] !== 'SGD')
    expect(mine).toEqual([['η = 0.5 from update 2', '2', 'not a loss: where η changed']])
    w.unmount()
  })
})
