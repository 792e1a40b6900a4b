// Check my work in the shared link (#11, found by a newcomer): on step-by-step-222, netₒ₂ chosen and
// 1.2 typed (or a worked chain typed), Share link opened in a fresh browser came back with the first
// quantity and an empty box. Now the mode, the quantity and the values typed come back, in the lesson's
// own Check my work and in each exercise's, and checking again gives the same verdict; one value at a
// time, each quantity keeps its own value, in the box and in the link.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openPage, screenshot, shareAndOpenFresh } from './utils'

const box = (page: Page) => page.locator('.workspace .check')

describe('Check my work comes back from the shared link', () => {
  it('one value: netₒ₂ and 1.2 come back, and Check gives the same verdict', async () => {
    const { page, context, errors, close } = await openPage('#/step-by-step-222')
    const check = box(page)
    await check.getByRole('button', { name: 'Check', exact: true }).waitFor({ timeout: 30_000 })
    // netₒ₂ is z2[1] in the lesson's notation (its quantities are named as the notes name them)
    await check.getByLabel('Quantity').selectOption({ label: 'netₒ₂' })
    await check.getByLabel('Your value').fill('1.2')
    await check.getByRole('button', { name: 'Check', exact: true }).click()
    const verdict = await check.locator('.check__marks').textContent()
    expect(verdict).toContain('netₒ₂ = 1.2:')

    const { again, fresh, errors: freshErrors, link } = await shareAndOpenFresh(page, context)
    expect(link).toMatch(/[?&]checkq=z2%5B1%5D(&|$)/)
    const back = box(again)
    await back.getByRole('button', { name: 'Check', exact: true }).waitFor({ timeout: 30_000 })
    expect(await back.getByLabel('Quantity').inputValue()).toBe('z2[1]')
    expect(await back.getByLabel('Your value').inputValue()).toBe('1.2')
    await back.getByRole('button', { name: 'Check', exact: true }).click()
    expect(await back.locator('.check__marks').textContent()).toBe(verdict)
    expect(await again.getByTestId('link-notices').count()).toBe(0)
    await screenshot(again, 'check-my-work-link-1280')
    await fresh.close()
    expect(freshErrors).toEqual([])
    expect(errors).toEqual([])
    await close()
  })

  it('a worked chain: the mode and every value typed come back, in their fields', async () => {
    const { page, context, errors, close } = await openPage('#/step-by-step-222', {
      viewport: { width: 390, height: 844 },
    })
    const check = box(page)
    await check.getByRole('button', { name: 'Check', exact: true }).waitFor({ timeout: 30_000 })
    await check.getByLabel('A worked chain').check()
    const fields = check.locator('.check__chain input')
    const n = await fields.count()
    expect(n).toBeGreaterThan(2)
    // the first and the third typed, the second left empty: each value stays in its own field
    await fields.nth(0).fill('0.3775')
    await fields.nth(2).fill('1;2')

    const { again, fresh, errors: freshErrors } = await shareAndOpenFresh(page, context)
    const back = box(again)
    await back.getByRole('button', { name: 'Check all' }).waitFor({ timeout: 30_000 })
    expect(await back.getByLabel('A worked chain').isChecked()).toBe(true)
    const typed = await back
      .locator('.check__chain input')
      .evaluateAll((es) => es.map((e) => (e as HTMLInputElement).value))
    expect(typed).toEqual(['0.3775', '', '1;2', ...Array(n - 3).fill('')])
    await fresh.close()
    expect(freshErrors).toEqual([])
    await screenshot(page, 'check-my-work-link-chain-390')
    expect(errors).toEqual([])
    await close()
  })

  it('an exercise’s value comes back in that exercise, with its numbers set', async () => {
    const { page, context, errors, close } = await openPage('#/step-by-step-222?v=1&exseed=4242')
    const second = page.getByRole('article', { name: 'Exercise 2' }).locator('.check')
    await second.getByLabel('Your value').fill('0.5')
    const { again, fresh, errors: freshErrors } = await shareAndOpenFresh(page, context)
    const exercise = (k: number) =>
      again.getByRole('article', { name: `Exercise ${k}` }).getByLabel('Your value')
    await exercise(2).waitFor({ timeout: 30_000 })
    expect(await exercise(2).inputValue()).toBe('0.5')
    expect(await exercise(1).inputValue()).toBe('')
    expect(await again.locator('.exercises__seed').textContent()).toMatch(/Numbers set 4242/)
    // new numbers: the answer typed for the old ones leaves the box, and the link
    await again.getByRole('button', { name: 'New numbers' }).click()
    await expect.poll(() => exercise(2).inputValue()).toBe('')
    await expect
      .poll(() => again.locator('.share-bar').getAttribute('data-query'))
      .not.toMatch(/ex2v=/)
    await fresh.close()
    expect(freshErrors).toEqual([])
    expect(errors).toEqual([])
    await close()
  })

  // #11 (found by a newcomer): loss-compare's exercise 1 asks for two values; checked one value at a
  // time, both went through one box, so the link kept only the last (and the first quantity showed it).
  it('one value at a time: each quantity’s own value comes back with it', async () => {
    const { page, context, errors, close } = await openPage('#/loss-compare?v=1&exseed=4242')
    const exercise = (p: Page) => p.getByRole('article', { name: 'Exercise 1' })
    const check = exercise(page).locator('.check')
    await check.getByLabel('Your value').waitFor({ timeout: 30_000 })
    // the question's prediction [p1, p2], true class 2: −ln p2 and p1² + (p2 − 1)², to 4 places
    const { p1, p2 } = JSON.parse((await exercise(page).getAttribute('data-values')) ?? '{}') as {
      p1: number
      p2: number
    }
    const ce = (-Math.log(p2)).toFixed(4)
    const se = (p1 ** 2 + (p2 - 1) ** 2).toFixed(4)
    const checkOne = async (label: string, value: string) => {
      await check.getByLabel('Quantity').selectOption({ label })
      await check.getByLabel('Your value').fill(value)
      await check.getByRole('button', { name: 'Check', exact: true }).click()
    }
    await checkOne('cross-entropy', ce)
    await check.getByLabel('Quantity').selectOption({ label: 'squared error' })
    // its own box: nothing typed for the squared error yet
    expect(await check.getByLabel('Your value').inputValue()).toBe('')
    await checkOne('squared error', se)
    await check.getByLabel('Quantity').selectOption({ label: 'cross-entropy' })
    expect(await check.getByLabel('Your value').inputValue()).toBe(ce)
    await check.getByLabel('Quantity').selectOption({ label: 'squared error' })

    const { again, fresh, errors: freshErrors } = await shareAndOpenFresh(page, context)
    const back = exercise(again).locator('.check')
    await back.getByLabel('Your value').waitFor({ timeout: 30_000 })
    expect(await back.getByLabel('Quantity').inputValue()).toBe('se')
    expect(await back.getByLabel('Your value').inputValue()).toBe(se)
    await back.getByRole('button', { name: 'Check', exact: true }).click()
    expect(await back.locator('.check__badge').textContent()).toBe('Correct')
    await back.getByLabel('Quantity').selectOption({ label: 'cross-entropy' })
    expect(await back.getByLabel('Your value').inputValue()).toBe(ce)
    await back.getByRole('button', { name: 'Check', exact: true }).click()
    expect(await back.locator('.check__badge').textContent()).toBe('Correct')
    expect(await again.getByTestId('link-notices').count()).toBe(0)
    await exercise(again).screenshot({
      path: await screenshot(again, 'check-my-work-link-two-values'),
    })
    await fresh.close()
    expect(freshErrors).toEqual([])
    expect(errors).toEqual([])
    await close()
  })

  it('a quantity the lesson does not have gets one notice; the box starts as its own', async () => {
    const { page, errors, close } = await openPage('#/step-by-step-222?v=1&checkq=W9&checkv=0.5')
    const check = box(page)
    await check.getByRole('button', { name: 'Check', exact: true }).waitFor({ timeout: 30_000 })
    const notices = page.getByTestId('link-notices')
    await expect.poll(() => notices.textContent()).toMatch(/quantity of Check my work: “W9”/)
    expect(await notices.locator('li').count()).toBe(1)
    expect(await check.getByLabel('Your value').inputValue()).toBe('0.5')
    expect(errors).toEqual([])
    await close()
  })
})
