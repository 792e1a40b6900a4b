// Links and routing (web/src/links/): same-tab hash changes load the new state, a network too big for
// the page is refused at once with a notice pointing to the playground, new layer sizes in a link work,
// unknown routes say "No such page", and the <backprop-lesson> element never writes the host's URL.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { openPage, screenshot } from './utils'

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

    await go(page, '#/sigmoid-221')
    await expect.poll(() => page.locator('h1').textContent()).not.toMatch(/2-2-2/)
    await expect.poll(() => status(page)).toMatch(/0 updates/)
    expect(errors).toEqual([])
    await close()
  })

  it('another answer key, or the same one with other values, replaces the one on screen', async () => {
    const { page, errors, close } = await openPage('#/step-by-step-222/answer-key')
    const title = () => page.locator('h1').textContent()
    await expect.poll(title, { timeout: 20_000 }).toMatch(/^Answer key: .*2-2-2/)
    const first = await title()
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
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/step-by-step-222')
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
    expect(errors).toEqual([])
    await close()
  })
})

/** Not yet linked: the speed of training (the loop's setting) and a chart's log-scale switch. */
const NOT_PACE = ':not([data-testid=speed]):not(.line-chart__tools input)'
const PANEL_CONTROLS = `.panel-lesson__panel input${NOT_PACE}, .panel-lesson__panel select${NOT_PACE}`

/** Every control's value on the page, in document order (sliders, selects, switches, radio buttons). */
const controls = (page: Page) =>
  page.evaluate(
    (selector) =>
      [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>(selector)]
        .filter(
          (e) =>
            e.type === 'range' ||
            e.tagName === 'SELECT' ||
            e.type === 'checkbox' ||
            e.type === 'radio',
        )
        .map((e) =>
          e instanceof HTMLInputElement && (e.type === 'checkbox' || e.type === 'radio')
            ? String(e.checked)
            : e.value,
        ),
    PANEL_CONTROLS,
  )

describe('every control of a panel lesson is in its link', () => {
  it.each([
    'chain-rule',
    'hidden-layer',
    'vanishing-gradient',
    'batch-vs-sgd',
    'shapes',
    'learning-rate',
  ])('%s: changed controls come back from the shared link', async (id) => {
    const { page, errors, close } = await openPage(`#/${id}`)
    await page.locator(PANEL_CONTROLS).first().waitFor({ timeout: 20_000 })
    const before = await controls(page)
    // Move every slider to its end, pick another option of every select, flip every switch.
    const n = await page.locator('.panel-lesson__panel input[type=range]').count()
    for (let k = 0; k < n; k++) {
      const s = page.locator('.panel-lesson__panel input[type=range]').nth(k)
      await s.focus()
      await s.press('End')
      if ((await s.inputValue()) === before[k]) await s.press('Home')
    }
    for (const sel of await page.locator(`.panel-lesson__panel select${NOT_PACE}`).all()) {
      const options = await sel
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
      // Another option than the one in use (a lesson's default may be the last one).
      const current = await sel.inputValue()
      const other = options.filter((o) => o !== '' && o !== current).pop()
      if (other) await sel.selectOption(other)
    }
    for (const box of await page
      .locator(`.panel-lesson__panel input[type=checkbox]${NOT_PACE}`)
      .all())
      await box.click()
    const after = await controls(page)
    expect(after).not.toEqual(before)
    // the address catches up with the last change (the shell writes it at most every 300 ms)
    const query = () => page.locator('.share-bar').getAttribute('data-query')
    await expect.poll(query).toMatch(/^v=1&/)
    const hash = `#/${id}?${await query()}`
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(hash)
    const url = await page.evaluate(() => location.href)
    await close()

    const again = await openPage(url.slice(url.indexOf('#')))
    await again.page.locator(PANEL_CONTROLS).first().waitFor({ timeout: 20_000 })
    expect(await controls(again.page)).toEqual(after)
    expect(await again.page.getByTestId('link-notices').count()).toBe(0)
    expect([...errors, ...again.errors]).toEqual([])
    await again.close()
  })
})
