// Embed events from every screen that trains (#11): each lesson in a frame (`?embed=1`) posts `step`
// to the page around it once training starts, named by its run where a lesson has several loops; and
// the single-neuron lesson posts `converged` at the update worked out here by plain gradient descent,
// and a lab's prediction exercise at the update worked out here from J = ½ k w².
import type { FrameLocator, Locator } from 'playwright-core'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { separable } from '../../web/src/math/datasets'
import { openPage, type OpenedPage } from './utils'

interface Posted {
  type: string
  lesson?: string
  updates?: number
  loss?: number
  run?: string
}

/** A host page with the lesson in a frame, recording every message the lesson posts. */
async function framed(
  lesson: string,
  query = '',
): Promise<{ opened: OpenedPage; frame: FrameLocator }> {
  const app = new URL(`index.html?embed=1#/${lesson}${query}`, inject('baseURL')).href
  const opened = await openPage('')
  await opened.page.setContent(
    `<iframe src="${app}" style="width:1200px;height:3000px;border:0"></iframe>`,
  )
  await opened.page.evaluate(() => {
    const w = window as unknown as { posted: unknown[] }
    w.posted = []
    addEventListener('message', (e) => {
      if (String(e.data?.type).startsWith('backprop-lab:')) w.posted.push(e.data)
    })
  })
  return { opened, frame: opened.page.frameLocator('iframe') }
}
const posted = (o: OpenedPage) =>
  o.page.evaluate(() => (window as unknown as { posted: Posted[] }).posted)

/** Presses the start button of `scope`'s training toolbar unless the run is already going. */
async function startTraining(scope: Locator): Promise<void> {
  const button = scope
    .getByRole('toolbar', { name: /^Training/ })
    .getByRole('button', { name: /^(Train|Play|Pause)( \(.+\))?$/ })
    .first()
  await button.waitFor({ timeout: 30_000 })
  const label = ((await button.textContent()) ?? '').trim()
  if (label !== 'Pause') await button.click()
}

/** Every screen that trains: the lesson, the section holding its controls, and its run's name. */
const SCREENS: { lesson: string; heading?: string; run?: string }[] = [
  { lesson: 'step-by-step-222' },
  { lesson: 'sigmoid-221' },
  { lesson: 'relu-sigmoid-222' },
  { lesson: 'single-neuron', heading: 'Train the neuron' },
  { lesson: 'hidden-layer', heading: 'One neuron against a hidden layer' },
  { lesson: 'batch-vs-sgd', heading: 'Three ways to batch, same start' },
  { lesson: 'loss-compare', heading: 'Same network, same start, two losses' },
  { lesson: 'learning-rate', heading: 'Change η while it trains', run: 'live' },
  { lesson: 'learning-rate', heading: 'Sweep:', run: 'sweep' },
  {
    lesson: 'learning-rate',
    heading: 'Watch each optimizer walk the loss landscape',
    run: 'landscape',
  },
  { lesson: 'vanishing-gradient', heading: 'Do the early layers learn?' },
  { lesson: 'xor-221', heading: '100 starts per network', run: 'starts' },
  { lesson: 'xor-221', heading: 'Inspect one run, update by update', run: 'inspector' },
  { lesson: 'playground' },
]

