// On a phone the worked examples' Forward/Backward/Update/Step/Train/Pause bar stays on screen while the
// learner reads the derivation far below, so training can be paused without scrolling back up; and the
// bar stays compact (a small share of the screen). Each worked example shares the bar (LessonWorkspace).
import { afterEach, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { openPage, type OpenedPage, screenshot, scrollIntoView } from './utils'

const PHONE = { width: 390, height: 844 }

describe('step bar on a phone', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const lesson of ['step-by-step-222', 'relu-sigmoid-222', 'sigmoid-221']) {
    it(`${lesson}: Pause stays reachable while the derivation is read`, async () => {
      opened = await openPage(`#/${lesson}`, { viewport: PHONE })
      const { page, errors } = opened
      await page.getByRole('button', { name: 'Forward', exact: true }).click()
      await page.getByRole('button', { name: 'Backward', exact: true }).click()
      const derivation = page.locator('.derivation').first()
      await expect.poll(() => derivation.count()).toBe(1)
      await page.getByRole('button', { name: 'Train', exact: true }).click()
      await derivation.evaluate((el) => el.scrollIntoView({ block: 'center' }))
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(844)

      // Measured without Playwright's scroll-into-view: the bar itself must be inside the viewport.
      const bar = await page.locator('[data-section="controls"]').evaluate((el) => {
        const r = el.getBoundingClientRect()
        return { top: r.top, bottom: r.bottom, height: r.height }
      })
      expect(bar.top).toBeGreaterThanOrEqual(0)
      expect(bar.bottom).toBeLessThanOrEqual(PHONE.height)
      expect(bar.height).toBeLessThan(PHONE.height * 0.3)
      const pause = page.getByRole('button', { name: 'Pause', exact: true })
      const box = await pause.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect)
      expect(box.top).toBeGreaterThanOrEqual(0)
      expect(box.bottom).toBeLessThanOrEqual(PHONE.height)
      // What the learner sees (the viewport, not the full page: the bar's place is the point).
      const dir = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url))
      mkdirSync(dir, { recursive: true })
      await page.screenshot({ path: `${dir}phone-step-bar-${lesson}.png` })
      const top = () => derivation.evaluate((el) => el.getBoundingClientRect().top)
      const seen = await top()
      await pause.click()
      await expect
        .poll(() => page.getByRole('button', { name: 'Resume', exact: true }).count())
        .toBe(1)
      expect(await page.getByTestId('stage').textContent()).toBe('Paused')
      // Pausing did not need the page to scroll back up: the derivation being read stays where it
      // was on screen (text above it may catch up at the pause and wrap anew; the browser's scroll
      // anchoring keeps the derivation in place, so scrollY itself may move by that line).
      expect(Math.abs((await top()) - seen)).toBeLessThanOrEqual(2)
      expect(errors).toEqual([])
    })
  }

  for (const lesson of ['step-by-step-222', 'relu-sigmoid-222', 'sigmoid-221']) {
    it(`${lesson}: after Update the bar is two rows of buttons and two lines of status`, async () => {
      opened = await openPage(`#/${lesson}`, { viewport: PHONE })
      const { page, errors } = opened
      for (const name of ['Forward', 'Backward', 'Update'])
        await page.getByRole('button', { name, exact: true }).click()
      await expect.poll(() => page.getByTestId('stage').textContent()).toBe('After Update')
      const bar = page.locator('[data-section="controls"]')
      // 209 px (a quarter of the screen) before: three rows of controls and three reserved lines.
      expect(await bar.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(140)
      // Rows: controls whose middles are more than 10 px apart.
      const middles = await bar.evaluate((el) =>
        [...el.querySelectorAll('button, select')]
          .map((c) => c.getBoundingClientRect())
          .map((r) => r.top + r.height / 2)
          .sort((a, b) => a - b),
      )
      expect(middles.filter((m, k) => k === 0 || m - middles[k - 1] > 10)).toHaveLength(2)
      // The short status shows the full status's loss, whole: each line fits, nothing cut off.
      const short = page.getByTestId('short-status')
      const loss = await page.getByTestId('loss').textContent()
      expect(await short.textContent()).toContain(`= ${loss} before the update`)
      const lines = await short.evaluate((el) =>
        [...el.children].map((line) => line.scrollWidth <= line.clientWidth),
      )
      expect(lines).toEqual([true, true])
      await page.screenshot({
        path: fileURLToPath(
          new URL(
            `../../artifacts/screenshots/phone-step-bar-update-${lesson}.png`,
            import.meta.url,
          ),
        ),
      })
      expect(errors).toEqual([])
    })
  }

  it('Shift+Tab through a worked example never leaves the focused control under the bar', async () => {
    opened = await openPage('#/step-by-step-222', { viewport: PHONE })
    const { page, errors } = opened
    await page.getByRole('button', { name: 'Forward', exact: true }).click()
    await page.getByRole('button', { name: 'Backward', exact: true }).click()
    await page.locator('.derivation').first().waitFor()
    // From the page's end, backwards through the derivation, the tables and the diagram (where the
    // scroll goes up and the bar stays on top): every control the keyboard reaches must be in sight.
    await page.keyboard.press('End')
    const covered: string[] = []
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Shift+Tab')
      const hidden = await page.evaluate(() => {
        const a = document.activeElement
        const bar = document.querySelector('[data-section="controls"]')!
        if (!a || a === document.body || bar.contains(a)) return null
        const [f, b] = [a.getBoundingClientRect(), bar.getBoundingClientRect()]
        return f.top < b.bottom - 1 && f.bottom > b.top + 1
          ? `${a.tagName} "${a.textContent?.trim().slice(0, 30)}"`
          : null
      })
      if (hidden) covered.push(hidden)
    }
    expect(covered).toEqual([])
    expect(errors).toEqual([])
  })

  /**
   * Opens the classic lesson on a phone with its loss chart in view, trains until the first update has
   * revealed the derivation's steps and its gradient check above the chart, and pauses. Returns the
   * chart's top on screen before Train (`before`), how to read it now, and the derivation's height.
   */
  async function trainBelowDerivation() {
    opened = await openPage('#/step-by-step-222', { viewport: PHONE })
    const { page, errors } = opened
    const chart = page.locator('section.loss-chart[data-chart]')
    await chart.waitFor({ timeout: 30_000 })
    await scrollIntoView(chart)
    const top = () => chart.evaluate((el) => el.getBoundingClientRect().top)
    const derivationHeight = () =>
      page.locator('section.derivation').evaluate((el) => el.getBoundingClientRect().height)
    const [before, shortDerivation] = [await top(), await derivationHeight()]
    await page.getByRole('button', { name: 'Train', exact: true }).click()
    await expect.poll(derivationHeight, { timeout: 30_000 }).toBeGreaterThan(shortDerivation + 200)
    await page.getByRole('button', { name: 'Pause', exact: true }).click()
    await page.getByRole('button', { name: 'Resume', exact: true }).waitFor()
    return { page, errors, top, before, derivationHeight, shortDerivation }
  }

  it('the loss chart being watched stays where it is when Train reveals the derivation above it', async () => {
    const { page, errors, top, before } = await trainBelowDerivation()
    // The chart stays at its place on the screen (it was pushed 780 px down, off screen).
    expect(Math.abs((await top()) - before)).toBeLessThanOrEqual(2)
    await screenshot(page, 'phone-chart-stays-on-train')
    expect(errors).toEqual([])
  })

  it('the loss chart being watched stays where it is when Reset empties the derivation above it', async () => {
    // Reset held the reading point like every button of the bar, but the hold let go at once: Reset
    // shrinks the derivation above the chart (780 px) in a layout the page forces before the hold sees
    // the resize, the browser's own scroll anchoring scrolls a little, and the hold took that scroll
    // for the learner's. The chart went 800 px up, off screen.
    const { page, errors, top, derivationHeight, shortDerivation } = await trainBelowDerivation()
    const seen = await top()
    expect(seen).toBeGreaterThanOrEqual(0)
    expect(seen).toBeLessThan(PHONE.height / 2)
    await page.getByRole('button', { name: 'Reset', exact: true }).click()
    // the derivation is short again and the count back at 0…
    await expect.poll(derivationHeight).toBeLessThan(shortDerivation + 50)
    await expect.poll(() => page.getByTestId('stage').textContent()).toBe('Ready')
    // …and the chart is where it was on the screen
    await expect.poll(async () => Math.abs((await top()) - seen)).toBeLessThanOrEqual(2)
    // what the learner sees (the viewport): the chart where it was
    const dir = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url))
    await page.screenshot({ path: `${dir}phone-chart-stays-on-reset.png` })
    expect(errors).toEqual([])
  })
})
