// Display formulas at 390 px (#11): a long equality is broken over lines in a phone's column instead of
// scrolling sideways (MathFormula's narrow form, math/narrowLatex.ts). On the single neuron, the worked
// examples' derivations, and their answer keys every display formula fits
// its box; the numbers are the ones the wide form shows (the same substituted values, read down). A matrix
// cannot break: a formula holding one may still scroll sideways, as a tab stop with a shadow at its edge.
// Screenshots: formulas-phone-*.
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openPage, screenshot, type OpenedPage } from './utils'

const PHONE = { width: 390, height: 844 }

/**
 * Every display formula wider than its box, as `overflow px: TeX`, once all are typeset. A matrix
 * cannot break: a formula with one may still scroll, as a tab stop with the edge's shadow.
 */
async function overflowing(page: Page): Promise<string[]> {
  // formulas typeset as they near the screen: pass over the page once, then read them all
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  for (let y = 0; y < height; y += 400) await page.evaluate((top) => window.scrollTo(0, top), y)
  await expect.poll(() => page.locator('.lazy-math[aria-busy="true"]').count()).toBe(0)
  await page.evaluate(() => document.fonts.ready)
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('div.math-formula')]
      .filter((e) => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1)
      .map((e) => {
        const tex = e.querySelector('annotation')?.textContent ?? e.textContent ?? ''
        const cued = e.tabIndex === 0 && e.classList.contains('math-formula--more-right')
        return tex.includes('matrix') && cued ? '' : `${e.scrollWidth - e.clientWidth} px: ${tex}`
      })
      .filter(Boolean),
  )
}

/** The numbers of the derivation's display formulas, in order (what the learner reads). */
const numbersOf = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.derivation div.math-formula annotation')]
      .map((a) => a.textContent ?? '')
      .join(' ')
      .match(/-?\d+\.\d+/g),
  )

describe('display formulas at phone width', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('single neuron: every display formula fits its column', async () => {
    opened = await openPage('#/single-neuron', { viewport: PHONE })
    const { page, errors } = opened
    await page.locator('.katex-display').first().waitFor({ timeout: 30_000 })
    await expect.poll(() => overflowing(page), { timeout: 15_000 }).toEqual([])
    await screenshot(page, 'formulas-phone-single-neuron')
    expect(errors).toEqual([])
  })

  // notes 004: w₁ (two paths through the hidden layer) and b₁ (δ of both hidden units) are the longest
  for (const param of ['W1[0][0]', 'b1', 'W2[1][0]'])
    it(`step-by-step-222, ∂E/∂${param} after Backward: fits, with the numbers of the wide form`, async () => {
      const numbers: (string[] | null)[] = []
      for (const viewport of [PHONE, { width: 1280, height: 800 }]) {
        opened = await openPage('#/step-by-step-222', { viewport })
        const { page, errors } = opened
        await page.getByRole('button', { name: 'Forward', exact: true }).click()
        await page.getByRole('button', { name: 'Backward', exact: true }).click()
        const pair = page.getByRole('button', {
          name: param.startsWith('W1') || param === 'b1' ? 'inputs → hidden' : 'hidden → outputs',
        })
        if (await pair.count()) await pair.click()
        await page.locator(`.network-diagram [data-param="${param}"]`).first().click()
        await page.getByTestId('derivation-value').waitFor()
        if (viewport === PHONE) {
          await expect.poll(() => overflowing(page), { timeout: 15_000 }).toEqual([])
          await page.locator('.derivation').screenshot({
            path: `artifacts/screenshots/formulas-phone-step-by-step-${param.replace(/\W/g, '')}.png`,
          })
        }
        numbers.push(await numbersOf(page))
        expect(errors).toEqual([])
        await opened.close()
        opened = undefined
      }
      expect(numbers[0]?.length).toBeGreaterThan(3)
      expect(numbers[0]).toEqual(numbers[1])
    })

  for (const id of ['step-by-step-222', 'sigmoid-221', 'relu-sigmoid-222'])
    it(`${id} answer key: every derivation fits`, { timeout: 90_000 }, async () => {
      opened = await openPage(`#/${id}/answer-key`, { viewport: PHONE })
      const { page, errors } = opened
      await expect.poll(() => page.locator('.answer-key h1').count()).toBe(1)
      await expect
        .poll(() => page.locator('.answer-key [aria-busy="true"]').count(), { timeout: 60_000 })
        .toBe(0)
      await expect.poll(() => overflowing(page), { timeout: 15_000 }).toEqual([])
      expect(errors).toEqual([])
    })
})
