// The worked examples' loss chart (#15): a log-scale switch, a dashed mark where η was changed during
// the run, and, when the loss freezes (η = 100), why, from the current numbers: the units whose slope
// f′(z) is about 0 (ReLU dead, sigmoid saturated). Expected values are worked out here.
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, parseShown, screenshot, type OpenedPage, scrollIntoView } from './utils'

interface ChartState {
  series: { label: string; points: number }[]
  y?: { type: string }
}
const chart = async (page: Page): Promise<ChartState> =>
  JSON.parse(
    (await page.locator('.loss-chart').getAttribute('data-chart')) ?? '{"series":[]}',
  ) as ChartState
const status = (page: Page) => page.locator('.workspace__status').textContent()
async function trainAtMaxSpeed(page: Page): Promise<void> {
  await page.getByTestId('speed').first().selectOption('max')
  await page.getByRole('button', { name: 'Train', exact: true }).first().click()
}
/** The stuck-unit table as rows of cells, with each row's full-precision z. */
const stuckRows = (page: Page) =>
  page.locator('[data-testid=frozen-units] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      cells: [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''),
      z: Number(tr.querySelector('[data-z]')?.getAttribute('data-z')),
    })),
  )

describe('the worked examples’ loss chart', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('at η = 100 with ReLU hidden units and a linear output the loss freezes at 0.2501, and the page says why', async () => {
    opened = await openPage('#/step-by-step-222?v=1&act=relu,linear&lr=100')
    const { page, errors } = opened
    await trainAtMaxSpeed(page)
    await expect.poll(() => status(page), { timeout: 60_000 }).toMatch(/5,?000 updates/)
    // Both hidden ReLUs dead: h = 0, so each output is its untrained bias b₂ = 0.6, and
    // E = ½(0.6 − 0.01)² + ½(0.6 − 0.99)² = 0.2501.
    const frozen = 0.5 * (0.6 - 0.01) ** 2 + 0.5 * (0.6 - 0.99) ** 2
    const note = page.getByTestId('frozen-loss')
    await note.waitFor()
    expect(Number(await page.getByTestId('frozen-value').textContent())).toBeCloseTo(frozen, 12)
    expect(await note.textContent()).toMatch(/Dead ReLU units/)
    const rows = await stuckRows(page)
    expect(rows.map((r) => r.cells[0])).toEqual(['h1 (relu)', 'h2 (relu)'])
    for (const r of rows) {
      expect(r.z).toBeLessThanOrEqual(0) // ReLU′(z) = 0 for z ≤ 0
      expect(r.cells[4]).toBe('0')
      expect(r.cells[5]).toBe('dead')
    }
    // The log-scale switch.
    expect((await chart(page)).y?.type).toBe('linear')
    await page.getByTestId('loss-log').check()
    await expect.poll(async () => (await chart(page)).y?.type).toBe('logarithmic')
    await scrollIntoView(note)
    await screenshot(page, 'worked-frozen-relu-1280')
    expect(errors).toEqual([])
  })

  it('saturated sigmoid outputs: σ′(z) shown for each, matching σ(z)(1 − σ(z)) worked out here', async () => {
    opened = await openPage('#/step-by-step-222?v=1&act=tanh,sigmoid&tb=1&lr=100', {
      viewport: { width: 390, height: 800 },
    })
    const { page, errors } = opened
    await trainAtMaxSpeed(page)
    await page.getByTestId('frozen-loss').waitFor({ timeout: 60_000 })
    const rows = await stuckRows(page)
    const outputs = rows.filter((r) => r.cells[0].endsWith('(sigmoid)'))
    expect(outputs.length).toBeGreaterThan(0)
    for (const r of outputs) {
      const e = Math.exp(-Math.abs(r.z))
      const slope = e / (1 + e) ** 2 // σ′(z) = σ(z)(1 − σ(z)), written without cancellation
      const shown = parseShown(r.cells[4])
      expect(Math.abs(shown - slope) / slope).toBeLessThan(1e-3)
      expect(slope).toBeLessThan(0.01)
      expect(r.cells[5]).toBe(`saturated at ${r.z > 0 ? 1 : 0}`)
    }
    expect(await page.getByTestId('frozen-loss').textContent()).toMatch(/σ′ ≈ 0/)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBe(0)
    await scrollIntoView(page.getByTestId('frozen-loss'))
    await screenshot(page, 'worked-frozen-sigmoid-390')
    expect(errors).toEqual([])
  })

  it('marks where η was changed during the run, on the chart and in words', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    const step = () => page.getByRole('button', { name: 'Step', exact: true }).first().click()
    for (let k = 0; k < 3; k++) await step()
    await expect.poll(() => status(page)).toMatch(/\b3 updates/)
    const field = page.getByRole('textbox', { name: 'Learning rate η', exact: true })
    await field.fill('2')
    await field.press('Enter')
    for (let k = 0; k < 2; k++) await step()
    await expect.poll(() => status(page)).toMatch(/\b5 updates/)
    // η was 0.5 for updates 1–3 and 2 from the fourth on: the change is at update 3.
    expect(await page.getByTestId('eta-changes').textContent()).toContain('η = 2 from update 3')
    await expect
      .poll(async () => (await chart(page)).series.map((s) => `${s.label}:${s.points}`))
      .toContain('η = 2 from update 3:2')
    // Undo back before the change drops the mark.
    for (let k = 0; k < 3; k++) await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => page.getByTestId('eta-changes').count()).toBe(0)
    await screenshot(page, 'worked-eta-mark-1280')
    expect(errors).toEqual([])
  })
})
