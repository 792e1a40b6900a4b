// At phone width (390 px) every <select> shows its chosen option whole (a newcomer's report: "shoe size
// per kg", "2-4-1, 3 samples…", "updates per epoch" and "points with z > 0" were cut off). The check is
// on every select of every page, with every option chosen in turn, so a long option added later fails
// here: the text that needs room (measured in the select's own font and padding) must fit its box.
import { afterEach, describe, expect, it } from 'vitest'
import { ORDER } from '../unit/courseAnswers'
import { openPage, screenshot, type OpenedPage } from './utils'

/** Every page: home, glossary and each lesson of the course (a new lesson is covered by itself). */
const ROUTES = ['', 'glossary', ...ORDER]

describe('selects at 390 px', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const route of ROUTES) {
    it(`#/${route}: every option fits its select`, async () => {
      opened = await openPage(`#/${route}`, { viewport: { width: 390, height: 800 } })
      const { page } = opened
      await page.locator('main').first().waitFor()
      // the lesson's panels render once the engine has loaded
      await page.waitForLoadState('networkidle')
      if (route !== '' && route !== 'glossary') await page.locator('.check').first().waitFor()
      await page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => (d.open = true)),
      )
      const height = await page.evaluate(() => document.body.scrollHeight)
      for (let y = 0; y <= height; y += 700) {
        await page.evaluate((top) => window.scrollTo(0, top), y)
        await page.waitForTimeout(50)
      }
      await page.waitForLoadState('networkidle')
      const { faults, checked } = await page.evaluate(() => {
        // The width an option needs is the width Chromium gives the same select (same classes, so
        // the same font, padding, border and arrow) holding only that option, with nothing
        // limiting its width; a copy is measured beside the real one and removed.
        const out: string[] = []
        let seen = 0
        for (const select of document.querySelectorAll('select')) {
          const box = select.getBoundingClientRect()
          if (box.width === 0 || select.closest('.visually-hidden')) continue
          seen += 1
          for (const option of select.options) {
            const copy = select.cloneNode(false) as HTMLSelectElement
            copy.removeAttribute('id')
            copy.style.cssText =
              'position:absolute;visibility:hidden;width:auto;min-width:0;max-width:none;flex:none'
            copy.append(new Option(option.text))
            select.after(copy)
            const need = copy.getBoundingClientRect().width
            copy.remove()
            if (need > box.width + 0.5)
              out.push(
                `“${option.text}” needs ${Math.ceil(need)} px, select is ${Math.round(box.width)} px (${select.labels[0]?.textContent?.trim().slice(0, 30) ?? select.getAttribute('aria-label') ?? select.id})`,
              )
          }
        }
        return { faults: out, checked: seen }
      })
      // every lesson has at least Check my work's Quantity select, so the check cannot pass empty
      if (route !== '' && route !== 'glossary') expect(checked).toBeGreaterThan(0)
      if (faults.length > 0) await screenshot(page, `narrow-selects-${route || 'home'}`)
      expect(faults).toEqual([])
    })
  }
})
