// A teacher putting a lesson into a course (#17): the embed code copied from the app and pasted twice
// into a page on another origin, a height that holds still while training, the embed options, and a
// fixed starting state. Real servers on 127.0.0.1 (courseSite.ts).
import { describe, expect, it } from 'vitest'
import { app, contentHeight, copiedEmbedCode, coursePage, open, useCourseSite } from './courseSite'
import { screenshot } from './utils'

useCourseSite()

describe('embed code', () => {
  it('pasted twice into a page on another origin gives two frames that each follow their own height', async () => {
    const first = await copiedEmbedCode('#/step-by-step-222')
    const second = await copiedEmbedCode('#/chain-rule')
    expect(first.iframe).toContain('allow="clipboard-write"')
    expect(first.iframe).toMatch(/<script>.*backprop-lab:resize.*<\/script>/s)
    const ids = [first.iframe, second.iframe].map((s) => /id="([^"]+)"/.exec(s)![1])
    expect(ids[0]).not.toBe(ids[1])
    expect(first.element).toMatch(
      /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/backprop-lesson\.js"><\/script><backprop-lesson lesson="step-by-step-222" state="v=1&amp;exseed=\d+"><\/backprop-lesson>$/,
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
  it('a frame without the answer key shares a link to itself, not to the full app that offers the key', async () => {
    const url = await pastedFrame('graded-share.html', '?embed=1&answers=0#/step-by-step-222')
    const { page, errors, close } = await open(url, {
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    const frame = page.frameLocator('iframe')
    await frame.getByRole('heading', { name: /Deriving/ }).waitFor({ timeout: 20_000 })
    await frame.getByTestId('share').click()
    await expect.poll(() => frame.getByText(/^Link copied/).count()).toBe(1)
    const link = await page.evaluate(() => navigator.clipboard.readText())
    expect(link).toMatch(/\?(.*&)?embed=1(&|#)/)
    expect(link).toMatch(/[?&]answers=0(&|#)/)
    // opened, it is the graded frame again: no answer key to click
    const shared = await open(link)
    await shared.page.getByRole('heading', { name: /Deriving/ }).waitFor({ timeout: 20_000 })
    expect(await shared.page.getByTestId('answer-key').count()).toBe(0)
    expect(shared.errors).toEqual([])
    await shared.close()
    expect(errors).toEqual([])
    await close()
  })

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
    // With no step bar there is nothing to press: the derivation shows its numbers from the start
    // (∂E_total/∂w₅ = 0.082167041 in Mazur's worked example), never "Press Backward".
    await expect
      .poll(() => frame.getByTestId('derivation-value').first().textContent())
      .toMatch(/^0\.08216704/)
    expect(await frame.getByText('to substitute the numbers').count()).toBe(0)
    // The answer key's address itself is refused: the frame stays on the lesson.
    const inner = (await (await page.locator('iframe').elementHandle())!.contentFrame())!
    await inner.evaluate(() => (location.hash = '#/step-by-step-222/answer-key'))
    // (with the exercises' numbers set the lesson writes at each visit)
    await expect
      .poll(() => inner.evaluate(() => location.hash))
      .toMatch(/^#\/step-by-step-222(\?v=1&exseed=\d+)?$/)
    expect(await frame.getByRole('heading', { name: /Answer key/ }).count()).toBe(0)
    // ... and says why, in place, instead of quietly showing the lesson.
    const why = frame.getByTestId('answer-key-hidden')
    await expect.poll(() => why.isVisible()).toBe(true)
    expect(await why.textContent()).toContain('The answer key is hidden in this embed')
    await screenshot(page, 'teachers-embed-options')
    expect(errors).toEqual([])
    await close()
  })

  it('a link that leaves the lesson opens the full app in a new tab, not the frame', async () => {
    const url = await pastedFrame('new-tab.html', '?embed=1#/step-by-step-222')
    const { page, context, errors, close } = await open(url)
    const frame = page.frameLocator('iframe')
    const key = frame.getByRole('link', { name: 'Answer key (opens in a new tab)', exact: true })
    await key.waitFor({ timeout: 20_000 })
    expect(await key.getAttribute('target')).toBe('_blank')
    expect(await key.getAttribute('rel')).toContain('noopener')
    // The app itself: its address without the embed's ?embed=1, with the lesson's values.
    const href = (await key.getAttribute('href'))!
    expect(href).toMatch(
      new RegExp(
        `^${app.url.replace(/[.]/g, '\\.')}index\\.html#/step-by-step-222/answer-key\\?v=1&exseed=\\d+$`,
      ),
    )
    const [tab] = await Promise.all([context.waitForEvent('page'), key.click()])
    await tab.getByRole('heading', { level: 1, name: /^Answer key/ }).waitFor({ timeout: 30_000 })
    expect(tab.url()).toBe(href)
    expect(
      await tab.evaluate(() => document.documentElement.classList.contains('is-embedded')),
    ).toBe(false)
    // The frame still shows its lesson.
    expect(await frame.getByRole('button', { name: 'Step', exact: true }).isVisible()).toBe(true)
    expect(await frame.getByTestId('embed-back').count()).toBe(0)
    expect(errors).toEqual([])
    await close()
  })

  it('a frame whose address is sent to the answer key has a way back to the lesson', async () => {
    const url = await pastedFrame('back.html', '?embed=1#/step-by-step-222')
    const { page, errors, close } = await open(url)
    const frame = page.frameLocator('iframe')
    await frame.getByRole('button', { name: 'Step', exact: true }).waitFor({ timeout: 20_000 })
    const inner = (await (await page.locator('iframe').elementHandle())!.contentFrame())!
    await inner.evaluate(() => (location.hash = '#/step-by-step-222/answer-key'))
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
  it('fixed=1: the frame never writes the learner’s values into its address; a host reload starts both from src', async () => {
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
    // What the README says: a reload of the host page loads each frame's src again, so the free frame
    // starts from the embed code's values too (the notes' weights: Eₜₒₜₐₗ = 0.298371109 before any update).
    await page.reload({ waitUntil: 'load' })
    for (const id of ['fixed', 'free']) {
      const f = await inner(id)
      await f.getByRole('heading', { level: 1 }).waitFor({ timeout: 20_000 })
      expect(await f.evaluate(() => location.hash)).not.toContain('w=')
      await f.getByRole('button', { name: 'Forward', exact: true }).click({ timeout: 20_000 })
      await expect.poll(() => f.getByTestId('loss').first().textContent()).toBe('0.298371109')
    }
    expect(errors).toEqual([])
    await close()
  })
})
