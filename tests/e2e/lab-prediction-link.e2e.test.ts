// A lab's prediction in the shared link (#11): η chosen in the learning-rate lab, Share link opened in
// a fresh browser came back with "choose…". Now the prediction comes back (not the run: Run it on the
// opened link gives the same marks and lines), a value the lab does not offer gets one notice, and New
// numbers empties it, in the box and in the link.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openPage, screenshot, scrollIntoView, shareAndOpenFresh } from './utils'

const card = (page: Page, id: string) => page.locator(`[data-exercise="${id}"]`)
const rates = (page: Page) => card(page, 'which-diverges')
const rateSelect = (page: Page) => rates(page).getByLabel('Your prediction: smallest diverging η')

/** Runs the lab and returns what it shows: the marks' rows and the run's lines. */
async function runIt(page: Page, lab: ReturnType<typeof card>): Promise<string[]> {
  await lab.getByRole('button', { name: 'Run it' }).click()
  await lab.locator('.lab__badge').first().waitFor({ timeout: 30_000 })
  return lab.locator('.lab__mark, .lab__lines li').allTextContents()
}

describe('a lab’s prediction comes back from the shared link', () => {
  it('learning rate: the η chosen comes back, and Run it gives the same marks and lines', async () => {
    const { page, context, errors, close } = await openPage('#/learning-rate?v=1&exseed=7')
    await rateSelect(page).waitFor({ timeout: 30_000 })
    const v = JSON.parse((await rates(page).getAttribute('data-values'))!) as Record<string, number>
    // J = ½ k w², w⁺ = (1 − ηk) w: an η with |1 − ηk| ≤ 1 does not diverge (a wrong prediction)
    const calm = [v.e1, v.e2, v.e3, v.e4].filter((e) => Math.abs(1 - e * v.k) <= 1)
    const predicted = String(Math.max(...calm))
    await rateSelect(page).selectOption(predicted)
    const shown = await runIt(page, rates(page))
    expect(shown[0]).toContain('Not what the run shows')

    const { again, fresh, errors: freshErrors, link } = await shareAndOpenFresh(page, context)
    expect(link).toMatch(new RegExp(`[?&]ex2p=${predicted.replace('.', '\\.')}(&|$)`))
    await rateSelect(again).waitFor({ timeout: 30_000 })
    expect(await rateSelect(again).inputValue()).toBe(predicted)
    // the run is not in the link: nothing is marked until Run it
    expect(await rates(again).locator('.lab__badge').count()).toBe(0)
    expect(await again.getByTestId('link-notices').count()).toBe(0)
    await scrollIntoView(rates(again))
    await screenshot(again, 'lab-prediction-link-1280')
    expect(await runIt(again, rates(again))).toEqual(shown)
    await fresh.close()
    expect(freshErrors).toEqual([])
    expect(errors).toEqual([])
    await close()
  })

  it('at phone width: the hidden-layer lab’s choice comes back in its exercise', async () => {
    const phone = { width: 390, height: 844 }
    const { page, context, errors, close } = await openPage('#/hidden-layer?v=1&exseed=5', {
      viewport: phone,
    })
    const select = (p: Page) =>
      card(p, 'smallest-h').getByLabel('Your prediction: smallest H at 100 %')
    await select(page).waitFor({ timeout: 30_000 })
    await select(page).selectOption({ label: 'none of them' })
    const { again, fresh, errors: freshErrors } = await shareAndOpenFresh(page, context, phone)
    await select(again).waitFor({ timeout: 30_000 })
    expect(await select(again).inputValue()).toBe('0') // "none of them" is H = 0
    expect(await again.locator('.exercises__seed').textContent()).toMatch(/Numbers set 5 /)
    await scrollIntoView(card(again, 'smallest-h'))
    await card(again, 'smallest-h').screenshot({
      path: await screenshot(again, 'lab-prediction-link-390'),
    })
    await fresh.close()
    expect(freshErrors).toEqual([])
    expect(errors).toEqual([])
    await close()
  })

  it('an η the lab does not offer gets one notice and nothing is chosen', async () => {
    const { page, errors, close } = await openPage('#/learning-rate?v=1&exseed=7&ex2p=7')
    await rateSelect(page).waitFor({ timeout: 30_000 })
    const notices = page.getByTestId('link-notices')
    await expect.poll(() => notices.textContent()).toMatch(/prediction in exercise 2: “7”/)
    expect(await notices.locator('li').count()).toBe(1)
    expect(await rateSelect(page).inputValue()).toBe('')
    expect(errors).toEqual([])
    await close()
  })

  it('New numbers empties the prediction, in the box and in the link', async () => {
    const { page, errors, close } = await openPage('#/learning-rate?v=1&exseed=7')
    await rateSelect(page).waitFor({ timeout: 30_000 })
    const first = await rateSelect(page)
      .locator('option:not([disabled])')
      .first()
      .getAttribute('value')
    await rateSelect(page).selectOption(first!)
    const query = () => page.locator('.share-bar').getAttribute('data-query')
    await expect.poll(query).toMatch(/ex2p=/)
    await page.getByRole('button', { name: 'New numbers' }).click()
    await expect.poll(() => rateSelect(page).inputValue()).toBe('')
    await expect.poll(query).not.toMatch(/ex2p=/)
    expect(errors).toEqual([])
    await close()
  })
})
