// The training core (#11) in Chromium: a divergence is named by one number everywhere (status, chart,
// message), computed here independently; Pause and Resume after the planned end; the embed's
// `converged` at the exact update.
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage, scrollIntoView } from './utils'

/**
 * sigmoid-221's weights with both layers linear, no biases, ½-SSE, trained by plain gradient descent
 * in JavaScript: the number of updates after which the loss is first not finite or above 1000 × the
 * first loss (the engine's stated rule), or null.
 */
function divergesAfter(eta: number): { updates: number; loss: number } | null {
  let W1 = [
    [0.3, 0.6],
    [-0.4, 0.2],
  ]
  let W2 = [0.7, -0.5]
  const x = [0.5, 0.8]
  const t = 1
  let first = NaN
  for (let n = 0; n < 100_000; n++) {
    const h = W1.map((row) => row[0] * x[0] + row[1] * x[1])
    const o = W2[0] * h[0] + W2[1] * h[1]
    const E = 0.5 * (o - t) ** 2
    if (Number.isNaN(first)) first = E
    if (!Number.isFinite(E) || E > 1000 * first) return { updates: n, loss: E }
    const d = o - t
    const dh = W2.map((w) => w * d)
    W2 = W2.map((w, j) => w - eta * d * h[j])
    W1 = W1.map((row, j) => row.map((w, i) => w - eta * dh[j] * x[i]))
  }
  return null
}

/**
 * The notes' classic 2-2-2 sigmoid network (inputs 0.05, 0.10; targets 0.01, 0.99; biases 0.35 and
 * 0.60, not trained; η = 0.5) trained by plain gradient descent in JavaScript until `stop` holds for
 * the update count n and E_total = Σ ½(t − out)² after n updates; returns that n and loss.
 */
function classicRun(stop: (n: number, E: number) => boolean): { updates: number; loss: number } {
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))
  const x = [0.05, 0.1]
  const t = [0.01, 0.99]
  const [b1, b2] = [0.35, 0.6]
  let W1 = [
    [0.15, 0.2],
    [0.25, 0.3],
  ]
  let W2 = [
    [0.4, 0.45],
    [0.5, 0.55],
  ]
  for (let n = 0; ; n++) {
    const h = W1.map((row) => sigmoid(row[0] * x[0] + row[1] * x[1] + b1))
    const o = W2.map((row) => sigmoid(row[0] * h[0] + row[1] * h[1] + b2))
    const E = 0.5 * (t[0] - o[0]) ** 2 + 0.5 * (t[1] - o[1]) ** 2
    if (stop(n, E)) return { updates: n, loss: E }
    const dOut = o.map((ok, k) => (ok - t[k]) * ok * (1 - ok))
    const dHid = h.map((hj, j) => (dOut[0] * W2[0][j] + dOut[1] * W2[1][j]) * hj * (1 - hj))
    W2 = W2.map((row, k) => row.map((w, j) => w - 0.5 * dOut[k] * h[j]))
    W1 = W1.map((row, j) => row.map((w, i) => w - 0.5 * dHid[j] * x[i]))
  }
}

/** The first update count after which the classic network's E_total is below 0.001, and that loss. */
const classicConvergesAt = () => classicRun((_, E) => E < 0.001)

