// Links and routing (web/src/links/): same-tab hash changes load the new state, a network too big for
// the page is refused at once with a notice pointing to the playground, new layer sizes in a link work,
// unknown routes say "No such page", and the <backprop-lesson> element never writes the host's URL.
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { LESSONS, openPage, parseShown, screenshot } from './utils'

const status = (page: Page) => page.locator('.workspace__status').textContent()
const step = (page: Page) => page.getByRole('button', { name: 'Step', exact: true }).first().click()
const go = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash)

describe('same-tab hash changes', () => {
  it('opening the lesson again starts a fresh history; another lesson replaces it', async () => {
    const { page, errors, close } = await openPage('#/step-by-step-222')
    for (let k = 0; k < 3; k++) await step(page)
    await expect.poll(() => status(page)).toMatch(/3 updates/)
    await go(page, '#/step-by-step-222')
    await expect.poll(() => status(page)).toMatch(/Ready · 0 updates/)
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true)
    await step(page)
    await expect.poll(() => status(page)).toMatch(/1 update\b/)
    // E_total before the first update of the classic example (Mazur's worked example: 0.298371109)
    expect(await page.getByTestId('loss').first().textContent()).toBe('0.298371109')

    // the tab's title names the page, and follows it in the same tab (it read "Backprop Lab" on every page)
    await expect
      .poll(() => page.title())
      .toBe(`${await page.locator('h1').textContent()} · Backprop Lab`)
    await go(page, '#/sigmoid-221')
    await expect.poll(() => page.locator('h1').textContent()).not.toMatch(/2-2-2/)
    await expect.poll(() => status(page)).toMatch(/0 updates/)
    await expect
      .poll(() => page.title())
      .toBe(`${await page.locator('h1').textContent()} · Backprop Lab`)
    await go(page, '#/glossary')
    await expect.poll(() => page.title()).toBe('Glossary · Backprop Lab')
    await go(page, '#/')
    await expect.poll(() => page.title()).toBe('Backprop Lab')
    expect(errors).toEqual([])
    await close()
  })

  it('another answer key, or the same one with other values, replaces the one on screen', async () => {
    const { page, errors, close } = await openPage('#/step-by-step-222/answer-key')
    const title = () => page.locator('h1').textContent()
    await expect.poll(title, { timeout: 20_000 }).toMatch(/^Answer key: .*2-2-2/)
    const first = await title()
    expect(await page.title()).toBe(`${first} · Backprop Lab`)
    await go(page, '#/sigmoid-221/answer-key')
    await expect.poll(title, { timeout: 20_000 }).toMatch(/^Answer key: /)
    await expect.poll(title).not.toBe(first)
    const count = () => page.locator('[data-key^="W"]').count()
    const weights221 = await count()
    await go(page, '#/sigmoid-221/answer-key?v=1&n=2,3,1')
    // 2-3-1: 6 + 3 weights, each shown once in the parameters and once updated
    await expect.poll(count, { timeout: 20_000 }).not.toBe(weights221)
    expect(errors).toEqual([])
    await close()
  })
})

