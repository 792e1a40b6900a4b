// A teacher putting lessons into a course (#17), on the built dist/ served by real servers on 127.0.0.1:
// the embed code copied from the app and pasted twice into a page on another origin, the embed options,
// a height that holds still while training, the <backprop-lesson> element in a narrow column under
// hostile host CSS, offline use after the first visit, the SCORM package in a real SCORM runtime, and
// axe-core over every route.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import AxeBuilder from '@axe-core/playwright'
import { unzipSync } from 'fflate'
import type { BrowserContextOptions, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStaticServer, type StaticServer } from '../../scripts/static-server.mjs'
import { contentSecurityPolicy } from '../../web/vite/csp.mjs'
import { ANSWERS, ORDER } from '../unit/courseAnswers'
import { screenshot, sharedBrowser } from './utils'

const repo = fileURLToPath(new URL('../../', import.meta.url))
const dist = join(repo, 'dist')
const CSP = { 'Content-Security-Policy': contentSecurityPolicy }
let app: StaticServer
let host: StaticServer
let hostDir: string

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

/** A host page written into the course site: `body` is pasted as is. */
function coursePage(name: string, body: string, head = ''): string {
  writeFileSync(
    join(hostDir, name),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">` +
      `<title>Course page</title>${head}</head><body><h1>Course page</h1>\n${body}\n<p>After the lesson.</p></body></html>`,
  )
  return `${host.url}${name}`
}

/** A fresh page collecting console errors and page errors. */
async function open(url: string, options: BrowserContextOptions = {}) {
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
async function copiedEmbedCode(path: string): Promise<{ iframe: string; element: string }> {
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
const contentHeight = (frame: Frame) =>
  frame.evaluate(() => Math.ceil(document.getElementById('app')!.getBoundingClientRect().bottom))

describe('embed code', () => {
  it('pasted twice into a page on another origin gives two frames that each follow their own height', async () => {
    const first = await copiedEmbedCode('#/step-by-step-222')
    const second = await copiedEmbedCode('#/chain-rule')
    expect(first.iframe).toContain('allow="clipboard-write"')
    expect(first.iframe).toMatch(/<script>.*backprop-lab:resize.*<\/script>/s)
    const ids = [first.iframe, second.iframe].map((s) => /id="([^"]+)"/.exec(s)![1])
    expect(ids[0]).not.toBe(ids[1])
    expect(first.element).toMatch(
      /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/backprop-lesson\.js"><\/script><backprop-lesson lesson="step-by-step-222"><\/backprop-lesson>$/,
    )

    const url = coursePage('two-frames.html', `${first.iframe}\n<p>Between.</p>\n${second.iframe}`)
    const { page, errors, close } = await open(url)
    const frames = page.locator('iframe')
    await expect.poll(() => frames.count()).toBe(2)
    for (const k of [0, 1]) {
      const frame = (await frames.nth(k).elementHandle())!
      const inner = (await frame.contentFrame())!
      await inner.getByRole('heading', { level: 1 }).waitFor({ timeout: 20_000 })
      // As a reader scrolls to it: Chromium pauses rendering (and so resize observers) in cross-origin
      // frames that are off screen, so a frame pushed down by the first one updates once it is seen.
      await frame.scrollIntoViewIfNeeded()
      // The frame reaches the height of its own content (no inner scroll), whatever the other does.
      await expect
        .poll(
          async () =>
            Math.abs(
              (await frame.evaluate((f) => f.getBoundingClientRect().height)) -
                (await contentHeight(inner)),
            ),
          { timeout: 20_000 },
        )
        .toBeLessThanOrEqual(2)
      expect(await contentHeight(inner)).toBeGreaterThan(800)
    }
    await screenshot(page, 'teachers-two-pasted-frames')
    expect(errors).toEqual([])
    await close()
  })
})

/** A course page with one pasted frame of `path` (the app's own embed code for it). */
async function pastedFrame(name: string, path: string) {
  const { iframe } = await copiedEmbedCode('#/step-by-step-222')
  // The same code with another lesson or options in its address, as a teacher would edit it.
  const edited = iframe.replace(/src="[^"]*"/, `src="${app.url}index.html${path}"`)
  const recorder = `<script>window.posted=[];addEventListener('message',function(e){if(e.data&&String(e.data.type).indexOf('backprop-lab:')===0)window.posted.push(e.data)})</script>`
  return coursePage(name, edited, recorder)
}

type Posted = { type: string; height?: number; updates?: number }

describe('stable height while training', () => {
  for (const lesson of ['step-by-step-222', 'sigmoid-221']) {
    it(`${lesson}: the frame keeps its height (±2 px) over 300 training updates`, async () => {
      const url = await pastedFrame(`train-${lesson}.html`, `?embed=1#/${lesson}`)
      const { page, errors, close } = await open(url)
      const posted = () => page.evaluate(() => (window as unknown as { posted: Posted[] }).posted)
      const frame = page.frameLocator('iframe')
      await frame.getByRole('button', { name: 'Step', exact: true }).first().click()
      await expect
        .poll(async () => (await posted()).some((m) => m.type === 'backprop-lab:step'), {
          timeout: 20_000,
        })
        .toBe(true)
      // Record the content height inside the frame at every layout change from here on.
      const inner = (await (await page.locator('iframe').elementHandle())!.contentFrame())!
      await inner.evaluate(() => {
        const w = window as unknown as { heights: number[] }
        w.heights = []
        const app = document.getElementById('app')!
        new ResizeObserver(() => w.heights.push(app.getBoundingClientRect().height)).observe(app)
      })
      const frameHeight = () =>
        page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height)
      // The frame has followed the Step (its first numbers) before training starts.
      await expect
        .poll(async () => Math.abs((await frameHeight()) - (await contentHeight(inner))))
        .toBeLessThanOrEqual(2)
      const before = await frameHeight()
      const postedBefore = (await posted()).length
      await frame.getByRole('button', { name: 'Train', exact: true }).click()
      await expect
        .poll(
          async () =>
            Math.max(
              0,
              ...(await posted()).map((m) => (m.type === 'backprop-lab:step' ? m.updates! : 0)),
            ),
          { timeout: 60_000 },
        )
        .toBeGreaterThanOrEqual(300)
      await frame.getByRole('button', { name: 'Pause', exact: true }).click()
      const heights = await inner.evaluate(
        () => (window as unknown as { heights: number[] }).heights,
      )
      const resizes = (await posted())
        .slice(postedBefore)
        .filter((m) => m.type === 'backprop-lab:resize')
      expect(Math.max(...heights, 0) - Math.min(...heights, Infinity)).toBeLessThanOrEqual(2)
      for (const r of resizes) expect(Math.abs(r.height! - before)).toBeLessThanOrEqual(2)
      expect(Math.abs((await frameHeight()) - before)).toBeLessThanOrEqual(2)
      expect(errors).toEqual([])
      await close()
    })
  }
})

