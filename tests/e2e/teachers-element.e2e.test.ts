// The <backprop-lesson> element in a course column (#17): it lays out by its own width, and keeps its
// height under hostile host CSS with two elements independent. Real servers on 127.0.0.1 (courseSite.ts).
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { app, coursePage, host, open, useCourseSite } from './courseSite'
import { screenshot } from './utils'

useCourseSite()

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

  it('brings the stylesheets the lessons share: sections, the lab tables, the playground grid', async () => {
    // panels.css, loss-lab.css and playground.css are imported by the lessons' components as plain CSS,
    // which never reached the shadow root: embedded lessons had no section cards, their controls fell
    // under the map, and the playground's sticky bar ran its counts together.
    const lessons = ['single-neuron', 'loss-compare', 'playground']
    const body =
      `<script type="module" src="${app.url}backprop-lesson.js"></script>` +
      lessons.map((l) => `<backprop-lesson lesson="${l}"></backprop-lesson>`).join('')
    const { page, errors, close } = await open(coursePage('shared-styles.html', body))
    const [single, loss, playground] = lessons.map((_, k) => page.locator('backprop-lesson').nth(k))
    /** A computed style of the first element matching `selector` in `lesson`, once it is there. */
    const style = async (lesson: typeof single, selector: string, property: string) => {
      const e = lesson.locator(selector).first()
      await e.waitFor({ state: 'attached', timeout: 30_000 })
      return e.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property)
    }
    // panels.css: a section is a card with a 1 px border
    expect(await style(single, '.panel-section', 'border-top-width')).toBe('1px')
    expect(await style(single, '.panel-section', 'border-top-style')).toBe('solid')
    // loss-lab.css: the lab's tables are set at 0.9rem, 14.4 px at the element's 16 px rem
    expect(await style(loss, '.lab-table', 'font-size')).toBe('14.4px')
    // playground.css: settings | network | output in a grid; the training bar sticks
    expect(await style(playground, '.pg-layout', 'display')).toBe('grid')
    expect(await style(playground, '.pg-toolbar', 'position')).toBe('sticky')
    await screenshot(page, 'teachers-element-shared-styles')
    expect(errors).toEqual([])
    await close()
  })

  it('a link that leaves the lesson opens the full app in a new tab, at the app’s address (not the host’s)', async () => {
    // The answer key replaced the lesson on the course page, with no way back but the element's own.
    const { page, context, errors, close } = await open(coursePage('links.html', column('')))
    await ready(page)
    const lesson = page.locator('backprop-lesson').first()
    const title = await lesson.getByRole('heading', { level: 1 }).textContent()
    const key = lesson.getByTestId('answer-key')
    // Its name says where it goes ("↗" is not read out).
    expect(await key.getAttribute('target')).toBe('_blank')
    expect(await key.getAttribute('rel')).toContain('noopener')
    expect(
      await lesson
        .getByRole('link', { name: 'Answer key (opens in a new tab)', exact: true })
        .count(),
    ).toBe(1)
    const href = (await key.getAttribute('href'))!
    expect(href.startsWith(`${app.url}#/step-by-step-222/answer-key`)).toBe(true)
    expect(href.startsWith(host.url)).toBe(false)
    // The glossary of the notation box, too.
    await lesson.locator('summary', { hasText: 'Notation on this page' }).click()
    const glossary = lesson.getByRole('link', {
      name: 'All symbols: the glossary (opens in a new tab)',
      exact: true,
    })
    expect(await glossary.getAttribute('href')).toBe(`${app.url}#/glossary`)
    expect(await glossary.getAttribute('target')).toBe('_blank')
    // Followed: a new tab with the app's answer key; the course page keeps its lesson.
    const [tab] = await Promise.all([context.waitForEvent('page'), key.click()])
    await tab.getByRole('heading', { level: 1, name: /^Answer key/ }).waitFor({ timeout: 30_000 })
    // (the link now carries the open notation box too: notationopen=1)
    expect(tab.url()).toBe(await key.getAttribute('href'))
    expect(await lesson.getByRole('heading', { level: 1 }).textContent()).toBe(title)
    expect(await lesson.getByTestId('embed-back').count()).toBe(0)
    await screenshot(page, 'teachers-element-links')
    expect(errors).toEqual([])
    await close()
  })
})
