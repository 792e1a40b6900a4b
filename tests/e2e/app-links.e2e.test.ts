// Every link the app writes itself is accepted silently by the page it opens (newcomer: the lesson's own
// Answer key link carries the exercises' numbers set `exseed`, and the answer key called it an unknown
// setting). Walks the home page's lessons, each lesson's in-app links (its answer key, the exercises'
// lesson links with their `exseed`, the next lesson…) and finds no "could not be used" notice anywhere.
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openPage, type OpenedPage } from './utils'

/** The in-app addresses (`#/…`) of every link on the page. */
const inAppLinks = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('a[href*="#/"]')].map((a) =>
      decodeURIComponent((a as HTMLAnchorElement).hash),
    ),
  )

/** Waits until the page has read its link: heading shown, engine and answer key worked out. */
async function settled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor()
  if (page.url().includes('/answer-key')) await page.getByTestId('print').waitFor()
  else await expect.poll(() => page.getByText('Loading the calculation engine…').count()).toBe(0)
}

describe('links the app writes', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('open with no notice: every lesson, its answer key and every in-app link on them', async () => {
    opened = await openPage()
    const { page, errors } = opened
    await page.getByRole('heading', { name: 'Lessons' }).waitFor()
    const lessons = [...new Set(await inAppLinks(page))].filter((h) => /^#\/[\w-]+$/.test(h))
    expect(lessons.length).toBeGreaterThan(10)
    const seen = new Set<string>()
    const noticed: string[] = []
    const written: string[] = []
    const visit = async (hash: string): Promise<void> => {
      await page.goto(new URL(hash, page.url()).href)
      await settled(page)
      const text = await page.getByTestId('link-notices').allTextContents()
      if (text.length) noticed.push(`${hash}: ${text.join(' ')}`)
      // One way of writing names and negative numbers (newcomer: exercise menus said E_total, the
      // answer key's value column -0.4 next to −0.4 in its exact column).
      if ((await page.locator('body').textContent())?.includes('E_total'))
        written.push(`${hash}: E_total`)
      for (const cell of await page.locator('.answer-key td.num').allTextContents())
        if (cell.includes('-')) written.push(`${hash}: ${cell.trim()}`)
    }
    let answerKeys = 0
    for (const lesson of lessons) {
      await visit(lesson)
      // the exercises draw their numbers set and write it into the address (and the answer key's link)
      const key = page.getByTestId('answer-key')
      if ((await key.count()) > 0) {
        await expect.poll(() => key.getAttribute('href')).toContain('exseed=')
        answerKeys++
      }
      const links = (await inAppLinks(page)).filter(
        (h) => h.includes('?') || h.includes('/answer-key'),
      )
      for (const link of links) {
        if (seen.has(link)) continue
        seen.add(link)
        await visit(link)
      }
    }
    expect(answerKeys).toBeGreaterThanOrEqual(3)
    expect([...seen].filter((h) => h.includes('/answer-key'))).toHaveLength(answerKeys)
    expect(noticed).toEqual([])
    expect(written).toEqual([])
    expect(errors).toEqual([])
  }, 240_000)
})
