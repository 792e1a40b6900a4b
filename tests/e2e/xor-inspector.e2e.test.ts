// The XOR lab (#15) in Chromium: the 100-run experiment says which experiment and which update it is on
// at a slow pace, says Done and offers Run again (not Resume) when finished, and counts the fixes other
// than a wider layer (the numbers tests/unit pins for the same seeds). The inspector shows a failed
// seed's loss curve, boundary and hidden units; the weights at any update agree with a plain-JS run of
// the same seed (tests/unit/xorReference.ts, computed here); every control is kept in the link.
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { refFlat, refLoss, refTrain, type RefParams } from '../unit/xorReference'
import { openPage, parseShown, screenshot, type OpenedPage } from './utils'

const inspector = (page: Page) =>
  page.locator('section', {
    has: page.getByRole('heading', { name: 'Inspect one run, update by update' }),
  })
/**
 * The weights column of the inspector's table: start, the update shown (now) or end; the update shown
 * at the start or the end is that one column (#11).
 */
async function shown(page: Page, column: 'start' | 'now' | 'end'): Promise<number[]> {
  const cells = await page
    .getByTestId('xor-weights')
    .locator(`td[data-moment~="${column}"]`)
    .allTextContents()
  return cells.map(parseShown)
}
/** The reference parameters rounded to the 6 significant digits the table shows. */
const six = (p: RefParams) => refFlat(p).map((x) => Number(x.toPrecision(6)))

