// At phone width (390 × 844) every display formula of the worked examples' derivation (with the numbers,
// after Forward and Backward) and of the chain-rule lesson is readable whole: it fits its column, or it
// scrolls sideways with a visible hint (a shadow on the side that has more), a name, and a tab stop from
// which the arrow keys scroll it to its last number (a newcomer found the numbers cut off at the right
// with no sign that there was more).
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage, scrollIntoView } from './utils'

const PHONE = { width: 390, height: 844 }

/** How each display formula under `root` stands: fits, or scrolls with its hint, name and tab stop. */
async function formulas(root: Locator) {
  return root.locator('div.math-formula').evaluateAll((els) =>
    els.map((el) => {
      const box = el.getBoundingClientRect()
      return {
        text: (el.textContent ?? '').slice(0, 40),
        fits: el.scrollWidth <= el.clientWidth + 1 && box.right <= window.innerWidth,
        tabindex: el.getAttribute('tabindex'),
        name: el.getAttribute('aria-label') ?? '',
        role: el.getAttribute('role'),
        shadow: getComputedStyle(el).boxShadow,
      }
    }),
  )
}

/** Every formula fits or is a named, focusable, hinted scroller; the keyboard scrolls each to its end. */
async function expectReadable(page: Page, root: Locator): Promise<number> {
  // A formula is measured after layout and again when KaTeX's fonts arrive: wait for that to settle.
  await expect
    .poll(async () => (await formulas(root)).every((f) => f.fits || f.tabindex === '0'))
    .toBe(true)
  const found = await formulas(root)
  expect(found.length).toBeGreaterThan(0)
  const scrolling = found.filter((f) => !f.fits)
  for (const f of scrolling) {
    expect(f, f.text).toMatchObject({ tabindex: '0', role: 'group' })
    expect(f.name, f.text).toMatch(/scroll/)
    // the shadow at the right edge: there is more that way
    expect(f.shadow, f.text).toMatch(/inset/)
  }
  const els = root.locator('div.math-formula')
  for (let k = 0; k < found.length; k++) {
    if (found[k].fits) continue
    const el = els.nth(k)
    await el.focus()
    for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowRight')
    await expect
      .poll(() => el.evaluate((e) => e.scrollLeft + e.clientWidth >= e.scrollWidth - 1))
      .toBe(true)
    // at the end: the hint has moved to the left, where the rest now is
    await expect.poll(() => el.getAttribute('class')).toMatch(/more-left(?!.*more-right)/)
  }
  return scrolling.length
}

describe('wide formulas at phone width', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const lesson of ['step-by-step-222', 'sigmoid-221', 'relu-sigmoid-222']) {
    it(`${lesson}: the derivation with its numbers`, async () => {
      opened = await openPage(`#/${lesson}`, { viewport: PHONE })
      const { page, errors } = opened
      await page.getByRole('button', { name: 'Forward', exact: true }).click()
      await page.getByRole('button', { name: 'Backward', exact: true }).click()
      const derivation = page.locator('.derivation').first()
      await derivation.getByTestId('derivation-value').waitFor()
      await scrollIntoView(derivation)
      // The substituted numbers are wider than 390 px in every worked example: the narrow form breaks
      // them over lines, so only sigmoid-221's matrix form (∂E/∂W₃ = [δ][a₁ a₂]) still scrolls.
      const scrolling = await expectReadable(page, derivation)
      if (lesson === 'sigmoid-221') expect(scrolling).toBeGreaterThan(0)
      else expect(scrolling).toBe(0)
      await screenshot(page, `wide-formulas-${lesson}-390`)
      expect(errors).toEqual([])
    })
  }

  it('chain-rule: the products of slopes', async () => {
    opened = await openPage('#/chain-rule', { viewport: PHONE })
    const { page, errors } = opened
    const main = page.locator('main')
    await main.locator('div.math-formula').first().waitFor()
    await expectReadable(page, main)
    expect(errors).toEqual([])
  })
})
