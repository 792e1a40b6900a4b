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

  it('says it is loading before the app mounts, and not after (npm start’s first load takes seconds)', async () => {
    opened = await openPage()
    const { page, errors } = opened
    // the page as the server sends it, before any script runs
    const html = await page.evaluate(async () => (await fetch(location.pathname)).text())
    expect(html).toMatch(
      /<div id="app"><p class="app-loading" role="status">Loading Backprop Lab…<\/p><\/div>/,
    )
    await page.getByRole('heading', { name: 'Lessons' }).waitFor()
    expect(await page.locator('.app-loading').count()).toBe(0)
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
