// The classic 2-2-2 lesson (notes 004) in a real browser: the buttons by name, the numbers from the page
// (E_total 0.298371109, ∂E/∂w5 0.082167041, w5 after one update 0.35891648; seeds/README.md), the derivation,
// check-my-work's diagnosis of the notes' slips, and a refused garbage value. No console errors.
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage, scrollIntoView } from './utils'

const toFixed9 = (text: string | null) => Number(text).toFixed(9)

describe('classic lesson (step-by-step-222)', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('steps forward, backward and update with the notes’ exact numbers', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    await page.getByRole('heading', { level: 1, name: 'The classic 2-2-2 walk-through' }).waitFor()
    await page.getByRole('button', { name: 'Forward', exact: true }).click()
    await expect.poll(() => page.getByTestId('loss').textContent()).toBe('0.298371109')

    await page.getByRole('button', { name: 'Backward', exact: true }).click()
    await page.locator('[data-param="W2[0][0]"]').click()
    await expect
      .poll(async () => toFixed9(await page.getByTestId('derivation-value').textContent()))
      .toBe('0.082167041')
    const derivation = await page.locator('.derivation').textContent()
    expect(derivation).toContain('0.74136507')
    expect(derivation).toContain('0.186815602')
    expect(derivation).toContain('0.593269992')
    expect(
      await page.getByRole('complementary', { name: 'Numerical gradient check' }).textContent(),
    ).toContain('they agree')
    await page.waitForTimeout(1200)
    await screenshot(page, 'classic-backward-1280')

    await page.getByRole('button', { name: 'Update', exact: true }).click()
    await expect.poll(() => page.getByTestId('selected-value').textContent()).toBe('0.35891648')
    await page.getByRole('button', { name: 'Undo update', exact: true }).click()
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await expect.poll(() => page.getByTestId('selected-value').textContent()).toBe('0.35891648')
    expect(await page.locator('main').textContent()).not.toContain('NaN')
    expect(errors).toEqual([])
  })

  it('derives a hidden weight as a sum over both outputs, and trains with a streaming curve', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    await page.getByRole('button', { name: 'Step', exact: true }).waitFor()
    await page.getByRole('button', { name: 'Backward', exact: true }).click()
    const w1 = page.locator('[data-param="W1[0][0]"]')
    await w1.focus()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.locator('.derivation__steps').textContent())
      .toContain('one bracket per path')
    await page.getByRole('button', { name: 'Train', exact: true }).click()
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor()
    const updates = async () =>
      Number(
        /(\d+) updates/.exec((await page.locator('.workspace__status').textContent()) ?? '')?.[1],
      )
    // Paced (30 updates/s by default): wait for the count, not for a time.
    await expect.poll(updates, { timeout: 20_000 }).toBeGreaterThan(10)
    await page.getByRole('button', { name: 'Pause', exact: true }).click()
    await page.getByRole('button', { name: 'Resume', exact: true }).waitFor()
    await page.getByRole('button', { name: 'Show as table' }).click()
    expect(await page.locator('.loss-chart__table tbody tr').count()).toBeGreaterThan(5)
    await screenshot(page, 'classic-trained-1280')
    expect(errors).toEqual([])
  })

  it('marks the notes’ slips and refuses garbage at the field', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    // The lesson's own check-my-work (each exercise below it has one too).
    const check = page.locator('.workspace .check')
    await check.getByRole('button', { name: /netₕ₁ = 0\.377/ }).click()
    await expect.poll(() => check.locator('.check__marks').textContent()).toContain('Truncated')
    expect(await check.locator('.check__marks').textContent()).toContain('0.378')
    await check.getByRole('button', { name: /Eₜₒₜₐₗ = 0\.50/ }).click()
    await expect.poll(() => check.locator('.check__marks').textContent()).toContain('0.298371109')
    await check.getByLabel('Quantity').selectOption('E[1]')
    await check.getByLabel('Your value').fill('0.23')
    await check.getByRole('button', { name: 'Check', exact: true }).click()
    await expect.poll(() => check.locator('.check__marks').textContent()).toContain('decimal point')

    const w5 = page.getByLabel('w₅', { exact: true })
    await w5.fill('zero point four')
    await w5.press('Enter')
    await expect.poll(() => w5.getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByRole('alert').first().textContent()).toContain('not a number')
    await w5.fill('.5')
    await w5.press('Enter')
    await expect.poll(() => w5.getAttribute('aria-invalid')).toBe('false')
    await page.getByRole('button', { name: 'Forward', exact: true }).click()
    expect(await page.getByTestId('loss').textContent()).not.toBe('0.298371109')
    await screenshot(page, 'classic-check-1280')
    expect(errors).toEqual([])
  })

  // At phone width the whole diagram scrolled sideways, and scaled to fit, its 13 px labels would be
  // about 6.6 px: it shows one layer pair at a time, at full size, chosen with buttons (#11).
  it('fits a 375 px phone screen: one layer pair at a time, labels at 12 px or more, no sideways scroll', async () => {
    opened = await openPage('#/step-by-step-222', { viewport: { width: 375, height: 740 } })
    const { page, errors } = opened
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await page.getByTestId('selected-value').waitFor()
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    await screenshot(page, 'classic-375')
    await scrollIntoView(page.locator('.network-diagram'))
    await page.screenshot({ path: 'artifacts/screenshots/classic-375-diagram.png' })
    expect(overflow).toBe(0)
    expect(await page.getByTestId('diagram-scroll-cue').count()).toBe(0)
    const box = page.locator('.network-diagram__scroll')
    expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0)
    // every label drawn at 12 CSS px or more: its font size times the drawing's scale
    const smallest = () =>
      page.locator('.network-diagram svg').evaluate((svg) => {
        const scale =
          svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width
        const sizes = [...svg.querySelectorAll('text')]
          .filter((t) => getComputedStyle(t).visibility !== 'hidden')
          .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale)
        return Math.min(...sizes)
      })
    expect(await smallest()).toBeGreaterThanOrEqual(12)
    // the selected w₅ shows its pair, hidden → outputs; the inputs' pair is a button away
    const text = () => page.locator('.network-diagram svg').textContent()
    expect(await text()).toContain('o1')
    expect(await text()).not.toContain('i1')
    const inputs = page.getByRole('button', { name: 'inputs → hidden' })
    expect(await inputs.getAttribute('aria-pressed')).toBe('false')
    await inputs.focus()
    await page.keyboard.press('Enter')
    await expect.poll(text).toContain('i1')
    expect(await inputs.getAttribute('aria-pressed')).toBe('true')
    expect(await smallest()).toBeGreaterThanOrEqual(12)
    await page.screenshot({ path: 'artifacts/screenshots/classic-375-diagram-inputs.png' })
    // its parts are tab stops that select by keyboard, and fit the box
    const w1 = page.locator('[data-param="W1[0][0]"]')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await w1.evaluate((e) => e === document.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(() => w1.getAttribute('aria-pressed')).toBe('true')
    const right = await box.evaluate((el) => el.getBoundingClientRect().right)
    const h2 = await page.locator('.network-diagram text', { hasText: 'h2' }).first().boundingBox()
    expect(h2!.x + h2!.width).toBeLessThanOrEqual(right)
    expect(errors).toEqual([])
  })

  it('shows no scroll cue where the whole diagram fits (1280 px)', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    await page.locator('.network-diagram svg').waitFor()
    expect(await page.getByTestId('diagram-scroll-cue').count()).toBe(0)
    expect(errors).toEqual([])
  })

  // A newcomer at a 960 px window found o1 and o2 behind a sideways scroll under "wider than the
  // screen": the two columns came at 900 px, where the diagram's column is narrower than its 480 px.
  it.each([920, 960, 1010])('shows the whole diagram at a %i px window', async (width) => {
    opened = await openPage('#/step-by-step-222', { viewport: { width, height: 800 } })
    const { page, errors } = opened
    await page.locator('.network-diagram svg').waitFor()
    expect(await page.getByTestId('diagram-scroll-cue').count()).toBe(0)
    const right = await page
      .locator('.network-diagram__scroll')
      .evaluate((el) => el.getBoundingClientRect().right)
    const o2 = await page.locator('.network-diagram text', { hasText: 'o2' }).first().boundingBox()
    expect(o2!.x + o2!.width).toBeLessThanOrEqual(right)
    expect(errors).toEqual([])
  })
})
