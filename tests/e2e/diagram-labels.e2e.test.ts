// What a screen reader hears from the network diagram is what the diagram shows (newcomer's report): on a
// fresh step-by-step-222 page no label, title or visually hidden text names a δ with a number before
// Backward, and after Backward the unit o1 says δₒ₁ as drawn (4 significant digits, typographic minus).
// The expected δₒ₁ is derived here from the notes' numbers, not read from the engine.
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

/** Every text meant for assistive technology or hover under `root`: aria-label, title, SVG <title>, sr-only. */
const labelTexts = (root: string) =>
  [
    ...document.querySelectorAll(
      `${root} :is([aria-label], [title], title, .sr-only, .visually-hidden)`,
    ),
  ].map((el) =>
    [
      el.getAttribute('aria-label'),
      el.getAttribute('title'),
      el.matches('title, .sr-only, .visually-hidden') ? el.textContent : null,
    ]
      .filter((t) => t)
      .join(' | '),
  )

/** A δ followed by a number, in any minus sign. */
const DELTA_WITH_NUMBER = /δ[^=,.]*=\s*[−-]?\d/

describe('diagram labels say what is shown', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('no δ before Backward; after it δₒ₁ as drawn, from the notes’ out_o1 and target', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    await page.getByRole('button', { name: 'Backward', exact: true }).waitFor()
    // the lesson's biases are shared (b₁, b₂), so a unit is a picture, not a button
    const o1 = page.locator('.network-diagram .node__control[aria-label^="Unit o"]').first()
    await o1.waitFor()
    const before = await page.evaluate(labelTexts, 'body')
    expect(before.length).toBeGreaterThan(10)
    expect(before.filter((t) => DELTA_WITH_NUMBER.test(t))).toEqual([])

    await page.getByRole('button', { name: 'Backward', exact: true }).click()
    // The notes: δₒ₁ = (out_o1 − target_o1) · out_o1 · (1 − out_o1), out_o1 = 0.75136507, target 0.01
    const out = 0.75136507
    const delta = (out - 0.01) * out * (1 - out)
    expect(delta.toFixed(9)).toBe('0.138498562')
    const shown = delta.toPrecision(4) // the diagram draws 4 significant digits: 0.1385
    const drawn = o1.locator('xpath=..').locator('.node__value--backward')
    await expect.poll(() => drawn.textContent()).toContain(`δₒ₁ ${shown}`)
    expect(await o1.getAttribute('aria-label')).toContain(`δₒ₁ = ${shown},`)
    const after = (await page.evaluate(labelTexts, '.network-diagram')).join('\n')
    // every number the diagram's labels give is as drawn: no 17-digit doubles, no hyphen-minus before a digit
    expect(after).not.toMatch(/\d\.\d{9,}/)
    expect(after).not.toMatch(/=\s*-\d/)
    await page.waitForTimeout(1500)
    await screenshot(page, 'diagram-labels-backward-1280')
    expect(errors).toEqual([])
  })
})
