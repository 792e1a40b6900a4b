// Open panels come back from the shared link (#11, found by a newcomer): "Notation on this page",
// opened, came back closed from Share link (the notation chosen in it, `notation=`, was kept). Every
// disclosure panel of a lesson screen is treated alike: the notation box, the worked examples' ε plot,
// the learning-rate sweep's table of every copy and the playground's forward values.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openPage, screenshot } from './utils'

const panel = (page: Page, summary: string) =>
  page.locator('main details').filter({ has: page.locator('summary', { hasText: summary }) })
const isOpen = (page: Page, summary: string) =>
  panel(page, summary).evaluate((d) => (d as HTMLDetailsElement).open)
const query = (page: Page) => page.locator('.share-bar').getAttribute('data-query')

// net¹₁ = 0 exactly (gradient-check.e2e.test.ts): one Step shows the check with its "Choose ε" box.
const WEIGHTS = 'v=1&w=0,-0.2,-0.2,0.6,0.4,-0.3,0.7,0.2'

describe('an open panel comes back open from the shared link', () => {
  it.each([
    // [lesson, the panel's summary, what to do before it is there]
    ['step-by-step-222', 'Notation on this page', null],
    [`relu-sigmoid-222?${WEIGHTS}`, 'Choose ε, and see the error against ε', 'step'],
    ['learning-rate', 'Every copy, named', null],
    // a weight picked (`sel`): its derivation, with the forward values, is shown
    ['playground?v=1&sel=W1%5B0%5D%5B0%5D', 'Forward values and δ for this point', null],
  ] as const)('%s: “%s”', async (lesson, summary, before) => {
    const { page, errors, close } = await openPage(`#/${lesson}`)
    const step = () => page.getByRole('button', { name: 'Step', exact: true }).first().click()
    if (before === 'step') await step()
    await panel(page, summary).locator('summary').click({ timeout: 30_000 })
    expect(await isOpen(page, summary)).toBe(true)
    await expect.poll(() => query(page)).toMatch(/open=1/)
    const link = (await query(page))!
    await close()

    const again = await openPage(`#/${lesson.split('?')[0]}?${link}`)
    if (before === 'step')
      await again.page.getByRole('button', { name: 'Step', exact: true }).first().click()
    await panel(again.page, summary).waitFor({ timeout: 30_000 })
    expect(await isOpen(again.page, summary)).toBe(true)
    expect(await again.page.getByTestId('link-notices').count()).toBe(0)
    if (summary.startsWith('Notation')) {
      await screenshot(again.page, 'open-panels-notation-1280')
      // closed again, it leaves the link (a closed panel, as every panel starts, writes nothing)
      await panel(again.page, summary).locator('summary').click()
      await expect.poll(() => query(again.page)).not.toMatch(/open=/)
    }
    expect([...errors, ...again.errors]).toEqual([])
    await again.close()
  })
})
