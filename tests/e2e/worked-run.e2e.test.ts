// A worked example's run, as a learner drives it: from the keyboard (Enter on Train, then Space pauses:
// the button keeps focus as its label changes: it was two buttons, and focus fell to the page), and with
// η typed during the run, which the walk-through's Update step says once it is on screen (a newcomer saw
// the run's first η there in a full-page screenshot: sections off screen are not redrawn while training).
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, type OpenedPage, scrollIntoView } from './utils'

describe('a worked example run', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('Enter on Train starts it and Space on the same button pauses it', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    const train = page.getByRole('button', { name: 'Train', exact: true })
    await train.waitFor({ timeout: 30_000 })
    await train.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor()
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Pause')
    await page.keyboard.press('Space')
    await page.getByRole('button', { name: 'Resume', exact: true }).waitFor()
    expect(await page.getByTestId('stage').textContent()).toBe('Paused')
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Resume')
    expect(errors).toEqual([])
  })

  it('η typed during the run is the η the walk-through’s Update step names, while it runs', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    const update = page.locator('.guide__steps > li').filter({ hasText: 'Update with' })
    await update.waitFor({ timeout: 30_000 })
    expect(await update.textContent()).toMatch(/η\s*=\s*0\.5\b/)
    await page.getByRole('button', { name: 'Train', exact: true }).click()
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor()
    const eta = page.getByRole('textbox', { name: /^Learning rate η/ }).first()
    await eta.fill('3')
    await eta.press('Enter')
    // as the learner reads it (a section off screen is not redrawn while training)
    await scrollIntoView(update)
    await expect.poll(() => update.textContent()).toMatch(/η\s*=\s*3\b/)
    // still training: the text followed the run, not the pause
    expect(await page.getByRole('button', { name: 'Pause', exact: true }).count()).toBe(1)
    expect(errors).toEqual([])
  })
})
