// The playground's picture in Chromium (issue 15): a wide network fits its column or says how to see the
// rest, and a clicked parameter's maths comes into view.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, parseShown, screenshot, type OpenedPage, scrollIntoView } from './utils'

const dir = mkdtempSync(join(tmpdir(), 'bl-pgview-'))

interface Spec {
  layers: number[]
  activations: string[]
  loss: string
  inputs: number[][]
  targets: number[][]
  weights: number[][][]
  biases: number[][]
}

async function exportSpec(page: Page): Promise<Spec> {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SPEC.json for the command line' }).click(),
  ])
  const path = join(dir, `spec-${Date.now()}.json`)
  await d.saveAs(path)
  return JSON.parse(readFileSync(path, 'utf8')) as Spec
}

/** Mean binary cross-entropy of a tanh-hidden, sigmoid-output network over the spec's rows, by hand. */
function bceByHand(s: Spec): number {
  let total = 0
  s.inputs.forEach((x, r) => {
    let a = x
    s.weights.forEach((W, l) => {
      const z = W.map((row, j) => row.reduce((t, w, i) => t + w * a[i], s.biases[l][j]))
      a = l === s.weights.length - 1 ? z.map((v) => 1 / (1 + Math.exp(-v))) : z.map(Math.tanh)
    })
    const [p, y] = [a[0], s.targets[r][0]]
    total -= y * Math.log(p) + (1 - y) * Math.log(1 - p)
  })
  return total / s.inputs.length
}

/** A number as the page writes it (Unicode minus). */
const shown = (text: string) => Number(text.replace('−', '-'))

