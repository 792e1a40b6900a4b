// Undo in a worked example takes back exactly what its label says, and the screen says what it took
// back (#11). A newcomer trained, changed η during the run, paused and pressed Undo: the first Undo
// changed nothing visible and the second took back the η change together with every update since.
// Counts are read from the page (the status, the η mark's update), never from wall time.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openPage, screenshot } from './utils'

const status = async (page: Page) => (await page.locator('.workspace__status').textContent()) ?? ''
/** The update count the status shows. */
const updates = async (page: Page) => Number(/(\d+) updates?\b/.exec(await status(page))?.[1])
const undo = (page: Page) => page.getByTestId('undo')
/** What Undo says it takes back: its accessible name (the button's text leaves out the count). */
const undoName = (page: Page) => undo(page).getAttribute('aria-label')
const eta = (page: Page) => page.getByRole('textbox', { name: 'Learning rate η', exact: true })

describe('Undo after a run with an η change in it', () => {
  it('takes back the rest of the run, then the η change, then the run before it', async () => {
    const { page, errors, close } = await openPage('#/step-by-step-222')
    await page.getByRole('button', { name: 'Train', exact: true }).click()
    await expect.poll(() => updates(page), { timeout: 20_000 }).toBeGreaterThan(0)
    await eta(page).fill('2')
    await eta(page).press('Enter')
    // The η mark names the update the change came at: M.
    const mark = page.getByTestId('eta-changes')
    await expect.poll(() => mark.textContent()).toMatch(/η = 2 from update \d+/)
    const m = Number(/η = 2 from update (\d+)/.exec((await mark.textContent()) ?? '')?.[1])
    await expect.poll(() => updates(page), { timeout: 20_000 }).toBeGreaterThan(m)
    await page.getByRole('button', { name: 'Pause', exact: true }).click()
    await page.getByRole('button', { name: 'Resume', exact: true }).waitFor()
    const n = await updates(page)
    expect(page.url()).toMatch(/[?&]lr=2\b/)

    // 1: the updates since the change, nothing else (η stays 2, and a bad η typed now says 2 is kept).
    await expect.poll(() => undoName(page)).toBe(`Undo training run (${n - m} updates)`)
    expect((await undo(page).textContent())?.trim()).toBe('Undo training run')
    await undo(page).click()
    await expect.poll(() => updates(page)).toBe(m)
    expect(await eta(page).inputValue()).toBe('2')
    expect(await page.getByTestId('undone').textContent()).toContain(
      `Undone: training run (${n - m} updates); back at ${m} updates.`,
    )
    await eta(page).fill('abc')
    await eta(page).press('Enter')
    await expect
      .poll(() => page.getByTestId('training-waits').textContent())
      .toContain('(η stays 2 until then)')
    await screenshot(page, 'undo-run-1280')

    // 2: the η change alone, said on screen; the link loses lr=2 with it.
    await expect.poll(() => undoName(page)).toBe('Undo η change')
    await undo(page).click()
    await expect.poll(() => eta(page).inputValue()).toBe('0.5')
    expect(await updates(page)).toBe(m)
    expect(await page.getByTestId('undone').textContent()).toContain(
      `Undone: η change; back at ${m} updates, η = 0.5 again.`,
    )
    await expect.poll(() => page.url()).not.toMatch(/[?&]lr=/)

    // 3: the run before the change; then nothing is left to undo.
    await expect.poll(() => undoName(page)).toBe(`Undo training run (${m} updates)`)
    await undo(page).click()
    await expect.poll(() => updates(page)).toBe(0)
    expect(await undo(page).isDisabled()).toBe(true)
    expect(errors).toEqual([])
    await close()
  })
})
