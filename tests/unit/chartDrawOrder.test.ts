// A noisy curve drawn beneath the smooth ones it is compared with (#11: in batch-vs-sgd per-sample
// SGD's zig-zag, drawn last, hid the full batch's smooth curve that the text points to), while the
// legend keeps the series' own order. Chart.js draws a dataset with a higher `order` first.
import type { LegendItem } from 'chart.js'
import { describe, expect, it } from 'vitest'
import { lineChartConfig, toDatasets } from '../../web/src/components/charts/lineChartConfig'

const axes = { xLabel: 'update', yLabel: 'loss', logX: false, logY: true, legend: true }
const series = ['per sample', 'mini-batch', 'full batch'].map((label, k) => ({
  label,
  y: [1, 0.5],
  color: '#000',
  layer: k,
}))

describe('series drawn in layers', () => {
  it('a higher layer gets a lower Chart.js order (drawn later, on top); no layer is 0', () => {
    expect(toDatasets(series, axes).map((d) => d.order)).toEqual([0, -1, -2])
    expect(toDatasets([{ label: 'loss', y: [1], color: '#000' }], axes)[0].order).toBe(0)
  })
  it('keeps its place in the legend', () => {
    const c = lineChartConfig(toDatasets(series, axes), axes)
    const sort = c.options!.plugins!.legend!.labels!.sort!
    // Chart.js lists legend items by `order`: the series on top first
    const items = [2, 1, 0].map((datasetIndex) => ({ datasetIndex }) as LegendItem)
    const sorted = [...items].sort((a, b) => sort(a, b, c.data))
    expect(sorted.map((i) => series[i.datasetIndex!].label)).toEqual([
      'per sample',
      'mini-batch',
      'full batch',
    ])
  })
})
