// A formula typeset again with new numbers changes only what differs (#11): replacing the whole
// formula made the browser lay out about a thousand nodes again every few frames while training
// (the landscape's rules, single-neuron's derivations). Counted by a MutationObserver over a fixed
// number of Steps: not one formula is built from scratch, and every one shows the new numbers.
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, scrollIntoView, type OpenedPage } from './utils'

/** Starts counting the elements added under `target` that are (or hold) a whole KaTeX formula. */
const countFormulasAdded = (target: Locator) =>
  target.evaluate((root) => {
    const w = window as unknown as { formulasAdded: number }
    w.formulasAdded = 0
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (
            n instanceof Element &&
            (n.matches('.katex, .katex-display') || n.querySelector('.katex'))
          )
            w.formulasAdded++
    }).observe(root, { subtree: true, childList: true })
  })
const formulasAdded = (page: Page) =>
  page.evaluate(() => (window as unknown as { formulasAdded: number }).formulasAdded)

describe('formulas typeset in place', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it("the landscape's rules follow five Steps without a formula built anew", async () => {
    opened = await openPage('#/learning-rate')
    const { page, errors } = opened
    const section = page.locator('section[aria-labelledby=lr-land-h]')
    const rules = section.locator('.landscape__rule')
    await scrollIntoView(rules.first())
    const step = section.getByRole('button', { name: 'Step (landscape)', exact: true })
    await step.click()
    // SGD's rule after update 1: w₁ = w₀ − η g₀ (the TeX source is in the formula's MathML)
    await expect.poll(async () => (await rules.first().textContent()) ?? '').toContain('w_{1} &=')
    await countFormulasAdded(section)
    for (let k = 2; k <= 6; k++) {
      await step.click()
      for (const r of await rules.all())
        await expect.poll(async () => (await r.textContent()) ?? '').toContain(`_{${k}}`)
    }
    expect(await formulasAdded(page)).toBe(0)
    expect(errors).toEqual([])
  })

  it("single-neuron's derivations follow five Steps without a formula built anew", async () => {
    opened = await openPage('#/single-neuron')
    const { page, errors } = opened
    const derivations = page.locator(
      'section[aria-labelledby=sn-derive-heading], section[aria-labelledby=sn-batch-heading]',
    )
    await derivations.first().locator('.katex').first().waitFor()
    const lossShown = page.getByTestId('sn-loss')
    const batch = page.locator('section[aria-labelledby=sn-batch-heading] .math-formula').last()
    await scrollIntoView(batch)
    await countFormulasAdded(page.locator('main'))
    const step = page.getByRole('button', { name: 'Step', exact: true })
    for (let k = 1; k <= 5; k++) {
      const before = [await lossShown.textContent(), await batch.textContent()]
      await step.click()
      await expect.poll(() => lossShown.textContent()).not.toBe(before[0])
      // the batch update's last line, b ← b − η·∂J/∂b, is typeset again with the new b
      await expect.poll(() => batch.textContent()).not.toBe(before[1])
    }
    expect(await formulasAdded(page)).toBe(0)
    expect(errors).toEqual([])
  })
})
