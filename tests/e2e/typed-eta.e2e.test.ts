// A typed learning rate, as the learning-rate lesson shows it (a reviewer: the typed η field's label
// wrapped to "Learning rate η, / typed" beside its slider, and a typed 0.00123457 read "η 0.00123"):
// at 1280 and 390 px the field's visible label is one line (its accessible name still says what it is),
// and every place that names the live run's η gives the typed value, not a rounding of it.
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

describe('typed η', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const width of [1280, 390]) {
    it(`learning-rate lesson at ${width} px: one-line labels, the typed value everywhere`, async () => {
      opened = await openPage('#/learning-rate?v=1&lr=0.00123457', {
        viewport: { width, height: 800 },
      })
      const { page, errors } = opened
      const field = page.getByRole('textbox', { name: 'Learning rate η, typed' }).first()
      expect(await field.inputValue()).toBe('0.00123457')
      const slider = page.locator('.log-slider').first()
      // every typed-η field's visible label: a single line of its own font
      const lines = await page.evaluate(() =>
        [...document.querySelectorAll('.log-slider .number-field__label')].map((l) => {
          const s = getComputedStyle(l)
          return l.getBoundingClientRect().height / parseFloat(s.lineHeight)
        }),
      )
      expect(lines.length).toBeGreaterThan(0)
      for (const n of lines) expect(n).toBeLessThan(1.5)
      expect(await slider.locator('output').textContent()).toBe('0.00123457')
      await expect
        .poll(() => page.getByText('Loss before each update (η = 0.00123457 now)').count())
        .toBe(1)
      await screenshot(page, `typed-eta-${width}`)
      expect(errors).toEqual([])
    })
  }
})
