// The course site of the teachers' tests (#17): the built dist/ served by a real server on 127.0.0.1
// (with the app's CSP), and a course site on another origin (another port) that pages are written into.
// A test file calls useCourseSite() once; `app`, `host` and `hostDir` are set before its tests run
// (live bindings: each test file has its own copy of this module).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserContextOptions, Frame } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { startStaticServer, type StaticServer } from '../../scripts/static-server.mjs'
import { contentSecurityPolicy } from '../../web/vite/csp.mjs'
import { sharedBrowser } from './utils'

export const repo = fileURLToPath(new URL('../../', import.meta.url))
export const dist = join(repo, 'dist')
export const CSP = { 'Content-Security-Policy': contentSecurityPolicy }
export let app: StaticServer
export let host: StaticServer
let hostDir: string

/** Starts the app's server and the course site before the file's tests, and stops both after. */
export function useCourseSite(): void {
  beforeAll(async () => {
    // The app, and a course site on another origin (another port) with CORS for nothing.
    app = await startStaticServer({
      root: dist,
      headers: { ...CSP, 'Access-Control-Allow-Origin': '*' },
    })
    hostDir = mkdtempSync(join(tmpdir(), 'bl-course-'))
    host = await startStaticServer({ root: hostDir })
  })
  afterAll(async () => {
    await app?.close()
    await host?.close()
  })
}

/** A host page written into the course site: `body` is pasted as is. */
export function coursePage(name: string, body: string, head = ''): string {
  writeFileSync(
    join(hostDir, name),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">` +
      `<title>Course page</title>${head}</head><body><h1>Course page</h1>\n${body}\n<p>After the lesson.</p></body></html>`,
  )
  return `${host.url}${name}`
}

/** A fresh page collecting console errors and page errors. */
export async function open(url: string, options: BrowserContextOptions = {}) {
  const browser = await sharedBrowser()
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`))
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`))
  await page.goto(url, { waitUntil: 'load' })
  return { page, context, errors, close: () => context.close() }
}

/** The copied embed code, as the app shows it after Copy embed code. */
export async function copiedEmbedCode(path: string): Promise<{ iframe: string; element: string }> {
  const { page, close } = await open(`${app.url}index.html${path}`, {
    permissions: ['clipboard-read', 'clipboard-write'],
  })
  await page.getByTestId('embed-code').click()
  const iframe = await page.getByTestId('embed-iframe-code').inputValue()
  const clipboard = await page.evaluate(() => navigator.clipboard.readText())
  const element = await page.getByTestId('embed-element-code').inputValue()
  await close()
  expect(clipboard).toBe(iframe)
  return { iframe, element }
}

/** The height of the lesson's content inside a frame (what the frame should be sized to). */
export const contentHeight = (frame: Frame) =>
  frame.evaluate(() => Math.ceil(document.getElementById('app')!.getBoundingClientRect().bottom))
