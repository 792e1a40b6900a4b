// K classes in the playground, in Chromium (#15): a 4-class CSV is read as four classes (the notice says
// so), trains a softmax output with cross-entropy for a fixed number of Step presses, draws four class
// colours in the output heatmap (canvas pixels read back) and classifies an easily separable set far above
// chance (1/4); SPEC.json and the link keep the four classes. Expected numbers are worked out here.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

const cli = fileURLToPath(new URL('../../wasm/cli/backprop-lab.mjs', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'bl-pgk-'))
const value = async (page: Page, id: string) =>
  Number(await page.getByTestId(id).getAttribute('data-value'))

/** Four clusters, class k in quadrant k + 1 (counter-clockwise from (+, +)), 25 points each on a lattice. */
const CENTRES = [
  [3, 3],
  [-3, 3],
  [-3, -3],
  [3, -3],
]
const rows = CENTRES.flatMap(([cx, cy], label) =>
  Array.from(
    { length: 25 },
    (_, k) => `${cx + ((k % 5) - 2) * 0.4},${cy + (Math.floor(k / 5) - 2) * 0.4},${label}`,
  ),
)

/**
 * Pixels of the output heatmap per class: each non-white pixel is 255 + (c − 255)·s for its class colour
 * c (heatmap.ts), so 255 − pixel points along 255 − c; the class is the token colour whose direction is
 * closest. Returns the share of the canvas each class colours.
 */
async function heatmapShares(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const css = getComputedStyle(document.documentElement)
    const hex = (t: string) => {
      const h = css.getPropertyValue(t).trim().replace('#', '')
      return [0, 2, 4].map((k) => parseInt(h.slice(k, k + 2), 16))
    }
    const dirs = ['--neg', '--pos', '--forward', '--backward'].map((t) => {
      const d = hex(t).map((v) => 255 - v)
      const n = Math.hypot(...d)
      return d.map((v) => v / n)
    })
    const c = document.querySelector<HTMLCanvasElement>('[data-testid=plane-map] .heatmap')!
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
    const counts = [0, 0, 0, 0]
    for (let k = 0; k < px.length; k += 4) {
      const d = [255 - px[k], 255 - px[k + 1], 255 - px[k + 2]]
      const n = Math.hypot(...d)
      if (n < 12) continue // near white: unsure
      const cos = dirs.map((u) => (u[0] * d[0] + u[1] * d[1] + u[2] * d[2]) / n)
      const best = cos.indexOf(Math.max(...cos))
      if (cos[best] > 0.97) counts[best] += 1
    }
    return counts.map((v) => v / (c.width * c.height))
  })
}

