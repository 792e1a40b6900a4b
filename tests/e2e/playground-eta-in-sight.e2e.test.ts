// η changed mid-run with the picture in sight (#11, a newcomer at 1280×800): the η field was in the
// Network settings, 900 px below the top of the output plane, so with the field on screen the sticky
// bar and the scroll hid the plane and the network. Now the Training settings come first in the column,
// level with the plane: on a laptop screen the learner clicks η and types with the plane, the loss and
// the field all in the window, the page does not scroll away, and the run goes on at the typed η (it is
// the one in the link, and a link opened afresh starts from it).
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

const updates = async (page: Page) =>
  Number(((await page.getByTestId('updates').textContent()) ?? '').replace(/[^\d]/g, ''))

/** The element's box in the window, and whether its centre is its own (not under the sticky bar). */
const seen = (l: Locator) =>
  l.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    return { top: r.top, bottom: r.bottom, own: !!hit && (hit === el || el.contains(hit)) }
  })

describe('playground: η in sight of the plane and the loss', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const [width, height] of [
    [1280, 800],
    [1366, 768],
    [1440, 900],
  ])
    it(`at ${width}×${height}: η typed during a run with the plane and the loss on screen`, async () => {
      opened = await openPage('#/playground?v=1', { viewport: { width, height } })
      const { page, errors } = opened
      const eta = page.getByRole('textbox', { name: 'Learning rate η, typed', exact: true })
      await eta.waitFor({ timeout: 30_000 })
      await page.getByRole('button', { name: 'Train', exact: true }).click()
      await expect.poll(() => updates(page)).toBeGreaterThan(0)
      // The learner looks at the picture, then goes to η (a click scrolls it into view if it is not).
      const plane = page.getByTestId('plane-map')
      await plane.evaluate((el) => el.scrollIntoView({ block: 'center' }))
      await eta.click()
      const inWindow = async () => {
        for (const l of [eta, plane, page.getByTestId('train-loss')]) {
          const box = await seen(l)
          expect(box.top).toBeGreaterThanOrEqual(0)
          expect(box.bottom).toBeLessThanOrEqual(height + 0.5)
          expect(box.own).toBe(true)
        }
      }
      await inWindow()
      // Typed mid-run: the run goes on, at the new η.
      await eta.fill('0.3')
      await eta.press('Enter')
      await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/[?&]lr=0\.3(&|$)/)
      expect(await page.locator('.log-slider output').first().textContent()).toBe('0.3')
      const at = await updates(page)
      await expect.poll(() => updates(page)).toBeGreaterThan(at)
      expect(await page.getByRole('button', { name: 'Pause', exact: true }).count()).toBe(1)
      await inWindow()
      await page.screenshot({
        path: (await screenshot(page, `playground-eta-in-sight-${width}`)).replace(
          '.png',
          '-window.png',
        ),
      })
      // The link round-trips: opened afresh, the playground starts at η = 0.3.
      const link = await page.evaluate(() => location.hash)
      const fresh = await openPage(link, { viewport: { width, height } })
      try {
        const again = fresh.page.getByRole('textbox', { name: 'Learning rate η, typed' })
        await again.waitFor({ timeout: 30_000 })
        expect(await again.inputValue()).toBe('0.3')
        expect(fresh.errors).toEqual([])
      } finally {
        await fresh.close()
      }
      expect(errors).toEqual([])
    })
})
