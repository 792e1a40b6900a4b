// A click on a weight's line selects the line the learner aimed at (newcomer: on the 2-2-2 diagram
// w₂ and w₃ cross at their middles, and a click on w₂ there selected w₃, the line drawn last).
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openPage, type OpenedPage, scrollIntoView } from './utils'

// The notes' naming: w₂ joins i₂ to h₁ (W1[0][1]), w₃ joins i₁ to h₂ (W1[1][0]).
const W2 = 'W1[0][1]'
const W3 = 'W1[1][0]'

/** The page point at fraction `t` along the line of weight `key`. */
const along = (page: Page, key: string, t: number) =>
  page.evaluate(
    ([key, t]) => {
      const line = document.querySelector(
        `g.edge[data-param="${key}"] line.edge__hit`,
      ) as SVGLineElement
      const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((a) => Number(line.getAttribute(a)))
      const p = new DOMPoint(x1 + t * (x2 - x1), y1 + t * (y2 - y1)).matrixTransform(
        line.getScreenCTM()!,
      )
      return { x: p.x, y: p.y }
    },
    [key, t] as const,
  )

describe('diagram hit-testing', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const width of [1280, 390]) {
    it(`a click on w₂ near the crossing selects w₂; at the crossing a second click reaches the other (${width} px)`, async () => {
      opened = await openPage('#/step-by-step-222', { viewport: { width, height: 800 } })
      const { page, errors } = opened
      const pressed = (key: string) =>
        page.locator(`g.edge[data-param="${key}"]`).getAttribute('aria-pressed')
      // At phone width the diagram shows one layer pair (useLayerPairs): w₂ and w₃ are in the first.
      if (width < 480) await page.getByRole('button', { name: 'inputs → hidden' }).click()
      await page.locator(`g.edge[data-param="${W2}"]`).waitFor({ timeout: 30_000 })
      await scrollIntoView(page.locator(`g.edge[data-param="${W2}"]`))
      // the two lines do cross at their middles
      const [m2, m3] = [await along(page, W2, 0.5), await along(page, W3, 0.5)]
      expect(Math.hypot(m2.x - m3.x, m2.y - m3.y)).toBeLessThan(1)
      // on w₂'s line, a little off the crossing, where the line on top is w₃'s (picking the element
      // under the pointer selected w₃ there): the farthest such point from the crossing
      const topAt = ({ x, y }: { x: number; y: number }) =>
        page.evaluate(
          ([x, y]) =>
            document.elementFromPoint(x, y)?.closest('g.edge')?.getAttribute('data-param') ?? '',
          [x, y] as const,
        )
      let near = m2
      for (let t = 0.49; t > 0.3; t -= 0.01) {
        const p = await along(page, W2, t)
        if ((await topAt(p)) !== W3) break
        near = p
      }
      expect(Math.hypot(near.x - m2.x, near.y - m2.y)).toBeGreaterThan(2)
      await page.mouse.click(near.x, near.y)
      await expect.poll(() => pressed(W2)).toBe('true')
      expect(await pressed(W3)).toBe('false')
      // at the crossing itself: each click goes to the line not selected
      await page.mouse.click(m2.x, m2.y)
      await expect.poll(() => pressed(W3)).toBe('true')
      await page.mouse.click(m2.x, m2.y)
      await expect.poll(() => pressed(W2)).toBe('true')
      // keyboard selection is unchanged: Enter on w₃ selects w₃
      await page.locator(`g.edge[data-param="${W3}"]`).focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => pressed(W3)).toBe('true')
      expect(errors).toEqual([])
    })
  }
})
