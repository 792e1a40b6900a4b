// Helpers for e2e tests: a fresh browser context per page (Playwright's isolation advice), every console
// error, page error and CSP violation collected, and screenshots saved to artifacts/screenshots/.
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core'
import { inject } from 'vitest'

const screenshotDir = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url))
let browserPromise: Promise<Browser> | undefined

/** Every lesson: a folder of web/src/lessons with a lesson.ts (a new lesson is audited without a line in a test). */
export const LESSONS: readonly string[] = readdirSync(
  new URL('../../web/src/lessons/', import.meta.url),
  { withFileTypes: true },
)
  .filter(
    (d) =>
      d.isDirectory() &&
      existsSync(new URL(`../../web/src/lessons/${d.name}/lesson.ts`, import.meta.url)),
  )
  .map((d) => d.name)

/** The Chromium started by globalSetup.ts, connected once per test file. */
export function sharedBrowser(): Promise<Browser> {
  browserPromise ??= chromium.connect(inject('wsEndpoint'))
  return browserPromise
}

export interface OpenedPage {
  page: Page
  context: BrowserContext
  /** Console errors, uncaught page errors and `securitypolicyviolation` events, as readable lines. */
  errors: string[]
  /** Closes the context (and so the page). */
  close: () => Promise<void>
}

/**
 * Opens `path` (relative to the app, e.g. `#/step-by-step-222`) in a fresh context and waits for the load.
 * @param options.viewport @default { width: 1280, height: 800 }
 */
export async function openPage(
  path = '',
  options: { viewport?: { width: number; height: number } } = {},
): Promise<OpenedPage> {
  const browser = await sharedBrowser()
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  await page.exposeFunction('__reportCspViolation', (line: string) => errors.push(line))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (line: string) => void })
        .__reportCspViolation
      report(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`,
      )
    })
  })
  await page.goto(new URL(path, inject('baseURL')).href, { waitUntil: 'load' })
  return { page, context, errors, close: () => context.close() }
}

/** Saves a full-page PNG as artifacts/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true })
  const path = `${screenshotDir}${name}.png`
  await page.screenshot({ path, fullPage: true })
  return path
}

/**
 * Scrolls `target` into view and waits until the page has been told it is there: the app draws a chart
 * off screen only when its IntersectionObserver reports it on screen (components/visibility.ts), and
 * that report comes a frame or more after the scroll (later on a loaded machine). An observer made here
 * is notified in the same task as the app's, which was made before it, so when this resolves the app
 * knows too.
 */
export async function scrollIntoView(target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded()
  await target.evaluate(
    (el) =>
      new Promise<void>((resolve) => {
        const seen = new IntersectionObserver((entries) => {
          if (!entries.some((e) => e.isIntersecting)) return
          seen.disconnect()
          resolve()
        })
        seen.observe(el)
      }),
  )
}

/**
 * Presses Share link and opens the copied address in a fresh browser context (its own viewport,
 * 1280×800 unless told): the link as someone it was sent to opens it.
 */
export async function shareAndOpenFresh(
  page: Page,
  context: BrowserContext,
  viewport = { width: 1280, height: 800 },
) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByTestId('share').click()
  await page
    .locator('.share-bar')
    .getByText(/^Link copied/)
    .waitFor()
  const link = await page.evaluate(() => navigator.clipboard.readText())
  const fresh = await context.browser()!.newContext({ viewport })
  const again = await fresh.newPage()
  const errors: string[] = []
  again.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())))
  await again.goto(link)
  return { again, fresh, errors, link }
}

export { parseShown } from '../shownNumber'
