// The walk-through's formulas follow the network on screen (newcomer: with tanh hidden units the
// step-by-step text still wrote out_h1 = σ(net_h1)).
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, scrollIntoView, type OpenedPage } from './utils'

describe('walk-through formulas', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const width of [1280, 390]) {
    it(`with tanh hidden units, out_h1 = tanh(net_h1) at ${width} px`, async () => {
      opened = await openPage('#/step-by-step-222?v=1&act=tanh,sigmoid', {
        viewport: { width, height: 800 },
      })
      const { page, errors } = opened
      const guide = page.locator('section.guide').first()
      await guide.waitFor({ timeout: 30_000 })
      // KaTeX keeps each formula's LaTeX source in an annotation
      const tex = () => guide.locator('annotation[encoding="application/x-tex"]').allTextContents()
      await expect.poll(async () => (await tex()).join(' ')).toContain('\\tanh(net_{h1})')
      expect((await tex()).join(' ')).not.toContain('\\sigma(net_{h1})')
      expect((await tex()).join(' ')).toContain('\\sigma(net_{o1})')
      await scrollIntoView(guide)
      await screenshot(page, `walkthrough-tanh-${width}`)
      expect(errors).toEqual([])
    })
  }

  // A number that training changes takes the room of its longest form while training runs
  // (math/placeholders.ts): the Forward sentence wrapped onto another line at 390 px once netₕ₁ = 0.3775
  // became a 9-digit value, and the page (or an embedding frame) moved while training. At rest each value
  // takes its own width: the reserved room read as a gap, "0.3775      , outₕ₁" (#11).
  for (const width of [1280, 390]) {
    it(`the Forward sentence reads without gaps at rest and keeps its lines while training at ${width} px`, async () => {
      opened = await openPage('#/step-by-step-222', { viewport: { width, height: 800 } })
      const { page, errors } = opened
      const guide = page.locator('section.guide').first()
      const sentence = guide.locator('li').first()
      await sentence.locator('.katex').first().waitFor({ timeout: 30_000 })
      await page.evaluate(() => document.fonts.ready)
      const tex = async () =>
        (
          await sentence.locator('annotation[encoding="application/x-tex"]').allTextContents()
        ).join()
      const heights = () =>
        guide.evaluate((el) => [
          el.getBoundingClientRect().height,
          el.querySelector('li')!.getBoundingClientRect().height,
        ])
      // The visible gap between the value's last digit and what follows it, in CSS px.
      const gapAfterValue = () =>
        sentence.evaluate((li) => {
          const katex = [...li.querySelectorAll('.katex')].find((k) =>
            /0\.3775/.test(k.textContent ?? ''),
          )!
          const digits = [...katex.querySelectorAll('.katex-html .mord')].filter(
            (e) => e.children.length === 0 && /\d/.test(e.textContent ?? ''),
          )
          return katex.getBoundingClientRect().right - digits.at(-1)!.getBoundingClientRect().right
        })
      await page.getByRole('button', { name: 'Forward', exact: true }).click()
      await expect.poll(tex).toMatch(/= 0\.3775\b/)
      expect(await tex()).not.toContain('hphantom')
      // (at 390 px the formula wraps, and its box is the line's: measured where it is one line)
      if (width === 1280) expect(await gapAfterValue()).toBeLessThan(2)
      await scrollIntoView(guide) // a formula off screen waits while training
      await page.getByRole('button', { name: 'Train', exact: true }).click()
      await expect.poll(tex, { timeout: 30_000 }).toMatch(/= 0\.\d{8,}/)
      expect(await tex()).toContain('hphantom')
      const training = await heights()
      const first = await tex()
      await expect.poll(tex, { timeout: 30_000 }).not.toBe(first) // later numbers, same lines
      expect(await heights()).toEqual(training)
      await screenshot(page, `walkthrough-training-${width}`)
      await page.getByRole('button', { name: 'Pause', exact: true }).click()
      await expect.poll(() => page.getByTestId('stage').textContent()).toBe('Paused')
      await expect.poll(tex).not.toContain('hphantom')
      expect(errors).toEqual([])
    })
  }
})