describe('XOR lab', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('shows per-update progress at a slow pace, then Done with Run again and the fixes’ counts', async () => {
    opened = await openPage('#/xor-221')
    const { page, errors } = opened
    const experiment = page.getByRole('region', { name: '100 starts per network' })
    await experiment.getByTestId('speed').selectOption('5')
    await experiment.getByRole('button', { name: 'Train (100 starts)', exact: true }).click()
    const count = experiment.getByTestId('train-count')
    await expect
      .poll(() => count.textContent(), { timeout: 10_000 })
      .toMatch(/^0 \/ 14 experiments done · MSE 2-2-1: [1-9]\d* updates? of 2,000$/)
    await experiment.getByRole('button', { name: 'Pause (100 starts)', exact: true }).click()
    await screenshot(page, 'xor-slow-progress-1280')
    await experiment.getByTestId('speed').selectOption('max')
    await experiment.getByRole('button', { name: 'Resume (100 starts)', exact: true }).click()
    await page.getByText('14 / 14 experiments done').waitFor({ timeout: 60_000 })
    await expect.poll(() => count.textContent()).toBe('14 / 14 experiments done')
    // The 14 it counts are the cells on screen: 5 networks × 2 losses in the first table, 4 fixes below.
    const done = (await experiment.getByTestId('xor-done').textContent())?.replace(/\s+/g, ' ')
    expect(done).toContain('Done: all 14 experiments trained, 100 runs each: the 10 networks')
    expect(done).toContain('and the 4 fixes under “Fixes other than a wider layer”')
    expect(await page.locator('[data-testid^="solved-"]').count()).toBe(10)
    expect(await page.locator('[data-testid^="fix-"]').count()).toBe(4)
    expect(
      await experiment.getByRole('button', { name: 'Resume (100 starts)', exact: true }).count(),
    ).toBe(0)
    expect(
      await experiment.getByRole('button', { name: 'Run again (100 starts)', exact: true }).count(),
    ).toBe(1)
    expect(await experiment.getByTestId('train-message').count()).toBe(0)
    // Same seeds, steps and rates as tests/unit (xorExperiment.test.ts).
    const fix = async (key: string) => Number(await page.getByTestId(`fix-${key}`).textContent())
    expect(await fix('leaky')).toBe(32)
    expect(await fix('leaky-long')).toBe(59)
    expect(await fix('tanh')).toBe(57)
    expect(await fix('xavier')).toBe(26)
    await screenshot(page, 'xor-done-1280')
    // The failed runs' tally calls nothing a local minimum it did not check; the stuck runs come with
    // their measured loss and gradient.
    const tally = (await page.getByTestId('failure-tally').textContent()) ?? ''
    expect(tally).not.toMatch(/local minimum/)
    expect(tally).toMatch(/\d+ (is|are) stuck otherwise/)
    if (!/\b0 are stuck/.test(tally)) {
      expect(await page.getByTestId('stuck-gradient').textContent()).toMatch(
        /^[\d.…×⁻⁰¹²³⁴⁵⁶⁷⁸⁹ ]+$/,
      )
    }
    // "So why?" speaks of the table's ReLU; set the inspector to tanh and it says what tanh changes
    const why = page.getByRole('region', { name: 'So why?' })
    expect(await why.getByTestId('xor-why-activation').count()).toBe(0)
    await inspector(page).getByLabel('Hidden activation').selectOption('tanh')
    await expect
      .poll(() => why.getByTestId('xor-why-activation').textContent())
      .toMatch(/set to tanh hidden units.*saturated/s)
    await screenshot(page, 'xor-why-tanh-1280')
    await inspector(page).getByLabel('Hidden activation').selectOption('relu')
    // Run again starts over from experiment 1 (at 1 update/s the first update comes at once).
    await experiment.getByTestId('speed').selectOption('1')
    await experiment.getByRole('button', { name: 'Run again (100 starts)', exact: true }).click()
    await expect
      .poll(() => count.textContent())
      .toMatch(/^0 \/ 14 experiments done · MSE 2-2-1: \d+ updates? of 2,000$/)
    expect(errors).toEqual([])
  })

  it('inspects a failed seed: loss curve, boundary, hidden units, and the weights of update k', async () => {
    opened = await openPage('#/xor-221')
    const { page, errors } = opened
    const box = inspector(page)
    await expect
      .poll(() => box.getByTestId('run-class').textContent(), { timeout: 20_000 })
      .toBe('died in training')
    expect(await box.getByTestId('run-label').textContent()).toBe(
      'Seed 3: 3 right, 1 wrong of 4 rows',
    )
    // the loss curve: one point per update 0 … 2,000 (decimated to at most 1,000 drawn)
    const chart = JSON.parse((await box.getByTestId('xor-loss').getAttribute('data-chart'))!) as {
      series: { label: string; points: number; last: { x: number; y: number } }[]
    }
    expect(chart.series[0].last.x).toBe(2000)
    expect(chart.series[0].points).toBeGreaterThan(100)
    // the boundary is drawn: the map's cells have both colours (output above and below 0.5)
    const sides = await box
      .getByTestId('xor-boundary')
      .locator('canvas.heatmap')
      .evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
        let [blue, orange] = [0, 0]
        for (let i = 0; i < d.length; i += 4) {
          if (d[i + 2] > d[i]) blue++
          if (d[i] > d[i + 2]) orange++
        }
        return { blue, orange }
      })
    expect(sides.blue).toBeGreaterThan(0)
    expect(sides.orange).toBeGreaterThan(0)
    // start and end weights: seed 3 from splitmix64, then 2,000 updates of plain-JS gradient descent
    expect(await shown(page, 'start')).toEqual(six(refTrain(3, 0)))
    expect(await shown(page, 'end')).toEqual(six(refTrain(3, 2000)))
    // the slider starts at the end: one column is the update shown and the end, not two (#11)
    expect(await shown(page, 'now')).toEqual(six(refTrain(3, 2000)))
    expect(await page.getByTestId('xor-weights').locator('thead th').allTextContents()).toEqual([
      'parameter',
      'start (update 0)',
      'end (update 2,000, shown)',
    ])
    // scrub to update 137 (typed into the slider), then one to the right with the keyboard
    const scrubber = box.getByRole('slider', { name: 'Update shown' })
    await scrubber.fill('137')
    await expect.poll(() => shown(page, 'now')).toEqual(six(refTrain(3, 137)))
    await scrubber.focus()
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => shown(page, 'now')).toEqual(six(refTrain(3, 138)))
    expect(await box.getByTestId('train-count').textContent()).toBe('update 138 of 2,000')
    // the unit that died: alive (z > 0 somewhere) one update before, dead from the named update on
    const died = Number(
      (await box.getByRole('button', { name: /^Show update \d+ \(dead\)$/ }).textContent())!.match(
        /\d+/,
      )![0],
    )
    const ref = refTrain(3, died)
    const dead = ref.W1.findIndex((w, j) =>
      [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ].every(([a, b]) => w[0] * a + w[1] * b + ref.b1[j] <= 0),
    )
    expect(dead).toBeGreaterThanOrEqual(0)
    await box.getByRole('button', { name: /\(alive\)$/ }).click()
    await expect.poll(() => shown(page, 'now')).toEqual(six(refTrain(3, died - 1)))
    expect(await box.getByTestId(`xor-unit-on-${dead + 1}`).textContent()).toMatch(/^z > 0 at/)
    await box.getByRole('button', { name: /\(dead\)$/ }).click()
    await expect
      .poll(() => box.getByTestId(`xor-unit-on-${dead + 1}`).textContent())
      .toBe('z ≤ 0 at all four inputs')
    await screenshot(page, 'xor-inspector-died-1280')
    // Step moves one update; Play replays at the shared pace from where it is
    await box.getByRole('button', { name: 'Step (inspected run)', exact: true }).click()
    await expect.poll(() => shown(page, 'now')).toEqual(six(refTrain(3, died + 1)))
    expect(await page.locator('main').textContent()).not.toContain('NaN')
    expect(errors).toEqual([])
  })

  it('η = 100 with sigmoid units (seed 3): saturated and not settled, not a local minimum; the legend is sigmoid’s', async () => {
    opened = await openPage('#/xor-221')
    const { page, errors } = opened
    const box = inspector(page)
    const eta = box.getByRole('textbox', { name: 'Learning rate η, typed' })
    await eta.fill('100')
    await eta.press('Enter')
    await box.getByLabel('Hidden activation').selectOption('sigmoid')
    await expect.poll(() => box.getByTestId('run-class').textContent()).toBe('saturated')
    // the maps' own words: both units below z = 0 at all four inputs
    expect(await box.getByTestId('xor-unit-on-1').textContent()).toBe('z ≤ 0 at all four inputs')
    expect(await box.getByTestId('xor-unit-on-2').textContent()).toBe('z ≤ 0 at all four inputs')
    const text = (await box.getByTestId('run-diagnosis').textContent()) ?? ''
    expect(text).toMatch(/h1 is saturated/)
    expect(text).toMatch(/h2 is saturated/)
    expect(text).toMatch(/has not settled/)
    expect(text).not.toMatch(/local minimum|switch/)
    const key = (await box.locator('.xor-maps__key').textContent()) ?? ''
    expect(key).toContain('σ(z)')
    expect(key).not.toContain('ReLU')
    await screenshot(page, 'xor-saturated-1280')
    expect(errors).toEqual([])
  })

  it('seed 5 with tanh units: stuck, with the loss and largest gradient entry a plain-JS run gives', async () => {
    opened = await openPage('#/xor-221?v=1&seed=5&act=tanh')
    const { page, errors } = opened
    const box = inspector(page)
    await expect.poll(() => box.getByTestId('run-class').textContent()).toBe('stuck')
    // the same run by hand: 2,000 updates, then ∂J/∂θ by central differences of the loss
    const p = refFlat(
      refTrain(5, 2000, { hidden: 2, eta: 0.5, act: 'tanh', init: 'he', loss: 'bce' }),
    )
    const ref = (v: number[]) => ({
      W1: [v.slice(0, 2), v.slice(2, 4)],
      b1: v.slice(4, 6),
      W2: v.slice(6, 8),
      b2: v[8],
    })
    const h = 1e-6
    const largest = Math.max(
      ...p.map((_, i) => {
        const up = p.map((x, k) => (k === i ? x + h : x))
        const down = p.map((x, k) => (k === i ? x - h : x))
        return Math.abs((refLoss(ref(up), 'tanh') - refLoss(ref(down), 'tanh')) / (2 * h))
      }),
    )
    const text = (await box.getByTestId('run-gradient').textContent()) ?? ''
    const [loss, gradient] = [...text.matchAll(/is (\S+)/g)].map((m) => parseShown(m[1]))
    expect(loss).toBe(Number(refLoss(ref(p), 'tanh').toPrecision(3)))
    expect(gradient).toBe(Number(largest.toPrecision(3)))
    const diagnosis = (await box.getByTestId('run-diagnosis').textContent()) ?? ''
    expect(diagnosis).toMatch(
      /local minimum, where the loss rises in every\s+direction, is not checked/,
    )
    await screenshot(page, 'xor-stuck-1280')
    expect(errors).toEqual([])
  })

  it('keeps every control in the link, and a link opens the same run at the same update', async () => {
    const query = 'v=1&seed=12&lr=2&n=3000&act=leaky_relu&init=xavier&h=4&loss=mse&at=1234'
    opened = await openPage(`#/xor-221?${query}`)
    const { page, errors } = opened
    const box = inspector(page)
    await expect
      .poll(() => box.getByTestId('train-count').textContent(), { timeout: 20_000 })
      .toBe('update 1,234 of 3,000')
    expect(await box.getByRole('slider', { name: 'Run (seed)' }).inputValue()).toBe('12')
    expect(await box.getByRole('textbox', { name: 'Learning rate η, typed' }).inputValue()).toBe(
      '2',
    )
    expect(await box.getByRole('slider', { name: 'Updates' }).inputValue()).toBe('3000')
    expect(await box.getByRole('slider', { name: 'Hidden units' }).inputValue()).toBe('4')
    expect(await box.getByLabel('Hidden activation').inputValue()).toBe('leaky_relu')
    expect(await box.getByLabel('Initialisation').inputValue()).toBe('xavier')
    expect(await box.getByRole('combobox', { name: /^Loss/ }).inputValue()).toBe('mse')
    const options = { hidden: 4, eta: 2, act: 'leaky_relu', init: 'xavier', loss: 'mse' } as const
    expect(await shown(page, 'now')).toEqual(six(refTrain(12, 1234, options)))
    expect(await shown(page, 'end')).toEqual(six(refTrain(12, 3000, options)))
    // the address carries what is on screen: change each control and read it back
    const hash = () => page.evaluate(() => decodeURIComponent(location.hash))
    await box.getByLabel('Hidden activation').selectOption('tanh')
    await box.getByLabel('Initialisation').selectOption('he')
    await box.getByRole('combobox', { name: /^Loss/ }).selectOption('bce')
    const eta = box.getByRole('textbox', { name: 'Learning rate η, typed' })
    await eta.fill('0.00001')
    await eta.press('Enter')
    await box.getByRole('slider', { name: 'Hidden units' }).fill('3')
    await box.getByRole('slider', { name: 'Updates' }).fill('500')
    await box.getByRole('slider', { name: 'Run (seed)' }).fill('99')
    await box.getByRole('slider', { name: 'Update shown' }).fill('77')
    await expect
      .poll(hash)
      .toMatch(/^#\/xor-221\?v=1&seed=99&lr=0\.00001&n=500&act=tanh&h=3&at=77&exseed=\d+$/)
    // … and that link opens the same again
    const url = await page.evaluate(() => location.href)
    await opened.close()
    opened = await openPage(url.slice(url.indexOf('#')))
    const again = inspector(opened.page)
    await expect
      .poll(() => again.getByTestId('train-count').textContent(), { timeout: 20_000 })
      .toBe('update 77 of 500')
    expect(await again.getByLabel('Hidden activation').inputValue()).toBe('tanh')
    expect(await shown(opened.page, 'now')).toEqual(
      six(refTrain(99, 77, { hidden: 3, eta: 1e-5, act: 'tanh' })),
    )
    expect(errors).toEqual([])
    expect(opened.errors).toEqual([])
  })

  it('fits a 390 px screen and tells an embedding page each update of the inspected run', async () => {
    const app = new URL('index.html?embed=1#/xor-221?v=1&at=0&n=100', inject('baseURL')).href
    opened = await openPage('', { viewport: { width: 390, height: 844 } })
    const { page } = opened
    await page.setContent(
      `<iframe src="${app}" style="width:380px;height:3000px;border:0"></iframe>`,
    )
    await page.evaluate(() => {
      const w = window as unknown as { posted: unknown[] }
      w.posted = []
      addEventListener('message', (e) => {
        if (String(e.data?.type).startsWith('backprop-lab:')) w.posted.push(e.data)
      })
    })
    const frame = page.frameLocator('iframe')
    const box = frame.locator('section', {
      has: frame.getByRole('heading', { name: 'Inspect one run, update by update' }),
    })
    await box.getByTestId('run-class').waitFor({ timeout: 20_000 })
    await box.getByTestId('speed').selectOption('max')
    await box.getByRole('button', { name: 'Play (inspected run)', exact: true }).click()
    await expect.poll(() => box.getByTestId('train-count').textContent()).toBe('update 100 of 100')
    const posted = () =>
      page.evaluate(
        () => (window as unknown as { posted: { type: string; updates?: number }[] }).posted,
      )
    await expect
      .poll(async () =>
        Math.max(
          0,
          ...(await posted()).filter((m) => m.type === 'backprop-lab:step').map((m) => m.updates!),
        ),
      )
      .toBe(100)
    // the phone page itself: no sideways scroll, the inspector's maps and tables in view one by one
    await opened.close()
    opened = await openPage('#/xor-221', { viewport: { width: 390, height: 844 } })
    await inspector(opened.page).getByTestId('run-class').waitFor({ timeout: 20_000 })
    expect(
      await opened.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBe(0)
    await screenshot(opened.page, 'xor-inspector-390')
    expect(opened.errors).toEqual([])
  })
})
