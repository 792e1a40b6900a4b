// The playground's output picture in Chromium (issue 15): numbered x₁/x₂ axes that match where the data
// is drawn, a colour bar whose colours are the picture's, "Discretize output" (two colours only, kept in
// the shared link with every other view toggle), a hidden neuron's map shown large (mouse and keyboard)
// whose pixels match a forward pass by hand, and the diagram's tooltip kept off the network.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage, scrollIntoView } from './utils'

const dir = mkdtempSync(join(tmpdir(), 'bl-pgheat-'))
type Box = { x: number; y: number; width: number; height: number }
type Rgb = [number, number, number]

/** Exactly `n` updates with the Step button (one update each), whatever the machine's speed. */
async function steps(page: Page, n: number): Promise<void> {
  const step = page.getByRole('button', { name: 'Step' })
  const start = Number(await page.getByTestId('updates').textContent())
  for (let k = 0; k < n; k++) await step.click()
  await expect.poll(() => page.getByTestId('updates').textContent()).toBe(String(start + n))
}

/** Every pixel of the output heatmap's canvas (RGBA rows), and its size. */
const heatmapPixels = (page: Page) =>
  page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="plane-map"] .heatmap')!
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
    return { n: c.width, data: [...data] }
  })

/** The distinct colours of RGBA bytes, as 'r,g,b' strings. */
function colours(data: number[]): Set<string> {
  const out = new Set<string>()
  for (let k = 0; k < data.length; k += 4) out.add(`${data[k]},${data[k + 1]},${data[k + 2]}`)
  return out
}

/** The app's --pos / --neg colours, read from the page. */
async function tokens(page: Page): Promise<{ pos: Rgb; neg: Rgb }> {
  const hex = await page.evaluate(() => {
    const css = getComputedStyle(document.documentElement)
    return [css.getPropertyValue('--pos'), css.getPropertyValue('--neg')]
  })
  const rgb = (h: string) =>
    [1, 3, 5].map((k) => parseInt(h.trim().slice(k, k + 2), 16)) as unknown as Rgb
  return { pos: rgb(hex[0]), neg: rgb(hex[1]) }
}

/** The heatmap's documented colour rule, derived here: white blended 60 % × strength towards c. */
const blend = (c: Rgb, strength: number): Rgb =>
  c.map((v) => 255 + (v - 255) * 0.6 * Math.min(1, strength)) as unknown as Rgb

const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

async function ticks(page: Page, axis: 'x1' | 'x2') {
  return page
    .getByTestId(`axis-${axis}`)
    .locator('span')
    .evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect()
        return {
          text: e.textContent!.trim(),
          value: Number(e.getAttribute('data-value')),
          box: { x: r.x, y: r.y, width: r.width, height: r.height },
          size: parseFloat(getComputedStyle(e).fontSize),
        }
      }),
    )
}