describe('nothing freezes', () => {
  it('refuses a network of 8 layers of 64 units at once, pointing to the playground', async () => {
    const { page, errors, close } = await openPage(
      '#/step-by-step-222?v=1&n=64,64,64,64,64,64,64,64',
    )
    const notice = page.getByTestId('link-notices')
    await expect.poll(() => notice.textContent(), { timeout: 20_000 }).toMatch(/playground/)
    expect(await notice.getByRole('link', { name: 'Open the playground' }).count()).toBe(1)
    // the lesson's own 2-2-2 network: 4 + 4 weights, not 7 × 4,096
    await page.getByRole('button', { name: 'Step', exact: true }).first().waitFor()
    expect(await page.locator('.parameter-table input').count()).toBeLessThan(20)
    // the refused sizes leave the address; the exercises' numbers set drawn at this visit is in it
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toMatch(/^#\/step-by-step-222\?v=1&exseed=\d+$/)
    await screenshot(page, 'links-too-big')
    expect(errors).toEqual([])
    await close()
  })

  it('the answer key refuses 2-64-64-2 the same way and shows the lesson’s own', async () => {
    const { page, errors, close } = await openPage('#/step-by-step-222/answer-key?v=1&n=2,64,64,2')
    const notice = page.getByTestId('link-notices')
    await expect.poll(() => notice.textContent(), { timeout: 20_000 }).toMatch(/playground/)
    expect(await page.locator('[data-key^="W"]').count()).toBeLessThan(40)
    expect(errors).toEqual([])
    await close()
  })

  it('the answer key of a 2-8-8-2 network opens with its first rows and fills in every number', async () => {
    const { page, errors, close } = await openPage('#/step-by-step-222/answer-key?v=1&n=2,8,8,2')
    await expect
      .poll(() => page.locator('h1').textContent(), { timeout: 20_000 })
      .toMatch(/^Answer key/)
    expect(await page.getByTestId('link-notices').count()).toBe(0)
    // Blocks and formulas off screen are typeset in the background until none is left waiting.
    await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 60_000 }).toBe(0)
    // every updated weight of 2-8-8-2 is there: 16 + 64 + 16
    expect(await page.locator('[data-key^="Wnew"]').count()).toBe(96)
    await screenshot(page, 'links-answer-key-2-8-8-2')
    expect(errors).toEqual([])
    await close()
  })

  it('new layer sizes in a link make a new network (2-8-8-2) that steps', async () => {
    const { page, errors, close } = await openPage('#/step-by-step-222?v=1&n=2,8,8,2')
    await step(page)
    await expect.poll(() => status(page)).toMatch(/1 update\b/)
    expect(await page.getByTestId('link-notices').count()).toBe(0)
    // 16 + 64 + 16 weights, one shared bias per layer (the lesson does not train them), 2 inputs, 2 targets
    expect(await page.locator('.parameter-table input').count()).toBe(96 + 3 + 2 + 2)
    await screenshot(page, 'links-2-8-8-2')
    expect(errors).toEqual([])
    await close()
  })
})

describe('unknown routes', () => {
  it.each(['#/step-by-step-222/answer', '#/a/b/c'])('%s says No such page', async (hash) => {
    const { page, errors, close } = await openPage(hash)
    await expect.poll(() => page.locator('h1').textContent()).toBe('No such page')
    expect(await page.title()).toBe('No such page · Backprop Lab')
    await page.getByRole('link', { name: 'Go to the list of lessons' }).click()
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/')
    expect(errors).toEqual([])
    await close()
  })
})

describe('the custom element', () => {
  it('keeps the playground’s state inside itself: the host’s URL stays as it was', async () => {
    const base = inject('baseURL')
    const { page, errors, close } = await openPage('')
    await page.route(`${base}host-page.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>host</title>
<script type="module" src="backprop-lesson.js"></script></head><body>
<h1 id="host-section">Course page</h1><backprop-lesson lesson="playground"></backprop-lesson></body></html>`,
      }),
    )
    await page.goto(`${base}host-page.html#host-section`)
    const element = page.locator('backprop-lesson')
    const add = element.getByRole('button', { name: /add a hidden layer/i })
    await add.waitFor({ timeout: 20_000 })
    await add.click()
    await element.getByRole('button', { name: 'New seed' }).click()
    // The element's own share bar holds the new state…
    await expect
      .poll(() => element.locator('.share-bar').getAttribute('data-query'))
      .toMatch(/h=4,2,2/)
    // …and the host's address is untouched.
    expect(await page.evaluate(() => location.href)).toBe(`${base}host-page.html#host-section`)
    expect(await page.title()).toBe('host') // nor its title
    expect(errors).toEqual([])
    await close()
  })
  it('writes every link as the app’s own address, which opens that page of the app', async () => {
    const base = inject('baseURL')
    const { page, errors, close } = await openPage('')
    // A host page in a folder of its own: a path such as /step-by-step-222 would be a 404 on its site.
    const host = `${base}course/unit-1/host.html`
    await page.route(host, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>host</title>
<script type="module" src="../../backprop-lesson.js"></script></head><body>
<h1 id="host-section">Course page</h1><backprop-lesson lesson="step-by-step-222"></backprop-lesson></body></html>`,
      }),
    )
    await page.goto(`${host}#host-section`)
    const element = page.locator('backprop-lesson')
    const exercise = element.getByRole('link', { name: 'Link to these numbers' })
    await exercise.waitFor({ timeout: 20_000 })
    const seed = /Numbers set (\d+)/.exec(
      (await element.locator('.exercises__seed').textContent()) ?? '',
    )?.[1]
    expect(seed).toMatch(/^\d+$/)
    const href = await exercise.getAttribute('href')
    expect(href).toBe(`${base}#/step-by-step-222?exseed=${seed}`)
    // Every link the element renders (exercises, answer key, next lesson, glossary…) is the app's.
    const hrefs = await element
      .locator('a[href]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
    expect(hrefs.length).toBeGreaterThan(1)
    for (const href of hrefs) expect(href.startsWith(`${base}#/`), href).toBe(true)
    // Opened in a tab of its own (what open-in-new-tab and a copied address do), the link shows the
    // lesson with those exercise numbers.
    const tab = await page.context().newPage()
    await tab.goto(href!)
    await expect
      .poll(() => tab.locator('.exercises__seed').textContent(), { timeout: 20_000 })
      .toMatch(new RegExp(`Numbers set ${seed} \\(from the link\\)`))
    await tab.close()
    // A plain click still stays inside the element; the host's address is untouched.
    await exercise.click()
    expect(await page.evaluate(() => location.href)).toBe(`${host}#host-section`)
    expect(errors).toEqual([])
    await close()
  })
})

