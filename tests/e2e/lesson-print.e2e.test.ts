// A lesson printed from wherever the learner is: on screen, sections off screen are skipped
// (content-visibility: auto) and, while a run trains, charts off screen are not drawn (#11). On paper
// everything is on screen: every section is laid out, and a chart left behind during a run is drawn
// with the run's current updates before printing.
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage, scrollIntoView } from './utils'

describe('printing a lesson', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it.each([
    ['single-neuron', 'More than two classes: softmax'],
    ['learning-rate', 'Watch each optimizer walk the loss landscape'],
  ])(
    '%s printed from its top: every section is laid out, no slider parts or links without their use on paper',
    async (id, last) => {
      opened = await openPage(`#/${id}`)
      const { page, errors } = opened
      // The lesson's panel is loaded (its last section's heading is there) before printing.
      await page.getByRole('heading', { name: last }).waitFor({ state: 'attached' })
      await page.emulateMedia({ media: 'print' })
      const printed = await page.evaluate(() => {
        const main = document.querySelector('main')!
        const shown = [...main.querySelectorAll('h2, h3, p, table, canvas')].filter((e) =>
          e.checkVisibility(),
        )
        return {
          headings: main.querySelectorAll('h2').length,
          skipped: shown
            .filter((e) => !e.checkVisibility({ contentVisibilityAuto: true }))
            .map((e) => `${e.tagName}: ${(e.textContent ?? '').slice(0, 40)}`),
          ticks: [...main.querySelectorAll('.log-slider__ticks')].filter((e) => e.checkVisibility())
            .length,
          // η's "or type it" field (the read-out above the slider names the value on paper)
          typed: [...main.querySelectorAll('.log-slider__field > *')].filter((e) =>
            e.checkVisibility(),
          ).length,
          seed: (main.querySelector<HTMLElement>('.exercises__seed')?.innerText ?? '').trim(),
        }
      })
      expect(printed.headings).toBeGreaterThan(1)
      expect(printed.skipped).toEqual([])
      expect(printed.ticks).toBe(0)
      expect(printed.typed).toBe(0)
      // the exercises' numbers set, without a link, a button or a "·" that lead nowhere on paper
      expect(printed.seed).toMatch(/^Numbers set \d+\.$/)
      await screenshot(page, `lesson-print-${id}`)
      expect(errors).toEqual([])
    },
  )

  it('a chart off screen during a run is drawn up to the run before printing', async () => {
    opened = await openPage('#/loss-compare?pace=300')
    const { page, errors } = opened
    const section = page.locator('section[aria-labelledby=lc-train-h]')
    const toolbar = section.getByRole('toolbar', { name: 'Training' })
    await scrollIntoView(toolbar)
    // The learner's own run: Train (or Pause, then Resume, if it started by itself).
    const go = toolbar.getByRole('button', { name: /^(Train|Pause)$/ })
    if ((await go.textContent())?.trim() === 'Pause') {
      await go.click()
      await toolbar.getByRole('button', { name: 'Resume', exact: true }).click()
    } else await go.click()
    await toolbar.getByRole('button', { name: 'Pause', exact: true }).waitFor()
    // Off screen the chart stays behind the run (not drawn while training) …
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    // The run's count as shown and where the chart's curves end; with `print`, after the browser's
    // beforeprint and the page's render that follows it (microtasks only: no frame, so no update, in
    // between), and its afterprint once read.
    const read = (print: boolean) =>
      page.evaluate(async (print) => {
        if (print) {
          window.dispatchEvent(new Event('beforeprint'))
          for (let i = 0; i < 5; i++) await Promise.resolve()
        }
        const chart = document.querySelector<HTMLElement>('[data-testid=lc-train]')!
        const drawn = JSON.parse(chart.dataset.chart ?? '{"series":[]}') as {
          series: { last: { x: number } | null }[]
        }
        const count =
          document.querySelector('section[aria-labelledby=lc-train-h] [data-testid=train-count]')!
            .textContent ?? ''
        if (print) window.dispatchEvent(new Event('afterprint'))
        return {
          count: Number(count.replace(/[^\d]/g, '')),
          last: drawn.series.map((s) => s.last?.x ?? 0),
        }
      }, print)
    await expect
      .poll(async () => {
        const { count, last } = await read(false)
        return count - last[0]
      })
      .toBeGreaterThan(3)
    // … and on paper the chart and the count agree: both at the run's last update.
    const printed = await read(true)
    expect(printed.count).toBeGreaterThan(3)
    expect(printed.last.length).toBeGreaterThan(0)
    for (const x of printed.last) expect(x).toBe(printed.count)
    expect(errors).toEqual([])
  })
})
