// The playground's picture in Chromium (issue 15): a wide network fits its column or says how to see the
// rest, and a clicked parameter's maths comes into view.
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

type Box = { x: number; y: number; width: number; height: number }
const box = async (page: Page, selector: string): Promise<Box> =>
  (await page.locator(selector).first().boundingBox())!

describe('playground view', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('fits a 6×8 network into its column at 1280 px, and brings the derivation into view', async () => {
    opened = await openPage('#/playground?v=1&d=spiral&h=8,8,8,8,8,8')
    const { page, errors } = opened
    await page.getByRole('button', { name: 'Play' }).waitFor()
    const column = await box(page, '.pg-network')
    // Every neuron of all six hidden layers and the output lies inside the column.
    const units = await page.locator('[data-unit]').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect()
        return { left: r.left, right: r.right, width: r.width }
      }),
    )
    expect(units).toHaveLength(6 * 8 + 1)
    for (const u of units) {
      expect(u.left).toBeGreaterThanOrEqual(column.x - 0.5)
      expect(u.right).toBeLessThanOrEqual(column.x + column.width + 0.5)
      expect(u.width).toBeGreaterThanOrEqual(24)
    }
    expect(await page.getByTestId('diagram-cue').count()).toBe(0)
    // Clicking the output neuron opens its maths where the learner can see it.
    await page.locator('[data-unit="7-0"]').click()
    const panel = page.getByTestId('derivation')
    await panel.waitFor()
    await expect
      .poll(async () => (await panel.boundingBox())!.y, { timeout: 5000 })
      .toBeLessThan(800 - 120)
    expect((await panel.boundingBox())!.y).toBeGreaterThanOrEqual(0)
    await screenshot(page, 'playground-view-wide-1280')
    expect(errors).toEqual([])
  })

  it('fits it at 390 px too, and at 320 px says which layers are out of sight', async () => {
    opened = await openPage('#/playground?v=1&d=spiral&h=8,8,8,8,8,8', {
      viewport: { width: 390, height: 800 },
    })
    const { page, errors } = opened
    await page.getByRole('button', { name: 'Play' }).waitFor()
    const diagram = page.locator('.pg-diagram')
    await diagram.scrollIntoViewIfNeeded()
    let view = (await diagram.boundingBox())!
    let out = await box(page, '[data-unit="7-0"]')
    expect(out.x + out.width).toBeLessThanOrEqual(view.x + view.width + 0.5)
    expect(out.width).toBeCloseTo(24, 0)
    expect(await page.getByTestId('diagram-cue').count()).toBe(0)
    await screenshot(page, 'playground-view-wide-390')

    // 320 px: even 60 % with the layers 28 px apart is 0.6 × (8·40 + 7·28 + 56) = 343.2 px > 288 px.
    await page.setViewportSize({ width: 320, height: 800 })
    await page.getByTestId('diagram-cue').waitFor()
    view = (await diagram.boundingBox())!
    out = await box(page, '[data-unit="7-0"]')
    expect(out.x + out.width).toBeGreaterThan(view.x + view.width)
    const cue = await page.getByTestId('diagram-cue').textContent()
    expect(cue).toContain('scroll sideways')
    expect(cue).toMatch(/see layer [56] to the output/)
    // The scroll area is keyboard-reachable: arrow keys bring the output into view.
    await diagram.focus()
    for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowRight')
    await expect
      .poll(async () => {
        const b = await box(page, '[data-unit="7-0"]')
        return b.x + b.width <= view.x + view.width + 0.5
      })
      .toBe(true)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320)
    expect(errors).toEqual([])
  })
})
