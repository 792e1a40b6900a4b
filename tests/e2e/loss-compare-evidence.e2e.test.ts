// The loss-compare lesson's evidence (#15): the first gradient under MSE and cross-entropy from the same
// start, σ′(z) per point, when each run first classifies every point right, η in the link, and the
// δ chart drawing |δ| on a log axis. Expected values are computed here by hand from the lesson's data
// (web/src/lessons/loss-compare/lossCompareData.ts, copied below) and docs/spec.md's conventions:
// `mse` = (y − ŷ)² for one output, so δ = 2(a − y)·a(1 − a); `bce` with a sigmoid, δ = a − y; every
// gradient is the mean over the samples.
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'
import { descend, gradient, POINTS, sigmoid, START, type Loss } from '../lossCompareByHand'

/** Plain full-batch gradient descent: the first update after which every point is right (a > ½ ⇔ 1). */
const firstFull = (loss: Loss, eta: number, updates: number) =>
  descend(loss, [[eta, updates]]).first

const grads = async (page: Page, loss: Loss) =>
  (
    await page
      .locator(`[data-testid=lc-first-gradient] tr[data-loss=${loss}] [data-value]`)
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))))
  ).slice(0, 3)

const when = (k: number | null) =>
  k === null ? 'not within 1,500 updates' : `after ${k} update${k === 1 ? '' : 's'}`
/** Waits until the race has trained its planned 1,500 updates (the reached line is then final). */
const planned = (page: Page) =>
  expect
    .poll(() => page.getByTestId('train-message').first().textContent(), { timeout: 60_000 })
    .toContain('Paused after the planned 1,500 updates')

describe('loss-compare evidence', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('shows the first gradients, σ′(z), when each run reaches 100 %, and |δ| on a log axis', async () => {
    opened = await openPage('#/loss-compare?pace=max')
    const { page, errors } = opened
    await page.getByRole('heading', { name: 'The first update, taken apart' }).waitFor()

    const mse = gradient('mse', START.w, START.b)
    const ce = gradient('bce', START.w, START.b)
    // The numbers, as a sanity check of the hand computation itself.
    expect(mse[0]).toBeCloseTo(-0.0053, 4)
    expect(ce[0]).toBeCloseTo(-1.33, 2)
    const shownMse = await grads(page, 'mse')
    const shownCe = await grads(page, 'bce')
    shownMse.forEach((v, k) => expect(v).toBeCloseTo(mse[k], 12))
    shownCe.forEach((v, k) => expect(v).toBeCloseTo(ce[k], 12))
    const ratio = Math.hypot(ce[0], ce[1]) / Math.hypot(mse[0], mse[1])
    expect(await page.getByTestId('lc-ratio').textContent()).toContain(
      `${Math.round(ratio)} times larger`,
    )

    const sigmaPrime = await page
      .locator('[data-testid=lc-sigma-prime] [data-sigma-prime]')
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))))
    expect(sigmaPrime).toHaveLength(POINTS.length)
    POINTS.forEach(([x1, x2], k) => {
      const a = sigmoid(START.w[0] * x1 + START.w[1] * x2 + START.b)
      expect(sigmaPrime[k]).toBeCloseTo(a * (1 - a), 12)
    })

    await planned(page)
    const reached = (await page.getByTestId('lc-reached').textContent()) ?? ''
    const ceAt = firstFull('bce', 0.5, 1500)
    const mseAt = firstFull('mse', 0.5, 1500)
    expect(ceAt).not.toBeNull()
    expect(reached.replace(/\s+/g, ' ')).toContain(
      `Cross-entropy classifies all 12 points right ${when(ceAt)}; MSE ${when(mseAt)}.`,
    )
    console.log(`η = 0.5: cross-entropy 100 % ${when(ceAt)}, MSE ${when(mseAt)}`)

    const delta = page.getByTestId('lc-delta-p')
    await delta.getByRole('checkbox', { name: 'log scale (|δ|)' }).check()
    await expect
      .poll(async () => {
        const s = JSON.parse((await delta.getAttribute('data-chart')) ?? '{}') as {
          y?: { type: string; min: number }
          series?: { last: { x: number; y: number } | null }[]
        }
        return {
          type: s.y?.type,
          positiveMin: (s.y?.min ?? 0) > 0,
          drawn: (s.series ?? []).slice(0, 2).map((d) => d.last !== null && d.last.y > 0),
        }
      })
      .toEqual({ type: 'logarithmic', positiveMin: true, drawn: [true, true] })
    expect(await page.locator('figure[data-testid=lc-delta-p] figcaption').textContent()).toContain(
      'Every δ here is negative',
    )
    await screenshot(page, 'loss-compare-evidence-1280')
    expect(errors).toEqual([])
  })

  it('keeps η in the link, from 1e-5 to 100, and both runs use it', async () => {
    opened = await openPage('#/loss-compare?lr=100&pace=max')
    const { page, errors } = opened
    const field = page.getByRole('textbox', { name: 'Learning rate η (both runs), typed' })
    await expect.poll(() => field.inputValue()).toBe('100')
    await field.fill('0.00001')
    await field.press('Enter')
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/[?&]lr=(0\.00001|1e-5)\b/)
    const hash = await page.evaluate(() => location.hash)
    // A new η keeps the weights; Reset puts both back to the start, and Train runs them at it.
    const race = page.locator('section[aria-labelledby=lc-train-h]')
    await race.getByRole('button', { name: 'Reset', exact: true }).click()
    await race.getByRole('button', { name: 'Train', exact: true }).click()
    await planned(page)
    const reached = (await page.getByTestId('lc-reached').textContent()) ?? ''
    expect(reached.replace(/\s+/g, ' ')).toContain(
      `Cross-entropy classifies all 12 points right ${when(firstFull('bce', 1e-5, 1500))}`,
    )
    await opened.close()

    opened = await openPage(hash, { viewport: { width: 390, height: 800 } })
    const again = opened.page
    await expect
      .poll(() =>
        again.getByRole('textbox', { name: 'Learning rate η (both runs), typed' }).inputValue(),
      )
      .toBe('1×10⁻⁵') // as the slider writes it (#11)
    const overflow = await again.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    await screenshot(again, 'loss-compare-evidence-390')
    expect(overflow).toBe(0)
    expect(errors).toEqual([])
    expect(opened.errors).toEqual([])
  })
})
