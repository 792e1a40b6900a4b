// The answer key on a phone (390 px): its tables are 600–700 px wide, so the value and exact columns lie
// past the screen's edge. Every value and exact cell is on screen, or in a sideways-scrolling section
// with a hint in words above its table (legible by axe-core's contrast rule), and scrolling brings the
// cell fully into view; at 1280 px the tables fit and no hint shows. Screenshots: answer-key-phone/-desktop.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

describe('answer key at 390 px', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it.each([
    [390, 'phone'],
    [1280, 'desktop'],
  ])(
    'step-by-step-222 at %i px: every value and exact cell can be read',
    async (width, name) => {
      opened = await openPage('#/step-by-step-222/answer-key', { viewport: { width, height: 800 } })
      const { page, errors } = opened
      // every lazily mounted block in place (they mount in the background soon after the page opens)
      await expect.poll(() => page.locator('.answer-key h1').count()).toBe(1)
      await expect
        .poll(() => page.locator('.answer-key [aria-busy="true"]').count(), { timeout: 60_000 })
        .toBe(0)
      const faults = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth
        const out: string[] = []
        if (document.documentElement.scrollWidth > vw) out.push('the page scrolls sideways')
        for (const cell of document.querySelectorAll('.answer-key td.num')) {
          const box = cell.closest('.answer-key__section')
          const edge = () => Math.min(vw, box?.getBoundingClientRect().right ?? vw) + 0.5
          if (cell.getBoundingClientRect().right <= edge()) continue
          const named = `${cell.getAttribute('data-key') ?? 'exact'} at ${Math.round(cell.getBoundingClientRect().right)} px`
          if (!box || box.scrollWidth <= box.clientWidth) {
            out.push(`${named}: off screen, no sideways scroll`)
            continue
          }
          const hint = box.querySelector('.scroll-hint')
          if (!hint || hint.getBoundingClientRect().height === 0) out.push(`${named}: no hint`)
          box.scrollLeft = box.scrollWidth
          if (cell.getBoundingClientRect().right > edge())
            out.push(`${named}: scrolling does not reach it`)
          box.scrollLeft = 0
        }
        return out
      })
      await screenshot(page, `answer-key-${name}`)
      expect(faults).toEqual([])
      const hints = page.locator('.scroll-hint:visible')
      if (width === 1280) {
        expect(await hints.count()).toBe(0)
        // the Markdown download (the playground's download helper since #13)
        const [file] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('download-md').click(),
        ])
        expect(file.suggestedFilename()).toBe('step-by-step-222-answer-key.md')
        const path = join(mkdtempSync(join(tmpdir(), 'answer-key-')), 'key.md')
        await file.saveAs(path)
        const text = readFileSync(path, 'utf8')
        expect(text.split('\n')[0]).toBe('# Answer key: The classic 2-2-2 walk-through')
        expect(text).toContain('0.593269992')
      } else {
        expect(await hints.count()).toBeGreaterThan(3)
        const axe = new AxeBuilder({ page }).withRules(['color-contrast'])
        const { violations } = await axe.include('.scroll-hint').analyze()
        expect(violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([])
      }
      expect(errors).toEqual([])
    },
    120_000,
  )
})
