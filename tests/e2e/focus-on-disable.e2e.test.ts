// A button that disables itself when pressed passes the keyboard focus on (#11). A newcomer pressed
// Forward, Backward and Update from the keyboard in a worked example: Update became disabled, the focus
// fell to <body>, and the next Tab started from the top of the page. Each press here is a key press on
// the focused control; after it the focus must be on a control that can be used, the next one of its
// toolbar or walk-through (after Update: Step).
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openPage, screenshot } from './utils'

/** The focused element, as its tag and accessible text (`BODY` when the focus was dropped). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement
    if (!a || a === document.body) return 'BODY'
    const name = a.getAttribute('aria-label') ?? a.textContent ?? ''
    return `${a.tagName}:${name.trim()}`
  })

describe('keyboard focus after a button disables itself', () => {
  for (const lesson of ['sigmoid-221', 'step-by-step-222'])
    for (const width of [1280, 390])
      it(`${lesson} at ${width} px: Forward, Backward, Update by keyboard, focus on Step`, async () => {
        const { page, errors, close } = await openPage(`#/${lesson}`, {
          viewport: { width, height: 800 },
        })
        const bar = page.getByRole('toolbar', { name: 'Training steps' })
        const forward = bar.getByRole('button', { name: 'Forward', exact: true })
        await forward.waitFor({ timeout: 30_000 })
        await forward.focus()
        await page.keyboard.press('Enter')
        await page.keyboard.press('Tab')
        expect(await focused(page)).toBe('BUTTON:Backward')
        await page.keyboard.press('Space')
        await page.keyboard.press('Tab')
        expect(await focused(page)).toBe('BUTTON:Update')
        await page.keyboard.press('Enter')
        await expect.poll(() => page.getByTestId('stage').textContent()).toBe('After Update')
        expect(await bar.getByRole('button', { name: 'Update', exact: true }).isDisabled()).toBe(
          true,
        )
        await expect.poll(() => focused(page)).toBe('BUTTON:Step')
        // the next Tab goes on from Step, not from the top of the page
        await page.keyboard.press('Tab')
        expect(await focused(page)).toMatch(/^BUTTON:(Train|Resume)$/)
        await screenshot(page, `focus-on-disable-${lesson}-${width}`)
        expect(errors).toEqual([])
        await close()
      })

  it('Undo at the end of its history passes the focus to Reset', async () => {
    const { page, errors, close } = await openPage('#/step-by-step-222')
    const bar = page.getByRole('toolbar', { name: 'Training steps' })
    const step = bar.getByRole('button', { name: 'Step', exact: true })
    await step.waitFor({ timeout: 30_000 })
    await step.focus()
    await page.keyboard.press('Enter')
    const undo = page.getByTestId('undo')
    await expect.poll(() => undo.isDisabled()).toBe(false)
    await undo.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => undo.isDisabled()).toBe(true)
    await expect.poll(() => focused(page)).toBe('BUTTON:Reset')
    expect(errors).toEqual([])
    await close()
  })

  it("the walk-through's Do step (Update) passes the focus to the next step's button", async () => {
    const { page, errors, close } = await openPage('#/step-by-step-222')
    const bar = page.getByRole('toolbar', { name: 'Training steps' })
    const backward = bar.getByRole('button', { name: 'Backward', exact: true })
    await backward.waitFor({ timeout: 30_000 })
    await backward.click()
    const doUpdate = page.getByRole('button', { name: /^Do step \d \(Update\)$/ })
    await doUpdate.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => doUpdate.isDisabled()).toBe(true)
    await expect.poll(() => focused(page)).toMatch(/^BUTTON:Show step \d$/)
    expect(errors).toEqual([])
    await close()
  })
})
