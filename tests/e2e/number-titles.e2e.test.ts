// A number shown rounded carries its full precision on hover, and the hover title says so ("full precision:
// …") in the screen's notation; the title's value rounds to exactly the digits shown (a reviewer found
// bare titles like "0.7413650695523157" beside "0.74136507", which read as a second, different value).
// Checked on the classic lesson after Forward and Backward (workspace, derivation, numerical check,
// number fields) and on its answer key.
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, parseShown, screenshot, type OpenedPage } from './utils'

const NUMBER = /[−-]?\d+(?:\.\d+)?(?:×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+|e-?\d+)?/g
const significant = (shown: string) =>
  shown.replace(/^[−-]/, '').split(/×|e/)[0].replace('.', '').replace(/^0+/, '').length

/** Every element with a title: the title and the number it shows (its last number, or its value). */
async function titled(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[title]')].map((el) => ({
      title: el.getAttribute('title') ?? '',
      shown: el instanceof HTMLInputElement ? el.value : (el.textContent ?? ''),
    })),
  )
}

function faults(items: { title: string; shown: string }[]): string[] {
  const out: string[] = []
  for (const { title, shown } of items) {
    if (/^[−-]?\d[\d.]*(e[-+]?\d+|×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?$/.test(title.trim()))
      out.push(`bare number title “${title}”`)
    const m = /^full precision: (\S+)$/.exec(title)
    if (!m) continue
    if (/-/.test(m[1])) out.push(`hyphen-minus in “${title}”`)
    const numbers = shown.match(NUMBER)
    if (!numbers) {
      out.push(`“${title}” on an element showing no number`)
      continue
    }
    const last = numbers[numbers.length - 1]
    const exact = parseShown(m[1])
    if (Number(exact.toPrecision(significant(last))) !== parseShown(last))
      out.push(`“${title}” does not round to the shown ${last}`)
  }
  return out
}

describe('hover titles of rounded numbers', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('classic lesson: each says “full precision” and rounds to the digits shown', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    await page.getByRole('button', { name: 'Forward', exact: true }).click()
    await page.getByRole('button', { name: 'Backward', exact: true }).click()
    await page.getByTestId('derivation-value').waitFor()
    const items = await titled(page)
    expect(items.filter((i) => i.title.startsWith('full precision: ')).length).toBeGreaterThan(4)
    expect(faults(items)).toEqual([])
    await screenshot(page, 'number-titles-classic-1280')
    expect(errors).toEqual([])
  })

  it('answer key: the rounded column’s titles too', async () => {
    opened = await openPage('#/step-by-step-222/answer-key')
    const { page, errors } = opened
    await page.locator('td[data-key]').first().waitFor()
    const items = await titled(page)
    expect(items.filter((i) => i.title.startsWith('full precision: ')).length).toBeGreaterThan(4)
    expect(faults(items)).toEqual([])
    // the exact column is a displayed number too: typographic minus, never a hyphen
    const exact = await page.locator('td.exact').allTextContents()
    expect(exact.some((t) => t.includes('−'))).toBe(true)
    expect(exact.filter((t) => t.includes('-'))).toEqual([])
    expect(errors).toEqual([])
  })
})
