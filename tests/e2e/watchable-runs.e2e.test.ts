// Runs the learner did not start play only while they can be seen (#11): the learning-rate lesson
// opens with its live run training at the top, while the sweep far below waits at 0 updates and says
// why; scrolled to, the sweep starts and the live run, now off screen, waits. A run the learner paused
// stays paused wherever it is scrolled. A keyboard user who tabs into a lab waiting below finds it
// waiting for them, Train, and Enter trains it. Every wait is on update counts, never on wall time.
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, type OpenedPage, screenshot, scrollIntoView } from './utils'

/** The number on a training toolbar's count ("1,234 updates" → 1234). */
const countOf = async (toolbar: Locator) =>
  Number(((await toolbar.getByTestId('train-count').textContent()) ?? '').replace(/[^\d]/g, ''))

/** Resolves once `el` is on screen and the app's observer (made before this one) has been told. */
const toldOnScreen = (el: Locator) =>
  el.evaluate(
    (e) =>
      new Promise<void>((resolve) => {
        const seen = new IntersectionObserver((entries) => {
          if (!entries.some((x) => x.isIntersecting)) return
          seen.disconnect()
          requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
        })
        seen.observe(e)
      }),
  )

/** Presses Tab (and only Tab) until the keyboard focus is on `target`; fails after `most` presses. */
async function tabTo(page: Page, target: Locator, most = 80): Promise<number> {
  for (let k = 1; k <= most; k++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((e) => e === document.activeElement)) return k
  }
  throw new Error(`not reached in ${most} Tabs`)
}

describe('runs the learner did not start wait until they are on screen', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('learning-rate: the sweep far below waits at 0 updates until scrolled to, then trains', async () => {
    opened = await openPage('#/learning-rate')
    const { page, errors } = opened
    const live = page.getByRole('toolbar', { name: 'Training (live run)' })
    const sweep = page.getByRole('toolbar', { name: 'Training (sweep)' })
    const sweepSection = page.locator('section[aria-labelledby=lr-sweep-h]')
    // The live run at the top trains by itself (its default pace, 60 updates/s) ...
    await expect.poll(() => countOf(live), { timeout: 30_000 }).toBeGreaterThanOrEqual(30)
    // ... while the sweep, out of sight, has not started, and its bar says why (not "Paused").
    expect(await sweep.getByTestId('train-count').textContent()).toBe('0 updates')
    expect(await sweep.getByRole('button', { name: 'Train (sweep)', exact: true }).count()).toBe(1)
    expect(await sweepSection.getByTestId('train-waits-seen').textContent()).toContain(
      'Starts when on screen.',
    )
    // Scrolled to, it starts; the live run, now off screen, waits where it is.
    await scrollIntoView(sweep)
    await expect.poll(() => countOf(sweep), { timeout: 30_000 }).toBeGreaterThan(0)
    expect(await sweepSection.getByTestId('train-waits-seen').count()).toBe(0)
    const liveAway = await countOf(live)
    const sweepNow = await countOf(sweep)
    await expect.poll(() => countOf(sweep), { timeout: 30_000 }).toBeGreaterThan(sweepNow + 20)
    expect(await countOf(live)).toBe(liveAway)
    expect(await live.getByRole('button', { name: 'Resume (live run)', exact: true }).count()).toBe(
      1,
    )
    const liveSection = page.locator('section[aria-labelledby=lr-live-h]')
    expect(await liveSection.getByTestId('train-waits-seen').textContent()).toContain(
      'Goes on when on screen.',
    )
    // Back at the top, the live run goes on from where it waited.
    await scrollIntoView(live)
    await expect.poll(() => countOf(live), { timeout: 30_000 }).toBeGreaterThan(liveAway)
    // The learner pauses the sweep: it is theirs now, and scrolling away and back leaves it paused.
    // (scrollIntoView resolves after the app's observer has told the loop: an autoStarted run would
    // be running again by then, its button saying Pause.)
    await scrollIntoView(sweep)
    await sweep.getByRole('button', { name: 'Pause (sweep)', exact: true }).click()
    const paused = await countOf(sweep)
    await scrollIntoView(live)
    await scrollIntoView(sweep)
    expect(await sweep.getByRole('button', { name: 'Resume (sweep)', exact: true }).count()).toBe(1)
    expect(await sweepSection.getByTestId('train-waits-seen').count()).toBe(0)
    expect(await countOf(sweep)).toBe(paused)
    expect(errors).toEqual([])
  }, 120_000)

  for (const c of [
    {
      lesson: 'learning-rate',
      toolbar: 'Training (sweep)',
      section: 'lr-sweep-h',
      run: ' (sweep)',
      unit: 'updates',
      viewport: { width: 1280, height: 800 },
    },
    {
      lesson: 'batch-vs-sgd',
      toolbar: 'Training',
      section: 'bs-h',
      run: '',
      unit: 'epochs',
      viewport: { width: 1280, height: 500 },
    },
  ])
    it(`${c.lesson}: tabbed to from the top, the lab below waits at Train and Enter trains it`, async () => {
      opened = await openPage(`#/${c.lesson}`, { viewport: c.viewport })
      const { page, errors } = opened
      const bar = page.getByRole('toolbar', { name: c.toolbar, exact: true })
      const section = page.locator(`section[aria-labelledby=${c.section}]`)
      const first = bar.locator('button').first()
      await first.waitFor()
      // Out of sight as the page opens, the lab waits.
      expect(await section.getByTestId('train-waits-seen').textContent()).toContain(
        'Starts when on screen.',
      )
      // Keyboard only: Tab through the page and into the lab, which scrolls it into view.
      await tabTo(page, first)
      await toldOnScreen(bar)
      // The button the learner reached says what Enter will do: start it (it has not trained).
      const train = bar.getByRole('button', { name: `Train${c.run}`, exact: true })
      expect(await train.count()).toBe(1)
      expect(await train.evaluate((e) => e === document.activeElement)).toBe(true)
      expect(await bar.getByTestId('train-count').textContent()).toBe(`0 ${c.unit}`)
      expect(await section.getByTestId('train-waits-seen').count()).toBe(0)
      await page.keyboard.press('Enter')
      // It trains (30 of its steps), its name now Pause, the focus still on it.
      await expect.poll(() => countOf(bar), { timeout: 30_000 }).toBeGreaterThanOrEqual(30)
      const pause = bar.getByRole('button', { name: `Pause${c.run}`, exact: true })
      expect(await pause.count()).toBe(1)
      expect(await pause.evaluate((e) => e === document.activeElement)).toBe(true)
      await screenshot(page, `watchable-runs-keyboard-${c.lesson}`)
      expect(errors).toEqual([])
    }, 120_000)
})
