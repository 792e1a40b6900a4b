// The two other worked examples in a real browser: relu-sigmoid-222 (notes 000) shows ∂L/∂w¹₁₁ as a sum of two
// bracketed chains and points out the notes' sign slip; sigmoid-221 (notes 002) derives all six weights and
// shows the output layer in matrix form. Givens from seeds/README.md; no console errors.
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

describe('worked examples', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('relu-sigmoid-222: both brackets, the sign slip, shared biases and the Train biases switch', async () => {
    opened = await openPage('#/relu-sigmoid-222')
    const { page, errors } = opened
    await page.getByRole('button', { name: 'Forward', exact: true }).click()
    await page.getByRole('button', { name: 'Backward', exact: true }).click()
    const derivation = page.locator('.derivation')
    await expect.poll(() => derivation.textContent()).toContain('one bracket per path')
    expect(await page.getByRole('note').textContent()).toContain('slip')
    expect(await page.getByLabel('X₁', { exact: true }).inputValue()).toBe('0.7')
    expect(await page.getByLabel(/^b₁ \(one bias shared by h1, h2\)/).inputValue()).toBe('0.1')
    await page.getByRole('button', { name: /∂L\/∂w¹₁₁ = / }).click()
    await expect.poll(() => page.locator('.check__marks').textContent()).toContain('flipped')
    await page.waitForTimeout(1200)
    await screenshot(page, 'relu-sigmoid-1280')

    // Training keeps the shared bias shared (and says so); untying is a switch of its own.
    await page.getByRole('switch', { name: 'Train biases' }).check()
    await expect.poll(() => page.getByTestId('bias-note').textContent()).toContain('stays shared')
    await page.getByRole('switch', { name: 'One bias per layer (shared)' }).uncheck()
    await expect.poll(() => page.getByLabel('b₁ of unit h2').inputValue()).toBe('0.1')
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    const b11 = await page.getByLabel('b₁ of unit h1').inputValue()
    const b12 = await page.getByLabel('b₁ of unit h2').inputValue()
    expect(b11).not.toBe(b12)
    expect(await page.locator('main').textContent()).not.toContain('NaN')
    expect(errors).toEqual([])
  })

  it('sigmoid-221: six weight gradients, the matrix form, no bias fields; usable at 375 px', async () => {
    opened = await openPage('#/sigmoid-221')
    const { page, errors } = opened
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await expect
      .poll(() => page.locator('.derivation__matrix').textContent())
      .toContain('matrix form')
    for (const key of ['W1[0][0]', 'W1[0][1]', 'W1[1][0]', 'W1[1][1]', 'W2[0][0]', 'W2[0][1]']) {
      await page.locator(`[data-param="${key}"] .edge__label`).click()
      await expect.poll(() => page.getByTestId('derivation-value').textContent()).toMatch(/^−?\d/)
    }
    expect(await page.locator('[data-param^="b"]').count()).toBe(0)
    expect(await page.getByRole('switch', { name: 'Train biases' }).count()).toBe(0)
    await screenshot(page, 'sigmoid-221-1280')
    await page.setViewportSize({ width: 375, height: 740 })
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    await screenshot(page, 'sigmoid-221-375')
    expect(overflow).toBe(0)
    expect(errors).toEqual([])
  })
})
