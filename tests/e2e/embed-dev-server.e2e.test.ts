// "Copy embed code" under `npm start` (#11): the Vite dev server builds only the app and answers
// backprop-lesson.js with its index page, so the element line it used to offer loaded a web page as a
// script. Under the real dev server (started here on 127.0.0.1, as `npm start` does) the dialog says
// plainly that the element needs the built site and how to get it, and offers no element line; on
// the built site (the preview server) the element line is offered and its script is JavaScript.
import { fileURLToPath } from 'node:url'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPage, sharedBrowser, screenshot, scrollIntoView } from './utils'

const config = fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url))

describe('embed code and the dev server', () => {
  let dev: ViteDevServer
  let devURL = ''
  beforeAll(async () => {
    dev = await createServer({
      configFile: config,
      logLevel: 'error',
      server: { host: '127.0.0.1', port: 0, strictPort: false, open: false, hmr: false },
    })
    await dev.listen()
    devURL = dev.resolvedUrls?.local[0] ?? ''
    expect(devURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  }, 120_000)
  afterAll(async () => {
    await dev?.close()
  })

  it('under npm start: no element line, and the dialog says how to get one', async () => {
    // The premise: the dev server answers the element's address with HTML.
    const answer = await fetch(new URL('backprop-lesson.js', devURL))
    expect(answer.headers.get('content-type') ?? '').toMatch(/text\/html/)

    const browser = await sharedBrowser()
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${devURL}#/step-by-step-222`, { waitUntil: 'load' })
    await page.getByTestId('embed-code').click({ timeout: 90_000 })
    const missing = page.getByTestId('embed-element-missing')
    await missing.waitFor()
    const said = ((await missing.textContent()) ?? '').replace(/\s+/g, ' ')
    expect(said).toContain('npm start serves only the app, not the built element')
    expect(said).toContain('run npm run build, then npm run preview')
    expect(await page.getByTestId('embed-element-code').count()).toBe(0)
    expect(await page.getByTestId('copy-element').count()).toBe(0)
    // The frame code is still there, pointing at this server.
    expect(await page.getByTestId('embed-iframe-code').inputValue()).toContain(
      `${devURL}?embed=1#/step-by-step-222`,
    )
    await screenshot(page, 'embed-dev-server-1280')
    await page.setViewportSize({ width: 390, height: 800 })
    await scrollIntoView(missing)
    await screenshot(page, 'embed-dev-server-390')
    await context.close()
    expect(errors).toEqual([])
  }, 180_000)

  it('on the built site: the element line, whose script is JavaScript', async () => {
    const opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    await page.getByTestId('embed-code').click()
    const element = await page.getByTestId('embed-element-code').inputValue()
    const src = /<script type="module" src="([^"]+)"/.exec(element)?.[1] ?? ''
    expect(src).toMatch(/\/backprop-lesson\.js$/)
    expect((await fetch(src)).headers.get('content-type') ?? '').toMatch(/javascript/)
    expect(await page.getByTestId('embed-element-missing').count()).toBe(0)
    await opened.close()
    expect(errors).toEqual([])
  })
})
