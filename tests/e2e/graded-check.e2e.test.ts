// Graded work (embed option answers=0, as a course or a teacher's embed code sets it; #11): a worked example's own Check my work, its slip notes and
// its hover titles never state the exact value of a quantity the learner is asked for. The exact values
// are the notes' (Mazur's worked example, the lesson's own numbers): net_h1 = 0.3775,
// E_total = 0.298371109, ∂E/∂w5 = 0.082167041.
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

const EXACT = ['0.3775', '0.29837', '0.08216']

/** Checks one value in the lesson's own check-my-work; the marks' text. */
async function check(page: Page, key: string, value: string): Promise<string> {
  const box = page.locator('.workspace .check')
  await box.getByLabel('Quantity').selectOption(key)
  await box.getByLabel('Your value').fill(value)
  await box.getByRole('button', { name: 'Check', exact: true }).click()
  await expect.poll(() => box.locator('.check__marks').textContent()).toContain(`= ${value}:`)
  return (await box.locator('.check__marks').textContent()) ?? ''
}

/** Every hover title on the page that starts "full precision". */
const precisionTitles = (page: Page) => page.locator('[title^="full precision"]').count()

describe('graded work hides the exact values', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('embedded with answers=0, Check my work, its slip notes and the titles never state them', async () => {
    opened = await openPage('?embed=1&answers=0#/step-by-step-222')
    const { page, errors } = opened
    const box = page.locator('.workspace .check')
    await box.getByRole('button', { name: 'Check', exact: true }).waitFor()
    const marks: string[] = [
      await check(page, 'z1[0]', '0.3000'), // wrong
      await check(page, 'z1[0]', '0.377'), // cut off, not rounded
      await check(page, 'loss', '0.29841'), // rounded early
      await check(page, 'dW2[0][0]', '0.164334081'), // ½ dropped
    ]
    expect(marks[0]).toContain('graded work: the answer is not shown')
    for (const slip of await box.locator('.check__slip').all()) {
      await slip.click()
      marks.push((await box.locator('.check__marks').textContent()) ?? '')
      expect(await box.locator('.check__note').count()).toBe(0)
    }
    for (const m of marks) for (const v of EXACT) expect(m).not.toContain(v)
    // Forward, Backward and Update put every number on screen: none carries a full-precision title.
    for (const name of ['Forward', 'Backward', 'Update'])
      await page.getByRole('button', { name, exact: true }).first().click()
    expect(await precisionTitles(page)).toBe(0)
    await screenshot(page, 'graded-check-1280')
    expect(errors).toEqual([])
  })

  it('without answers=0 the same checks state the exact value (so the test above can fail)', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    await page.locator('.workspace .check').getByRole('button', { name: 'Check' }).waitFor()
    expect(await check(page, 'z1[0]', '0.3000')).toContain('0.3775')
    for (const name of ['Forward', 'Backward', 'Update'])
      await page.getByRole('button', { name, exact: true }).first().click()
    expect(await precisionTitles(page)).toBeGreaterThan(0)
    expect(errors).toEqual([])
  })
})
