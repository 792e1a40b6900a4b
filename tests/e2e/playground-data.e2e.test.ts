// The playground's data and training behaviour in Chromium (#15): clicked points are training points and
// drawn; what can be kept is kept when a setting changes; the epoch counter; a diverged run is named and
// restarts after the learning rate is lowered. Every count is fixed (Step presses, clicks), never time;
// expected numbers are worked out here by hand.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

const dir = mkdtempSync(join(tmpdir(), 'bl-pgdata-'))
const value = async (page: Page, id: string) =>
  Number(await page.getByTestId(id).getAttribute('data-value'))
const count = async (page: Page, id: string) =>
  Number(await page.getByTestId(id).first().textContent())
const counts = async (page: Page) => {
  const t = (await page.getByText(/\d+ training points, \d+ test points\./).textContent()) ?? ''
  const [, train, test] = /(\d+) training points, (\d+) test points/.exec(t) ?? []
  return { train: Number(train), test: Number(test) }
}
/** The select whose label starts with `name` (its name also holds the chosen option's text). */
const choice = (page: Page, name: string) =>
  page.getByRole('combobox', { name: new RegExp(`^${name}(?! rate)`) })
async function typeEta(page: Page, text: string): Promise<void> {
  const field = page.getByLabel('Learning rate η, typed')
  await field.fill(text)
  await field.press('Enter')
}
async function steps(page: Page, n: number): Promise<void> {
  for (let k = 0; k < n; k++) await page.getByRole('button', { name: 'Step' }).click()
}

