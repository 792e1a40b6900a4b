// At phone width (390 px) no table cell or label is cut off (a newcomer's report: the sweep's "why"
// squeezed to a word a line, the XOR forward pass clipped, "binary cros"). Every table either fits its
// box, or sits in a sideways-scrolling box with a visible cue (.panel-table-wrap / .scroll-x, whose
// background draws the edge shadows); no cell, label or control runs past the screen; and the page
// itself never scrolls sideways. (Whether a select's options fit inside it: narrow-selects.e2e.test.ts.)
import { afterEach, describe, expect, it } from 'vitest'
import { ORDER } from '../unit/courseAnswers'
import { openPage, type OpenedPage } from './utils'

/** Every page: home, glossary and each lesson of the course (a new lesson is covered by itself). */
const ROUTES = ['', 'glossary', ...ORDER]

describe('tables and labels at 390 px', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const route of ROUTES) {
    it(`#/${route}: nothing clipped`, async () => {
      opened = await openPage(`#/${route}`, { viewport: { width: 390, height: 800 } })
      const { page } = opened
      await page.locator('main').first().waitFor()
      await page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => (d.open = true)),
      )
      // lazy blocks render near the screen: pass over the whole page once
      const height = await page.evaluate(() => document.body.scrollHeight)
      for (let y = 0; y <= height; y += 700) {
        await page.evaluate((top) => window.scrollTo(0, top), y)
        await page.waitForTimeout(50)
      }
      const faults = await page.evaluate(() => {
        const out: string[] = []
        const hidden = (el: Element) => el.closest('.visually-hidden') !== null
        const scroller = (el: Element) => {
          for (let p = el.parentElement; p; p = p.parentElement) {
            const s = getComputedStyle(p)
            if (s.overflowX === 'auto' || s.overflowX === 'scroll') return p
          }
          return null
        }
        const name = (el: Element) =>
          `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 30)}”`
        const vw = document.documentElement.clientWidth
        if (document.documentElement.scrollWidth > vw)
          out.push(`page ${document.documentElement.scrollWidth} px wide`)
        for (const t of document.querySelectorAll('table')) {
          if (hidden(t) || t.getBoundingClientRect().width === 0) continue
          const box = scroller(t)
          const wide =
            t.getBoundingClientRect().right >
            (box ?? document.documentElement).getBoundingClientRect().right + 1
          if (!wide) continue
          const cue =
            box !== null &&
            (box.matches('.panel-table-wrap, .scroll-x') ||
              getComputedStyle(box).backgroundImage.includes('gradient'))
          if (!cue) out.push(`${name(t)} wider than its box, no scroll cue`)
        }
        for (const el of document.querySelectorAll('th, td, label, select, button')) {
          if (hidden(el) || el.getBoundingClientRect().width === 0) continue
          const r = el.getBoundingClientRect()
          if (!scroller(el) && r.right > vw + 1) out.push(`${name(el)} runs past the screen`)
        }
        return out
      })
      expect(faults).toEqual([])
    }, 60_000)
  }
})