// Every control of every lesson is in its link: the test finds the controls on the page itself (not
// from a list), changes each one, and opens the shared link in a fresh page, so a control added
// without a link field fails here.

/**
 * Every lesson that shows controls, except XOR (its own engineer's file).
 * batch-vs-sgd is here because it froze: at XOR with η = 100 its log-scale charts spanned hundreds of
 * decades and labelling their ticks took seconds per frame (#11).
 */

/**
 * What a learner can change on a lesson's screen: inputs, selects, toggle buttons and the diagram's
 * parameters (which derivation is open) in the main area, Check my work's and the labs' predictions
 * too (#11), except what is about to be imported (a chosen file, pasted CSV text: the import's result
 * is in the link, not the draft).
 */
const CONTROLS = 'main :is(input, select, textarea, [aria-pressed]):not([data-import] *)'

/** The lesson's own part of the page (its panel or the worked example's workspace) has loaded. */
const LOADED = ':is(.panel-lesson__panel, .workspace) :is(input, select, [aria-pressed])'

const openSections = (page: Page) =>
  page.evaluate(() =>
    document
      .querySelectorAll('main details')
      .forEach((d) => ((d as HTMLDetailsElement).open = true)),
  )

/** Each control's value, in document order: a checked state, a pressed state or the text value. */
const values = (page: Page) =>
  page.evaluate((selector) => {
    const label = (e: Element): string =>
      (e as HTMLInputElement).labels?.[0]?.textContent?.trim() ||
      e.getAttribute('aria-label') ||
      e.textContent?.trim() ||
      e.tagName
    return [...document.querySelectorAll<HTMLElement>(selector)].map((e) => ({
      what: `${label(e).slice(0, 60)} (${e.tagName.toLowerCase()} ${(e as HTMLInputElement).type ?? ''})`,
      value:
        e instanceof HTMLInputElement && (e.type === 'checkbox' || e.type === 'radio')
          ? String(e.checked)
          : e.hasAttribute('aria-pressed')
            ? String(e.getAttribute('aria-pressed'))
            : (e as HTMLInputElement).value,
    }))
  }, CONTROLS)

/**
 * Types a number the field takes: 0.9 × its value, else 1.1 ×, else the next whole number (a seed);
 * for 0, 0.5 else 1. Says whether the field took one (a refused value stays in the box, marked).
 */
async function retype(field: Locator): Promise<boolean> {
  const old = parseShown((await field.inputValue()).replace(',', '.'))
  const tries =
    Number.isFinite(old) && old !== 0 ? [old * 0.9, old * 1.1, Math.round(old) + 1] : [0.5, 1]
  for (const next of tries) {
    await field.fill(String(Number(next.toPrecision(6))))
    await field.press('Enter')
    if ((await field.getAttribute('aria-invalid')) !== 'true') return true
  }
  return false
}

