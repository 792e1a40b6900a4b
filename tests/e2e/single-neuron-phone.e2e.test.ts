// Single neuron at 390 px (#11): the Boundary value, in the column beside "Loss J (mean over 20 points)",
// wrapped onto one line per term. Now it goes under its name, on one line inside the window.
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

describe('single neuron at phone width', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const width of [390, 1280])
    it(`shows the boundary's equation on one line at ${width} px`, async () => {
      opened = await openPage('#/single-neuron', { viewport: { width, height: 844 } })
      const { page, errors } = opened
      const value = page
        .locator('dt', { hasText: /^Boundary$/ })
        .locator('xpath=following-sibling::dd[1]')
      await value.waitFor({ timeout: 30_000 })
      // the page's notation: '0.4·x₁ − 1.2·x₂ + 0.8 = 0' (the lesson's starting weights)
      expect(await value.textContent()).toMatch(/x₁ . .*x₂ . .* = 0$/)
      const box = await value.evaluate((e) => {
        const r = e.getBoundingClientRect()
        return {
          height: r.height,
          right: r.right,
          line: parseFloat(getComputedStyle(e).lineHeight),
        }
      })
      expect(box.height).toBeLessThan(1.5 * box.line)
      expect(box.right).toBeLessThanOrEqual(width)
      await value.scrollIntoViewIfNeeded()
      await screenshot(page, `single-neuron-boundary-${width}`)
      expect(errors).toEqual([])
    })
})
