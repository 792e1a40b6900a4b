// Issue #11: a divergence is named with ONE update count, and every message, chart mark and text on the
// screen says it. batch-vs-sgd's counts are derived here, independently of the engine; the
// learning-rate lesson's rule panels must name the update its message counts.
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, scrollIntoView, type OpenedPage } from './utils'

let opened: OpenedPage | undefined
afterEach(async () => {
  await opened?.close()
  opened = undefined
})

interface Shown {
  series: { label: string; points: number; last: { x: number; y: number } | null }[]
  labels: { text: string }[]
}
const chart = async (opened: OpenedPage, id: string): Promise<Shown> =>
  JSON.parse(
    (await opened.page.getByTestId(id).first().getAttribute('data-chart')) ?? '{}',
  ) as Shown

/**
 * The notes' table (x₁, x₂ → y), ŷ = w·x + b from w = (0.1, −0.1), b = 0, J = the batch's mean of
 * ½(ŷ − y)², plain gradient descent, batches taken in order. The run stops before an update whose
 * batch loss is past 1000 × the first batch loss: returns the updates made, the loss over all rows
 * then, and the level of the epoch chart's mark: the loss over all rows after the last whole epoch
 * (updates per epoch = ⌈3 / size⌉) that was not past the cut-off, the last loss drawn.
 */
function divergence(
  eta: number,
  size: number,
): { updates: number; allRows: number; level: number } {
  const X = [
    [90, 40],
    [30, 50],
    [20, 60],
  ]
  const Y = [10, 25, 36]
  let w = [0.1, -0.1]
  let b = 0
  const loss = (rows: number[]) =>
    rows.reduce((s, i) => s + 0.5 * (w[0] * X[i][0] + w[1] * X[i][1] + b - Y[i]) ** 2, 0) /
    rows.length
  const batches: number[][] = []
  for (let s = 0; s < 3; s += size) batches.push([0, 1, 2].slice(s, s + size))
  let first = NaN
  // the loss over all rows after the last whole epoch whose loss is not past the cut-off: drawn last
  let level = NaN
  for (let u = 0; u < 10_000; u++) {
    const rows = batches[u % batches.length]
    const j = loss(rows)
    if (Number.isNaN(first)) first = j
    if (!(j <= 1000 * first)) return { updates: u, allRows: loss([0, 1, 2]), level }
    const g = [0, 0]
    let gb = 0
    for (const i of rows) {
      const d = (w[0] * X[i][0] + w[1] * X[i][1] + b - Y[i]) / rows.length
      g[0] += d * X[i][0]
      g[1] += d * X[i][1]
      gb += d
    }
    w = [w[0] - eta * g[0], w[1] - eta * g[1]]
    b -= eta * gb
    const all = loss([0, 1, 2])
    if ((u + 1) % batches.length === 0 && all <= 1000 * first) level = all
  }
  throw new Error('did not diverge')
}

describe('one divergence count on the screen (#11)', () => {
  it('batch-vs-sgd at η = 0.0005: the epoch chart marks the update the message counts', async () => {
    opened = await openPage('#/batch-vs-sgd?lr=0.0005&pace=max')
    const { page, errors } = opened
    const runs = [
      { name: 'per sample (batch size 1)', size: 1 },
      { name: 'mini-batch (size 2)', size: 2 },
      { name: 'full batch (all 3)', size: 3 },
    ].map((r) => ({ ...r, ...divergence(0.0005, r.size), perEpoch: Math.ceil(3 / r.size) }))
    // derived by hand above: 7, 26 and 10 updates (during epoch 3, after epochs 13 and 10)
    expect(runs.map((r) => r.updates)).toEqual([7, 26, 10])
    const rows = page.locator('section[aria-labelledby="bs-h"] table').nth(1).locator('tbody tr')
    await expect
      .poll(() => rows.allTextContents(), { timeout: 30_000 })
      .toEqual([
        expect.stringContaining('diverged after 7 updates'),
        expect.stringContaining('diverged after 26 updates'),
        expect.stringContaining('diverged after 10 updates'),
      ])
    const epochs = await chart(opened, 'bs-epochs')
    const updates = await chart(opened, 'bs-updates')
    for (const [k, r] of runs.entries()) {
      const whole = r.updates % r.perEpoch === 0
      const words = whole
        ? `after epoch ${r.updates / r.perEpoch}`
        : `during epoch ${Math.ceil(r.updates / r.perEpoch)}`
      const row = (await rows.nth(k).textContent()) ?? ''
      expect(row).toContain(`diverged after ${r.updates} updates (${words})`)
      // the epoch chart's mark: at the moment the message names, labelled with it, level with the last
      // loss drawn (never past the cut-off: the loss there is in the message, not on the chart)
      const s = epochs.series.find((c) => c.label === r.name)
      expect(s?.last?.x).toBeCloseTo(r.updates / r.perEpoch, 9)
      expect(s?.last?.y).toBeCloseTo(r.level, 6)
      expect(epochs.labels.map((l) => l.text)).toContain(`diverged ${words}`)
      // the update chart's mark says the same count
      expect(updates.series.find((c) => c.label === r.name)?.last?.x).toBe(r.updates)
      expect(updates.labels.map((l) => l.text)).toContain(`diverged after ${r.updates}`)
      // the full batch's message quotes the loss over all rows that passed the cut-off; the others'
      // batch losses are not what the charts plot, and are not quoted
      const quoted = /the loss (\S+) passed/.exec(row)
      if (r.size === 3)
        expect(Number(quoted?.[1].replace(/,/g, ''))).toBe(Number(r.allRows.toPrecision(4)))
      else expect(quoted).toBeNull()
    }
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 })
      await scrollIntoView(page.getByTestId('bs-epochs').first())
      await screenshot(page, `batch-vs-sgd-diverged-${width}`)
    }
    expect(errors).toEqual([])
  })

  it('learning-rate at η = 3: each rule panel writes out the update its message counts', async () => {
    opened = await openPage('#/learning-rate?v=1&lr=3')
    const { page, errors } = opened
    const live = page.locator('section[aria-labelledby="lr-live-h"]')
    const messages = live.getByTestId('lr-diverged')
    await expect.poll(() => messages.count(), { timeout: 30_000 }).toBe(2)
    const labels = (await chart(opened, 'live-curves')).labels.map((l) => l.text).join(' | ')
    for (const [k, kind] of (['sgd', 'momentum'] as const).entries()) {
      const n = Number(
        /diverged after (\d+) updates?/.exec((await messages.nth(k).textContent()) ?? '')?.[1],
      )
      expect(n).toBeGreaterThan(0)
      expect(labels).toContain(`diverged after ${n}`)
      const rule = live.getByTestId(`rule-${kind}`)
      const text = (await rule.textContent()) ?? ''
      expect(text).not.toContain('Train or Step')
      expect(text).toContain(`Diverged after ${n} update`)
      expect(text).toContain(`Update ${n} of the first weight`)
      expect(await rule.locator('li').count()).toBeGreaterThan(0)
    }
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 })
      await scrollIntoView(live.getByTestId('rule-sgd'))
      await screenshot(page, `learning-rate-diverged-rules-${width}`)
    }
    expect(errors).toEqual([])
  })
})