/** The value of control `k` (marked `data-audit`), or null when an earlier change removed it. */
const valueOf = (page: Page, k: number) =>
  page.evaluate((k) => {
    const e = document.querySelector(`[data-audit="${k}"]`)
    if (!e) return null
    return e instanceof HTMLInputElement && (e.type === 'checkbox' || e.type === 'radio')
      ? String(e.checked)
      : e.hasAttribute('aria-pressed')
        ? String(e.getAttribute('aria-pressed'))
        : (e as HTMLInputElement).value
  }, k)

/**
 * Changes control `k` the way a learner would (keyboard for sliders, another option, a click, a
 * typed number); says whether its value changed. Controls an earlier change removed are skipped.
 */
async function change(page: Page, k: number): Promise<boolean> {
  const c = page.locator(`[data-audit="${k}"]`)
  const before = await valueOf(page, k)
  if (before === null || (await c.isDisabled())) return true
  const kind = await c.evaluate((e) =>
    e.tagName === 'SELECT'
      ? 'select'
      : e.closest('svg, .pg-keys')
        ? 'svg'
        : e.hasAttribute('aria-pressed')
          ? 'button'
          : ((e as HTMLInputElement).type ?? 'text'),
  )
  if (kind === 'range') {
    await c.focus()
    await c.press('End')
    if ((await c.inputValue()) === before) await c.press('Home')
  } else if (kind === 'select') {
    const options = await c
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    // Another option than the one in use: the first (the slowest speed keeps the page calm).
    const other = options.filter((o) => o !== '' && o !== before)[0]
    if (other) await c.selectOption(other)
  } else if (kind === 'svg') {
    // The diagram's weights, biases and units (the playground's: keyboard buttons over its canvas)
    // pick the derivation shown, one of a group like a radio button (a unit picks its bias); what
    // was picked last is compared after the reload.
    await c.focus()
    await c.press('Enter')
    return true
  } else if (kind === 'button' || kind === 'checkbox') {
    await c.click()
  } else if (kind === 'radio') {
    // One of a group: the one not in use is picked.
    if (before === 'true') return true
    await c.check()
  } else if (!(await retype(c))) return false
  const now = await valueOf(page, k)
  return now === null || now !== before
}

describe('every control of every lesson is in its link', () => {
  it.each(LESSONS)(
    '%s: each changed control comes back from the shared link',
    async (id) => {
      const { page, errors, close } = await openPage(`#/${id}`)
      await page.locator(LOADED).first().waitFor({ timeout: 20_000 })
      // Closed sections (the notation, the ε sweep) open, so that their controls can be used.
      await openSections(page)
      const n = await page
        .locator(CONTROLS)
        .evaluateAll((es) => es.map((e, k) => e.setAttribute('data-audit', String(k))).length)
      const unchanged: string[] = []
      for (let k = 0; k < n; k++)
        if (!(await change(page, k)))
          unchanged.push(
            await page.locator(`[data-audit="${k}"]`).evaluate((e) => e.outerHTML.slice(0, 120)),
          )
      // Each control could be changed (no control is stuck or refuses every value).
      expect(unchanged).toEqual([])
      const after = await values(page)

      // the address catches up with the last change (the shell writes it at most every 300 ms)
      const query = () => page.locator('.share-bar').getAttribute('data-query')
      await expect.poll(query).toMatch(/^v=1&/)
      const hash = `#/${id}?${await query()}`
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(hash)
      await close()

      const again = await openPage(hash)
      await again.page.locator(LOADED).first().waitFor({ timeout: 20_000 })
      await openSections(again.page)
      await expect.poll(() => values(again.page)).toEqual(after)
      expect(await again.page.getByTestId('link-notices').count()).toBe(0)
      expect([...errors, ...again.errors]).toEqual([])
      await again.close()
      // Many controls, each changed by keyboard or mouse, on a shared machine: a generous limit.
    },
    180_000,
  )
})

