// An empty loss chart says how to draw its curve instead of showing an axis from −1 to 1 "updates"
// around nothing (a newcomer's report: the playground before Play, where only the start's loss is known). The
// line is LineChartCanvas's own, so every chart of updates or epochs has it.
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

describe('empty loss charts', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const [lesson, words] of [
    ['playground', 'train to draw the curve'],
    ['step-by-step-222', 'Press Update, Step or Train to draw the curve.'],
  ] as const) {
    it(`${lesson}: before training the loss chart says how to draw the curve`, async () => {
      opened = await openPage(`#/${lesson}`)
      const { page, errors } = opened
      const empty = page.getByTestId('chart-empty').first()
      // the lesson renders after its engine loads: a wait for it, not expect.poll's 1 s (failed in CI)
      await empty.waitFor({ timeout: 30_000 })
      expect(await empty.textContent()).toContain(words)
      // the words alone: no axes with a made-up range behind them
      const canvas = page.locator('.line-chart-canvas', { has: empty }).locator('canvas').first()
      expect(await canvas.evaluate((c) => getComputedStyle(c).visibility)).toBe('hidden')
      await screenshot(page, `empty-chart-${lesson}-1280`)
      expect(errors).toEqual([])
    })
  }

  it('step-by-step-222: the line goes once the first update is drawn', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    await page.getByTestId('chart-empty').waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('chart-empty').count()).toBe(1)
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await expect.poll(() => page.getByTestId('chart-empty').count()).toBe(0)
    const canvas = page.locator('.line-chart-canvas canvas').first()
    expect(await canvas.evaluate((c) => getComputedStyle(c).visibility)).toBe('visible')
    expect(errors).toEqual([])
  })
})