describe('training core', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('Reset returns to the learner’s own start: η set before training is kept (lower η, then Reset)', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    const eta = page.getByLabel('Learning rate η')
    await eta.fill('0.7')
    await eta.press('Enter')
    for (let k = 0; k < 3; k++)
      await page.getByRole('button', { name: 'Step', exact: true }).click()
    await expect.poll(() => page.locator('.workspace__status').textContent()).toContain('3 updates')
    await page.getByRole('button', { name: 'Reset', exact: true }).click()
    await expect.poll(() => page.getByTestId('stage').textContent()).toBe('Ready')
    expect(await eta.inputValue()).toBe('0.7')
    expect(decodeURIComponent(page.url())).toContain('0.7')
    expect(errors).toEqual([])
  })

  it('names a divergence by the same update on the status, the chart and the message', async () => {
    const expected = divergesAfter(2)
    expect(expected?.updates).toBeGreaterThan(1)
    const n = expected!.updates
    opened = await openPage('#/sigmoid-221')
    const { page, errors } = opened
    await page.getByLabel('Hidden layer 1 activation').selectOption('linear')
    await page.getByLabel('Output layer activation').selectOption('linear')
    const eta = page.getByLabel('Learning rate η')
    await eta.fill('2')
    await eta.press('Enter')
    await page.getByRole('button', { name: 'Train', exact: true }).click()
    const message = page.getByTestId('train-message')
    await expect.poll(() => message.textContent(), { timeout: 20_000 }).toContain('diverged')
    expect(await message.textContent()).toContain(`Training diverged after ${n} updates: the loss`)
    expect(await page.locator('.workspace__status').textContent()).toContain(`${n} updates`)
    const chart = async () =>
      JSON.parse((await page.locator('.loss-chart').getAttribute('data-chart')) ?? '{}') as {
        series?: { label: string; last: { x: number; y: number } | null }[]
      }
    await expect
      .poll(async () => (await chart()).series?.find((s) => s.label === 'diverged')?.last?.x)
      .toBe(n)
    const curve = (await chart()).series?.[0]
    expect(curve?.last?.x).toBe(n - 1) // the loss after n − 1 updates: the last within the cut-off
    expect(await page.locator('.loss-chart').textContent()).toContain(`diverged after ${n} updates`)
    await screenshot(page, 'training-core-diverged-1280')
    expect(errors).toEqual([])
  })

  it.each([
    // full batch, ReLU at η = 10: past the cut-off after the first update (its loss is then ~10¹²)
    ['v=1&d=plane&h=8,8&act=relu&lr=10&bs=0', 'relu-10'],
    // tanh at η = 3, mini-batches: a few updates, all inside the first snapshot of the chart
    ['v=1&d=plane&h=8,8&act=tanh&lr=3', 'tanh-3'],
  ])(
    'the playground (%s) names its divergence by one update on the status, the chart and the message',
    async (query, name) => {
      opened = await openPage(`#/playground?${query}`)
      const { page, errors } = opened
      const chart = page.locator('[data-chart]').first()
      await scrollIntoView(chart) // a chart off screen is drawn when it comes into view
      await page.getByRole('button', { name: /^(Train|Resume)$/ }).click()
      const message = page.getByTestId('train-message')
      await expect.poll(() => message.textContent(), { timeout: 20_000 }).toContain('diverged')
      const said = /diverged after ([\d,]+) updates?: .* passed the cut-off ([\d.]+)/.exec(
        (await message.textContent()) ?? '',
      )
      expect(said).not.toBeNull()
      const [n, cutoff] = [Number(said![1].replace(/,/g, '')), Number(said![2])]
      expect(Number((await page.getByTestId('updates').textContent())?.replace(/,/g, ''))).toBe(n)
      type Drawn = { label: string; points: number; last: { x: number; y: number } | null }
      const drawn = async () =>
        (JSON.parse((await chart.getAttribute('data-chart')) ?? '{}') as { series?: Drawn[] })
          .series ?? []
      // the mark says the message's number, where the message says
      await expect
        .poll(async () => (await drawn()).find((s) => s.label === 'diverged')?.last?.x)
        .toBe(n)
      expect(await chart.textContent()).not.toContain('No updates yet')
      // the curve stops before it: every loss drawn is within the cut-off (the axis stays readable)
      const train = (await drawn()).find((s) => s.label === 'training data loss')!
      expect(train.last!.x).toBeLessThan(n)
      const y = JSON.parse((await chart.getAttribute('data-chart')) ?? '{}') as {
        y: { max: number }
      }
      expect(y.y.max).toBeLessThanOrEqual(cutoff)
      await screenshot(page, `training-core-playground-diverged-${name}`)
      expect(errors).toEqual([])
    },
  )

  it('batch-vs-sgd at η = 100: no curve draws a loss past its run’s cut-off', async () => {
    opened = await openPage('#/batch-vs-sgd?v=1&lr=100&pace=max')
    const { page, errors } = opened
    await expect
      .poll(() => page.getByTestId('train-message').textContent(), { timeout: 30_000 })
      .toBe('Every run diverged. Lower η and press Reset, or switch on “Standardise data”.')
    // Each run's own cut-off, from its row of the table: "… passed the cut-off 392300 (1000 × …)".
    const cutoffs = new Map<string, number>()
    for (const row of await page.locator('tr', { hasText: 'passed the cut-off' }).all()) {
      const text = (await row.textContent()) ?? ''
      const name = (await row.locator('td, th').first().textContent())?.trim() ?? ''
      cutoffs.set(name, Number(/passed the cut-off ([\d.]+)/.exec(text)![1]))
    }
    expect(cutoffs.size).toBe(3)
    for (const chart of await page.locator('[data-chart]').all()) {
      await scrollIntoView(chart) // a chart off screen is drawn when it comes into view
      const drawn = async () =>
        (
          JSON.parse((await chart.getAttribute('data-chart')) ?? '{}') as {
            series?: { label: string; last: { x: number; y: number } | null }[]
          }
        ).series ?? []
      await expect.poll(async () => (await drawn()).length).toBe(3)
      for (const s of await drawn()) {
        // the message rounds the cut-off to 4 digits: 0.1 % of slack
        expect(s.last!.y, s.label).toBeLessThanOrEqual(cutoffs.get(s.label)! * 1.001)
      }
    }
    expect(errors).toEqual([])
  })

  it('tells an embedding page it converged at the exact update, whatever the chunk size', async () => {
    const expected = classicConvergesAt()
    opened = await openPage('element-example.html')
    const { page, errors } = opened
    const first = page.locator('#first')
    await first.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 20_000 })
    await page.evaluate(() => {
      const seen: unknown[] = []
      ;(window as unknown as { seen: unknown[] }).seen = seen
      document
        .querySelector('#first')
        ?.addEventListener('backprop-lab:converged', (e) => seen.push((e as CustomEvent).detail))
    })
    // As fast as it goes: chunks of many updates, so the chunk's end is not the answer.
    await first.getByTestId('speed').selectOption('max')
    await first.getByRole('button', { name: 'Train', exact: true }).click()
    const seen = () => page.evaluate(() => (window as unknown as { seen: unknown[] }).seen)
    await expect.poll(async () => (await seen()).length, { timeout: 30_000 }).toBe(1)
    const [event] = (await seen()) as { updates: number; loss: number; lesson: string }[]
    expect(event.lesson).toBe('step-by-step-222')
    expect(event.updates).toBe(expected.updates)
    expect(event.loss).toBeCloseTo(expected.loss, 12)
    expect(errors).toEqual([])
  })

  it('the status and the loss chart read the same update count at every frame drawn (Steps, then Train)', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    const step = page.getByRole('button', { name: 'Step', exact: true })
    for (let k = 0; k < 3; k++) await step.click()
    const after3 = classicRun((n) => n === 3)
    await expect.poll(() => page.locator('.workspace__status').textContent()).toContain('3 updates')
    const stage = page.getByTestId('stage')
    expect(await stage.textContent()).toBe('After Update')
    // the chart's last point is the loss after the 3rd update, as the status counts
    const latest = page.locator('.loss-chart__latest')
    expect(await latest.textContent()).toContain('after 3 updates')
    expect(Number(/= ([\d.]+)/.exec((await latest.textContent()) ?? '')?.[1])).toBeCloseTo(
      after3.loss,
      9,
    )
    const lastX = async () =>
      (
        JSON.parse((await page.locator('.loss-chart').getAttribute('data-chart')) ?? '{}') as {
          series: { last: { x: number } | null }[]
        }
      ).series[0].last?.x
    expect(await lastX()).toBe(3)

    // Training at its default pace (one update every frame or two), with the chart on screen (one off
    // screen is drawn when it comes into view): sample both on 90 animation frames. What is shown
    // follows the engine every few frames, one snapshot for all, so they agree on every frame drawn.
    await scrollIntoView(page.locator('.loss-chart'))
    await page.getByRole('button', { name: 'Train', exact: true }).click()
    const seen = await page.evaluate(
      () =>
        new Promise<{ status: number; text: number; drawn: number }[]>((resolve) => {
          const count = (sel: string, re: RegExp) =>
            Number(re.exec(document.querySelector(sel)?.textContent ?? '')?.[1].replace(/,/g, ''))
          const out: { status: number; text: number; drawn: number }[] = []
          const tick = () => {
            const chart = (document.querySelector('.loss-chart') as HTMLElement).dataset.chart
            out.push({
              status: count('.workspace__status', /([\d,]+) updates?/),
              text: count('.loss-chart__latest', /after ([\d,]+) update/),
              drawn: (JSON.parse(chart ?? '{}') as { series: { last: { x: number } }[] }).series[0]
                .last.x,
            })
            if (out.length < 90) requestAnimationFrame(tick)
            else resolve(out)
          }
          requestAnimationFrame(tick)
        }),
    )
    expect(await stage.textContent()).toBe('Training')
    await page.getByRole('button', { name: 'Pause', exact: true }).click()
    expect(seen[seen.length - 1].status).toBeGreaterThan(3) // it trained while we looked
    // Paused (beside Resume): the numbers are a forward and backward pass at the trained weights.
    await expect.poll(() => stage.textContent()).toBe('Paused')
    await page.getByRole('button', { name: 'Forward', exact: true }).click()
    expect(await stage.textContent()).toBe('After Forward')
    const disagree = seen.filter((s) => s.text !== s.status || s.drawn !== s.status)
    expect(disagree).toEqual([])
    await screenshot(page, 'training-core-status-chart-1280')
    expect(errors).toEqual([])
  })

  it('learning-rate live run: the table’s count, SGD’s curve and SGD’s written-out update agree at every frame drawn', async () => {
    opened = await openPage('#/learning-rate')
    const { page, errors } = opened
    const live = page.locator('section[aria-labelledby=lr-live-h]')
    await live.getByRole('button', { name: 'Pause (live run)', exact: true }).click()
    await live.getByRole('button', { name: 'Reset (live run)', exact: true }).click()
    const step = live.getByRole('button', { name: 'Step (live run)', exact: true })
    for (let k = 0; k < 2; k++) await step.click()
    await expect.poll(() => live.getByTestId('rule-sgd').textContent()).toContain('Update 2 ')
    // At its default pace (60 updates/s, about one a frame) with the chart on screen, sampled on 90
    // animation frames: the three follow the engine every few frames, from one snapshot.
    await scrollIntoView(live.getByTestId('live-curves'))
    await live.getByRole('button', { name: 'Train (live run)', exact: true }).click()
    const seen = await page.evaluate(
      () =>
        new Promise<{ caption: number; rule: number; drawn: number }[]>((resolve) => {
          const section = document.querySelector('section[aria-labelledby=lr-live-h]')!
          const count = (sel: string, re: RegExp) =>
            Number(re.exec(section.querySelector(sel)?.textContent ?? '')?.[1].replace(/,/g, ''))
          const out: { caption: number; rule: number; drawn: number }[] = []
          const tick = () => {
            const chart = (section.querySelector('[data-testid=live-curves]') as HTMLElement)
              .dataset.chart
            out.push({
              caption: count('table caption', /After\s+([\d,]+)\s+updates?/),
              rule: count('[data-testid=rule-sgd]', /Update ([\d,]+) /),
              drawn: (JSON.parse(chart ?? '{}') as { series: { last: { x: number } }[] }).series[0]
                .last.x,
            })
            if (out.length < 90) requestAnimationFrame(tick)
            else resolve(out)
          }
          requestAnimationFrame(tick)
        }),
    )
    await live.getByRole('button', { name: 'Pause (live run)', exact: true }).click()
    expect(seen[0].caption).toBeGreaterThanOrEqual(2)
    expect(seen[seen.length - 1].caption).toBeGreaterThan(2) // it trained while we looked
    const disagree = seen.filter((s) => s.rule !== s.caption || s.drawn !== s.caption)
    expect(disagree).toEqual([])
    expect(errors).toEqual([])
  })

  // A page with several loops: a screen reader's list of buttons read "Reset" three times on the
  // learning-rate page (live run, sweep, landscape). Each control's name ends with its loop's name.
  for (const [id, runs] of [
    ['learning-rate', ['live run', 'sweep', 'landscape']],
    ['xor-221', ['100 starts', 'inspected run']],
  ] as const)
    it(`#/${id}: every control of every training toolbar has a name of its own`, async () => {
      opened = await openPage(`#/${id}`)
      const { page, errors } = opened
      const toolbars = page.getByRole('toolbar', { name: /^Training/ })
      await expect.poll(() => toolbars.count(), { timeout: 30_000 }).toBe(runs.length)
      for (const run of runs) {
        const toolbar = page.getByRole('toolbar', { name: `Training (${run})`, exact: true })
        const all = toolbar.getByRole('button')
        const named = toolbar.getByRole('button', { name: new RegExp(`^\\S.* \\(${run}\\)$`) })
        expect(await all.count()).toBeGreaterThanOrEqual(2)
        expect(await named.count()).toBe(await all.count())
        expect(await toolbar.getByRole('combobox', { name: `Speed (${run})` }).count()).toBe(1)
      }
      if (id === 'learning-rate') {
        expect(await page.getByRole('button', { name: 'Reset', exact: true }).count()).toBe(0)
        for (const run of runs)
          expect(await page.getByRole('button', { name: `Reset (${run})` }).count()).toBe(1)
      }
      expect(errors).toEqual([])
    })
})
