// Runs the learner did not start play only while they can be seen (#11): the learning-rate lesson
// opens with its live run training at the top, while the sweep far below waits at 0 updates and says
// why; scrolled to, the sweep starts and the live run, now off screen, waits. A run the learner paused
// stays paused wherever it is scrolled. Every wait is on update counts, never on wall time.
import type { Locator } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, type OpenedPage, scrollIntoView } from './utils'

/** The number on a training toolbar's count ("1,234 updates" → 1234). */
const countOf = async (toolbar: Locator) =>
  Number(((await toolbar.getByTestId('train-count').textContent()) ?? '').replace(/[^\d]/g, ''))

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
})
