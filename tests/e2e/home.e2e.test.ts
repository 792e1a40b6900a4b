// The start page: it opens without errors, names the app and offers the lessons (or says none exist yet).
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

describe('home page', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('opens with no console errors and shows the heading', async () => {
    opened = await openPage()
    const { page, errors } = opened
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('backpropagation')
    expect(await page.getByRole('banner').textContent()).toContain('Backprop Lab')
    expect(await page.title()).toBe('Backprop Lab')
    await page.getByRole('heading', { name: 'Lessons' }).waitFor()
    await screenshot(page, 'home-1280')
    expect(errors).toEqual([])
  })

  it('fits a 375 px phone screen without sideways scrolling', async () => {
    opened = await openPage('', { viewport: { width: 375, height: 740 } })
    const { page, errors } = opened
    await page.getByRole('heading', { level: 1 }).waitFor()
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    await screenshot(page, 'home-375')
    expect(overflow).toBe(0)
    expect(errors).toEqual([])
  })
})
