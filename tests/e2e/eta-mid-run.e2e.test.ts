// η moved during a run keeps the weights on every lab panel (#11): the runs go on from where they are at
// the new η, and each panel says so in the same words (the rule beside the field, "η changed during
// the run (dashed lines): η = … from update …" under the chart). Loss-compare's accuracy chart follows
// the live run (never ahead of the loss chart), and a paused lab shows one set of controls: Resume and
// Reset, never two ways to start. Expected losses are worked out by plain gradient descent on
// the lesson's 12 points (docs/spec.md: `mse` = mean (y − ŷ)², `bce` = mean −[y ln a + (1 − y) ln(1 − a)]).
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, parseShown, screenshot, type OpenedPage, scrollIntoView } from './utils'
import { descend as run } from '../lossCompareByHand'

interface Box {
  text: string
  left: number
  top: number
  width: number
  height: number
}
interface Drawn {
  series: { label: string; last: { x: number; y: number } | null }[]
  labels?: Box[]
}
const overlap = (a: Box, b: Box): boolean =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height
const drawn = async (chart: Locator): Promise<Drawn> =>
  JSON.parse((await chart.getAttribute('data-chart')) ?? '{"series":[]}') as Drawn
const countOf = async (section: Locator) =>
  Number(((await section.getByTestId('train-count').textContent()) ?? '').replace(/[^\d]/g, ''))
/** The labels of the start and reset buttons of the section's training toolbar (Step aside). */
const buttons = async (section: Locator) =>
  (await section.getByRole('toolbar', { name: 'Training' }).getByRole('button').allTextContents())
    .map((t) => t.trim())
    .filter((t) => t !== 'Step')

/** Types η into the section's field and commits it. */
async function setEta(page: Page, name: string, value: string): Promise<void> {
  const field = page.getByRole('textbox', { name: `${name}, typed` })
  await field.fill(value)
  await field.press('Enter')
}

/** Over `frames` animation frames: each frame's last x of the first series of each chart. */
function lastXsTogether(page: Page, selectors: string[], frames = 60): Promise<number[][]> {
  return page.evaluate(
    ([sels, n]) =>
      new Promise<number[][]>((resolve) => {
        const out: number[][] = []
        const tick = () => {
          out.push(
            sels.map((sel) => {
              const raw = (document.querySelector(sel) as HTMLElement | null)?.dataset.chart
              const s = (JSON.parse(raw ?? '{"series":[]}') as Drawn).series[0]
              return s?.last?.x ?? -1
            }),
          )
          if (out.length < n) requestAnimationFrame(tick)
          else resolve(out)
        }
        requestAnimationFrame(tick)
      }),
    [selectors, frames] as const,
  )
}

