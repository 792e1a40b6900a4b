// The walk-through's formulas follow the network on screen (newcomer: with tanh hidden units the
// step-by-step text still wrote out_h1 = σ(net_h1)).
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage, scrollIntoView } from './utils'

describe('walk-through formulas', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const width of [1280, 390]) {
    it(`with tanh hidden units, out_h1 = tanh(net_h1) at ${width} px`, async () => {
      opened = await openPage('#/step-by-step-222?v=1&act=tanh,sigmoid', {
        viewport: { width, height: 800 },
      })
      const { page, errors } = opened
      const guide = page.locator('section.guide').first()
      await guide.waitFor({ timeout: 30_000 })
      // KaTeX keeps each formula's LaTeX source in an annotation
      const tex = () => guide.locator('annotation[encoding="application/x-tex"]').allTextContents()
      await expect.poll(async () => (await tex()).join(' ')).toContain('\\tanh(net_{h1})')
      expect((await tex()).join(' ')).not.toContain('\\sigma(net_{h1})')
      expect((await tex()).join(' ')).toContain('\\sigma(net_{o1})')
      await scrollIntoView(guide)
      await screenshot(page, `walkthrough-tanh-${width}`)
      expect(errors).toEqual([])
    })
  }
})
