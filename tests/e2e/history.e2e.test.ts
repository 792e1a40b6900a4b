// Back keeps what the learner had (#11): the app writes a lesson's values into the address in place,
// and the browser's history entry must hold them, so that leaving the lesson and pressing Back brings
// the same values into the fields and the address, also when the learner leaves at once after an edit
// (before the delayed address write).
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, type OpenedPage, scrollIntoView } from './utils'

const hash = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash))

describe('Back keeps the learner’s values', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('a worked example: η 0.1, then the answer key, then Back (and Forward, Back again)', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    const eta = page.getByRole('textbox', { name: /Learning rate η/ })
    await eta.fill('0.1')
    await eta.press('Enter')
    // η, and the exercises' numbers set drawn at the first visit (#11)
    await expect.poll(() => hash(page)).toMatch(/^#\/step-by-step-222\?v=1&lr=0\.1&exseed=\d+$/)
    const left = await hash(page)
    await page.getByTestId('answer-key').click()
    await expect.poll(() => hash(page)).toMatch(/answer-key/)
    await page.goBack()
    await expect.poll(() => hash(page)).toBe(left)
    await expect.poll(() => eta.inputValue()).toBe('0.1')
    await page.goForward()
    await expect.poll(() => hash(page)).toMatch(/answer-key/)
    await page.goBack()
    await expect.poll(() => eta.inputValue()).toBe('0.1')
    expect(errors).toEqual([])
  })

  it('a panel lesson left right after an edit: the pending write goes into the entry left', async () => {
    opened = await openPage('#/hidden-layer')
    const { page, errors } = opened
    const data = page.getByRole('combobox', { name: 'Data' })
    await data.selectOption('xor')
    // At once, before the address is written (it waits a few hundred ms): away, then Back.
    await page
      .getByRole('link', { name: /All lessons/ })
      .first()
      .click()
    await expect.poll(() => hash(page)).toBe('#/')
    await page.goBack()
    await expect.poll(() => hash(page)).toMatch(/^#\/hidden-layer\?.*\bdata=xor\b/)
    await expect.poll(() => data.inputValue()).toBe('xor')
    expect(errors).toEqual([])
  })

  // A newcomer followed "Next:" at the foot of a lesson, pressed Back and landed at the top.
  it('Back returns to where the learner was on the page they left', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    const next = page.getByRole('link', { name: /^Next/ }).last()
    await scrollIntoView(next)
    const at = await page.evaluate(() => scrollY)
    expect(at).toBeGreaterThan(1000)
    await next.click()
    await expect.poll(() => hash(page)).toMatch(/^#\/relu-sigmoid-222/)
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(0)
    await page.goBack()
    await expect.poll(() => hash(page)).toMatch(/^#\/step-by-step-222/)
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(at)
    expect(errors).toEqual([])
  })

  // Back after Next landed the page off what the learner had read (#11): sections off screen are
  // skipped (content-visibility) and had their 400 px estimates on the way back, not the heights the
  // learner had scrolled past. Read down a screen at a time, stop mid-page, Next, Back: the same
  // words are where they were, also once everything that loads late (formulas, fonts) has loaded.
  it.each([
    [390, 844],
    [1280, 800],
  ])(
    'Back after Next shows what the learner was reading, where it was (%i px)',
    async (width, height) => {
      opened = await openPage('#/step-by-step-222', { viewport: { width, height } })
      const { page, errors } = opened
      await settled(page)
      for (let k = 0, was = -1; k < 100; k++) {
        const y = await page.evaluate(() => {
          scrollBy(0, innerHeight / 2)
          return scrollY
        })
        await settled(page)
        if (y === was) break
        was = y
      }
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2))
      await settled(page)
      const reading = () =>
        page.evaluate(() => {
          const el = document.elementFromPoint(innerWidth / 2, innerHeight / 3)!
          return {
            text: el.textContent!.slice(0, 60),
            top: Math.round(el.getBoundingClientRect().top),
          }
        })
      const before = await reading()
      // A click in the page, not Playwright's (which scrolls the link into view first)
      await page.evaluate(() =>
        [...document.querySelectorAll<HTMLAnchorElement>('a')]
          .filter((a) => /^Next/.test(a.textContent!.trim()))
          .at(-1)!
          .click(),
      )
      await expect.poll(() => hash(page)).toMatch(/^#\/relu-sigmoid-222/)
      await page.goBack()
      await expect.poll(() => hash(page)).toMatch(/^#\/step-by-step-222/)
      await expect.poll(() => page.evaluate(() => scrollY), { timeout: 15_000 }).toBeGreaterThan(0)
      await settled(page) // what loads after the scroll must not move it
      const after = await reading()
      expect(after.text).toBe(before.text)
      expect(Math.abs(after.top - before.top)).toBeLessThanOrEqual(2)
      expect(errors).toEqual([])
    },
    60_000,
  )
})

/**
 * Waits until nothing on the page says it is loading (the engine, the player, a formula not typeset
 * yet: aria-busy), its fonts have loaded and two frames have been drawn since (sizes laid out).
 */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 15_000 }).toBe(0)
  await page.evaluate(async () => {
    await document.fonts.ready
    for (let k = 0; k < 2; k++) await new Promise((done) => requestAnimationFrame(done))
  })
}