describe('playground data and training', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('a clicked point is a training point: 8 clicks, 8 dots drawn, 8 more training points', async () => {
    opened = await openPage('#/playground?v=1&d=gauss&n=20&test=50')
    const { page, errors } = opened
    const plane = page.getByTestId('plane-map')
    await plane.waitFor()
    const before = await counts(page)
    expect(before.train + before.test).toBe(20)
    const box = (await plane.boundingBox())!
    // Eight places on a 4 × 2 grid, away from the generated points' centres (±2, ±2).
    const at = [0.1, 0.3, 0.7, 0.9].flatMap((fx) => [0.5, 0.95].map((fy) => [fx, fy]))
    for (const [fx, fy] of at)
      await plane.click({ position: { x: box.width * fx, y: box.height * fy } })
    await expect.poll(() => counts(page)).toEqual({ train: before.train + 8, test: before.test })
    // Drawn: the points layer (dots only, no heatmap) is painted at every clicked place.
    const painted = await page.evaluate((places) => {
      const c = document.querySelector<HTMLCanvasElement>('.pg-output .plane-map__overlay')!
      const ctx = c.getContext('2d')!
      return places.map(([fx, fy]) => {
        const d = ctx.getImageData(Math.round(fx * c.width), Math.round(fy * c.height), 1, 1).data
        return d[3] > 0
      })
    }, at)
    expect(painted).toEqual(at.map(() => true))
    // Counted in training: one epoch at batch size 10 is ⌈(train + 8) / 10⌉ updates.
    const perEpoch = Math.ceil((before.train + 8) / 10)
    await steps(page, perEpoch)
    expect(await count(page, 'epochs')).toBe(1)
    expect(
      await page.getByText(`passes over the ${before.train + 8} training points`).count(),
    ).toBe(1)
    // The link keeps which points were clicked: the reopened page has the same split.
    await expect.poll(() => page.url()).toContain('clk=8')
    const link = page.url()
    await opened.close()
    opened = await openPage(link.slice(link.indexOf('#')))
    await opened.page.getByTestId('plane-map').waitFor()
    expect(await counts(opened.page)).toEqual({ train: before.train + 8, test: before.test })
    expect(errors).toEqual([])
    expect(opened.errors).toEqual([])
  })

  it('says on the training bar why Train is off with no training points, until one is clicked (#11)', async () => {
    opened = await openPage('#/playground?v=1&d=custom')
    const { page, errors } = opened
    const bar = page.locator('.pg-toolbar')
    const train = bar.getByRole('button', { name: 'Train' })
    await train.waitFor()
    expect(await train.isDisabled()).toBe(true)
    const why = bar.getByTestId('training-waits')
    expect(await why.textContent()).toContain(
      'No training points yet: click the plane or import a CSV.',
    )
    expect(await why.getByRole('button').count()).toBe(0) // no field to go to
    // Nothing is said of training points that do not exist (the engine trains a placeholder row):
    // before, the bar read "training data loss 0.6931" and "training accuracy 100.0 %".
    expect(await bar.getByTestId('train-loss').textContent()).toBe('—')
    expect(await bar.getByTestId('train-accuracy').count()).toBe(0)
    const plane = page.getByTestId('plane-map')
    const box = (await plane.boundingBox())!
    await plane.click({ position: { x: box.width / 2, y: box.height / 2 } })
    await expect.poll(() => train.isDisabled()).toBe(false)
    expect(await why.count()).toBe(0)
    // One training point: a loss of its own, and it is classified right or wrong.
    expect(Number(await bar.getByTestId('train-loss').getAttribute('data-value'))).toBeGreaterThan(
      0,
    )
    expect(['0.0 %', '100.0 %']).toContain(await bar.getByTestId('train-accuracy').textContent())
    expect(errors).toEqual([])
  })

  it('counts epochs as passes over the training set', async () => {
    // 100 training points, batches of 30: ⌈100 / 30⌉ = 4 updates per epoch (the last batch has 10).
    opened = await openPage('#/playground?v=1&d=gauss&n=100&test=0&bs=30')
    const { page, errors } = opened
    await page.getByRole('button', { name: 'Step' }).waitFor()
    await steps(page, 3)
    expect(await count(page, 'updates')).toBe(3)
    expect(await count(page, 'epochs')).toBe(0)
    await steps(page, 1)
    expect(await count(page, 'epochs')).toBe(1)
    await steps(page, 4)
    expect(await count(page, 'updates')).toBe(8)
    expect(await count(page, 'epochs')).toBe(2)
    expect(errors).toEqual([])
  })

  it('keeps the trained weights through data and training settings; a new architecture says it re-initialised', async () => {
    opened = await openPage('#/playground?v=1&d=circle&n=100&test=0&h=4&bs=10')
    const { page, errors } = opened
    await page.getByRole('button', { name: 'Step' }).waitFor()
    await steps(page, 5)
    const trained = await value(page, 'train-loss')
    const fresh = { updates: 5, loss: trained }
    const select = (name: string) => choice(page, name)
    // Batch size, learning rate and regularisation: the same weights, so the same loss on the same data.
    await select('Batch size').selectOption('20')
    await typeEta(page, '0.1')
    await select('Regularisation').selectOption('l2')
    expect(await count(page, 'updates')).toBe(fresh.updates)
    expect(await value(page, 'train-loss')).toBe(fresh.loss)
    // Activation: the same weights through another function; the count goes on.
    await select('Activation').selectOption('relu')
    expect(await count(page, 'updates')).toBe(fresh.updates)
    await steps(page, 1)
    expect(await count(page, 'updates')).toBe(fresh.updates + 1)
    expect(await page.getByTestId('train-notice').count()).toBe(0)
    // Training keeps running through a change that keeps the weights.
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).click()
    await select('Batch size').selectOption('5')
    expect(await page.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true)
    await page.getByTestId('plane-map').click({ position: { x: 20, y: 20 } })
    await page.getByText('101 training points, 0 test points.').waitFor()
    expect(await page.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true)
    await page.getByRole('button', { name: 'Pause' }).click()
    expect(await count(page, 'updates')).toBeGreaterThan(fresh.updates)
    // A neuron more: new weights, said in words, counts from 0.
    await page.getByRole('button', { name: 'Add a neuron to hidden layer 1' }).click()
    await page.getByText('New architecture: weights re-initialised.').waitFor()
    expect(await count(page, 'updates')).toBe(0)
    expect(await count(page, 'epochs')).toBe(0)
    await screenshot(page, 'playground-kept-1280')
    expect(errors).toEqual([])
  })

  it('names a diverged run beside the picture; a lower learning rate and Play train again', async () => {
    opened = await openPage('#/playground?v=1&d=plane&h=8,8&act=relu&lr=10&bs=0')
    const { page, errors } = opened
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).click()
    await page.getByTestId('diverged-note').waitFor({ timeout: 10_000 })
    expect(await page.getByTestId('diverged-note').textContent()).toContain('Diverged')
    await screenshot(page, 'playground-diverged-1280')
    await typeEta(page, '0.01')
    await page.getByText(/starts again from new first weights/).waitFor()
    expect(await page.getByTestId('train-message').count()).toBe(0)
    expect(await page.getByTestId('diverged-note').count()).toBe(0)
    await steps(page, 3)
    expect(await count(page, 'updates')).toBe(3)
    expect(Number.isFinite(await value(page, 'train-loss'))).toBe(true)
    expect(errors).toEqual([])
  })

  it('names a loss that oscillates (measured: it rose again and again), never at a small η', async () => {
    opened = await openPage('#/playground?v=1&lr=100')
    const { page, errors } = opened
    await page.getByTestId('plane-map').waitFor()
    // The training data loss before and after each of 40 updates (full precision, from the page).
    const losses = [await value(page, 'train-loss')]
    for (let k = 1; k <= 40; k++) {
      await page.getByRole('button', { name: 'Step' }).click()
      await expect.poll(() => count(page, 'updates')).toBe(k)
      losses.push(await value(page, 'train-loss'))
    }
    // By hand: rises of more than 5 % between consecutive points among the last 10 of the 41.
    const last = losses.slice(-10)
    const rises = last.filter((v, k) => k > 0 && v > last[k - 1] * 1.05).length
    expect(rises).toBeGreaterThanOrEqual(3)
    const note = page.getByTestId('oscillation-note')
    await note.waitFor()
    expect((await note.textContent())!.replace(/\s+/g, ' ')).toContain(
      `rose by more than 5 % ${rises} times in its last 10 points`,
    )
    expect(await page.getByTestId('diverged-note').count()).toBe(0)
    await screenshot(page, 'playground-oscillating-1280')
    await typeEta(page, '0.03')
    await page.getByRole('button', { name: 'Reset' }).click()
    await steps(page, 40)
    expect(await page.getByTestId('oscillation-note').count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('reads ±1 labels as two classes and says so; 10,000 bad lines give a short list', async () => {
    opened = await openPage('#/playground')
    const { page, errors } = opened
    await page.getByTestId('plane-map').waitFor()
    const csv = join(dir, 'tfp.csv')
    writeFileSync(csv, 'x1,x2,label\n1,1,1\n-1,-1,-1\n2,2,1\n-2,-2,-1\n3,1,1\n-3,-1,-1\n')
    await page.getByTestId('import-csv').setInputFiles(csv)
    await page.getByText('2 classes from column label: −1 is class 0', { exact: false }).waitFor()
    // Two classes: the sigmoid output's losses are offered and the key names classes 0 and 1.
    expect(await choice(page, 'Loss').locator('option').count()).toBe(3)
    await page.getByText('Blue: class 1, orange: class 0.').waitFor()
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, ['x1,x2,label', ...Array.from({ length: 10_000 }, () => '1,x,1')].join('\n'))
    await page.getByTestId('import-csv').setInputFiles(bad)
    const list = page.getByRole('status', { name: 'Import and link notices' })
    await list.getByText('… and 9,995 more lines were skipped.').waitFor()
    // The head, the first five lines and the count of the rest.
    expect(await list.locator('li').count()).toBe(7)
    expect(await list.locator('li').nth(1).textContent()).toBe('Line 2: “x” is not a number.')
    expect(errors).toEqual([])
  })

  it('shows the values a link set that no list offers, and takes η from 1e-5 to 100', async () => {
    opened = await openPage('#/playground?v=1&d=gauss&n=15&test=0&lr=0.05&bs=2000&reg=l2&rr=0.5')
    const { page, errors } = opened
    await page.getByTestId('plane-map').waitFor()
    const batch = choice(page, 'Batch size')
    expect(await batch.inputValue()).toBe('2000')
    expect(await batch.locator('option:checked').textContent()).toContain('2000 (from link)')
    const rate = choice(page, 'Regularisation')
    expect(await rate.inputValue()).toBe('l2')
    const lambda = choice(page, 'Regularisation rate')
    expect(await lambda.inputValue()).toBe('0.5')
    expect(await lambda.locator('option:checked').textContent()).toContain('0.5 (from link)')
    expect(await page.getByLabel('Learning rate η, typed').inputValue()).toBe('0.05')
    // The Points slider stands at the 15 points there are, not at a stop of 10.
    expect(await page.getByRole('slider', { name: /^Points/ }).inputValue()).toBe('15')
    expect(await counts(page)).toEqual({ train: 15, test: 0 })
    // η at both ends of the range every lesson uses, kept in the link; beyond it, a message.
    await typeEta(page, '100')
    await expect.poll(() => page.url()).toContain('lr=100')
    await typeEta(page, '0.00001')
    await expect.poll(() => page.url()).toContain('lr=0.00001')
    await typeEta(page, '200')
    await page.getByText('η must be from 1×10⁻⁵ to 100.').waitFor()
    expect(page.url()).toContain('lr=0.00001')
    // One share bar, the app's, whose link keeps the values in use; the page says what it keeps.
    expect(await page.getByTestId('share').count()).toBe(1)
    expect(await page.locator('.share-bar').getAttribute('data-query')).toContain('bs=2000')
    const keeps = (await page.getByTestId('link-keeps').textContent()) ?? ''
    expect(keeps).toContain('not the trained weights')
    // the view settings the link keeps (tst, disc, click, cls, map, unit) are named too
    for (const words of [
      'show test points',
      'discretize output',
      'clicking the plane',
      'class of added points',
      'enlarged neuron’s hidden layer',
      'enlarged neuron',
    ])
      expect(keeps).toContain(words)
    await screenshot(page, 'playground-from-link-1280')
    await page.setViewportSize({ width: 390, height: 800 })
    await screenshot(page, 'playground-from-link-390')
    expect(errors).toEqual([])
  })
})
