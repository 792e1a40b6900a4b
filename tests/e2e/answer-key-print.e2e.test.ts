// Answer keys as handouts (issue #12): printed on A4 (print media at 794 px, the page's width at 96 dpi)
// no line runs past the page, no KaTeX error shows, and the 2-2-2 key is compact.
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

describe('answer keys in print', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it.each(['step-by-step-222', 'relu-sigmoid-222', 'sigmoid-221'])(
    '%s: every printed line fits the A4 width; no KaTeX errors',
    async (id) => {
      opened = await openPage(`#/${id}/answer-key`, { viewport: { width: 794, height: 1123 } })
      const { page, errors } = opened
      await page.emulateMedia({ media: 'print' })
      await expect.poll(() => page.locator('.answer-key h1').count()).toBe(1)
      // Every lazily typeset block and formula in place (as Print does before laying out paper).
      await expect
        .poll(() => page.locator('.answer-key [aria-busy="true"]').count(), { timeout: 60000 })
        .toBe(0)
      expect(await page.locator('.answer-key .katex').count()).toBeGreaterThan(20)
      expect(await page.locator('.katex-error').count()).toBe(0)
      const over = await page.evaluate(() => {
        const width = document.documentElement.clientWidth
        const wide = [
          ...document.querySelectorAll('.answer-key .katex-display > .katex, .answer-key table'),
        ]
          .map((el) => ({
            right: Math.round(el.getBoundingClientRect().right),
            text: (el.textContent ?? '').slice(0, 50),
          }))
          .filter((x) => x.right > width)
        return { width, wide, scroll: document.documentElement.scrollWidth }
      })
      expect(over.wide).toEqual([])
      expect(over.scroll).toBeLessThanOrEqual(over.width)
      await screenshot(page, `answer-key-print-${id}`)
      const pdf = await page.pdf({ format: 'A4', printBackground: false })
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
      // Measured after the compact print style: the 2-2-2 keys take well under the 16 pages they did.
      expect(pages).toBeGreaterThan(0)
      expect(pages).toBeLessThanOrEqual(id === 'sigmoid-221' ? 6 : 9)
      expect(errors).toEqual([])
    },
  )
})
