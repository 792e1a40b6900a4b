// What a newcomer saw at 1280 × 800 and at 390 px (their report, Dec 1): the glossary scrolled sideways with
// no word about it and had ~200 px of blank under each row (its lesson list was a tall narrow column); a
// comma after inline maths started a line (", i₂ = 0.10"); the step bar kept a blank line under its one-line
// status; the XOR maps' tick labels were 7 px tall. Each is measured in the page. Screenshots: newcomer-*.
// (The comma rule holds for formulas of up to 32 LaTeX characters; a longer one must wrap at 390 px.)
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

const PHONE = { width: 390, height: 844 }
const WORKED = ['step-by-step-222', 'sigmoid-221', 'relu-sigmoid-222']

describe('newcomer’s screens', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const viewport of [PHONE, { width: 1280, height: 800 }]) {
    it(`glossary at ${viewport.width} px: a hint where it scrolls, no blank under a row`, async () => {
      opened = await openPage('#/glossary', { viewport })
      const { page, errors } = opened
      await page.locator('#symbol-delta .katex').first().waitFor()
      const hint = page.locator('.glossary .scroll-hint')
      const { scrolls, blanks } = await page.evaluate(() => {
        const box = document.querySelector('.glossary__scroll')!
        // per symbol: the height of its rows minus what their cells' contents need
        const content = (cell: Element) => {
          const range = document.createRange()
          range.selectNodeContents(cell)
          return range.getBoundingClientRect().height
        }
        const blanks = [...document.querySelectorAll('.glossary__table tbody')].map((body) => {
          const rows = [...body.querySelectorAll('tr')]
          const need = rows.reduce(
            (sum, row) => sum + Math.max(...[...row.querySelectorAll('td')].map((c) => content(c))),
            0,
          )
          return { id: body.id, blank: Math.round(body.getBoundingClientRect().height - need) }
        })
        return { scrolls: box.scrollWidth > box.clientWidth, blanks }
      })
      await screenshot(page, `newcomer-glossary-${viewport.width}`)
      expect(await hint.isVisible()).toBe(scrolls)
      expect(scrolls).toBe(viewport.width === 390)
      // padding and the line between the rows, not an empty column's worth
      expect(blanks.filter((b) => b.blank > 40)).toEqual([])
      expect(errors).toEqual([])
    })
  }

  it.each(WORKED)('%s at 390 px: no punctuation after a formula starts a line', async (id) => {
    opened = await openPage(`#/${id}`, { viewport: PHONE })
    const { page, errors } = opened
    await page.locator('.workspace__intro .katex').first().waitFor({ timeout: 30_000 })
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await page.locator('.guide .katex').first().waitFor()
    const faults = await page.evaluate(() => {
      const out: string[] = []
      for (const text of document.querySelectorAll('.math-text')) {
        const walk = document.createTreeWalker(text, NodeFilter.SHOW_TEXT)
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          const prev = n.previousSibling ?? n.parentElement?.previousSibling
          if (!/^[,.;:]/.test(n.textContent ?? '') || !(prev instanceof Element)) continue
          if (!prev.matches('.math-formula, .math-text__keep, .katex')) continue
          // a long formula still wraps inside the column (MathText: SHORT)
          if ((prev.querySelector('annotation')?.textContent ?? '').length > 32) continue
          const range = document.createRange()
          range.setStart(n, 0)
          range.setEnd(n, 1)
          const mark = range.getBoundingClientRect()
          const formula = prev.getBoundingClientRect()
          if (mark.left < formula.right - 1 || mark.top > formula.bottom - 2)
            out.push(
              `“${(n.textContent ?? '').slice(0, 12)}” after ${prev.textContent?.slice(0, 20)}`,
            )
        }
      }
      if (document.documentElement.scrollWidth > document.documentElement.clientWidth)
        out.push('the page scrolls sideways')
      return out
    })
    await screenshot(page, `newcomer-commas-${id}-390`)
    expect(faults).toEqual([])
    expect(errors).toEqual([])
  })

  it.each(WORKED)(
    '%s at 1280 px: the step bar’s status is one line, no blank under it',
    async (id) => {
      opened = await openPage(`#/${id}`)
      const { page, errors } = opened
      for (const name of ['Forward', 'Backward', 'Update'])
        await page.getByRole('button', { name, exact: true }).click({ timeout: 30_000 })
      await expect.poll(() => page.getByTestId('stage').textContent()).toMatch(/Update/)
      const bar = await page.evaluate(() => {
        const status = document.querySelector('.workspace__status')!
        const line = parseFloat(getComputedStyle(status).lineHeight)
        const box = status.getBoundingClientRect()
        const range = document.createRange()
        range.selectNodeContents(status)
        const text = range.getClientRects()
        const lines = new Set([...text].map((r) => Math.round(r.bottom))).size
        const under = document.querySelector('.workspace__bar')!.getBoundingClientRect().bottom
        return { lines, reserved: box.height / line, gap: under - box.bottom }
      })
      await screenshot(page, `newcomer-step-bar-${id}-1280`)
      expect(bar.lines).toBe(1)
      expect(bar.reserved).toBeLessThan(1.5)
      expect(bar.gap).toBeLessThan(14)
      expect(errors).toEqual([])
    },
  )

  for (const viewport of [PHONE, { width: 1280, height: 800 }])
    it(`XOR maps at ${viewport.width} px: tick labels at least 12 px tall, points 12 px across`, async () => {
      opened = await openPage('#/xor-221', { viewport })
      const { page, errors } = opened
      const maps = page.locator('.xor-maps .decision-boundary canvas')
      await expect.poll(() => maps.count(), { timeout: 30_000 }).toBeGreaterThan(2)
      const ticks = page.locator('.xor-maps .decision-boundary .plane-map__tick')
      const sizes = await ticks.evaluateAll((all) =>
        all.map((t) => ({ px: parseFloat(getComputedStyle(t).fontSize), text: t.textContent })),
      )
      expect(sizes.length).toBeGreaterThan(5)
      await page.locator('.xor-maps').first().scrollIntoViewIfNeeded()
      await screenshot(page, `newcomer-xor-${viewport.width}`)
      expect(sizes.filter((s) => !(s.px >= 12))).toEqual([])
      // The point (0, 1) on the square −0.5 … 1.5 (a quarter across, a quarter down): its painted run
      // along that row of the overlay, in CSS pixels. A dot of radius 6 px with its edge is about 14 px
      // across; it was 8 px when sizes were in the overlay's own 400 units on a 244 px map.
      const across = await page.locator('.xor-maps .plane-map__overlay').evaluateAll((all) =>
        (all as HTMLCanvasElement[]).map((c) => {
          const row = c.getContext('2d')!.getImageData(0, Math.round(c.height / 4), c.width, 1).data
          const painted = (x: number) => row[4 * x + 3] > 0
          let [l, r] = [Math.round(c.width / 4), Math.round(c.width / 4)]
          while (l > 0 && painted(l - 1)) l--
          while (r < c.width - 1 && painted(r + 1)) r++
          return (r - l + 1) / (c.width / c.getBoundingClientRect().width)
        }),
      )
      expect(across.length).toBeGreaterThan(2)
      // Each key's mark ends on the line of its words ("● class" then "1" below it at 390 px): the
      // mark's middle and the middle of its words' last line box, in px apart.
      const key = page.locator('.xor-maps .decision-boundary__key').first()
      await key.scrollIntoViewIfNeeded()
      const apart = await key.evaluate((k) =>
        [...k.querySelectorAll('[aria-hidden=true]')].map((mark) => {
          const words = document.createRange()
          words.selectNodeContents(mark.nextSibling!)
          const last = [...words.getClientRects()].filter((r) => r.width > 0).at(-1)!
          const m = mark.getBoundingClientRect()
          return Math.abs((last.top + last.bottom) / 2 - (m.top + m.bottom) / 2)
        }),
      )
      expect(apart.length).toBe(2)
      for (const d of apart) expect(d).toBeLessThan(6)
      for (const w of across) {
        expect(w).toBeGreaterThanOrEqual(12)
        expect(w).toBeLessThan(20)
      }
      expect(errors).toEqual([])
    })
})