describe('embed options', () => {
  it('answers=0 hides the answer key, share=0 the share bar, sections keeps only the chosen parts', async () => {
    const url = await pastedFrame(
      'options.html',
      '?embed=1&answers=0&share=0&sections=diagram,derivation#/step-by-step-222',
    )
    const { page, errors, close } = await open(url)
    const frame = page.frameLocator('iframe')
    await frame.getByRole('heading', { name: /Deriving/ }).waitFor({ timeout: 20_000 })
    await expect.poll(() => frame.locator('.network-diagram').isVisible()).toBe(true)
    expect(await frame.getByTestId('answer-key').count()).toBe(0)
    expect(await frame.getByTestId('share').count()).toBe(0)
    expect(await frame.getByTestId('embed-code').count()).toBe(0)
    for (const hidden of ['Walk-through', 'Loss', 'Check my work', 'Every number', 'Exercises']) {
      // In the page (role queries would skip hidden ones), but not visible.
      const headings = frame.locator('h2').filter({ hasText: new RegExp(`^\\s*${hidden}\\s*$`) })
      expect(await headings.count(), hidden).toBeGreaterThan(0)
      for (const h of await headings.all()) expect(await h.isVisible(), hidden).toBe(false)
    }
    expect(await frame.getByRole('button', { name: 'Step', exact: true }).isVisible()).toBe(false)
    // The answer key's address itself is refused: the frame stays on the lesson.
    const inner = (await (await page.locator('iframe').elementHandle())!.contentFrame())!
    await inner.evaluate(() => (location.hash = '#/step-by-step-222/answer-key'))
    await expect.poll(() => inner.evaluate(() => location.hash)).toBe('#/step-by-step-222')
    expect(await frame.getByRole('heading', { name: /Answer key/ }).count()).toBe(0)
    await screenshot(page, 'teachers-embed-options')
    expect(errors).toEqual([])
    await close()
  })

  it('an embedded answer key has a way back to the lesson', async () => {
    const url = await pastedFrame('back.html', '?embed=1#/step-by-step-222')
    const { page, errors, close } = await open(url)
    const frame = page.frameLocator('iframe')
    await frame.getByTestId('answer-key').click()
    await frame.getByRole('heading', { name: /Answer key/ }).waitFor({ timeout: 20_000 })
    const back = frame.getByTestId('embed-back').first()
    expect(await back.isVisible()).toBe(true)
    await back.click()
    await frame.getByRole('button', { name: 'Step', exact: true }).waitFor()
    expect(await frame.getByTestId('embed-back').count()).toBe(0)
    expect(errors).toEqual([])
    await close()
  })
})

