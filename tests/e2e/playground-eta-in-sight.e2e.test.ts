// η changed mid-run with the picture in sight (#11, a newcomer at 1280×800): the η field was in the
// Network settings, 900 px below the top of the output plane, so with the field on screen the sticky
// bar and the scroll hid the plane and the network. Now the Training settings come first in the column,
// level with the plane: on a laptop screen the learner clicks η and types with the plane, the loss and
// the field all in the window, the page does not scroll away, and the run goes on at the typed η (it is
// the one in the link, and a link opened afresh starts from it).
// At 390×844 (a newcomer's phone) the plane's top was at 764 px and η at 1710 px of the page, the sticky
// bar took 150 px (200 with a refused η under it), and Tab went settings → network → output while the
// screen showed the output first. Now, on phones, the Training settings come right under the plane in
// the DOM: scrolling from the plane to η keeps all the plane in sight, Tab follows the page down, and
// the bar is shorter and still says everything.
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

/** Where each control the keyboard reaches sits: its top in the page, and where it is. */
const tabStops = async (page: Page, count: number) => {
  const stops: { top: number; name: string; inBar: boolean; inDiagram: boolean }[] = []
  for (let i = 0; i < count; i++) {
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement
        const r = el.getBoundingClientRect()
        return {
          top: r.top + window.scrollY,
          name:
            (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ||
            el.getAttribute('aria-label') ||
            el.textContent?.trim() ||
            el.tagName,
          inBar: !!el.closest('[data-sticky-bar]'),
          inDiagram: !!el.closest('.pg-diagram'),
        }
      }),
    )
    await page.keyboard.press('Tab')
  }
  return stops
}

describe('playground at phone width (390×844)', () => {
  const [width, height] = [390, 844]
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('η typed during a run with all the plane and the loss on screen', async () => {
    opened = await openPage('#/playground?v=1', { viewport: { width, height } })
    const { page, errors } = opened
    const eta = page.getByRole('textbox', { name: 'Learning rate η, typed', exact: true })
    await eta.waitFor({ timeout: 30_000 })
    await page.getByRole('button', { name: 'Train', exact: true }).click()
    await expect.poll(() => updates(page)).toBeGreaterThan(0)
    // The learner watches the plane, then scrolls on down just until η comes into view at the foot
    // of the screen: the plane must still be there, all of it, and not under the sticky bar.
    await eta.evaluate((el) => el.scrollIntoView({ block: 'end' }))
    const plane = page.getByTestId('plane-map')
    const inWindow = async () => {
      for (const l of [eta, plane, page.getByTestId('train-loss')]) {
        const box = await seen(l)
        expect(box.top).toBeGreaterThanOrEqual(0)
        expect(box.bottom).toBeLessThanOrEqual(height + 0.5)
        expect(box.own).toBe(true)
      }
      const bar = await page.locator('[data-sticky-bar]').evaluate((el) => {
        const r = el.getBoundingClientRect()
        return r.bottom
      })
      expect((await seen(plane)).top).toBeGreaterThanOrEqual(bar)
    }
    await inWindow()
    await eta.click()
    await inWindow()
    await eta.fill('0.3')
    await eta.press('Enter')
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/[?&]lr=0\.3(&|$)/)
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
    expect(errors).toEqual([])
  })

  it('the sticky bar takes at most a seventh of the screen (a fifth with a refused η) and says it all', async () => {
    opened = await openPage('#/playground?v=1', { viewport: { width, height } })
    const { page, errors } = opened
    const eta = page.getByRole('textbox', { name: 'Learning rate η, typed', exact: true })
    await eta.waitFor({ timeout: 30_000 })
    const bar = page.locator('[data-sticky-bar]')
    const tall = async () => (await bar.boundingBox())!.height
    expect(await tall()).toBeLessThanOrEqual(height / 7)
    // Everything it said before, in words: the counts, what an epoch is, both losses, both accuracies,
    // and the speed (its word is for screen readers at this width; the select keeps it as its name).
    // 150 training points: the default data, 300 points with half held out for testing.
    const text = (await bar.innerText()).replace(/\s+/g, ' ')
    for (const words of [
      /\b0 updates\b/,
      /\b0 epochs \(passes over the 150 training points\)/,
      /training data loss \d\.\d+/,
      /test data loss \d\.\d+/,
      /training accuracy \d+\.\d %/,
      /test accuracy \d+\.\d %/,
    ])
      expect(text).toMatch(words)
    await bar.getByRole('combobox', { name: 'Speed' }).waitFor()
    for (const name of ['Train', 'Step', 'Reset'])
      expect(await bar.getByRole('button', { name, exact: true }).isVisible()).toBe(true)
    // A refused η: why Train waits is said in the bar too.
    await eta.fill('abc')
    await eta.press('Enter')
    await page.getByTestId('training-waits').waitFor()
    expect(await bar.getByTestId('training-waits').count()).toBe(1)
    expect(await tall()).toBeLessThanOrEqual(height / 5)
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({
      path: (await screenshot(page, `playground-bar-${width}`)).replace('.png', '-window.png'),
    })
    expect(errors).toEqual([])
  })

  it('Tab goes down the page in the order it is drawn: bar, plane, Training, loss, settings, network', async () => {
    opened = await openPage('#/playground?v=1', { viewport: { width, height } })
    const { page, errors } = opened
    const train = page.getByRole('button', { name: 'Train', exact: true })
    await train.waitFor({ timeout: 30_000 })
    await train.focus()
    const stops = await tabStops(page, 50)
    // The bar's four first (Train, Step, Reset, speed), then the page from top to bottom. Two stops
    // side by side in one row may differ a little in top (a field beside its slider); a stop more
    // than a row (40 px) above the one before is the keyboard jumping back up the page. The network
    // diagram is a figure read layer by layer (column by column), so its own stops are left out.
    expect(stops.slice(0, 4).every((s) => s.inBar)).toBe(true)
    const page1 = stops.slice(4).filter((s) => !s.inBar && !s.inDiagram)
    expect(page1.length).toBeGreaterThan(30)
    for (let i = 1; i < page1.length; i++)
      expect(
        page1[i].top,
        `Tab from ${page1[i - 1].name} (${page1[i - 1].top}) to ${page1[i].name}`,
      ).toBeGreaterThanOrEqual(page1[i - 1].top - 40)
    expect(errors).toEqual([])
  })
})
