// What a newcomer found false (#11): with "abc" or an out-of-range η in a field, Step and Train silently
// used the last good η (only the field said so); the walk-through's "Do step 4 (Update)" worked right
// after Forward while the step bar's Update waited for Backward. Now training waits for a field that
// holds a refused value, saying so at the bar in one wording on every screen, and Update follows one
// rule in both places. Expected values are Mazur's worked example (seeds/README.md): w₅ after one
// update 0.35891648 at η = 0.5, and the lesson's η 0.5 kept while the field holds refused text.
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

/** Types `text` into `field` and commits it as a learner does (Enter). */
async function type(field: Locator, text: string): Promise<void> {
  await field.fill(text)
  await field.press('Enter')
}
const waits = (page: Page) => page.getByTestId('training-waits')
const status = (page: Page) => page.locator('.workspace__status').textContent()

describe('training waits for a field holding a refused value', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const width of [1280, 390]) {
    it(`a worked example at ${width} px: Step, Update and Train refuse with the reason at the bar; the last good η stays`, async () => {
      opened = await openPage('#/step-by-step-222', { viewport: { width, height: 800 } })
      const { page, errors } = opened
      const eta = page.getByRole('textbox', { name: 'Learning rate η' })
      await type(eta, 'abc')
      await expect
        .poll(() => waits(page).textContent())
        .toContain('η: “abc” is not a number — fix it to train (η stays 0.5 until then).')
      const bar = page.getByRole('toolbar', { name: 'Training steps' })
      for (const name of ['Step', 'Train'])
        expect(await bar.getByRole('button', { name, exact: true }).isDisabled(), name).toBe(true)
      // the walk-through's Update waits too
      await page.getByRole('button', { name: 'Backward', exact: true }).click()
      expect(await page.getByRole('button', { name: /^Do step \d \(Update\)$/ }).isDisabled()).toBe(
        true,
      )
      expect(await bar.getByRole('button', { name: 'Update', exact: true }).isDisabled()).toBe(true)
      await screenshot(page, `step-rules-eta-abc-${width}`)
      expect(await status(page)).toContain('0 updates')
      // Go to η puts the keyboard in the field
      await waits(page).getByRole('button', { name: 'Go to η' }).click()
      expect(await eta.evaluate((e) => e === document.activeElement)).toBe(true)
      // out of range: the one η wording at the field, the same sentence form at the bar
      await type(eta, '150')
      await expect.poll(() => page.getByText('η must be from 1×10⁻⁵ to 100.').count()).toBe(1)
      await expect
        .poll(() => waits(page).textContent())
        .toContain('η: 150 is out of range — fix it to train (η stays 0.5 until then).')
      // fixed: it trains with the η in the field (0.5 → w₅⁺ = 0.35891648, Mazur)
      await type(eta, '0.5')
      await expect.poll(() => waits(page).count()).toBe(0)
      await bar.getByRole('button', { name: 'Step', exact: true }).click()
      await expect.poll(() => page.getByTestId('selected-value').textContent()).toBe('0.35891648')
      expect(errors).toEqual([])
    })
  }

  it('a panel lesson (hidden layer): Train and Step wait, with the same sentence', async () => {
    opened = await openPage('#/hidden-layer')
    const { page, errors } = opened
    const eta = page.getByRole('textbox', { name: 'Learning rate η (both), typed' })
    await eta.waitFor({ timeout: 30_000 })
    await type(eta, 'abc')
    await expect
      .poll(() => waits(page).textContent())
      .toContain('η: “abc” is not a number — fix it to train (η stays 1 until then).')
    const toolbar = page.getByRole('toolbar', { name: 'Training' })
    expect(await toolbar.getByRole('button', { name: 'Train', exact: true }).isDisabled()).toBe(
      true,
    )
    expect(await toolbar.getByRole('button', { name: 'Step', exact: true }).isDisabled()).toBe(true)
    expect(await page.getByTestId('train-count').textContent()).toBe('0 updates')
    await type(eta, '150')
    await expect.poll(() => page.getByText('η must be from 1×10⁻⁵ to 100.').count()).toBe(1)
    await type(eta, '0.5')
    await expect.poll(() => waits(page).count()).toBe(0)
    await toolbar.getByRole('button', { name: 'Step', exact: true }).click()
    await expect.poll(() => page.getByTestId('train-count').textContent()).toBe('1 update')
    await screenshot(page, 'step-rules-hidden-layer')
    expect(errors).toEqual([])
  })

  it('the playground: Train and Step wait while η holds refused text', async () => {
    opened = await openPage('#/playground', { viewport: { width: 390, height: 800 } })
    const { page, errors } = opened
    const eta = page.getByRole('textbox', { name: 'Learning rate η, typed' })
    await eta.waitFor({ timeout: 30_000 })
    await type(eta, '1e3')
    await expect
      .poll(() => waits(page).textContent())
      .toMatch(/^η: 1e3 is out of range — fix it to train \(η stays [\d.]+ until then\)\./)
    expect(await page.getByRole('button', { name: /^(Train|Resume)$/ }).isDisabled()).toBe(true)
    await screenshot(page, 'step-rules-playground-390')
    expect(errors).toEqual([])
  })
})