describe('η changed mid-run keeps the weights', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('loss-compare: trains on at the new η, says so, and its accuracy chart follows the run', async () => {
    opened = await openPage('#/loss-compare?pace=30')
    const { page, errors } = opened
    const section = page.locator('section[aria-labelledby=lc-train-h]')
    const loss = section.getByTestId('lc-train')
    const accuracy = section.getByTestId('lc-accuracy-chart')
    await section.getByRole('button', { name: 'Pause', exact: true }).waitFor()
    await scrollIntoView(accuracy)
    // While it trains, the accuracy chart ends where the loss chart ends, frame after frame.
    const frames = await lastXsTogether(page, [
      '[data-testid=lc-train]',
      '[data-testid=lc-accuracy-chart]',
    ])
    expect(new Set(frames.map(([l]) => l)).size).toBeGreaterThanOrEqual(3) // it did move
    for (const [l, a] of frames) expect(a).toBe(l)

    await section.getByRole('button', { name: 'Pause', exact: true }).click()
    const k = await countOf(section)
    expect(k).toBeGreaterThan(0)
    expect(k).toBeLessThan(1500)
    await expect
      .poll(async () => [
        (await drawn(loss)).series[0].last?.x,
        (await drawn(accuracy)).series[0].last?.x,
      ])
      .toEqual([k, k])
    // Paused: one way on (Resume) and one way back (Reset).
    expect(await buttons(section)).toEqual(['Resume', 'Reset'])

    await setEta(page, 'Learning rate η (both runs)', '2')
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/[?&]lr=2(&|$)/)
    expect(await countOf(section)).toBe(k) // no restart
    expect(await buttons(section)).toEqual(['Resume', 'Reset'])
    const said = (await section.getByTestId('eta-changes').textContent())?.replace(/\s+/g, ' ')
    expect(said).toContain(`η changed during the run (grey dashed lines): η = 2 from update ${k}.`)
    expect(said).toContain('Both runs kept their weights and trained on from there.')
    expect(await section.textContent()).toContain(
      'Changing η keeps the weights: both runs train on from where they are, at the new η.',
    )
    // The dashed line is drawn on the loss chart.
    expect((await drawn(loss)).series.map((s) => s.label)).toContain(`η = 2 from update ${k}`)

    await section.getByTestId('speed').selectOption('max')
    await section.getByRole('button', { name: 'Resume', exact: true }).click()
    await expect
      .poll(() => section.getByTestId('train-message').textContent(), { timeout: 60_000 })
      .toContain('Paused after the planned 1,500 updates')
    const plan: [number, number][] = [
      [0.5, k],
      [2, 1500 - k],
    ]
    const mse = run('mse', plan)
    const ce = run('bce', plan)
    const shown = (await section.locator('tbody tr td:nth-child(2)').allTextContents()).map((t) =>
      parseShown(t.trim()),
    )
    expect(shown[0]).toBe(Number(mse.loss.toPrecision(4)))
    expect(shown[1]).toBe(Number(ce.loss.toPrecision(4)))
    // A restart at η = 2 would have ended elsewhere.
    expect(Number(run('bce', [[2, 1500]]).loss.toPrecision(4))).not.toBe(shown[1])
    await expect
      .poll(async () => [
        (await drawn(loss)).series[0].last?.x,
        (await drawn(accuracy)).series[0].last?.x,
      ])
      .toEqual([1500, 1500])
    const when = (f: number | null) =>
      f === null ? 'not within 1,500 updates' : `after ${f} update${f === 1 ? '' : 's'}`
    expect((await section.getByTestId('lc-reached').textContent())?.replace(/\s+/g, ' ')).toContain(
      `Cross-entropy classifies all 12 points right ${when(ce.first)}; MSE ${when(mse.first)}.`,
    )
    await screenshot(page, 'loss-compare-eta-mid-run-1280')

    // Reset: back to the start, paused, η kept; the changes are forgotten.
    await section.getByRole('button', { name: 'Reset', exact: true }).click()
    expect(await countOf(section)).toBe(0)
    expect(await buttons(section)).toEqual(['Train', 'Reset'])
    expect(await section.getByTestId('eta-changes').count()).toBe(0)
    expect(errors).toEqual([])
  })

  // #11: ten presses of ArrowRight on the slider during a run were ten changes, ten dashed lines whose
  // labels piled up and ten entries under the chart. The run trains, is paused, and each press is
  // followed by one Step (one update): the ten changes land at ten successive counts k … k + 9
  // whatever the machine's speed, fewer than 20 updates apart: one burst, one line, one entry.
  it('learning-rate: ten slider presses during a run are one marker and one entry', async () => {
    opened = await openPage('#/learning-rate?pace=30')
    const { page, errors } = opened
    const section = page.locator('section[aria-labelledby=lr-live-h]')
    const chart = section.getByTestId('live-curves')
    const slider = section.getByRole('slider', { name: /^Learning rate η/ })
    await scrollIntoView(section.getByRole('toolbar', { name: 'Training' }))
    const start = section.getByRole('toolbar').getByRole('button').first() // Train or Pause
    if ((await start.textContent())?.trim() === 'Train') await start.click()
    await expect.poll(() => countOf(section)).toBeGreaterThan(5)
    await section.getByRole('button', { name: 'Pause (live run)', exact: true }).click()
    const k = await countOf(section)
    const before = Number(await slider.inputValue())
    const from = (await section.locator('.log-slider__value').textContent())?.trim()
    const step = section.getByRole('button', { name: 'Step (live run)', exact: true })
    for (let n = 0; n < 10; n++) {
      await slider.focus()
      await slider.press('ArrowRight')
      await step.click()
      await expect.poll(() => countOf(section)).toBe(k + n + 1)
    }
    expect(Number(await slider.inputValue())).toBeGreaterThan(before)
    const to = (await section.locator('.log-slider__value').textContent())?.trim()
    const said = (await section.getByTestId('eta-changes').textContent())?.replace(/\s+/g, ' ')
    const entry = /during the run \(grey dashed lines\): (.*)\. All three copies/.exec(
      said ?? '',
    )?.[1]
    // one entry: from the η before the first press to the η after the last, at the counts pressed at
    expect(entry).toBe(`η ${from} → ${to} in 10 changes during updates ${k}–${k + 9}`)
    await expect
      .poll(async () => (await drawn(chart)).series.filter((s) => s.label.startsWith('η ')).length)
      .toBe(1)
    const labels = (await drawn(chart)).labels ?? []
    expect(labels.filter((l) => l.text.startsWith('η →')).map((l) => l.text)).toEqual([
      `η → ${to} (${k}–${k + 9})`,
    ])
    for (const a of labels) for (const b of labels) if (a !== b) expect(overlap(a, b)).toBe(false)
    await screenshot(page, 'learning-rate-eta-burst-1280')
    expect(errors).toEqual([])
  })

  it('a worked example: the status says Training or Paused after an η typed during the run, and the stage after a button', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    const stage = page.getByTestId('stage')
    const field = page.getByRole('textbox', { name: 'Learning rate η', exact: true })
    await page.getByRole('button', { name: 'Train', exact: true }).click()
    await expect.poll(() => stage.textContent()).toBe('Training')
    // typed while it trains: the run goes on or waits, and the status says which, never a stage
    await field.fill('2')
    await field.press('Enter')
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/[?&]lr=2(&|$)/)
    const running = async () =>
      (await page.getByRole('button', { name: 'Pause', exact: true }).count()) > 0
    expect(await stage.textContent()).toBe((await running()) ? 'Training' : 'Paused')
    if (await running()) await page.getByRole('button', { name: 'Pause', exact: true }).click()
    await expect.poll(() => stage.textContent()).toBe('Paused')
    // typed while paused (a second edit of the same run)
    await field.fill('1.5')
    await field.press('Enter')
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/[?&]lr=1\.5(&|$)/)
    expect(await stage.textContent()).toBe('Paused')
    // a button of the walk-through says its stage again; Reset says Ready
    await page.getByRole('button', { name: 'Forward', exact: true }).click()
    await expect.poll(() => stage.textContent()).toBe('After Forward')
    await field.fill('1')
    await field.press('Enter')
    expect(await stage.textContent()).toBe('After Forward')
    await page.getByRole('button', { name: 'Reset', exact: true }).first().click()
    await expect.poll(() => stage.textContent()).toBe('Ready')
    expect(errors).toEqual([])
  })

  for (const lab of [
    {
      name: 'batch-vs-sgd',
      path: '#/batch-vs-sgd?pace=30',
      section: 'bs-h',
      field: 'Learning rate η',
      eta: '0.0002',
      unit: 'epoch',
      runs: 'all three runs',
    },
    {
      name: 'learning-rate live run',
      path: '#/learning-rate?pace=30',
      section: 'lr-live-h',
      field: 'Learning rate η',
      eta: '0.02',
      unit: 'update',
      runs: 'all three copies',
      run: ' (live run)', // the page's other loops have buttons of the same labels
    },
    {
      name: 'hidden-layer',
      path: '#/hidden-layer?pace=30',
      section: 'hl-heading',
      field: 'Learning rate η (both)',
      eta: '0.2',
      unit: 'update',
      runs: 'both networks',
    },
  ])
    it(`${lab.name}: a new η keeps the weights and is said in the same words`, async () => {
      opened = await openPage(lab.path)
      const { page, errors } = opened
      const section = page.locator(`section[aria-labelledby=${lab.section}]`)
      const run = lab.run ?? ''
      const pause = section.getByRole('button', { name: `Pause${run}`, exact: true })
      const start = section.getByRole('toolbar').getByRole('button').first() // Train or Pause
      // a lab starts by itself once its controls are on screen (autoStart): let it know they are
      await scrollIntoView(section.getByRole('toolbar').first())
      if ((await start.textContent())?.trim() === 'Train') await start.click()
      await expect.poll(() => countOf(section)).toBeGreaterThan(0)
      await pause.click()
      const k = await countOf(section)
      expect(await buttons(section)).toEqual(['Resume', 'Reset'])
      await setEta(page, lab.field, lab.eta)
      expect(await countOf(section)).toBe(k)
      expect(await buttons(section)).toEqual(['Resume', 'Reset'])
      expect(await section.textContent()).toContain(
        `Changing η keeps the weights: ${lab.runs} train on from where they are, at the new η. Reset puts them back to the start weights.`,
      )
      expect(
        (await section.getByTestId('eta-changes').textContent())?.replace(/\s+/g, ' '),
      ).toContain(
        `η changed during the run (grey dashed lines): η = ${lab.eta} from ${lab.unit} ${k}.`,
      )
      await section.getByRole('button', { name: `Reset${run}`, exact: true }).click()
      expect(await countOf(section)).toBe(0)
      expect(await section.getByTestId('eta-changes').count()).toBe(0)
      expect(errors).toEqual([])
    })
})
