// Back keeps what the learner had (#11): the app writes a lesson's values into the address in place,
// and the browser's history entry must hold them, so that leaving the lesson and pressing Back brings
// the same values into the fields and the address, also when the learner leaves at once after an edit
// (before the delayed address write).
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, type OpenedPage, scrollIntoView } from './utils'

const hash = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash))

describe('Back keeps the learner’s values', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('a worked example: η 0.1, then the answer key, then Back (and Forward, Back again)', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    const eta = page.getByRole('textbox', { name: /Learning rate η/ })
    await eta.fill('0.1')
    await eta.press('Enter')
    // η, and the exercises' numbers set drawn at the first visit (#11)
    await expect.poll(() => hash(page)).toMatch(/^#\/step-by-step-222\?v=1&lr=0\.1&exseed=\d+$/)
    const left = await hash(page)
    await page.getByTestId('answer-key').click()
    await expect.poll(() => hash(page)).toMatch(/answer-key/)
    await page.goBack()
    await expect.poll(() => hash(page)).toBe(left)
    await expect.poll(() => eta.inputValue()).toBe('0.1')
    await page.goForward()
    await expect.poll(() => hash(page)).toMatch(/answer-key/)
    await page.goBack()
    await expect.poll(() => eta.inputValue()).toBe('0.1')
    expect(errors).toEqual([])
  })

  it('a panel lesson left right after an edit: the pending write goes into the entry left', async () => {
    opened = await openPage('#/hidden-layer')
    const { page, errors } = opened
    const data = page.getByRole('combobox', { name: 'Data' })
    await data.selectOption('xor')
    // At once, before the address is written (it waits a few hundred ms): away, then Back.
    await page
      .getByRole('link', { name: /All lessons/ })
      .first()
      .click()
    await expect.poll(() => hash(page)).toBe('#/')
    await page.goBack()
    await expect.poll(() => hash(page)).toMatch(/^#\/hidden-layer\?.*\bdata=xor\b/)
    await expect.poll(() => data.inputValue()).toBe('xor')
    expect(errors).toEqual([])
  })

  // A newcomer followed "Next:" at the foot of a lesson, pressed Back and landed at the top.
  it('Back returns to where the learner was on the page they left', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    const next = page.getByRole('link', { name: /^Next/ }).last()
    await scrollIntoView(next)
    const at = await page.evaluate(() => scrollY)
    expect(at).toBeGreaterThan(1000)
    await next.click()
    await expect.poll(() => hash(page)).toMatch(/^#\/relu-sigmoid-222/)
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(0)
    await page.goBack()
    await expect.poll(() => hash(page)).toMatch(/^#\/step-by-step-222/)
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(at)
    expect(errors).toEqual([])
  })
})