describe('fixed starting state', () => {
  it('fixed=1: the frame never writes the learner’s values into its address', async () => {
    const { iframe } = await copiedEmbedCode('#/step-by-step-222')
    const frameFor = (id: string, search: string) =>
      iframe
        .replace(/src="[^"]*"/, `src="${app.url}index.html${search}#/step-by-step-222"`)
        .replace(/backprop-lab-[a-z0-9]+/g, id)
    const url = coursePage(
      'fixed.html',
      `${frameFor('fixed', '?embed=1&fixed=1')}\n${frameFor('free', '?embed=1')}`,
    )
    const { page, errors, close } = await open(url)
    const inner = async (id: string) =>
      (await (await page.locator(`#${id}`).elementHandle())!.contentFrame())!
    for (const id of ['fixed', 'free']) {
      const f = await inner(id)
      await f.getByRole('button', { name: 'Step', exact: true }).click({ timeout: 20_000 })
      await expect.poll(() => f.getByTestId('loss').first().textContent()).toBe('0.298371109')
    }
    // The free frame writes its values (so the writes have happened), the fixed one does not.
    await expect
      .poll(async () => (await inner('free')).evaluate(() => location.hash))
      .toMatch(/^#\/step-by-step-222\?v=1&w=/)
    expect(await (await inner('fixed')).evaluate(() => location.hash)).toBe('#/step-by-step-222')
    expect(errors).toEqual([])
    await close()
  })
})

describe('the <backprop-lesson> element in a course column', () => {
  const column = (css: string, attrs = '') =>
    `<style>main{width:700px;margin:0 auto}${css}</style>` +
    `<main><script type="module" src="${app.url}backprop-lesson.js"></script>` +
    `<backprop-lesson lesson="step-by-step-222"${attrs}></backprop-lesson>` +
    `<backprop-lesson id="second" lesson="chain-rule"></backprop-lesson></main>`
  const elementHeight = (page: Page) =>
    page
      .locator('backprop-lesson')
      .first()
      .evaluate((e) => e.getBoundingClientRect().height)
  /** Waits until the lesson inside the element has rendered its diagram. */
  const ready = async (page: Page) => {
    await page
      .locator('backprop-lesson')
      .first()
      .locator('.network-diagram')
      .waitFor({ timeout: 20_000 })
    await page.locator('#second').getByRole('heading', { level: 1 }).waitFor({ timeout: 20_000 })
    await page.evaluate(() => document.fonts.ready)
  }

  it('lays out by its own width (700 px): o1 and o2 are visible without scrolling', async () => {
    const { page, errors, close } = await open(coursePage('column.html', column('')))
    await ready(page)
    const lesson = page.locator('backprop-lesson').first()
    const box = (await lesson.boundingBox())!
    expect(box.width).toBeLessThanOrEqual(700)
    for (const unit of ['o1', 'o2']) {
      // The unit's label lies inside the element's box and its diagram needs no horizontal scroll.
      const label = lesson
        .locator('.network-diagram svg text', { hasText: new RegExp(`^${unit}$`) })
        .first()
      const r = (await label.boundingBox())!
      expect(r.x).toBeGreaterThanOrEqual(box.x)
      expect(r.x + r.width).toBeLessThanOrEqual(box.x + box.width)
    }
    const scroll = await lesson
      .locator('.network-diagram__scroll')
      .evaluate((e) => e.scrollWidth - e.clientWidth)
    expect(scroll).toBeLessThanOrEqual(1)
    await screenshot(page, 'teachers-element-700')
    expect(errors).toEqual([])
    await close()
  })

  it('keeps its height under hostile host CSS, and two elements stay independent', async () => {
    const calm = await open(coursePage('calm.html', column('')))
    await ready(calm.page)
    const calmHeight = await elementHeight(calm.page)
    await calm.close()
    const hostile =
      '* { font-size: 30px !important; color: red !important; line-height: 3 !important; letter-spacing: 2px }'
    const { page, errors, close } = await open(coursePage('hostile.html', column(hostile)))
    await ready(page)
    expect(Math.abs((await elementHeight(page)) - calmHeight)).toBeLessThanOrEqual(2)
    const color = await page
      .locator('backprop-lesson')
      .first()
      .getByRole('heading', { level: 1 })
      .evaluate((h) => getComputedStyle(h).color)
    expect(color).not.toBe('rgb(255, 0, 0)')
    // Independent: a step in the first leaves the second's page untouched and the page URL unchanged.
    const before = page.url()
    await page
      .locator('backprop-lesson')
      .first()
      .getByRole('button', { name: 'Step', exact: true })
      .click()
    await expect
      .poll(() => page.locator('backprop-lesson').first().getByTestId('loss').textContent())
      .toBe('0.298371109')
    expect(page.url()).toBe(before)
    await screenshot(page, 'teachers-element-hostile-css')
    expect(errors).toEqual([])
    await close()
  })
})

describe('offline after the first visit', () => {
  it('opens three other lessons, an answer key, and reloads with the network gone', async () => {
    const { page, context, errors, close } = await open(`${app.url}index.html#/step-by-step-222`)
    await page.getByRole('button', { name: 'Step', exact: true }).waitFor({ timeout: 20_000 })
    // The service worker has stored the site and controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready)
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 30_000,
      })
      .toBe(true)
    await context.setOffline(true)
    for (const lesson of ['sigmoid-221', 'chain-rule', 'xor-221']) {
      await page.evaluate((id) => (location.hash = `#/${id}`), lesson)
      await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'classic' }).waitFor()
      await expect.poll(() => page.evaluate(() => location.hash)).toContain(lesson)
      expect(await page.getByTestId('load-problem').count()).toBe(0)
    }
    // A worked example runs its engine offline, and its answer key opens.
    await page.evaluate(() => (location.hash = '#/sigmoid-221'))
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await page.getByTestId('loss').waitFor()
    await page.evaluate(() => (location.hash = '#/step-by-step-222/answer-key'))
    await page.getByRole('heading', { name: /Answer key/ }).waitFor({ timeout: 20_000 })
    await page.reload({ waitUntil: 'load' })
    await page.getByRole('heading', { name: /Answer key/ }).waitFor({ timeout: 20_000 })
    await page.evaluate(() => (location.hash = '#/step-by-step-222'))
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await expect.poll(() => page.getByTestId('loss').first().textContent()).toBe('0.298371109')
    await screenshot(page, 'teachers-offline-reload')
    expect(errors).toEqual([])
    await close()
  })

  it('says plainly when a part cannot load offline (no stored copy)', async () => {
    const { page, context, close } = await open(`${app.url}index.html#/`, {
      serviceWorkers: 'block',
    })
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await context.setOffline(true)
    await page.evaluate(() => (location.hash = '#/sigmoid-221'))
    const problem = page.getByTestId('load-problem')
    await problem.waitFor({ timeout: 20_000 })
    expect(await problem.textContent()).toMatch(/could not be loaded.*offline/s)
    await screenshot(page, 'teachers-offline-load-problem')
    await close()
  })
})