/** `text` as a regular expression that matches only itself. */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('a link is judged only once its lesson can read it (slow machine)', () => {
  // On a slow machine the engine and the panel arrive seconds after the page: until then no part of
  // the lesson has read its keys, so nothing may call them unknown or rewrite the address.
  async function openSlow(hash: string) {
    const opened = await openPage('about:blank')
    const { page } = opened
    const cpu = await page.context().newCDPSession(page)
    await cpu.send('Emulation.setCPUThrottlingRate', { rate: 8 })
    // Every address the page writes, and whether a link notice was ever on screen.
    await page.addInitScript(() => {
      const w = window as unknown as { __hashes: string[]; __noticeSeen: boolean }
      w.__hashes = []
      w.__noticeSeen = false
      const replace = history.replaceState.bind(history)
      history.replaceState = (data, unused, url) => {
        w.__hashes.push(String(url))
        replace(data, unused, url)
      }
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="link-notices"]')) w.__noticeSeen = true
      }).observe(document, { childList: true, subtree: true })
    })
    await page.goto(new URL(hash, inject('baseURL')).href, { waitUntil: 'load' })
    const seen = () =>
      page.evaluate(() => {
        const w = window as unknown as { __hashes: string[]; __noticeSeen: boolean }
        return { hashes: w.__hashes, notice: w.__noticeSeen, hash: location.hash }
      })
    return { ...opened, seen }
  }

  it('the worked example keeps η and the weights of its link: no notice, the address keeps them', async () => {
    const hash = '#/step-by-step-222?v=1&lr=0.25&w=0.7,0.4,0.3,0.5,-2,-2,1,1'
    const { page, errors, close, seen } = await openSlow(hash)
    const rate = page.getByLabel('Learning rate η', { exact: true })
    await expect.poll(() => rate.inputValue(), { timeout: 60_000 }).toBe('0.25')
    const weights = await page
      .locator('.parameter-table input')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    expect(weights).toContain('0.7') // the link's w, not the lesson's own 0.15, 0.2, …
    expect(weights).toContain('−2') // the page's minus sign, as everywhere (#11)
    const { hashes, notice, hash: now } = await seen()
    expect(notice).toBe(false)
    // The link's values as they were; the only addition is the exercises' numbers set drawn at this
    // first visit (#11). Every address written on the way was the opened one (the router's) or this.
    expect(now).toMatch(new RegExp(`^${escaped(hash)}&exseed=\\d+$`))
    expect(hashes.filter((h) => !h.endsWith(now) && !h.endsWith(hash))).toEqual([])
    expect(errors).toEqual([])
    await close()
  })

  it('a panel lesson keeps its link’s η while the engine and the panel load', async () => {
    const hash = '#/hidden-layer?v=1&lr=0.251'
    const { page, errors, close, seen } = await openSlow(hash)
    const sliders = () =>
      page
        .locator('.panel-lesson__panel input[type="range"]')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    // η is on a log-scale slider: lg 0.251 = −0.6 (the lesson's own η = 1 would be 0)
    await expect.poll(sliders, { timeout: 100_000 }).toContain('-0.6')
    const { hashes, notice, hash: now } = await seen()
    expect(notice).toBe(false)
    // The link's values as they were; the only addition is the exercises' numbers set drawn at this
    // first visit (#11). Every address written on the way was the opened one (the router's) or this.
    expect(now).toMatch(new RegExp(`^${escaped(hash)}&exseed=\\d+$`))
    expect(hashes.filter((h) => !h.endsWith(now) && !h.endsWith(hash))).toEqual([])
    expect(errors).toEqual([])
    await close()
  }, 120_000)
})

