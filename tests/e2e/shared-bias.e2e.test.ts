// Issue #12 in a real browser: the classic and ReLU 2-2-2 lessons show ONE bias per layer, with one
// gradient (the sum over its uses) in the diagram, the derivation, the numerical check and the
// parameter table; training keeps it shared. Expected values: the PyTorch fixture's per-unit δ summed,
// or recomputed by hand here.
import { afterEach, describe, expect, it } from 'vitest'
import { classicCase } from '../unit/fixtures'
import { openPage, parseShown, screenshot, type OpenedPage } from './utils'

const [hidden, out] = classicCase.expected.layers
const db1 = hidden.db[0] + hidden.db[1] // 0.018725609…
const db2 = out.db[0] + out.db[1] // 0.100400325…
const num = (text: string | null): number => Number((text ?? '').replace('−', '-'))

describe('shared biases on the lesson page', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('classic 2-2-2: b₁ is one parameter with ∂E/∂b₁ = δ_h1 + δ_h2, checked as one', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    await page.getByRole('button', { name: 'Forward', exact: true }).click()
    await page.getByRole('button', { name: 'Backward', exact: true }).click()
    await page.locator('[data-testid="shared-bias"][data-param="b1"]').click()
    const value = page.getByTestId('derivation-value')
    await expect.poll(async () => num(await value.textContent())).toBeCloseTo(db1, 9)
    const derivation = page.locator('.derivation')
    await expect.poll(() => derivation.textContent()).toContain('sum over its uses')
    const check = page.getByRole('complementary', { name: 'Numerical gradient check' })
    await expect.poll(() => check.textContent()).toContain('they agree')
    expect(num(await check.locator('dd').nth(1).textContent())).toBeCloseTo(db1, 9)
    // The output layer's bias: δ_o1 + δ_o2.
    await page.locator('[data-testid="shared-bias"][data-param="b2"]').press('Enter')
    await expect.poll(async () => num(await value.textContent())).toBeCloseTo(db2, 9)
    // One field per layer in the table, saying it is shared.
    expect(await page.getByLabel(/^b₁ \(one bias shared by h1, h2\)/).inputValue()).toBe('0.35')
    expect(await page.getByLabel(/of unit/).count()).toBe(0)
    await screenshot(page, 'shared-bias-classic-1280')
    // Trained: b₁⁺ = 0.35 − 0.5 (δ_h1 + δ_h2), both uses move together.
    await page.getByRole('switch', { name: 'Train biases' }).check()
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await expect
      .poll(async () => parseShown(await page.getByLabel(/^b₁ \(one bias/).inputValue()))
      .toBeCloseTo(0.35 - 0.5 * db1, 6)
    expect(parseShown(await page.getByLabel(/^b₂ \(one bias/).inputValue())).toBeCloseTo(
      0.6 - 0.5 * db2,
      6,
    )
    expect(errors).toEqual([])
  })

  it('check-my-work marks ∂E/∂b₁ = 0.018726 correct', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await page.getByLabel('Quantity').first().selectOption({ label: '∂Eₜₒₜₐₗ/∂b₁' })
    await page.getByLabel('Your value').first().fill('0.018726')
    await page.getByRole('button', { name: 'Check', exact: true }).first().click()
    await expect.poll(() => page.locator('.check__marks').first().textContent()).toMatch(/Correct/)
    expect(errors).toEqual([])
  })
})