describe('updates and the one-file edition', () => {
  it('offers a reload when a new version is deployed, and the reload brings it', async () => {
    // A copy of the site that can be "deployed" again: a changed service worker is a new version.
    const siteDir = mkdtempSync(join(tmpdir(), 'bl-site-'))
    cpSync(dist, siteDir, { recursive: true })
    const site = await startStaticServer({ root: siteDir, headers: CSP })
    const { page, errors, close } = await open(`${site.url}index.html#/chain-rule`)
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 20_000 })
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 30_000,
      })
      .toBe(true)
    expect(await page.getByTestId('update-ready').count()).toBe(0)
    writeFileSync(
      join(siteDir, 'sw.js'),
      `${readFileSync(join(siteDir, 'sw.js'), 'utf8')}\n// version 2\n`,
    )
    await page.reload({ waitUntil: 'load' })
    const prompt = page.getByTestId('update-ready')
    await prompt.waitFor({ timeout: 30_000 })
    expect(await prompt.textContent()).toContain('A new version of Backprop Lab is ready.')
    await screenshot(page, 'teachers-update-prompt')
    await Promise.all([
      page.waitForEvent('load', { timeout: 30_000 }),
      prompt.getByRole('button', { name: 'Reload to update' }).click(),
    ])
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('update-ready').count()).toBe(0)
    expect(errors).toEqual([])
    await close()
    await site.close()
  })

  it('the one-file edition hides link sharing and says why', async () => {
    const { page, errors, close } = await open(`file://${dist}/backprop-lab.html#/step-by-step-222`)
    const note = page.getByTestId('single-file-note')
    await note.waitFor({ timeout: 20_000 })
    expect(await note.textContent()).toContain('would only work on this')
    expect(await page.getByTestId('share').count()).toBe(0)
    expect(await page.getByTestId('embed-code').count()).toBe(0)
    expect(await page.getByTestId('answer-key').count()).toBe(1)
    expect(errors).toEqual([])
    await close()
  })
})

