// The start page: it opens without errors, names the app and offers the lessons (or says none exist yet).
import { afterEach, describe, expect, inject, it } from 'vitest'
import { openPage, screenshot, sharedBrowser, type OpenedPage } from './utils'

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

  it('still says it is loading after the app mounts, while a lesson page’s own code is on its way', async () => {
    // A newcomer saw only the header for 3 s on npm start's dev server: the lesson page's chunk is
    // fetched after the app has mounted and replaced index.html's note. Hold that chunk back.
    const context = await (
      await sharedBrowser()
    ).newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    opened = { page, context, errors: [], close: () => context.close() }
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(/\/LessonView-[^/]*\.js$/, async (route) => {
      await held
      await route.continue()
    })
    await page.goto(new URL('#/step-by-step-222', inject('baseURL')).href)
    await page.getByRole('banner').getByText('Backprop Lab').waitFor() // the app has mounted
    const note = page.locator('main .app-loading')
    await expect.poll(() => note.textContent()).toBe('Loading Backprop Lab…')
    expect(await note.getAttribute('aria-busy')).toBe('true')
    release()
    await page.getByRole('heading', { level: 1 }).waitFor()
    await expect.poll(() => note.count()).toBe(0)
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