describe('playground output picture', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it.each([
    { width: 1280, height: 800 },
    { width: 390, height: 800 },
  ])(
    'numbers both axes where the data is drawn and explains the colours (%o)',
    async (viewport) => {
      // One point of the learner's at (4, −2), class 1: where the axes say x₁ = 4 and x₂ = −2.
      opened = await openPage('#/playground?v=1&d=custom&pts=4,-2,1;-4,2,0&test=0', { viewport })
      const { page, errors } = opened
      const plane = page.getByTestId('plane-map')
      await plane.waitFor()
      await scrollIntoView(plane)
      const x1 = await ticks(page, 'x1')
      const x2 = await ticks(page, 'x2')
      const labels = ['−6', '−4', '−2', '0', '2', '4', '6']
      expect(x1.map((t) => t.text)).toEqual(labels)
      expect(x2.map((t) => t.text)).toEqual(labels)
      // Readable: at least 10 px, no two labels of an axis overlapping.
      for (const axis of [x1, x2]) {
        for (const t of axis) expect(t.size).toBeGreaterThanOrEqual(10)
        for (let k = 1; k < axis.length; k++)
          expect(intersects(axis[k - 1].box, axis[k].box)).toBe(false)
      }
      // Each tick sits at its value on the plane (the plane spans −6 … 6 both ways).
      const p = (await plane.boundingBox())!
      const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 })
      for (const t of x1)
        expect(centre(t.box).x).toBeCloseTo(p.x + ((t.value + 6) / 12) * p.width, 0)
      for (const t of x2)
        expect(centre(t.box).y).toBeCloseTo(p.y + ((6 - t.value) / 12) * p.height, 0)
      // The point (4, −2) is drawn under the ticks 4 and −2; nothing is drawn at (−2, 4).
      const at = (x: number, y: number) =>
        page.evaluate(
          ([cx, cy]) => {
            const c = document.querySelector<HTMLCanvasElement>('.pg-output .plane-map__overlay')!
            const r = c.getBoundingClientRect()
            const [px, py] = [((cx - r.x) / r.width) * c.width, ((cy - r.y) / r.height) * c.height]
            return c.getContext('2d')!.getImageData(Math.round(px), Math.round(py), 1, 1).data[3]
          },
          [x, y],
        )
      const [t4, tm2] = [x1.find((t) => t.text === '4')!, x2.find((t) => t.text === '−2')!]
      expect(await at(centre(t4.box).x, centre(tm2.box).y)).toBe(255)
      const [tm2x, t4y] = [x1.find((t) => t.text === '−2')!, x2.find((t) => t.text === '4')!]
      expect(await at(centre(tm2x.box).x, centre(t4y.box).y)).toBe(0)

      // The colour bar: what the colours mean, with numbers, in the picture's own colours.
      const bar = page.getByTestId('colour-bar')
      expect(await bar.textContent()).toContain('Predicted probability of class 1')
      const barTicks = await bar.locator('.pg-bar__tick').allTextContents()
      expect(barTicks.map((t) => t.trim())).toEqual(['0', '0.25', '0.5', '0.75', '1'])
      const strip = await bar.getByTestId('colour-bar-canvas').evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, 1).data
        const px = (i: number) => [d[4 * i], d[4 * i + 1], d[4 * i + 2]]
        return { first: px(0), middle: px((c.width - 1) / 2), last: px(c.width - 1) }
      })
      const { pos, neg } = await tokens(page)
      // probability 0: class 0 at full strength; 0.5: white; 1: class 1 at full strength
      const near = (a: number[], b: number[]) =>
        a.forEach((v, k) => expect(Math.abs(v - b[k])).toBeLessThanOrEqual(1))
      near(strip.first, blend(neg, 1))
      near(strip.middle, [255, 255, 255])
      near(strip.last, blend(pos, 1))
      const b = (await bar.boundingBox())!
      expect(b.x + b.width).toBeLessThanOrEqual(viewport.width)
      const full = await screenshot(page, `playground-axes-${viewport.width}`)
      await page.locator('.pg-result').screenshot({ path: full.replace('.png', '-output.png') })
      expect(errors).toEqual([])
    },
  )

  it('discretizes the output to two colours, and keeps every view toggle in the shared link', async () => {
    opened = await openPage('#/playground?v=1&d=xor&h=4&seed=5&test=30')
    const { page, errors } = opened
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).waitFor()
    await steps(page, 20)
    const { pos, neg } = await tokens(page)
    const before = colours((await heatmapPixels(page)).data)
    expect(before.size).toBeGreaterThan(2)
    await page.getByLabel('Discretize output').check()
    const expected = new Set([
      blend(pos, 1).map(Math.round).join(','),
      blend(neg, 1).map(Math.round).join(','),
    ])
    await expect
      .poll(async () => [...colours((await heatmapPixels(page)).data)].sort())
      .toEqual([...expected].sort())
    expect(await page.getByTestId('colour-bar').textContent()).toContain('Predicted class')
    await screenshot(page, 'playground-discretized-1280')
    // The other view toggles: test points shown, clicks pick the point for the maths, class 0 added.
    await page.getByLabel('Show test points').check()
    await page.getByLabel('Class of added points').selectOption('0')
    await page.getByLabel('picks the point for the maths').check()
    await page.locator('[data-unit="1-3"]').click()
    const query = page.locator('.share-bar')
    await expect.poll(() => query.getAttribute('data-query')).toMatch(/disc=1/)
    const shared = (await query.getAttribute('data-query'))!
    for (const part of ['tst=1', 'disc=1', 'click=pick', 'cls=0', 'map=1', 'unit=4'])
      expect(shared.split('&')).toContain(part)
    await opened.close()

    opened = await openPage(`#/playground?${shared}`)
    const again = opened.page
    await again.getByRole('button', { name: /^(Train|Resume)$/ }).waitFor()
    expect(await again.getByLabel('Discretize output').isChecked()).toBe(true)
    expect(await again.getByLabel('Show test points').isChecked()).toBe(true)
    expect(await again.getByLabel('picks the point for the maths').isChecked()).toBe(true)
    expect(await again.getByLabel('Class of added points').inputValue()).toBe('0')
    expect(await again.getByTestId('enlarged-neuron').textContent()).toContain(
      'neuron 4 of hidden layer 1',
    )
    expect(await again.locator('[data-unit="1-3"]').getAttribute('aria-pressed')).toBe('true')
    // The neuron's map, discretized: two colours only.
    await expect.poll(async () => colours((await heatmapPixels(again)).data).size).toBe(2)
    expect(await again.getByTestId('link-notices').count()).toBe(0)
    // A neuron the network no longer has (its layer removed): the output again, and out of the link.
    await again.getByRole('button', { name: 'Remove the last hidden layer' }).click()
    await expect.poll(() => again.getByTestId('enlarged-neuron').count()).toBe(0)
    await expect
      .poll(() => again.locator('.share-bar').getAttribute('data-query'))
      .not.toMatch(/map=/)
    expect(await again.getByTestId('colour-bar').textContent()).toContain('Predicted class')
    expect(errors).toEqual([])
    expect(opened.errors).toEqual([])
  })

  it('gives three classes one strip each in their colours, and discretizes to those colours', async () => {
    opened = await openPage('#/playground?v=1&d=spiral3&seed=2')
    const { page, errors } = opened
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).waitFor()
    await steps(page, 10)
    const bar = page.getByTestId('colour-bar')
    expect(await bar.textContent()).toContain('Winning class and its predicted probability')
    expect((await bar.locator('.pg-bar__tick').allTextContents()).map((t) => t.trim())).toEqual([
      '0.333',
      '0.667',
      '1',
    ])
    const { pos, neg } = await tokens(page)
    const third = (await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--forward').trim(),
    ))!
    const teal = [1, 3, 5].map((k) => parseInt(third.slice(k, k + 2), 16)) as unknown as Rgb
    const ends = () =>
      bar.getByTestId('colour-bar-canvas').evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
        return Array.from({ length: c.height }, (_, r) => {
          const k = 4 * (r * c.width + c.width - 1)
          return [d[k], d[k + 1], d[k + 2]].join(',')
        })
      })
    // class k at probability 1 is class k's colour at full strength: orange, blue, teal
    const full = [neg, pos, teal].map((c) => blend(c, 1).map(Math.round).join(','))
    expect(await ends()).toEqual(full)
    await page.getByLabel('Discretize output').check()
    await expect
      .poll(async () =>
        [...colours((await heatmapPixels(page)).data)].every((c) => full.includes(c)),
      )
      .toBe(true)
    expect(await bar.textContent()).toContain('Predicted class')
    expect(await ends()).toEqual(full)
    expect(errors).toEqual([])
  })

  it('shows a hidden neuron’s map large from the keyboard, as a forward pass by hand says', async () => {
    opened = await openPage('#/playground?v=1&d=circle&h=4,2&seed=3')
    const { page, errors } = opened
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).waitFor()
    await steps(page, 5)
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download SPEC.json for the command line' }).click(),
    ])
    const path = join(dir, 'spec.json')
    await d.saveAs(path)
    const spec = JSON.parse(readFileSync(path, 'utf8')) as {
      weights: number[][][]
      biases: number[][]
    }
    // Keyboard: Enter on neuron 3 of hidden layer 1.
    await page.locator('[data-unit="1-2"]').focus()
    await page.keyboard.press('Enter')
    const status = page.getByTestId('enlarged-neuron')
    await status.waitFor()
    expect(await status.textContent()).toContain('neuron 3 of hidden layer 1')
    expect(await page.locator('[data-unit="1-2"]').getAttribute('aria-pressed')).toBe('true')
    expect(await page.getByTestId('colour-bar').textContent()).toContain(
      'Activation of neuron 3 of hidden layer 1 (tanh)',
    )
    expect(await page.getByTestId('axis-x1').locator('span').count()).toBe(7)
    // Cells are the centres of a 100 × 100 grid over −6 … 6; a = tanh(w·x + b) by hand, coloured by
    // the heatmap's rule (blue for a ≥ 0, orange below, 60 % × |a| of the way from white).
    const { pos, neg } = await tokens(page)
    const [W, b] = [spec.weights[0][2], spec.biases[0][2]]
    await expect
      .poll(async () => {
        const { n, data } = await heatmapPixels(page)
        const bad: string[] = []
        for (const [r, c] of [
          [0, 0],
          [0, 99],
          [50, 50],
          [99, 0],
          [73, 21],
        ]) {
          const [x1, x2] = [-6 + (c + 0.5) * (12 / n), 6 - (r + 0.5) * (12 / n)]
          const a = Math.tanh(W[0] * x1 + W[1] * x2 + b)
          const want = blend(a >= 0 ? pos : neg, Math.abs(a))
          const got = data.slice(4 * (r * n + c), 4 * (r * n + c) + 3)
          if (got.some((v, k) => Math.abs(v - want[k]) > 1))
            bad.push(`(${r},${c}) ${got} vs ${want}`)
        }
        return bad
      })
      .toEqual([])
    const full = await screenshot(page, 'playground-enlarged-1280')
    await page.locator('.pg-result').screenshot({ path: full.replace('.png', '-output.png') })
    // Space on another neuron shows that one; the way back is a button, by keyboard too.
    await page.locator('[data-unit="2-1"]').focus()
    await page.keyboard.press('Space')
    await expect.poll(() => status.textContent()).toContain('neuron 2 of hidden layer 2')
    expect(await page.locator('[data-unit="1-2"]').getAttribute('aria-pressed')).toBe('false')
    await status.getByRole('button', { name: 'Back to the network’s output' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => status.count()).toBe(0)
    expect(await page.getByTestId('colour-bar').textContent()).toContain(
      'Predicted probability of class 1',
    )
    expect(await page.locator('[data-unit="2-1"]').getAttribute('aria-pressed')).toBe('false')
    expect(errors).toEqual([])
  })

  it.each([
    { width: 1280, height: 800 },
    { width: 390, height: 800 },
  ])('puts the diagram’s tooltip off the network (%o)', async (viewport) => {
    opened = await openPage('#/playground?v=1&d=xor&h=4,4&seed=7', { viewport })
    const { page, errors } = opened
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).waitFor()
    await scrollIntoView(page.locator('.pg-diagram'))
    const nodes = await page.locator('.pg-node').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect()
        return { x: r.x, y: r.y, width: r.width, height: r.height }
      }),
    )
    const tip = page.getByTestId('param-tip')
    const clear = async () => {
      const t = (await tip.boundingBox())!
      return nodes.filter((n) => intersects(t, n)).length
    }
    // Hovering each neuron of the lowest row (the likeliest to be covered) and an edge.
    for (const unit of ['1-3', '2-3', '3-0']) {
      const u = page.locator(`[data-unit="${unit}"]`)
      await u.hover()
      await tip.waitFor()
      expect(await tip.getAttribute('data-key')).toMatch(/^b/)
      expect(await clear()).toBe(0)
    }
    const a = (await page.locator('.pg-node--input').nth(1).boundingBox())!
    const b = (await page.locator('[data-unit="1-3"]').boundingBox())!
    const mid = { x: (a.x + a.width + b.x) / 2, y: (a.y + a.height / 2 + b.y + b.height / 2) / 2 }
    await page.mouse.move(mid.x, mid.y)
    await expect.poll(() => tip.getAttribute('data-key')).toMatch(/^W1/)
    expect(await clear()).toBe(0)
    // …nor the hovered connection's middle.
    const t = (await tip.boundingBox())!
    expect(intersects(t, { x: mid.x - 2, y: mid.y - 2, width: 4, height: 4 })).toBe(false)
    const wide = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(wide).toBe(0)
    const full = await screenshot(page, `playground-tip-${viewport.width}`)
    await page.screenshot({ path: full.replace('.png', '-window.png') })
    expect(errors).toEqual([])
  })
})
