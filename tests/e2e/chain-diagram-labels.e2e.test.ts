// The chain-rule lesson's diagrams: every slope label ("× 0.25") is clear of its arrow, the line and its
// head, at 1280 px (the chain left to right) and at 390 px (top to bottom), where "× 0.25" sat across
// the arrow (newcomer at 390 × 844).
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

/** The arrowhead reaches this far (viewBox units) either side of its line: 7 × stroke 2.5 / 2, rounded up. */
const HEAD = 9

describe('chain diagram labels', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    it(`no slope label touches an arrow at ${viewport.width} px`, async () => {
      opened = await openPage('#/chain-rule', { viewport })
      const { page, errors } = opened
      await page.locator('svg.chain-diagram:visible').first().waitFor()
      const found = await page.evaluate((head) => {
        const drawn = [...document.querySelectorAll<SVGSVGElement>('svg.chain-diagram')].filter(
          (svg) => svg.getBoundingClientRect().width > 0,
        )
        return drawn.map((svg) => {
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
          const lines = [...svg.querySelectorAll('.chain-diagram__arrow')]
          return [...svg.querySelectorAll('.chain-diagram__slope')].map((label, k) => {
            const t = label.getBoundingClientRect()
            const a = lines[k].getBoundingClientRect()
            const pad = head * scale
            const hits =
              t.left < a.right + pad &&
              t.right > a.left - pad &&
              t.top < a.bottom + pad &&
              t.bottom > a.top - pad
            return { label: label.textContent?.trim(), width: t.width, hits }
          })
        })
      }, HEAD)
      // Both diagrams of the lesson, each label drawn (not empty) and clear of its arrow.
      expect(found.map((d) => d.length)).toEqual([2, 3])
      for (const d of found)
        for (const l of d) {
          expect(l.width).toBeGreaterThan(10)
          expect(l, `${l.label} at ${viewport.width} px`).toMatchObject({ hits: false })
        }
      await screenshot(page, `chain-diagram-labels-${viewport.width}`)
      expect(errors).toEqual([])
    })
  }
})
