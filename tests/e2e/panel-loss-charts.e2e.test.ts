// The loss charts of single-neuron, hidden-layer and the playground follow the run (#11). The store's
// curves grow in place (useLessonStore), so a chart handed the same arrays again would stay at its
// first picture; these screens had no check of it. After a fixed number of Steps, and again after
// training at full speed and pausing, each chart's last drawn point is at the update count the page
// states and at the loss it states.
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, parseShown, type OpenedPage } from './utils'

interface Drawn {
  series: { label: string; last: { x: number; y: number } | null }[]
}
const drawn = async (chart: Locator): Promise<Drawn> =>
  JSON.parse((await chart.getAttribute('data-chart')) ?? '{"series":[]}') as Drawn
/** '1,234 updates' → 1234. */
const count = async (page: Page): Promise<number> =>
  Number(((await page.getByTestId('train-count').textContent()) ?? '').replace(/[^\d]/g, ''))
/** |a − b| within `rel` of b (the page writes the loss to a few significant digits). */
const near = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.abs(b)

/** Steps `n` times with the Step button, then trains as fast as it goes past `past` updates and pauses. */
async function stepThenTrain(page: Page, n: number, past: number): Promise<void> {
  const step = page.getByRole('button', { name: 'Step', exact: true })
  for (let k = 0; k < n; k++) await step.click()
  await expect.poll(() => count(page)).toBe(n)
  await page.getByTestId('speed').first().selectOption('max')
  await page.getByRole('button', { name: 'Train', exact: true }).click()
  await expect.poll(() => count(page), { timeout: 20_000 }).toBeGreaterThan(past)
  const pause = page.getByRole('button', { name: 'Pause', exact: true })
  if (await pause.count()) await pause.click()
  await page.getByRole('button', { name: /^(Resume|Train)$/ }).waitFor()
}

describe('panel loss charts follow the run', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('single-neuron: the curve ends at the shown update and loss J', async () => {
    opened = await openPage('#/single-neuron')
    const { page, errors } = opened
    await page.getByTestId('sn-loss').waitFor()
    const chart = page.locator('figure.line-chart', { hasText: 'The loss J after each update' })
    const agrees = async () => {
      const last = (await drawn(chart)).series[0]?.last
      const loss = parseShown((await page.getByTestId('sn-loss').textContent()) ?? '')
      return !!last && last.x === (await count(page)) && near(last.y, loss, 1e-5)
    }
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await expect.poll(() => count(page)).toBe(2)
    await expect.poll(agrees).toBe(true)
    await page.getByRole('button', { name: 'Reset', exact: true }).click()
    await stepThenTrain(page, 3, 60)
    await expect.poll(agrees).toBe(true)
    expect(errors).toEqual([])
  })

  it('single-neuron: at its default pace the line takes seconds to swing into place, not half a second (#11)', async () => {
    opened = await openPage('#/single-neuron')
    const { page, errors } = opened
    await page.getByTestId('sn-loss').waitFor()
    const pace = Number(await page.getByTestId('speed').first().inputValue()) // updates per second
    // Updates from the start to 100 % accuracy, one Step each (no clock).
    let n = 0
    while ((await page.getByTestId('sn-accuracy').textContent())?.trim() !== '100 %' && n < 50) {
      await page.getByRole('button', { name: 'Step', exact: true }).click()
      await expect.poll(() => count(page)).toBe(++n)
    }
    expect(n).toBe(4) // 25 % → 100 % in 4 updates (90 % after 3)
    expect(n / pace).toBeGreaterThanOrEqual(2) // seconds a learner watches at the default pace
    expect(errors).toEqual([])
  })

  it('hidden-layer: both curves end at the shown update and each network’s loss', async () => {
    opened = await openPage('#/hidden-layer')
    const { page, errors } = opened
    await page.getByTestId('hl-accuracy-1').waitFor()
    const chart = page.locator('figure.line-chart', { hasText: 'Cross-entropy loss of both' })
    const agrees = async () => {
      const series = (await drawn(chart)).series
      const shown = (await page.locator('.hl-model p.numeric').allTextContents()).map((t) =>
        parseShown(/loss\s+(\S+)/.exec(t)?.[1] ?? 'NaN'),
      )
      const n = await count(page)
      return (
        series.length === 2 &&
        shown.length === 2 &&
        series.every((s, k) => s.last?.x === n && near(s.last.y, shown[k], 1e-3))
      )
    }
    await stepThenTrain(page, 4, 200)
    await expect.poll(agrees).toBe(true)
    expect(errors).toEqual([])
  })

  it('playground: the training data loss ends at the shown updates and loss', async () => {
    opened = await openPage('#/playground')
    const { page, errors } = opened
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).waitFor()
    const chart = page.locator('figure.line-chart', { hasText: 'Loss over the training' })
    const updates = async () => parseShown((await page.getByTestId('updates').textContent()) ?? '')
    const agrees = async () => {
      const last = (await drawn(chart)).series.find((s) => s.label === 'training data loss')?.last
      const loss = Number(await page.getByTestId('train-loss').getAttribute('data-value'))
      return !!last && last.x === (await updates()) && near(last.y, loss, 1e-12)
    }
    const step = page.getByRole('button', { name: 'Step' })
    for (let k = 0; k < 3; k++) await step.click()
    await expect.poll(updates).toBe(3)
    await expect.poll(agrees).toBe(true)
    await page.getByTestId('speed').first().selectOption('max')
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).click()
    await expect.poll(updates, { timeout: 20_000 }).toBeGreaterThan(300)
    await page.getByRole('button', { name: 'Pause' }).click()
    await expect.poll(agrees).toBe(true)
    expect(errors).toEqual([])
  })
})