describe('SCORM 1.2 package', () => {
  it('launched in a SCORM runtime (scorm-again), a lesson reports completion and its score', async () => {
    // The LMS: the package unzipped on its own origin, scorm-again's SCORM 1.2 API on the launching page.
    const lmsDir = mkdtempSync(join(tmpdir(), 'bl-lms-'))
    const files = unzipSync(readFileSync(join(dist, 'backprop-lab-scorm12.zip')))
    const manifest = new TextDecoder().decode(files['imsmanifest.xml'])
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>')
    const scos = [...manifest.matchAll(/adlcp:scormtype="sco" href="([^"]+)"/g)].map((m) => m[1])
    expect(scos).toContain('sco/step-by-step-222.html')
    expect(scos.length).toBeGreaterThanOrEqual(13)
    for (const [name, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(lmsDir, name)), { recursive: true })
      writeFileSync(join(lmsDir, name), bytes)
    }
    for (const f of scos) expect(files[f], f).toBeDefined()
    copyFileSync(join(repo, 'node_modules/scorm-again/dist/scorm12.js'), join(lmsDir, 'scorm12.js'))
    writeFileSync(
      join(lmsDir, 'lms.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>LMS</title>
<script src="scorm12.js"></script><script>window.API = new Scorm12API({ logLevel: 5 })</script></head>
<body><h1>LMS</h1><iframe src="sco/step-by-step-222.html" title="SCO" style="width:100%;height:700px"></iframe></body></html>`,
    )
    const lms = await startStaticServer({ root: lmsDir })
    const { page, errors, close } = await open(`${lms.url}lms.html`)
    const get = (element: string) =>
      page.evaluate(
        (e) =>
          (window as unknown as { API: { LMSGetValue: (e: string) => string } }).API.LMSGetValue(e),
        element,
      )
    const frame = page.frameLocator('iframe')
    await frame.getByRole('button', { name: 'Step', exact: true }).waitFor({ timeout: 20_000 })
    await expect.poll(() => get('cmi.core.lesson_status')).toBe('incomplete')
    expect(await get('cmi.core.score.raw')).toBe('0')

    // Solve one of the lesson's two exercises with check-my-work: score 50.
    const card = frame.locator('[data-exercise="total-error"]')
    const values = JSON.parse((await card.getAttribute('data-values')) ?? '{}')
    const expected = ANSWERS['step-by-step-222/total-error'](values).E
    await card.getByLabel('Your value').fill(String(expected))
    await card.getByRole('button', { name: 'Check', exact: true }).click()
    await expect.poll(() => get('cmi.core.score.raw')).toBe('50')
    expect(await get('cmi.core.lesson_status')).toBe('incomplete')

    // The walk-through, every step in order: completed.
    const steps = frame.locator('.guide__go')
    const count = await steps.count()
    expect(count).toBeGreaterThan(2)
    for (let k = 0; k < count; k++) await steps.nth(k).click()
    await expect.poll(() => get('cmi.core.lesson_status')).toBe('completed')
    expect(await get('cmi.core.score.raw')).toBe('50')
    expect(await get('cmi.core.score.max')).toBe('100')
    await screenshot(page, 'teachers-scorm-lms')
    expect(errors).toEqual([])
    await close()
    await lms.close()
  })

  it('outside an LMS the lesson reports nothing and registers its offline worker as usual', async () => {
    const { page, errors, close } = await open(`${app.url}index.html#/step-by-step-222`)
    await page.getByRole('button', { name: 'Step', exact: true }).waitFor({ timeout: 20_000 })
    expect(await page.evaluate(() => 'API' in window)).toBe(false)
    await page.evaluate(() => navigator.serviceWorker.ready)
    expect(errors).toEqual([])
    await close()
  })
})

/** Serious and critical axe-core violations on the page, one readable line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`))
}

/** Waits until the routed page has its heading and nothing is still loading. */
async function settled(page: Page | Frame): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 20_000 })
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, {
    timeout: 20_000,
  })
  await page.evaluate(() => document.fonts.ready)
}

