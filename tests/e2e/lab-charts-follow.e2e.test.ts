// The labs' charts and tables follow the run (#11): the loss curves grow in place in the lesson's store,
// so a chart or a table handed the same array again would stay where it was. At each lab's own default
// pace, with the chart on screen: the chart's last point moves on while the run trains (sampled on
// animation frames, not on a clock), and once paused the chart ends at the count shown and the table
// shows the chart's last loss.
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, parseShown, type OpenedPage, scrollIntoView } from './utils'

interface Drawn {
  series: { label: string; last: { x: number; y: number } | null }[]
}
const drawn = async (chart: Locator): Promise<Drawn> =>
  JSON.parse((await chart.getAttribute('data-chart')) ?? '{"series":[]}') as Drawn
const countOf = async (section: Locator) =>
  Number(((await section.getByTestId('train-count').textContent()) ?? '').replace(/[^\d]/g, ''))

/** The distinct last x values of the chart's first series over `frames` animation frames. */
function lastXs(page: Page, selector: string, frames = 90): Promise<number[]> {
  return page.evaluate(
    ([sel, n]) =>
      new Promise<number[]>((resolve) => {
        const seen = new Set<number>()
        let k = 0
        const tick = () => {
          const raw = (document.querySelector(sel) as HTMLElement | null)?.dataset.chart
          const x = (JSON.parse(raw ?? '{"series":[]}') as Drawn).series[0]?.last?.x
          if (x !== undefined) seen.add(x)
          if (++k < n) requestAnimationFrame(tick)
          else resolve([...seen])
        }
        requestAnimationFrame(tick)
      }),
    [selector, frames] as const,
  )
}

/** Pauses the section's run and waits until every series of `chart` ends at x = the count shown. */
async function pauseAndAgree(section: Locator, chart: Locator): Promise<number> {
  await section.getByRole('button', { name: 'Pause', exact: true }).click()
  const count = await countOf(section)
  expect(count).toBeGreaterThan(0)
  await expect
    .poll(async () => (await drawn(chart)).series.map((s) => s.last?.x))
    .toEqual((await drawn(chart)).series.map(() => count))
  return count
}

/** The loss cells (4 significant figures) against the chart's last losses, series k with row k. */
async function tableAgrees(cells: Locator, chart: Locator): Promise<void> {
  const shown = (await cells.allTextContents()).map((t) => parseShown(t.trim()))
  const last = (await drawn(chart)).series.map((s) => s.last?.y ?? NaN)
  expect(shown).toHaveLength(last.length)
  shown.forEach((v, k) => expect(v).toBe(Number(last[k].toPrecision(4))))
}

describe('lab charts follow the run', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('loss-compare: the loss chart and the table', async () => {
    opened = await openPage('#/loss-compare')
    const { page, errors } = opened
    const section = page.locator('section[aria-labelledby=lc-train-h]')
    const chart = section.getByTestId('lc-train')
    await section.getByRole('button', { name: 'Pause', exact: true }).waitFor()
    await scrollIntoView(chart)
    await section.getByRole('button', { name: 'Reset', exact: true }).click() // paused at the start
    await section.getByRole('button', { name: 'Train', exact: true }).click() // a whole run ahead
    expect((await lastXs(page, '[data-testid=lc-train]')).length).toBeGreaterThanOrEqual(3)
    await pauseAndAgree(section, chart)
    await tableAgrees(section.locator('tbody tr td:nth-child(2)'), chart)
    expect(errors).toEqual([])
  })

  it('batch-vs-sgd: the per-epoch chart and the table', async () => {
    opened = await openPage('#/batch-vs-sgd')
    const { page, errors } = opened
    const section = page.locator('section[aria-labelledby=bs-h]')
    const chart = section.getByTestId('bs-epochs')
    await section.getByRole('button', { name: 'Pause', exact: true }).waitFor()
    await scrollIntoView(chart)
    await section.getByRole('button', { name: 'Reset', exact: true }).click() // paused at the start
    await section.getByRole('button', { name: 'Train', exact: true }).click() // a whole run ahead
    expect((await lastXs(page, '[data-testid=bs-epochs]')).length).toBeGreaterThanOrEqual(3)
    await pauseAndAgree(section, chart)
    const table = section.locator('table:not([data-testid])')
    await tableAgrees(table.locator('tbody tr td:nth-child(3)'), chart)
    expect(errors).toEqual([])
  })

  it('learning-rate sweep: the curves of every copy', async () => {
    opened = await openPage('#/learning-rate')
    const { page, errors } = opened
    const section = page.locator('section[aria-labelledby=lr-sweep-h]')
    const chart = section.getByTestId('sweep-curves')
    await scrollIntoView(section.getByRole('toolbar')) // the sweep starts once it is on screen
    await section.getByRole('button', { name: 'Pause (sweep)', exact: true }).waitFor()
    await scrollIntoView(chart)
    await section.getByRole('button', { name: 'Reset (sweep)', exact: true }).click() // paused at the start
    await section.getByRole('button', { name: 'Train (sweep)', exact: true }).click() // a whole run ahead
    expect((await lastXs(page, '[data-testid=sweep-curves]')).length).toBeGreaterThanOrEqual(3)
    await section.getByRole('button', { name: 'Pause (sweep)', exact: true }).click()
    const count = await countOf(section)
    // every copy the engine did not stop ends at the count; a stopped one earlier
    await expect
      .poll(async () => Math.max(...(await drawn(chart)).series.map((s) => s.last?.x ?? 0)))
      .toBe(count)
    expect(errors).toEqual([])
  })
})
