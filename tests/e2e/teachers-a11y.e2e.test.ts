// axe-core over every route, its answer key and its embed mode, the element page, and the network
// diagram's focus marks (#17), on the built dist/ served on 127.0.0.1 (courseSite.ts).
import AxeBuilder from '@axe-core/playwright'
import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ORDER } from '../unit/courseAnswers'
import { app, open, useCourseSite } from './courseSite'

useCourseSite()

/** Serious and critical axe-core violations on the page, one readable line each. */
async function seriousViolations(page: Page, labelInName = false): Promise<string[]> {
  // labelInName: also label-content-name-mismatch, which axe ships off (experimental): a control's
  // spoken name must contain the text it shows (WCAG 2.5.3).
  const rules = { 'label-content-name-mismatch': { enabled: labelInName } }
  const { violations } = await new AxeBuilder({ page }).options({ rules }).analyze()
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
  async function audit(
    url: string,
    ready: (page: Page) => Promise<void> = settled,
    labelInName = false,
  ) {
    const { page, close } = await open(url, { serviceWorkers: 'block' })
    await ready(page)
    const found = await seriousViolations(page, labelInName)
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

  // After the passes the diagram shows gradients beside the weights and the derivation's formulas grow
  // wider than a phone: each wide one must be a tab stop (scrollable-region-focusable), also while its
  // section is skipped off screen, and each weight's name must still start with what it shows.
  it('a worked example after Forward, Backward, Update and Backward at 390 px', async () => {
    const { found } = await audit(
      `${app.url}index.html#/sigmoid-221`,
      async (page) => {
        await page.setViewportSize({ width: 390, height: 844 })
        await settled(page)
        for (const name of ['Forward', 'Backward', 'Update', 'Backward']) {
          const button = page.getByRole('button', { name, exact: true })
          await expect.poll(() => button.isEnabled()).toBe(true)
          await button.click()
        }
        await page
          .getByTestId('stage')
          .filter({ hasText: /Backward/ })
          .waitFor()
      },
      true,
    )
    expect(found).toEqual([])
  }, 120_000)

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
