// The playground's layout by its own width (#11). Its DOM order (and so the reading and Tab order) was
// decided by the window (matchMedia) while the <backprop-lesson> element's CSS lays out by the element's
// width: in a 500 px course column on a 1280 px window it drew one column in the desktop order, the plane
// under the network, 1,900 px below the top. At middle widths (641 px up to the three columns) the plane
// sat 1,300 px below η, under the whole settings column. And Enter on a weight opened its maths far
// below while the focus stayed on the weight. Boxes measured in real Chromium.
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { app, coursePage, open, useCourseSite } from './courseSite'
import { openPage, screenshot, type OpenedPage } from './utils'

useCourseSite()

/** Top and left of an element in the page (not the window). */
const at = (l: Locator) =>
  l.evaluate((el) => {
    const r = el.getBoundingClientRect()
    return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right }
  })

/** η, the plane and the network in reading order, as boxes and as DOM order. */
async function parts(scope: Page | Locator) {
  const eta = scope.getByRole('textbox', { name: 'Learning rate η, typed', exact: true })
  await eta.waitFor({ timeout: 30_000 })
  const plane = scope.getByTestId('plane-map')
  const network = scope.locator('.pg-network')
  // DOM order: does the plane come before η, and η before the network's diagram?
  const follows = async (a: Locator, b: Locator) =>
    a.evaluate(
      (x, y) => !!(x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING),
      await b.elementHandle(),
    )
  return {
    eta: await at(eta),
    plane: await at(plane),
    network: await at(network),
    planeBeforeEta: await follows(plane, eta),
    etaBeforeNetwork: await follows(eta, network),
  }
}

describe('the playground lays out by its own width', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('in a 500 px course column on a 1280 px window: one column in the one-column order', async () => {
    const body =
      `<style>main{width:500px;margin:0 auto}</style><main>` +
      `<script type="module" src="${app.url}backprop-lesson.js"></script>` +
      `<backprop-lesson lesson="playground"></backprop-lesson></main>`
    const { page, errors, close } = await open(coursePage('narrow-column.html', body))
    try {
      const lesson = page.locator('backprop-lesson')
      const p = await parts(lesson)
      // One column (the CSS's container query): the plane above η above the network, in the DOM too.
      expect(p.plane.bottom).toBeLessThanOrEqual(p.eta.top)
      expect(p.eta.bottom).toBeLessThanOrEqual(p.network.top)
      expect(p.planeBeforeEta).toBe(true)
      expect(p.etaBeforeNetwork).toBe(true)
      // and η one flick under the plane, as on a phone
      expect(p.eta.top - p.plane.bottom).toBeLessThan(400)
      await lesson.getByTestId('plane-map').scrollIntoViewIfNeeded()
      await screenshot(page, 'playground-layout-element-500')
      expect(errors).toEqual([])
    } finally {
      await close()
    }
  })

  it('at 390 px (the app): the plane, then η, then the network', async () => {
    opened = await openPage('#/playground?v=1', { viewport: { width: 390, height: 844 } })
    const p = await parts(opened.page)
    expect(p.plane.bottom).toBeLessThanOrEqual(p.eta.top)
    expect(p.eta.top - p.plane.bottom).toBeLessThan(400)
    expect(p.eta.bottom).toBeLessThanOrEqual(p.network.top)
    expect(p.planeBeforeEta).toBe(true)
    expect(opened.errors).toEqual([])
  })

  for (const width of [700, 800, 900])
    it(`at ${width} px: η and the plane side by side, the network after both`, async () => {
      opened = await openPage('#/playground?v=1', { viewport: { width, height: 800 } })
      const { page, errors } = opened
      const p = await parts(page)
      // Level (the plane was 1,300 px below η) and side by side, so one 800 px window shows both.
      expect(Math.abs(p.eta.top - p.plane.top)).toBeLessThan(200)
      expect(p.eta.right).toBeLessThanOrEqual(p.plane.left)
      expect(
        Math.max(p.eta.bottom, p.plane.bottom) - Math.min(p.eta.top, p.plane.top),
      ).toBeLessThan(800 - 150)
      // Reading and Tab order follow: settings, output, network.
      expect(p.planeBeforeEta).toBe(false)
      expect(
        await page
          .getByTestId('plane-map')
          .evaluate(
            (x, y) => !!(x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING),
            await page.locator('.pg-network').elementHandle(),
          ),
      ).toBe(true)
      await page.getByTestId('plane-map').scrollIntoViewIfNeeded()
      await screenshot(page, `playground-layout-${width}`)
      expect(errors).toEqual([])
    })

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ])
    it(`at ${width} px: Enter on a weight brings its maths into view with the focus on its heading`, async () => {
      opened = await openPage('#/playground?v=1', { viewport: { width, height } })
      const { page, errors } = opened
      const weight = page.locator('[data-param="W1[0][0]"]')
      await weight.waitFor({ timeout: 30_000 })
      await weight.focus()
      await page.keyboard.press('Enter')
      const heading = page.getByRole('heading', { name: /^The maths of neuron 1/ })
      await heading.waitFor()
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('pg-derivation-title')
      // In the window, below the sticky bar. Smooth scrolling takes longer on a loaded machine, and
      // the heading starts below the bar too: wait for both edges together, not the top alone (CI
      // once read the bottom mid-scroll, at 1,548 px in an 800 px window).
      const bar = await page
        .locator('.pg-toolbar')
        .evaluate((e) => e.getBoundingClientRect().bottom)
      await expect
        .poll(
          () =>
            heading.evaluate(
              (e, [barBottom, windowHeight]) => {
                const r = e.getBoundingClientRect()
                return r.top >= barBottom - 1 && r.bottom <= windowHeight
              },
              [bar, height],
            ),
          { timeout: 15_000 },
        )
        .toBe(true)
      // Tab goes on inside the maths; Close gives the focus back to the weight.
      await page.keyboard.press('Tab')
      expect(
        await page.evaluate(() => !!document.activeElement?.closest('[data-testid=derivation]')),
      ).toBe(true)
      await page.getByTestId('derivation').getByRole('button', { name: 'Close' }).press('Enter')
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-param')))
        .toBe('W1[0][0]')
      expect(errors).toEqual([])
    })
})
