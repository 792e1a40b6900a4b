// The learning-rate lesson's loss landscape (#15): SGD, momentum and Adam walk the loss surface of one
// neuron ŷ = w·x + b, one dot per update. Values are worked out by hand in the test from the lesson's
// four points (x = 1…4, y = 1.2, 2.9, 5.1, 7.0) and the start (w, b) = (−1, 5).
import type { Locator } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage, scrollIntoView } from './utils'

const xs = [1, 2, 3, 4]
const ys = [1.2, 2.9, 5.1, 7.0]
function gradient(w: number, b: number): { gw: number; gb: number } {
  const e = xs.map((x, k) => w * x + b - ys[k])
  return {
    gw: e.reduce((s, v, k) => s + v * xs[k], 0) / 4,
    gb: e.reduce((s, v) => s + v, 0) / 4,
  }
}
const num = (text: string | null) => Number((text ?? '').replace('−', '-'))
/** The table shows 4 significant figures. */
const shown = (x: number) => Number(x.toPrecision(4))
/** The table row of one optimizer: [update, w, b, loss]. */
async function row(section: Locator, name: string): Promise<number[]> {
  const cells = await section
    .getByTestId('landscape-table')
    .getByRole('row', { name: new RegExp(`^\\s*${name}`) })
    .locator('td')
    .allTextContents()
  return cells.map((c) => num(c.replace(/,/g, '')))
}

describe('loss landscape', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('steps each optimizer by its rule, keeps η in the link, and names a diverging SGD run', async () => {
    opened = await openPage('#/learning-rate')
    const { page, errors } = opened
    const section = page.locator('section[aria-labelledby=lr-land-h]')
    // the axes tick the view (w from −2 to 4, b from −4 to 8) at round steps and write negatives
    // with the page's minus sign, as every other number on the page
    await scrollIntoView(section.getByTestId('landscape'))
    const ticks = await section.locator('.landscape__axes text').allTextContents()
    expect(ticks.map((t) => t.trim())).toEqual([
      ...['−2', '−1', '0', '1', '2', '3', '4'],
      ...['−4', '−2', '0', '2', '4', '6', '8'],
      'weight w',
      'bias b',
    ])
    await section
      .getByRole('heading', { name: 'Watch each optimizer walk the loss landscape' })
      .waitFor()
    // Before any update the three optimizers share one point: one ring labelled "start" at (−1, 5),
    // i.e. (1/6 · 360, 3/12 · 360) in plot units, not three dots drawn over each other (only the last
    // optimizer's colour showed)
    const start = section.getByTestId('landscape-start')
    expect((await start.textContent())?.trim()).toBe('start')
    const ring = start.locator('circle')
    expect([await ring.getAttribute('cx'), await ring.getAttribute('cy')].map(Number)).toEqual([
      60, 90,
    ])
    expect(await section.locator('[data-testid^=landscape-path-] circle').count()).toBe(0)
    await section.getByRole('button', { name: 'Step (landscape)', exact: true }).click()
    await section.getByRole('button', { name: 'Step (landscape)', exact: true }).click()
    // By hand, η = 0.1: SGD w₁ = −1 − 0.1·g₀, w₂ = w₁ − 0.1·g₁; momentum (μ = 0.9) w₂ = w₁ − 0.1(0.9 g₀ + g₁).
    const g0 = gradient(-1, 5)
    const w1 = -1 - 0.1 * g0.gw
    const b1 = 5 - 0.1 * g0.gb
    const g1 = gradient(w1, b1)
    const sgd = await row(section, 'SGD')
    expect(sgd[0]).toBe(2)
    expect(sgd[1]).toBe(shown(w1 - 0.1 * g1.gw))
    expect(sgd[2]).toBe(shown(b1 - 0.1 * g1.gb))
    const momentum = await row(section, 'momentum')
    expect(momentum[1]).toBe(shown(w1 - 0.1 * (0.9 * g0.gw + g1.gw))) // 0.589875
    // The momentum rule shows μ·v₁ + g₁ with v₁ = g₀. Read where a learner reads it: while the live
    // run above trains, a formula off screen is typeset when it comes near the screen (#11).
    await scrollIntoView(section.locator('.landscape__rule').nth(1))
    await expect
      .poll(async () => (await section.locator('.landscape__rule').nth(1).textContent()) ?? '')
      .toContain('v2')
    // SGD's line: the start and both updates, in plot units (w from −2 to 4 left to right and b from 8
    // down to −4, each over 360); after Reset and one Step, the start and that one update
    const sgdPath = section.getByTestId('landscape-path-0')
    const line = () => sgdPath.locator('polyline').getAttribute('points')
    const at = (w: number, b: number) =>
      `${(((w + 2) / 6) * 360).toFixed(1)},${(((8 - b) / 12) * 360).toFixed(1)}`
    const w2 = w1 - 0.1 * g1.gw
    const b2 = b1 - 0.1 * g1.gb
    expect(await line()).toBe([at(-1, 5), at(w1, b1), at(w2, b2)].join(' '))
    // its dots: the start and update 1 small (one path of circles, each begun by a move to its
    // centre), update 2, the latest, larger
    const centres = [
      ...((await sgdPath.locator('path').getAttribute('d')) ?? '').matchAll(/M([^m]+)m/g),
    ]
    expect(centres.map((m) => m[1])).toEqual([at(-1, 5), at(w1, b1)])
    const latest = sgdPath.locator('circle')
    const cx = Number(await latest.getAttribute('cx'))
    const cy = Number(await latest.getAttribute('cy'))
    expect(`${cx.toFixed(1)},${cy.toFixed(1)}`).toBe(at(w2, b2))
    expect(await latest.getAttribute('r')).toBe('5')
    await section.getByRole('button', { name: 'Reset (landscape)', exact: true }).click()
    await section.getByRole('button', { name: 'Step (landscape)', exact: true }).click()
    await expect.poll(line).toBe([at(-1, 5), at(w1, b1)].join(' '))
    await section.getByRole('button', { name: 'Step (landscape)', exact: true }).click()
    await expect.poll(line).toBe([at(-1, 5), at(w1, b1), at(w2, b2)].join(' '))
    await screenshot(page, 'loss-landscape-steps-1280')

    // η = 0.3 > 2/λ_max ≈ 0.2395 (λ_max of [[7.5, 2.5], [2.5, 1]] ≈ 8.35): SGD must diverge.
    const eta = section.getByRole('textbox', { name: 'η for the landscape, typed' })
    await eta.fill('0.3')
    await eta.press('Enter')
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('leta=0.3')
    await section.getByTestId('speed').selectOption('max')
    await section.getByRole('button', { name: /^(Train|Resume) \(landscape\)$/ }).click()
    await section.getByText(/SGD diverged at update \d+/).waitFor({ timeout: 30_000 })
    await screenshot(page, 'loss-landscape-diverged-1280')

    // The link brings η back in a fresh page.
    const hash = await page.evaluate(() => location.hash)
    const again = await openPage(hash)
    try {
      const typed = again.page
        .locator('section[aria-labelledby=lr-land-h]')
        .getByRole('textbox', { name: 'η for the landscape, typed' })
      await expect.poll(() => typed.inputValue()).toBe('0.3')
    } finally {
      await again.close()
    }
    expect(errors).toEqual([])
  })
})