// The Share toast said every lesson's link "opens the lesson with the values you see"; opened fresh, a
// playground link showed update 0 and the first losses again, not the trained boundary (newcomer). Each
// toast is now held to what opening the copied link in a new context shows.
describe('the Share toast says what the copied link keeps', () => {
  /** Presses Share link and returns the toast and the copied address. */
  async function share(page: Page): Promise<{ toast: string; link: string }> {
    await page.getByTestId('share').click()
    const toast = page.locator('.share-bar').getByText(/^Link copied/)
    await toast.waitFor()
    const link = await page.evaluate(() => navigator.clipboard.readText())
    return { toast: (await toast.textContent())!.trim(), link }
  }
  const playLoss = (p: Page) => p.getByTestId('train-loss').getAttribute('data-value')

  it('the playground: its settings and data, training again from update 0 and the same start', async () => {
    const { page, context, errors, close } = await openPage('#/playground?v=1&d=xor&lr=0.1&seed=5')
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const stepOnce = () => page.getByRole('button', { name: 'Step', exact: true }).click()
    await page.getByRole('button', { name: 'Step', exact: true }).waitFor({ timeout: 30_000 })
    await expect.poll(() => playLoss(page)).toMatch(/\d/)
    const start = await playLoss(page)
    for (let k = 0; k < 3; k++) await stepOnce()
    await expect.poll(() => page.getByTestId('updates').textContent()).toBe('3')
    const trained = await playLoss(page)
    expect(trained).not.toBe(start)
    const { toast, link } = await share(page)
    expect(toast).toBe(
      'Link copied: it keeps the settings, the data and your answers; training starts again from update 0 with the same seeded first weights (weights trained or set by hand are not in the link).',
    )
    const fresh = await context.browser()!.newContext({ viewport: { width: 1280, height: 800 } })
    const again = await fresh.newPage()
    await again.goto(link)
    await again.getByRole('button', { name: 'Step', exact: true }).waitFor({ timeout: 30_000 })
    await expect.poll(() => playLoss(again)).toBe(start) // the same seeded start…
    expect(await again.getByTestId('updates').textContent()).toBe('0') // …from update 0
    expect(new URL(again.url().replace('#/', '')).searchParams.get('lr')).toBe('0.1')
    for (let k = 0; k < 3; k++)
      await again.getByRole('button', { name: 'Step', exact: true }).click()
    await expect.poll(() => playLoss(again)).toBe(trained) // and trains the same way
    await fresh.close()
    expect(errors).toEqual([])
    await close()
  })

  it('a worked example: the weights as they are now become the start; the count begins again', async () => {
    const { page, context, errors, close } = await openPage('#/step-by-step-222')
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    for (let k = 0; k < 3; k++) await step(page)
    await expect.poll(() => status(page)).toMatch(/3 updates/)
    await page.getByRole('button', { name: 'Forward', exact: true }).click()
    const loss = await page.getByTestId('loss').first().textContent()
    const { toast, link } = await share(page)
    expect(toast).toBe(
      'Link copied: it opens the lesson with the weights and settings you see as its start, and your answers; the stage, the update count and the loss chart begin again.',
    )
    const fresh = await context.browser()!.newContext({ viewport: { width: 1280, height: 800 } })
    const again = await fresh.newPage()
    await again.goto(link)
    await expect.poll(() => status(again), { timeout: 30_000 }).toMatch(/^Ready · 0 updates/)
    await again.getByRole('button', { name: 'Forward', exact: true }).click()
    // the loss of the trained weights, not of the lesson's own (0.298371109)
    expect(await again.getByTestId('loss').first().textContent()).toBe(loss)
    expect(loss).not.toBe('0.298371109')
    await fresh.close()
    expect(errors).toEqual([])
    await close()
  })

  it('a panel lesson that trains: its settings; the run starts again', async () => {
    const { page, context, errors, close } = await openPage('#/single-neuron')
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const count = (p: Page) => p.getByTestId('train-count').first().textContent()
    await page.getByRole('button', { name: 'Step', exact: true }).click({ timeout: 30_000 })
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await expect.poll(() => count(page)).toBe('2 updates')
    const answer = (p: Page) =>
      p.getByRole('article', { name: 'Exercise 1' }).getByLabel('Your value')
    await answer(page).fill('0.5')
    const { toast, link } = await share(page)
    expect(toast).toBe(
      'Link copied: it opens the lesson with these settings and the same exercises with your answers; training starts again from the same start.',
    )
    const fresh = await context.browser()!.newContext({ viewport: { width: 1280, height: 800 } })
    const again = await fresh.newPage()
    await again.goto(link)
    await expect.poll(() => count(again), { timeout: 30_000 }).toBe('0 updates')
    expect(await answer(again).inputValue()).toBe('0.5') // …with the answer typed
    await fresh.close()
    expect(errors).toEqual([])
    await close()
  })
})