describe('embed events from every screen that trains', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const screen of SCREENS) {
    it(`${screen.lesson}${screen.run ? ` (${screen.run})` : ''}: training posts step events`, async () => {
      const f = await framed(screen.lesson)
      opened = f.opened
      const scope = screen.heading
        ? f.frame.locator('section', {
            has: f.frame.getByRole('heading', { name: screen.heading }),
          })
        : f.frame.locator('body')
      await startTraining(scope.first())
      const mine = async () =>
        (await posted(f.opened)).filter(
          (m) => m.type === 'backprop-lab:step' && m.run === screen.run,
        )
      await expect.poll(async () => (await mine()).length, { timeout: 30_000 }).toBeGreaterThan(2)
      const steps = await mine()
      for (const s of steps) {
        expect(s.lesson).toBe(screen.lesson)
        expect(Number.isFinite(s.loss)).toBe(true)
      }
      // counted from the start of the run: the first event is early, and the count grows
      expect(steps[0].updates).toBeGreaterThan(0)
      expect(steps[1].updates).toBeGreaterThan(steps[0].updates!)
      expect(f.opened.errors).toEqual([])
    })
  }

  it('single-neuron: converged comes once, at the update plain gradient descent names', async () => {
    // The lesson's neuron: sigmoid, mean binary cross-entropy over its 20 seeded points, w = (0.4,
    // −1.2), b = 0.8, η = 0.5, full batch. The first update count whose loss is below 0.001.
    const data = separable(20, 11)
    let w = [0.4, -1.2]
    let b = 0.8
    let expected: { updates: number; loss: number } | null = null
    for (let n = 0; n <= 5000 && !expected; n++) {
      let loss = 0
      const g = [0, 0, 0]
      data.inputs.forEach(([x1, x2], i) => {
        const t = data.targets[i][0]
        const a = 1 / (1 + Math.exp(-(w[0] * x1 + w[1] * x2 + b)))
        loss -= t * Math.log(a) + (1 - t) * Math.log(1 - a)
        g[0] += (a - t) * x1
        g[1] += (a - t) * x2
        g[2] += a - t
      })
      const N = data.inputs.length
      if (loss / N < 1e-3) expected = { updates: n, loss: loss / N }
      w = [w[0] - (0.5 * g[0]) / N, w[1] - (0.5 * g[1]) / N]
      b -= (0.5 * g[2]) / N
    }
    expect(expected).not.toBeNull()
    const f = await framed('single-neuron')
    opened = f.opened
    const box = f.frame.locator('section', {
      has: f.frame.getByRole('heading', { name: 'Train the neuron' }),
    })
    await box.getByTestId('speed').selectOption('max')
    await startTraining(box)
    const converged = async () =>
      (await posted(f.opened)).filter((m) => m.type === 'backprop-lab:converged')
    await expect.poll(async () => (await converged()).length, { timeout: 120_000 }).toBe(1)
    const [event] = await converged()
    expect(event.lesson).toBe('single-neuron')
    expect(event.updates).toBe(expected!.updates)
    expect(Math.abs(event.loss! - expected!.loss)).toBeLessThan(1e-12)
    // training goes on past it, and converged is not sent again
    await expect
      .poll(async () =>
        Math.max(
          0,
          ...(await posted(f.opened))
            .filter((m) => m.type === 'backprop-lab:step')
            .map((m) => m.updates!),
        ),
      )
      .toBeGreaterThan(expected!.updates + 40)
    expect(await converged()).toHaveLength(1)
    expect(f.opened.errors).toEqual([])
  })

  it('a Step on the classic network posts the loss after the update, as the loss chart says', async () => {
    // PyTorch's losses of the notes' 2-2-2 network (frozen biases, η = 0.5): [0] before any update,
    // [1] after one (tests/fixtures/reference-cases.json).
    const cases = JSON.parse(
      readFileSync(new URL('../fixtures/reference-cases.json', import.meta.url), 'utf8'),
    ) as { name: string; expected: { lossesHead: number[] } }[]
    const [before, after] = cases.find((c) => c.name === 'classic-222-10000-frozen-biases')!
      .expected.lossesHead
    const f = await framed('step-by-step-222')
    opened = f.opened
    await f.frame.getByRole('button', { name: 'Step', exact: true }).click({ timeout: 30_000 })
    const steps = async () => (await posted(f.opened)).filter((m) => m.type === 'backprop-lab:step')
    await expect.poll(async () => (await steps()).length).toBe(1)
    const [event] = await steps()
    expect(event.updates).toBe(1)
    expect(Math.abs(event.loss! - after)).toBeLessThan(1e-12)
    expect(Math.abs(event.loss! - before)).toBeGreaterThan(1e-3)
    await expect
      .poll(() => f.frame.locator('body').textContent())
      .toContain(`${after.toFixed(9)} after 1 update`)
    expect(f.opened.errors).toEqual([])
  })

  it('a lab prediction run: step events as it trains, converged at the update J = ½ k w² names', async () => {
    const f = await framed('learning-rate', '?exseed=7')
    opened = f.opened
    const card = f.frame.locator('[data-exercise="which-diverges"]')
    await card.waitFor({ timeout: 30_000 })
    const v = JSON.parse((await card.getAttribute('data-values')) ?? '{}') as Record<string, number>
    const etas = [v.e1, v.e2, v.e3, v.e4]
    // The candidates train one after another, 100 updates each (a diverged one's rest counted), so
    // the run's update count at candidate i's update t is 100 i + t; there J = ½ k (1 − η k)^{2t}.
    let expected: { updates: number; loss: number } | null = null
    etas.forEach((eta, i) => {
      for (let t = 0; t < 100 && !expected; t++) {
        const loss = 0.5 * v.k * (1 - eta * v.k) ** (2 * t)
        if (loss < 1e-3) expected = { updates: 100 * i + t, loss }
      }
    })
    expect(expected).not.toBeNull()
    await card.getByLabel('Your prediction: smallest diverging η').selectOption(String(etas[0]))
    await card.getByRole('button', { name: 'Run it' }).click()
    await card.locator('.lab__badge').waitFor({ timeout: 30_000 })
    const mine = (await posted(f.opened)).filter((m) => m.run === 'lab:which-diverges')
    const steps = mine.filter((m) => m.type === 'backprop-lab:step')
    expect(steps.length).toBeGreaterThan(0)
    steps.forEach((s, k) => {
      expect(s.lesson).toBe('learning-rate')
      expect(Number.isFinite(s.loss)).toBe(true)
      expect(s.updates).toBeLessThanOrEqual(400)
      if (k > 0) expect(s.updates).toBeGreaterThan(steps[k - 1].updates!)
    })
    const converged = mine.filter((m) => m.type === 'backprop-lab:converged')
    expect(converged).toHaveLength(1)
    expect(converged[0].updates).toBe(expected!.updates)
    expect(Math.abs(converged[0].loss! - expected!.loss)).toBeLessThanOrEqual(1e-12)
    expect(f.opened.errors).toEqual([])
  })
})
