// The numerical check on the lesson page (issue #12): at a ReLU kink it shows both one-sided slopes and
// the derivative-0-at-0 convention instead of "bug"; the learner can choose ε and see the error against ε.
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

describe('numerical gradient check on the page', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('at net¹₁ = 0 explains the kink with both slopes; ε is the learner’s', async () => {
    // net¹₁ = 0.7·0 − 0.2·0.5 + 0.1 = 0 exactly.
    opened = await openPage('#/relu-sigmoid-222?v=1&w=0,-0.2,-0.2,0.6,0.4,-0.3,0.7,0.2')
    const { page, errors } = opened
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    const caption = page.getByTestId('check-caption')
    await expect.poll(() => caption.textContent()).toContain('crosses a kink')
    const text = (await caption.textContent()) ?? ''
    expect(text).not.toMatch(/probably has a bug|they disagree/)
    expect(text).toContain('ReLU′(0) = 0')
    expect(await page.getByTestId('slope-left').textContent()).toMatch(/^\s*0\s*$/)
    // The float64 value −0.000486315585, shown to the decimals its round-off supports: by
    // hand, L ≈ 0.036 carries about 16 · 2⁻⁵² · L = 1.3e-16, a difference over ε = 10⁻⁶ twice that
    // over ε: 2.6e-10, leading digit in the 10th decimal. Two float64 evaluations can differ by twice
    // that, plus half a unit of the 10th decimal for the rounding on screen.
    const right = ((await page.getByTestId('slope-right').textContent()) ?? '').trim()
    expect(right).toMatch(/^−0\.\d{10}$/)
    expect(Math.abs(Number(right.replace('−', '-')) - -0.000486315585)).toBeLessThan(
      2 * 2.6e-10 + 0.5e-10 + 5e-13,
    )
    const digits = (await page.getByTestId('check-digits').textContent()) ?? ''
    expect(digits).toContain('is shown to 10 decimals, as are the one-sided slopes')
    await page.getByText('Choose ε, and see the error against ε').click()
    await expect.poll(() => page.getByTestId('epsilon-sweep').count()).toBe(1)
    await page.getByLabel('ε of the check (0 < ε ≤ 0.1)').fill('0.001')
    await page.getByLabel('ε of the check (0 < ε ≤ 0.1)').press('Enter')
    await expect.poll(() => caption.textContent()).toContain('ε = 0.001')
    await screenshot(page, 'gradient-check-kink-1280')
    expect(errors).toEqual([])
  })
})
