// Every number on a lesson's screen is written the one way the page writes numbers (#11: one
// notation): a negative number with the minus sign U+2212, never a hyphen. The chain rule's slider
// read "Slope dy/dv -2" above "× −2", single-neuron's softmax table "(-0.827, -0.856)" and
// loss-compare's points "2, -0.5". Formulas (KaTeX), code and what a learner types are left out.
import { describe, expect, it } from 'vitest'
import { LESSONS, openPage } from './utils'

const WORKED = ['step-by-step-222', 'relu-sigmoid-222', 'sigmoid-221']
const ROUTES = [...LESSONS, ...WORKED.map((id) => `${id}/answer-key`)]

describe('negative numbers are written with a minus sign', () => {
  it.each(ROUTES)('#/%s', async (route) => {
    const opened = await openPage(`#/${route}`, { viewport: { width: 1280, height: 800 } })
    try {
      const { page, errors } = opened
      const main = page.locator('main')
      await main.locator('h1').waitFor({ timeout: 30_000 })
      // Lazy blocks render when scrolled to: go down the page a window at a time, each loaded.
      const busy = () => main.locator('[aria-busy="true"]').count()
      for (let y = 0; y < (await page.evaluate(() => document.body.scrollHeight)); y += 700) {
        await page.evaluate((top) => scrollTo(0, top), y)
        await expect.poll(busy, { timeout: 30_000 }).toBe(0)
      }
      const hyphens = await main.evaluate((root) => {
        const found: string[] = []
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement
          if (!el || el.closest('.katex, code, pre, textarea, script, style')) continue
          if (/(^|[\s(=,:;[])-\d/.test(n.textContent ?? '')) found.push(n.textContent!.trim())
        }
        return found
      })
      // Something was read: the lesson's own text, not a page still loading.
      expect(await main.innerText()).toMatch(/\d/)
      expect(hyphens).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await opened.close()
    }
  })
})