describe('accessibility (axe-core)', () => {
  /** Opens `url`, waits for it to settle, and returns its serious and critical violations. */
  async function audit(url: string, ready: (page: Page) => Promise<void> = settled) {
    const { page, close } = await open(url, { serviceWorkers: 'block' })
    await ready(page)
    const found = await seriousViolations(page)
    const answerKey = (await page.getByTestId('answer-key').count()) > 0
    await close()
    return { found, answerKey }
  }

  // One test per page (the route, its answer key, its embed mode), so a slow, shared machine never runs
  // one test past its time limit (three audits of the 2-2-2 lessons in one test took over 120 s there).
  const withAnswerKey = new Map<string, boolean>()
  for (const route of ['', 'glossary', ...ORDER]) {
    it(`#/${route}`, async () => {
      const page = await audit(`${app.url}index.html#/${route}`)
      withAnswerKey.set(route, page.answerKey)
      expect(page.found).toEqual([])
    }, 120_000)
    it(`#/${route}: its answer key, when it has one`, async () => {
      if (!withAnswerKey.has(route)) {
        withAnswerKey.set(route, (await audit(`${app.url}index.html#/${route}`)).answerKey)
      }
      if (!withAnswerKey.get(route)) return
      expect((await audit(`${app.url}index.html#/${route}/answer-key`)).found).toEqual([])
      // A 2-2-2 key is about 28,000 elements (KaTeX); axe takes minutes on them on a loaded machine.
    }, 360_000)
    if (route !== '' && route !== 'glossary') {
      it(`#/${route} in embed mode`, async () => {
        expect((await audit(`${app.url}index.html?embed=1&answers=0#/${route}`)).found).toEqual([])
      }, 120_000)
    }
  }

  it('the element page (two <backprop-lesson> elements)', async () => {
    const { found } = await audit(`${app.url}element-example.html`, async (page) => {
      await page.locator('#second').getByRole('heading', { level: 1 }).waitFor({ timeout: 20_000 })
      await page.locator('#first').getByRole('button', { name: 'Step', exact: true }).waitFor()
      await page.evaluate(() => document.fonts.ready)
    })
    expect(found).toEqual([])
  }, 120_000)

  it('every focusable part of the network diagram shows that it has the focus', async () => {
    const { page, close } = await open(`${app.url}index.html#/step-by-step-222`, {
      serviceWorkers: 'block',
    })
    await settled(page)
    const parts = page.locator('.network-diagram svg [tabindex="0"]')
    const count = await parts.count()
    expect(count).toBeGreaterThanOrEqual(8)
    // Keyboard modality (so :focus-visible applies), then each part: focused vs not focused must differ.
    await page.keyboard.press('Tab')
    for (let k = 0; k < count; k++) {
      const part = parts.nth(k)
      const box = (await part.boundingBox())!
      const clip = { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 }
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
      const plain = await page.screenshot({ clip, animations: 'disabled' })
      await part.focus()
      expect(await part.evaluate((e) => e.matches(':focus-visible'))).toBe(true)
      const focused = await page.screenshot({ clip, animations: 'disabled' })
      expect(focused.equals(plain), `part ${k} looks the same focused`).toBe(false)
    }
    await close()
  }, 120_000)
})
