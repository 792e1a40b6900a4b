// Chart axes say only true things (a newcomer's report): an empty loss chart shows 0 … the planned
// updates, not an x axis from −1 to 1 around nothing; a log axis is labelled at 1-2-5 × 10ᵏ (or
// powers of ten), never 0.48 / 0.49 / 0.5 or 0.08 / 0.09 / 0.1 crowded together.
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { parseNumber } from '../../web/src/math/format'
import { openPage, screenshot, type OpenedPage, scrollIntoView } from './utils'

interface Axis {
  type: string
  min: number
  max: number
  ticks: string[]
}
const lossAxes = async (page: Page) =>
  JSON.parse((await page.locator('section.loss-chart').getAttribute('data-chart')) ?? '{}') as {
    x: Axis
    y: Axis
    series: { last: { x: number } | null }[]
  }
/** 1, 2 or 5 × 10ᵏ, read from the label the chart drew (as the page writes numbers: 0.05, 2×10⁻⁵). */
const clean = (label: string) => {
  const read = parseNumber(label)
  const v = read.ok ? read.value : NaN
  const m = v / 10 ** Math.floor(Math.log10(v) + 1e-9)
  return [1, 2, 5].some((d) => Math.abs(m - d) < 1e-9)
}

describe('chart axes', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const width of [1280, 390]) {
    it(`at ${width} px: empty loss chart spans 0 … 5000 planned updates; its log axis reads 1-2-5`, async () => {
      opened = await openPage('#/step-by-step-222', { viewport: { width, height: 800 } })
      const { page, errors } = opened
      await page.locator('section.loss-chart[data-chart]').waitFor()
      const empty = await lossAxes(page)
      // The workspace's Train plans 5000 updates (useTraining's default run).
      expect(empty.x.min).toBe(0)
      expect(empty.x.max).toBe(5000)
      await screenshot(page, `chart-axes-empty-${width}`)
      // In view, as a learner watching it: a chart off screen is not redrawn while it trains (#11).
      await scrollIntoView(page.locator('section.loss-chart[data-chart]'))
      await page.getByRole('button', { name: 'Train', exact: true }).click()
      await page.getByTestId('speed').first().selectOption('max')
      const updates = async () => (await lossAxes(page)).series[0]?.last?.x ?? 0
      await expect.poll(updates, { timeout: 30_000 }).toBeGreaterThan(300)
      await page.getByRole('button', { name: 'Pause', exact: true }).click()
      await page.getByTestId('loss-log').check()
      await expect.poll(async () => (await lossAxes(page)).y.type).toBe('logarithmic')
      const y = (await lossAxes(page)).y
      const labels = y.ticks.filter((t) => t !== '')
      expect(labels.length).toBeGreaterThanOrEqual(2)
      expect(labels.every(clean), labels.join(' ')).toBe(true)
      expect(new Set(labels).size).toBe(labels.length)
      await screenshot(page, `chart-axes-log-${width}`)
      expect(errors).toEqual([])
    }, 90_000)
  }
})