/** Serious and critical axe-core violations, one line each. */
async function serious(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`))
}

type Box = { x: number; y: number; width: number; height: number }
const box = async (page: Page, selector: string): Promise<Box> =>
  (await page.locator(selector).first().boundingBox())!

describe('playground view', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('fits a 6×8 network into its column at 1280 px, and brings the derivation into view', async () => {
    opened = await openPage('#/playground?v=1&d=spiral&h=8,8,8,8,8,8')
    const { page, errors } = opened
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).waitFor()
    const column = await box(page, '.pg-network')
    // Every neuron of all six hidden layers and the output lies inside the column.
    const units = await page.locator('[data-unit]').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect()
        return { left: r.left, right: r.right, width: r.width }
      }),
    )
    expect(units).toHaveLength(6 * 8 + 1)
    for (const u of units) {
      expect(u.left).toBeGreaterThanOrEqual(column.x - 0.5)
      expect(u.right).toBeLessThanOrEqual(column.x + column.width + 0.5)
      expect(u.width).toBeGreaterThanOrEqual(24)
    }
    expect(await page.getByTestId('diagram-cue').count()).toBe(0)
    // Clicking the output neuron opens its maths where the learner can see it.
    await page.locator('[data-unit="7-0"]').click()
    const panel = page.getByTestId('derivation')
    await panel.waitFor()
    await expect
      .poll(async () => (await panel.boundingBox())!.y, { timeout: 5000 })
      .toBeLessThan(800 - 120)
    // …and not under the sticky training bar.
    const bar = (await page.locator('.pg-toolbar').boundingBox())!
    expect((await panel.boundingBox())!.y).toBeGreaterThanOrEqual(bar.y + bar.height)
    await screenshot(page, 'playground-view-wide-1280')
    expect(errors).toEqual([])
  })

  it('fits it at 390 px too, and at 320 px says which layers are out of sight', async () => {
    opened = await openPage('#/playground?v=1&d=spiral&h=8,8,8,8,8,8', {
      viewport: { width: 390, height: 800 },
    })
    const { page, errors } = opened
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).waitFor()
    const diagram = page.locator('.pg-diagram')
    await scrollIntoView(diagram)
    let view = (await diagram.boundingBox())!
    let out = await box(page, '[data-unit="7-0"]')
    expect(out.x + out.width).toBeLessThanOrEqual(view.x + view.width + 0.5)
    expect(out.width).toBeCloseTo(24, 0)
    expect(await page.getByTestId('diagram-cue').count()).toBe(0)
    await screenshot(page, 'playground-view-wide-390')

    // 320 px: even 60 % with the layers 28 px apart is 0.6 × (8·40 + 7·28 + 56) = 343.2 px > 288 px.
    await page.setViewportSize({ width: 320, height: 800 })
    await page.getByTestId('diagram-cue').waitFor()
    view = (await diagram.boundingBox())!
    out = await box(page, '[data-unit="7-0"]')
    expect(out.x + out.width).toBeGreaterThan(view.x + view.width)
    const cue = await page.getByTestId('diagram-cue').textContent()
    expect(cue).toContain('scroll sideways')
    expect(cue).toMatch(/see layer [56] to the output/)
    // The scroll area is keyboard-reachable: arrow keys bring the output into view.
    await diagram.focus()
    for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowRight')
    await expect
      .poll(async () => {
        const b = await box(page, '[data-unit="7-0"]')
        return b.x + b.width <= view.x + view.width + 0.5
      })
      .toBe(true)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320)
    expect(errors).toEqual([])
  })

  it('shows a weight and a bias on hover and focus, and a typed weight changes the output and SPEC.json', async () => {
    opened = await openPage('#/playground?v=1&d=xor&h=3&seed=7&test=0')
    const { page, errors } = opened
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).waitFor()
    const spec = await exportSpec(page)
    expect(spec.activations).toEqual(['tanh', 'sigmoid'])
    expect(spec.loss).toBe('bce')
    // Hover the middle of the edge from x₁ to neuron 1 of hidden layer 1: W1[0][0].
    await scrollIntoView(page.locator('.pg-diagram'))
    const a = await box(page, '.pg-node--input')
    const b = await box(page, '[data-unit="1-0"]')
    const mid = { x: (a.x + a.width + b.x) / 2, y: (a.y + a.height / 2 + b.y + b.height / 2) / 2 }
    await page.mouse.move(mid.x, mid.y)
    const tip = page.getByTestId('param-tip')
    await tip.waitFor()
    expect(await tip.getAttribute('data-key')).toBe('W1[0][0]')
    expect(Number(await tip.getAttribute('data-value'))).toBe(spec.weights[0][0][0])
    const w = shown((await tip.locator('strong').textContent())!.replace('w =', ''))
    expect(Math.abs(w - spec.weights[0][0][0])).toBeLessThanOrEqual(
      5e-6 * Math.abs(spec.weights[0][0][0]),
    )
    expect(await tip.textContent()).toContain('weight from x₁ to neuron 1 of hidden layer 1')
    await screenshot(page, 'playground-view-weight-tip-1280')
    // Keyboard: focusing the output neuron shows its bias and the three weights into it.
    await page.mouse.move(0, 0)
    await page.locator('[data-unit="2-0"]').focus()
    await tip.waitFor()
    expect(await tip.getAttribute('data-key')).toBe('b2[0]')
    expect(Number(await tip.getAttribute('data-value'))).toBe(spec.biases[1][0])
    const text = (await tip.textContent())!
    for (let i = 0; i < 3; i++) {
      const m = new RegExp(`neuron ${i + 1}: (\\S+?)(,|$)`).exec(text)
      expect(Math.abs(shown(m![1]) - spec.weights[1][0][i])).toBeLessThanOrEqual(
        5e-6 * Math.abs(spec.weights[1][0][i]),
      )
    }
    expect(await page.locator('[data-unit="2-0"]').getAttribute('aria-describedby')).toBe(
      await tip.getAttribute('id'),
    )

    // The page's loss agrees with a forward pass by hand on the exported weights.
    const loss0 = Number(await page.getByTestId('train-loss').getAttribute('data-value'))
    expect(loss0).toBeCloseTo(bceByHand(spec), 12)
    // Click the edge, type a new weight: the network, its loss and SPEC.json all take it.
    await page.mouse.click(mid.x, mid.y)
    const panel = page.getByTestId('derivation')
    await panel.waitFor()
    expect(Number(await panel.getByTestId('param-value').getAttribute('data-value'))).toBe(
      spec.weights[0][0][0],
    )
    const input = panel.getByLabel('Set w to')
    await input.fill('abc')
    await input.press('Enter')
    await panel.getByText('“abc” is not a number').waitFor()
    await input.fill('2.5')
    await input.press('Enter')
    await expect
      .poll(async () => Number(await panel.getByTestId('param-value').getAttribute('data-value')))
      .toBe(2.5)
    expect(await panel.getByRole('alert').count()).toBe(0)
    const edited = await exportSpec(page)
    expect(edited.weights[0][0][0]).toBe(2.5)
    expect(edited.weights[0][0][1]).toBe(spec.weights[0][0][1])
    const loss1 = Number(await page.getByTestId('train-loss').getAttribute('data-value'))
    expect(Math.abs(loss1 - loss0)).toBeGreaterThan(1e-6)
    expect(loss1).toBeCloseTo(bceByHand(edited), 12)
    await screenshot(page, 'playground-view-edit-1280')
    expect(errors).toEqual([])
  })

  // At 390 px the plane was 2.5 screens below Train (settings and network first): a learner who pressed
  // Train could not see the boundary move (newcomer). Measured in the page, from Train to the plane.
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ])
    it(`puts the plane within one screen of Train at ${width}×${height}, all of it with Train in sight`, async () => {
      opened = await openPage('#/playground?v=1&d=xor', { viewport: { width, height } })
      const { page, errors } = opened
      const train = page.getByRole('button', { name: 'Train', exact: true })
      await train.waitFor({ timeout: 30_000 })
      await train.evaluate((el) => el.scrollIntoView({ block: 'start' }))
      const inPage = (el: Element) => {
        const r = el.getBoundingClientRect()
        return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY }
      }
      const button = await train.evaluate(inPage)
      const plane = await page.getByTestId('plane-map').evaluate(inPage)
      expect(plane.top).toBeGreaterThan(button.bottom)
      // from the top of Train to the bottom of the plane fits in one screen: press Train, watch it
      expect(plane.bottom - button.top).toBeLessThanOrEqual(height)
      await page.screenshot({
        path: fileURLToPath(
          new URL(
            `../../artifacts/screenshots/playground-train-plane-${width}.png`,
            import.meta.url,
          ),
        ),
      })
      await screenshot(page, `playground-layout-${width}`)
      expect(errors).toEqual([])
    })

  it('keeps Train, the counts and the loss on screen at 390 px while the output is in view', async () => {
    opened = await openPage('#/playground?v=1&d=xor', { viewport: { width: 390, height: 800 } })
    const { page, errors } = opened
    const play = page.getByRole('button', { name: /^(Train|Resume)$/ })
    await play.waitFor()
    const plane = page.getByTestId('plane-map')
    await plane.evaluate((e) => e.scrollIntoView({ block: 'end' }))
    const bar = (await page.locator('.pg-toolbar').boundingBox())!
    const out = (await plane.boundingBox())!
    // The bar is in the window (at its top once the page scrolls under it; the output now comes right
    // under the bar at phone width, so the bar may not have reached the top), the whole output below
    // it and inside the window.
    expect(bar.y).toBeGreaterThanOrEqual(-0.5)
    expect(bar.height).toBeLessThan(160)
    expect(out.y).toBeGreaterThanOrEqual(bar.y + bar.height)
    expect(out.y + out.height).toBeLessThanOrEqual(800 + 0.5)
    // Nothing covers Play, the loss or the output's centre.
    const topmost = (testid: string | null, x: number, y: number) =>
      page.evaluate(
        ([t, px, py]) => {
          const hit = document.elementFromPoint(px as number, py as number)
          return t ? !!hit?.closest(`[data-testid="${t}"]`) : hit?.textContent?.trim()
        },
        [testid, x, y] as const,
      )
    const p = (await play.boundingBox())!
    expect(await topmost(null, p.x + p.width / 2, p.y + p.height / 2)).toBe('Train')
    const loss = (await page.getByTestId('train-loss').boundingBox())!
    expect(await topmost('train-loss', loss.x + loss.width / 2, loss.y + loss.height / 2)).toBe(
      true,
    )
    expect(await topmost('plane-map', out.x + out.width / 2, out.y + out.height / 2)).toBe(true)
    // Train from here: Step counts, the loss changes, the output stays in view.
    const before = Number(await page.getByTestId('train-loss').getAttribute('data-value'))
    await page.getByRole('button', { name: 'Step' }).click()
    await expect.poll(() => page.getByTestId('updates').textContent()).toBe('1')
    expect(Number(await page.getByTestId('train-loss').getAttribute('data-value'))).not.toBe(before)
    expect((await plane.boundingBox())!.y).toBe(out.y)
    // The full-page picture cannot show a sticky bar at work: the window's picture beside it.
    const full = await screenshot(page, 'playground-view-sticky-390')
    await page.screenshot({ path: full.replace('.png', '-window.png') })
    expect(errors).toEqual([])
  })

  // #11: opened while training, the panel read "Now w = 0.268999" beside "Set w to 0.3173937" and a
  // derivative of the weights of an earlier frame. While it trains the box follows the value and takes
  // no input and the derivation waits for a pause; paused, all of them are the weights' now (the
  // exported SPEC.json's).
  for (const width of [390, 1280])
    it(`keeps the weight's panel true while training and after Pause at ${width} px`, async () => {
      opened = await openPage('#/playground?v=1', { viewport: { width, height: 844 } })
      const { page, errors } = opened
      const count = page.getByTestId('updates')
      const updates = async () => Number(((await count.textContent()) ?? '').replace(/[^\d]/g, ''))
      await page.getByRole('button', { name: /^(Train|Resume)$/ }).click()
      await expect.poll(updates).toBeGreaterThan(0)
      const edge = page.locator('[data-param="W1[0][0]"]')
      await edge.focus()
      await edge.press('Enter')
      const panel = page.getByTestId('derivation')
      await panel.waitFor()
      const k = await updates()
      await expect.poll(updates).toBeGreaterThan(k + 5)
      const input = panel.getByLabel('Set w to')
      expect(await input.isDisabled()).toBe(true)
      await panel.getByTestId('derivation-stale').waitFor()
      expect(await panel.getByText('Numerical check').count()).toBe(0)
      // the box and "Now w" read one value, frame after frame (read together in the page)
      const pairs = async () =>
        page.evaluate(() => {
          const d = document.querySelector('[data-testid=derivation]')!
          const now = Number(
            d.querySelector('[data-testid=param-value]')!.getAttribute('data-value'),
          )
          const box = Number(
            (d.querySelector('[data-testid=param-input] input') as HTMLInputElement).value,
          )
          return Math.abs(box - now) <= 5e-7 * Math.max(1, Math.abs(now))
        })
      const k2 = await updates()
      expect(await pairs()).toBe(true)
      await expect.poll(updates).toBeGreaterThan(k2 + 3)
      expect(await pairs()).toBe(true)
      await screenshot(page, `playground-weight-training-${width}`)

      await page.getByRole('button', { name: 'Pause' }).click()
      await expect.poll(() => input.isDisabled()).toBe(false)
      expect(await panel.getByTestId('derivation-stale').count()).toBe(0)
      const spec = await exportSpec(page)
      const w = spec.weights[0][0][0]
      expect(Number(await panel.getByTestId('param-value').getAttribute('data-value'))).toBe(w)
      expect(Math.abs(parseShown(await input.inputValue()) - w)).toBeLessThanOrEqual(
        5e-7 * Math.max(1, Math.abs(w)),
      )
      await panel.getByText('Numerical check').waitFor()
      expect(await panel.textContent()).toContain('they agree')
      await screenshot(page, `playground-weight-paused-${width}`)
      expect(errors).toEqual([])
    })

  it('reaches and selects every weight and bias with the keyboard alone; the link keeps the one open', async () => {
    opened = await openPage('#/playground')
    const { page, errors } = opened
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).waitFor()
    const spec = await exportSpec(page) // 2 inputs, 4 and 2 tanh neurons, 1 output
    const active = () =>
      page.evaluate(() => ({
        key: document.activeElement?.getAttribute('data-param') ?? null,
        label: document.activeElement?.getAttribute('aria-label') ?? '',
        outline: getComputedStyle(document.activeElement!).outlineStyle,
      }))
    // Tab from the top of the page until the keyboard is on a parameter: one tab stop for all of them.
    let now = await active()
    for (let k = 0; k < 200 && !now.key; k++) {
      await page.keyboard.press('Tab')
      now = await active()
    }
    expect(now.key).toBe('b1[0]')
    expect(now.outline).not.toBe('none') // the focus ring shows
    expect(now.label).toMatch(/^bias of neuron 1 of hidden layer 1, layer 1, value \S+$/)
    // Walk the three layers (↓ through each, → to the next): every one of the 25 parameters is reached.
    const seen: string[] = []
    for (let l = 1; l <= 3; l++) {
      await page.keyboard.press('Home')
      for (let k = 0; k < 20; k++) {
        now = await active()
        if (seen.includes(now.key!)) break
        seen.push(now.key!)
        // Its name and value, against SPEC.json (4 significant digits on screen).
        const m = /^(weight|bias) .*, layer (\d), value (\S+)$/.exec(now.label)!
        expect(Number(m[2])).toBe(l)
        const [j, i] = (now.key!.match(/\d+/g) ?? []).slice(1).map(Number)
        const truth = m[1] === 'weight' ? spec.weights[l - 1][j][i] : spec.biases[l - 1][j]
        expect(Math.abs(shown(m[3]) - truth)).toBeLessThanOrEqual(5e-4 * Math.abs(truth))
        await page.keyboard.press('ArrowDown')
      }
      await page.keyboard.press('ArrowRight')
    }
    const all = await page
      .locator('[data-param]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-param')))
    expect(all).toHaveLength(2 * 4 + 4 + 4 * 2 + 2 + 2 + 1)
    expect([...seen].sort()).toEqual([...all].sort())
    // The output layer's last weight (from neuron 2 of hidden layer 2): Enter opens its maths.
    await page.keyboard.press('End')
    now = await active()
    expect(now.key).toBe('W3[0][1]')
    expect(now.label).toContain('weight from neuron 2 of hidden layer 2 to the output, layer 3')
    await page.keyboard.press('Enter')
    const panel = page.getByTestId('derivation')
    await panel.waitFor()
    expect(Number(await panel.getByTestId('param-value').getAttribute('data-value'))).toBe(
      spec.weights[2][0][1],
    )
    await screenshot(page, 'playground-keys-1280')
    // A hidden neuron's bias with Space, from the keyboard too; it goes into the link with its point.
    await page.locator('[data-param="W3[0][1]"]').focus()
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Home')
    expect((await active()).key).toBe('b2[0]')
    await page.keyboard.press('ArrowDown') // W2[0][0]
    await page.keyboard.press('ArrowDown') // W2[0][1]
    await page.keyboard.press('ArrowDown') // W2[0][2]
    await page.keyboard.press('ArrowDown') // W2[0][3]
    await page.keyboard.press('ArrowDown') // b2[1]
    expect((await active()).key).toBe('b2[1]')
    await page.keyboard.press('Space')
    await expect
      .poll(() => panel.locator('#pg-derivation-title').textContent())
      .toContain('neuron 2')
    await panel.getByLabel(/Training point/).fill('7')
    await panel.getByLabel(/Training point/).press('Enter')
    const bar = page.locator('.share-bar')
    await expect
      .poll(async () => new URLSearchParams((await bar.getAttribute('data-query')) ?? '').get('pt'))
      .toBe('7')
    const query = (await bar.getAttribute('data-query'))!
    expect(new URLSearchParams(query).get('sel')).toBe('b2[1]')
    const heading = await panel.locator('#pg-derivation-title').textContent()
    await opened.close()

    // The shared link opens the same maths at the same point, with no notice.
    opened = await openPage(`#/playground?${query}`)
    const again = opened.page.getByTestId('derivation')
    await again.waitFor()
    expect(await again.locator('#pg-derivation-title').textContent()).toBe(heading)
    expect(await again.getByLabel(/Training point/).inputValue()).toBe('7')
    expect(await again.getByRole('combobox', { name: 'Parameter' }).inputValue()).toBe('b2[1]')
    expect(await opened.page.locator('[data-param="b2[1]"]').getAttribute('aria-pressed')).toBe(
      'true',
    )
    expect(await opened.page.getByTestId('link-notices').count()).toBe(0)
    expect(opened.errors).toEqual([])
    expect(errors).toEqual([])
  })

  it('names a parameter the link asks for that the network lacks, once, and opens no maths', async () => {
    opened = await openPage('#/playground?v=1&h=3&sel=W9[0][0]')
    const { page, errors } = opened
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).waitFor()
    const notices = page.getByTestId('link-notices')
    await expect.poll(() => notices.textContent()).toContain('this network has no W9[0][0]')
    expect((await notices.textContent())!.split('W9[0][0]')).toHaveLength(2)
    expect(await page.getByTestId('derivation').count()).toBe(0)
    // The address drops it; the rest of the link (one hidden layer of 3) was applied.
    expect(await page.locator('[data-unit]').count()).toBe(3 + 1)
    await expect
      .poll(async () =>
        new URLSearchParams((await page.locator('.share-bar').getAttribute('data-query'))!).get(
          'sel',
        ),
      )
      .toBe(null)
    await screenshot(page, 'playground-missing-param-1280')
    expect(errors).toEqual([])
  })

  it('shows a bad shared setting’s notice beside a bad playground setting’s (neither replaces the other)', async () => {
    opened = await openPage('#/playground?v=1&notation=zzz&lr=999')
    const { page, errors } = opened
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).waitFor()
    const notices = page.getByTestId('link-notices')
    await expect.poll(() => notices.textContent()).toContain('learning rate')
    expect(await notices.textContent()).toContain('notation first')
    expect(errors).toEqual([])
  })

  // axe over the whole page is slow on a shared machine: one audit, with time to spare.
  it(
    'has no serious axe violations at 320 px with a tooltip, the scroll cue, a neuron shown large and the derivation open',
    { timeout: 120_000 },
    async () => {
      opened = await openPage('#/playground?v=1&d=spiral&h=8,8,8,8,8,8', {
        viewport: { width: 320, height: 800 },
      })
      const { page, errors } = opened
      await page.getByRole('button', { name: /^(Train|Resume)$/ }).waitFor()
      await page.getByTestId('diagram-cue').waitFor()
      // A hidden neuron's map shown large, and its maths from there.
      await page.locator('[data-unit="3-2"]').focus()
      await page.keyboard.press('Enter')
      await page.getByTestId('enlarged-neuron').getByRole('button', { name: 'Its maths' }).click()
      await page.getByTestId('derivation').waitFor()
      await page.getByTestId('derivation').getByText('Numerical check').waitFor()
      await page.locator('[data-unit="3-2"]').focus()
      await page.getByTestId('param-tip').waitFor()
      expect(await serious(page)).toEqual([])
      expect(errors).toEqual([])
    },
  )
})