describe('playground with K classes', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('a 4-class CSV: notice, softmax + cross-entropy, four colours, accuracy far above 1/4, kept by SPEC.json and the link', async () => {
    // Full-batch Adam at η = 0.05: every Step is one update over all training points.
    opened = await openPage('#/playground?v=1&opt=adam&lr=0.05&bs=0')
    const { page, errors } = opened
    await page.getByTestId('plane-map').waitFor()
    const csv = join(dir, 'four.csv')
    writeFileSync(csv, ['x1,x2,label', ...rows].join('\n') + '\n')
    await page.getByTestId('import-csv').setInputFiles(csv)
    await page.getByText('4 classes from column label: 0, 1, 2, 3.').waitFor()
    await page.getByText('Imported 100 points.').waitFor()
    // One output per class: only cross-entropy fits a softmax layer; the key names four colours.
    const loss = page.getByRole('combobox', { name: /^Loss/ })
    expect(await loss.locator('option').allTextContents()).toEqual(['cross-entropy (softmax)'])
    await page
      .getByText('Orange: class 0, blue: class 1, teal: class 2, purple: class 3.', {
        exact: false,
      })
      .waitFor()
    // 50 % of 100 held out: exactly 50/50.
    await page.getByText('50 training points, 50 test points.').waitFor()
    for (let k = 0; k < 60; k++) await page.getByRole('button', { name: 'Step' }).click()
    expect(Number(await page.getByTestId('updates').textContent())).toBe(60)
    // Separable quadrants: far above chance (0.25) on both sets after 60 updates.
    await expect.poll(() => value(page, 'test-accuracy')).toBeGreaterThan(0.9)
    expect(await value(page, 'train-accuracy')).toBeGreaterThan(0.9)
    // The heatmap: each quadrant its class colour, each class at least a tenth of the plane.
    const shares = await heatmapShares(page)
    console.log(`4-class heatmap shares: ${shares.map((s) => s.toFixed(3)).join(', ')}`)
    for (const s of shares) expect(s).toBeGreaterThan(0.1)
    // The points are drawn in their class colours (a dot's centre: the token colour × 0.85).
    await page.getByLabel('Show test points').check()
    const dots = await page.evaluate((centres) => {
      const c = document.querySelector<HTMLCanvasElement>('.pg-output .plane-map__overlay')!
      const ctx = c.getContext('2d')!
      return centres.map(([x, y]) => {
        const d = ctx.getImageData(
          Math.round(((x + 6) / 12) * c.width),
          Math.round(((6 - y) / 12) * c.height),
          1,
          1,
        ).data
        return [d[0], d[1], d[2]]
      })
    }, CENTRES)
    // #ea580c, #2563eb, #0d9488, #7c3aed (tokens.css) × 0.85, rounded
    const expected = [
      [199, 75, 10],
      [31, 84, 200],
      [11, 126, 116],
      [105, 49, 201],
    ]
    dots.forEach((d, k) =>
      d.forEach((v, j) => expect(Math.abs(v - expected[k][j])).toBeLessThanOrEqual(1)),
    )
    await screenshot(page, 'playground-4-classes-1280')
    // The outputs are named as the classes are, 0 … 3 (not ŷ1 … ŷ4).
    expect(await page.locator('.pg-node__out').allTextContents()).toEqual(['ŷ₀', 'ŷ₁', 'ŷ₂', 'ŷ₃'])
    for (let k = 0; k < 4; k++)
      expect(
        await page.getByRole('button', { name: `class ${k} output: show its maths` }).count(),
      ).toBe(1)

    // SPEC.json: four softmax outputs, cross-entropy, one-hot targets; the command line agrees.
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download SPEC.json for the command line' }).click(),
    ])
    const path = join(dir, 'SPEC.json')
    await d.saveAs(path)
    const spec = JSON.parse(readFileSync(path, 'utf8'))
    expect(spec.layers[spec.layers.length - 1]).toBe(4)
    expect(spec.activations[spec.activations.length - 1]).toBe('softmax')
    expect(spec.loss).toBe('cross_entropy')
    expect(spec.targets).toHaveLength(50)
    for (const t of spec.targets) expect([...t].sort()).toEqual([0, 0, 0, 1])
    const r = spawnSync(process.execPath, [cli, 'trace', path, '--compact'], { encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout).loss).toBe(await value(page, 'train-loss'))

    // The link carries the 100 points (at most 500 travel): a fresh page has the same four classes.
    const query = await page.locator('.share-bar').getAttribute('data-query')
    expect(query).toContain('pts=')
    await page.setViewportSize({ width: 390, height: 800 })
    await screenshot(page, 'playground-4-classes-390')
    expect(errors).toEqual([])
    await opened.close()
    opened = await openPage(`#/playground?${query}`)
    const again = opened.page
    await again
      .getByText('Orange: class 0, blue: class 1, teal: class 2, purple: class 3.', {
        exact: false,
      })
      .waitFor()
    await again.getByText('50 training points, 50 test points.').waitFor()
    expect(opened.errors).toEqual([])
  })

  it('counts in words: 1 test point, 1 update, 1 epoch (a newcomer read “1 test points”, “1 updates”)', async () => {
    // 10 points, 10 % held out: exactly 1 test point (the split holds out round(0.1 × 10) = 1).
    opened = await openPage('#/playground?v=1&d=gauss&n=10&test=10&bs=0')
    const { page, errors } = opened
    await page.getByText('9 training points, 1 test point.').waitFor()
    await page.getByRole('button', { name: 'Step' }).click()
    const stat = (id: string) => page.locator('.pg-stat', { has: page.getByTestId(id) }).innerText()
    await expect.poll(() => stat('updates')).toBe('1 update')
    expect(await stat('epochs')).toBe('1 epoch (passes over the 9 training points)')
    expect(errors).toEqual([])
  })
})
