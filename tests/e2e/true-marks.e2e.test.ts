// A newcomer's report on the learning-rate lesson (#11, "every screen true and watchable"): the typed η
// field said 1e-5 where the slider said 1×10⁻⁵ and the range message 0.00001; that message wrapped in
// the field's ~90 px column at 1280 px; the sweep's "final loss against η" chart was a bare frame
// before a run; and a key's marker could end a line with its words on the next. Expected texts are
// written by hand from the limits (η from 10⁻⁵ to 100, Adam's ε 10⁻⁸ by default).
import { afterEach, describe, expect, it } from 'vitest'
import type { Locator } from 'playwright-core'
import { openPage, screenshot, type OpenedPage } from './utils'

/** Types `text` into `field` and commits it as a learner does (Enter). */
async function type(field: Locator, text: string): Promise<void> {
  await field.fill(text)
  await field.press('Enter')
}

describe('one notation, readable messages, no bare charts, whole key items', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const width of [1280, 390]) {
    it(`learning-rate lesson at ${width} px: fields and messages write numbers as the slider does`, async () => {
      opened = await openPage('#/learning-rate', { viewport: { width, height: 800 } })
      const { page, errors } = opened
      const field = page.getByRole('textbox', { name: 'Learning rate η, typed' }).first()
      await field.waitFor({ timeout: 30_000 })
      const slider = page.locator('.log-slider').first()
      // the three ways a learner writes 10⁻⁵ are all taken, and shown as the slider shows them
      for (const typed of ['1e-5', '0.00001', '1×10⁻⁵']) {
        await type(field, '0.5')
        await expect.poll(() => slider.locator('output').textContent()).toBe('0.5')
        await type(field, typed)
        await expect.poll(() => slider.locator('output').textContent()).toBe('1×10⁻⁵')
        expect(await field.inputValue()).toBe('1×10⁻⁵')
      }
      // Adam's ε (its own limits) is shown the same way
      const epsilon = page.getByRole('textbox', { name: 'ε (Adam run)' })
      expect(await epsilon.inputValue()).toBe('1×10⁻⁸')
      // a value out of range: the message names the ends as the slider's ticks do
      await type(field, '1e-9')
      const message = slider.locator('.number-field__message')
      await expect.poll(() => message.textContent()).toBe('η must be from 1×10⁻⁵ to 100.')
      expect(await slider.locator('.log-slider__ticks').textContent()).toBe('1×10⁻⁵100')
      // the sweep's ends use the same limits and say them the same way
      const smallest = page.getByRole('textbox', { name: 'Smallest η' })
      await type(smallest, '0.000001')
      await expect
        .poll(() => page.getByText('The smallest η of the sweep must be at least 1×10⁻⁵.').count())
        .toBe(1)
      await slider.scrollIntoViewIfNeeded()
      await screenshot(page, `true-marks-eta-${width}`)
      expect(errors).toEqual([])
    })

    it(`learning-rate lesson at ${width} px: the η message is as wide as the slider and its field`, async () => {
      opened = await openPage('#/learning-rate', { viewport: { width, height: 800 } })
      const { page, errors } = opened
      const field = page.getByRole('textbox', { name: 'Learning rate η, typed' }).first()
      await field.waitFor({ timeout: 30_000 })
      const slider = page.locator('.log-slider').first()
      await type(field, '1e-9')
      const message = slider.locator('.number-field__message')
      await message.waitFor()
      // as wide as the slider, not wrapped in the field's column (#11: about 90 px, five lines at
      // 1280 px): one line of its own font at 1280 px, at most two at 390 px
      const box = await message.evaluate((m) => {
        const r = m.getBoundingClientRect()
        return { width: r.width, lines: r.height / parseFloat(getComputedStyle(m).lineHeight) }
      })
      const sliderWidth = (await slider.boundingBox())?.width ?? 0
      expect(box.width).toBeGreaterThan(sliderWidth * 0.9)
      expect(box.lines).toBeLessThan(2.5)
      if (width === 1280) expect(box.lines).toBeLessThan(1.5)
      await slider.scrollIntoViewIfNeeded()
      await screenshot(page, `true-marks-eta-message-${width}`)
      expect(errors).toEqual([])
    })

    it(`learning-rate lesson at ${width} px: the final-loss chart says it has not run yet`, async () => {
      opened = await openPage('#/learning-rate', { viewport: { width, height: 800 } })
      const { page, errors } = opened
      const final = page.getByTestId('sweep-final')
      await final.waitFor({ timeout: 30_000 })
      await final.scrollIntoViewIfNeeded()
      // the sweep starts on its own once seen: Pause (if it did) and Reset bring it back to no update
      const pause = page.getByRole('button', { name: 'Pause (sweep)' })
      if (await pause.count()) await pause.click()
      await page.getByRole('button', { name: 'Reset (sweep)' }).click()
      const empty = final.getByTestId('chart-empty')
      await expect
        .poll(() => empty.textContent())
        .toBe(
          'The sweep has not run yet: press Train above to train every copy and plot each η’s final loss.',
        )
      const canvas = final.locator('canvas').first()
      expect(await canvas.evaluate((c) => getComputedStyle(c).visibility)).toBe('hidden')
      await screenshot(page, `true-marks-final-${width}`)
      // one update drawn: the words go and the chart shows its points
      await page.getByRole('button', { name: 'Train (sweep)' }).click()
      await expect.poll(() => empty.count()).toBe(0)
      expect(errors).toEqual([])
    })

    it(`hidden-layer lesson at ${width} px: each key item keeps its marker beside its words`, async () => {
      opened = await openPage('#/hidden-layer', { viewport: { width, height: 800 } })
      const { page, errors } = opened
      const keys = page.locator('.decision-boundary__key')
      await keys.first().waitFor({ timeout: 30_000 })
      // the marker and the first letter of its words on one line
      const apart = await keys.evaluateAll((all) =>
        all.flatMap((key) =>
          [...key.querySelectorAll('[aria-hidden="true"]')].flatMap((marker) => {
            const words = marker.nextSibling
            if (!words?.textContent) return []
            const at = words.textContent.search(/\S/)
            const range = document.createRange()
            range.setStart(words, at)
            range.setEnd(words, at + 1)
            const m = marker.getBoundingClientRect()
            const w = range.getBoundingClientRect()
            return Math.abs(m.top + m.height / 2 - (w.top + w.height / 2)) > m.height
              ? [words.textContent.trim()]
              : []
          }),
        ),
      )
      expect(apart).toEqual([])
      expect(await keys.count()).toBeGreaterThan(0)
      expect(errors).toEqual([])
    })
  }
})
