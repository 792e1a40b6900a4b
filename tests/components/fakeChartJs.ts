// A stand-in for Chart.js in the `components` project (happy-dom has no canvas), used as
// `vi.mock('chart.js', () => import('./fakeChartJs'))`: every chart made is in `charts`, with the
// configuration it was handed, its update modes and whether it was destroyed.

export interface FakeChart {
  config: {
    data: {
      datasets: { label: string; borderColor: string; data: { x: number; y: number | null }[] }[]
    }
    options: { scales: Record<string, { type: string }> }
  }
  data: FakeChart['config']['data']
  options: FakeChart['config']['options']
  scales: Record<string, unknown>
  updates: string[]
  destroyed: boolean
}

/** The charts made since the test file started (empty it in afterEach). */
export const charts: FakeChart[] = []

export class Chart {
  static register(): void {}
  config: FakeChart['config']
  data: FakeChart['config']['data']
  options: FakeChart['config']['options']
  scales = {}
  updates: string[] = []
  destroyed = false
  constructor(_canvas: unknown, config: FakeChart['config']) {
    this.config = config
    this.data = config.data
    this.options = config.options
    charts.push(this as unknown as FakeChart)
  }
  update(mode: string): void {
    this.updates.push(mode)
  }
  destroy(): void {
    this.destroyed = true
  }
}

const part = {}
export {
  part as BarController,
  part as BarElement,
  part as CategoryScale,
  part as Legend,
  part as LinearScale,
  part as LineController,
  part as LineElement,
  part as LogarithmicScale,
  part as PointElement,
  part as Tooltip,
}
