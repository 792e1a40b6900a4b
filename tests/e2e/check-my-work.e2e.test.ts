// Check-my-work in a real browser (#12): an answer with too few digits is never "correct", and a slip of a
// known kind is named by the rule it breaks (values worked out by hand in tests/unit/handNetwork.ts).
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

describe('check my work (step-by-step-222)', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  /** Checks one value in the lesson's own check-my-work (exercises have their own). */
  async function check(page: OpenedPage['page'], key: string, value: string): Promise<string> {
    const box = page.locator('.workspace .check')
    await box.getByLabel('Quantity').selectOption(key)
    await box.getByLabel('Your value').fill(value)
    await box.getByRole('button', { name: 'Check', exact: true }).click()
    await expect.poll(() => box.locator('.check__marks').textContent()).toContain(`= ${value}:`)
    return (await box.locator('.check__marks').textContent()) ?? ''
  }

  it('does not call 0 for net_h1 or E_total, or 1 for out_o1, correct', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    await page.locator('.workspace .check').getByRole('button', { name: 'Check' }).waitFor()
    for (const [key, value] of [
      ['z1[0]', '0'],
      ['loss', '0'],
      ['a2[0]', '1'],
    ]) {
      const text = await check(page, key, value)
      expect(text, key).toContain('Too few digits')
      expect(text, key).not.toContain('Correct')
    }
    const right = await check(page, 'z1[0]', '0.38')
    expect(right).toContain('The exact value rounded to 2 decimal places.')
    expect(right.match(/Correct/g)).toEqual(['Correct']) // the badge is the one verdict word
    expect(errors).toEqual([])
  })

  it('names slips by their rule: ½ dropped from E′, rounding early', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    await page.locator('.workspace .check').getByRole('button', { name: 'Check' }).waitFor()
    // ∂E/∂w5 with 2(out − target) for out − target: 2 × 0.0821670406
    expect(await check(page, 'dW2[0][0]', '0.164334081')).toContain('½')
    const close = await check(page, 'loss', '0.29841')
    expect(close).toContain('Close')
    expect(close).toContain('round early')
    await screenshot(page, 'check-my-work-close-1280')
    expect(errors).toEqual([])
  })

  // #11: Check on an empty field did nothing at all (a newcomer's Exercise 1 of learning-rate).
  it('an exercise checked with its field empty says so at the field, in the lesson’s notation', async () => {
    opened = await openPage('#/learning-rate?v=1&exseed=923067', {
      viewport: { width: 390, height: 844 },
    })
    const { page, errors } = opened
    const exercise = page.getByRole('article', { name: 'Exercise 1', exact: true })
    await exercise.getByRole('button', { name: 'Check', exact: true }).click()
    const said = exercise.getByRole('alert')
    await expect.poll(() => said.textContent()).toBe('Type your value first: w⁺ is empty.')
    await said.scrollIntoViewIfNeeded()
    await screenshot(page, 'check-my-work-empty-390')
    await exercise.getByLabel('Your value').fill('0.24')
    expect(await said.count()).toBe(0)
    expect(errors).toEqual([])
  })
})