describe('Update follows one rule in the step bar and the walk-through', () => {
  it('after Forward both wait for Backward, saying why; after Backward both update', async () => {
    const { page, errors, close } = await openPage('#/step-by-step-222')
    const bar = page.getByRole('toolbar', { name: 'Training steps' })
    const guideUpdate = page.getByRole('button', { name: /^Do step \d \(Update\)$/ })
    await bar.getByRole('button', { name: 'Forward', exact: true }).click()
    expect(await guideUpdate.isDisabled()).toBe(true)
    expect(await bar.getByRole('button', { name: 'Update', exact: true }).isDisabled()).toBe(true)
    expect(await page.getByTestId('guide-waits').textContent()).toBe(
      'Press Backward first to compute the gradients.',
    )
    expect(await status(page)).toContain('0 updates')
    await bar.getByRole('button', { name: 'Backward', exact: true }).click()
    expect(await bar.getByRole('button', { name: 'Update', exact: true }).isDisabled()).toBe(false)
    expect(await page.getByTestId('guide-waits').count()).toBe(0)
    await guideUpdate.click()
    await expect.poll(() => status(page)).toContain('1 update')
    await expect.poll(() => page.getByTestId('selected-value').textContent()).toBe('0.35891648')
    // after the update, both wait for a new pass, and the hint names its first step: Forward (#11)
    expect(await guideUpdate.isDisabled()).toBe(true)
    expect(await bar.getByRole('button', { name: 'Update', exact: true }).isDisabled()).toBe(true)
    // …in words that match the stage the status shows, "After Update" (#11)
    const after = 'Updated. For the next update, press Forward, then Backward, at the new weights.'
    expect(await page.getByTestId('stage').textContent()).toBe('After Update')
    expect(await page.getByTestId('guide-waits').textContent()).toBe(after)
    expect(
      await bar.getByRole('button', { name: 'Update', exact: true }).getAttribute('title'),
    ).toBe(after)
    await bar.getByRole('button', { name: 'Forward', exact: true }).click()
    await expect
      .poll(() => page.getByTestId('guide-waits').textContent())
      .toBe('Press Backward first to compute the gradients.')
    expect(errors).toEqual([])
    await close()
  })
})

describe('the diagram after Update says which values are from before it', () => {
  it('Step: the note; Forward: the pass runs the new weights and the note goes', async () => {
    const { page, errors, close } = await openPage('#/step-by-step-222')
    const bar = page.getByRole('toolbar', { name: 'Training steps' })
    const note = page.getByTestId('diagram-states')
    expect(await note.count()).toBe(0)
    await bar.getByRole('button', { name: 'Step', exact: true }).click()
    await expect
      .poll(() => note.textContent())
      .toMatch(/from the pass before the update\. Press Forward to run the new weights\./)
    await bar.getByRole('button', { name: 'Forward', exact: true }).click()
    await expect.poll(() => note.count()).toBe(0)
    expect(errors).toEqual([])
    await close()
  })
})
