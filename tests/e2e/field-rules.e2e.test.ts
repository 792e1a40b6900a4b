// What a newcomer found (#11): the playground's Seed box kept "-5", "3.7" or "99999999999" with no message
// while the link kept the old seed, and an empty box silently made the seed 0; the sweep's "largest η
// must be above the smallest" stayed on a box whose value had become valid; switching the learning-rate
// lesson's problem threw away the learner's sweep without a word; a refused value typed mid-run paused
// the run for good. Every number box now goes through one field (NumberField): a message at the box,
// the last good value kept (in the link too), a rule involving another box checked again when that box
// changes, and a run paused by a refused value goes on once it is fixed. Expected values are the limits
// as stated in the lesson's words (seeds: 0 to 2³¹ − 1, whole) and the problems' own η
// (learningRateProblems.ts: regression 0.05, classifier 0.3).
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { openPage, screenshot, type OpenedPage } from './utils'

/** Types `text` into `field` and commits it as a learner does (Enter). */
async function type(field: Locator, text: string): Promise<void> {
  await field.fill(text)
  await field.press('Enter')
}
/** The message under a NumberField's box ('' when none). */
const messageOf = async (page: Page, box: Locator) => {
  const id = await box.getAttribute('aria-describedby')
  return id ? ((await page.locator(`[id="${id}"]`).textContent()) ?? '') : ''
}
const query = (page: Page) => new URL(page.url().replace('#/', '')).searchParams
const fixThem = (page: Page) => page.getByText(/fix it to train/)

describe('every number box: a message at the box, the value in use kept, the link agreeing', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const width of [1280, 390]) {
    it(`the playground's Seed at ${width} px refuses what the link refuses, and says why`, async () => {
      opened = await openPage('#/playground', {
        viewport: { width, height: width > 400 ? 800 : 844 },
      })
      const { page, errors } = opened
      const seed = page.getByRole('textbox', { name: 'Seed (data, split, first weights)' })
      await seed.waitFor({ timeout: 30_000 })
      await type(seed, '7')
      await expect.poll(() => query(page).get('seed')).toBe('7')
      const refused: [string, string][] = [
        ['', 'The field is empty: type a whole number such as 7.'],
        ['-5', 'The seed must be at least 0.'],
        ['3.7', 'The seed must be a whole number.'],
        ['99999999999', 'The seed must be at most 2,147,483,647.'],
        ['1e400', '“1e400” is too large to be a finite number.'],
        // a seed is whole: the message asks for a whole number, not for 0.5 or 1e-3 (newcomer)
        ['abc', '“abc” is not a number; type a whole number such as 7.'],
      ]
      for (const [text, said] of refused) {
        await type(seed, text)
        await expect.poll(() => messageOf(page, seed)).toBe(said)
        expect(await seed.getAttribute('aria-invalid'), text).toBe('true')
        expect(query(page).get('seed'), text).toBe('7')
      }
      await type(seed, '')
      await expect
        .poll(() => page.getByTestId('training-waits').textContent())
        .toContain('Seed: the field is empty — fix it to train (Seed stays 7 until then).')
      await seed.scrollIntoViewIfNeeded()
      await screenshot(page, `field-rules-seed-${width}`)
      await type(seed, '8')
      await expect.poll(() => query(page).get('seed')).toBe('8')
      expect(await messageOf(page, seed)).toBe('')
      expect(errors).toEqual([])
    })
  }

  it('the sweep: a range rule is checked again when either end changes', async () => {
    opened = await openPage('#/learning-rate')
    const { page, errors } = opened
    const small = page.getByRole('textbox', { name: 'Smallest η' })
    const large = page.getByRole('textbox', { name: /^Largest η/ })
    await small.waitFor({ timeout: 30_000 })
    await type(small, '5')
    await type(large, '0.1')
    await expect
      .poll(() => messageOf(page, large))
      .toBe('The largest η of the sweep must be above the smallest η of the sweep (5).')
    expect(query(page).get('max')).toBeNull() // the lesson's own 10 is still in use
    // the training bar names the rule as well (it said "Largest η (up to 100): 0.1 is out of range")
    await expect
      .poll(() => page.getByTestId('training-waits').first().textContent())
      .toContain(
        'Largest η: 0.1 must be above the smallest η of the sweep (5) — fix it to train (Largest η stays 10 until then).',
      )
    // 0.1 is above 0.001: the box's 0.1 is taken, and nothing says otherwise
    await type(small, '0.001')
    await expect.poll(() => query(page).get('max')).toBe('0.1')
    expect(await messageOf(page, large)).toBe('')
    expect(await large.inputValue()).toBe('0.1')
    expect(query(page).get('min')).toBe('0.001')
    await expect
      .poll(() => page.getByTestId('sweep-range').textContent())
      .toMatch(/η from 0\.001 to 0\.1\./)
    // after Reset no update is done: the line claims no results
    const sweep = page.getByTestId('sweep-range').locator('..')
    await sweep.getByRole('button', { name: 'Reset (sweep)', exact: true }).click()
    await expect
      .poll(() => page.getByTestId('sweep-range').textContent())
      .toMatch(
        /^\s*No results yet \(no update done\): the sweep trains 24 copies, η from 0\.001 to 0\.1\.\s*$/,
      )
    // nor does any other line: no copy is named (it said "stalled: 24 copies" before any update)
    const named = page.getByRole('list', { name: 'What happened, by learning rate' })
    expect(await named.locator('li').count()).toBe(0)
    expect(await page.getByTestId('sweep-best').count()).toBe(0)
    await large.scrollIntoViewIfNeeded()
    await screenshot(page, 'field-rules-sweep')
    expect(errors).toEqual([])
  })

  for (const width of [1280, 390]) {
    it(`another problem at ${width} px keeps the learner's sweep, moves what they left alone, and says so`, async () => {
      opened = await openPage('#/learning-rate', {
        viewport: { width, height: width > 400 ? 800 : 844 },
      })
      const { page, errors } = opened
      const small = page.getByRole('textbox', { name: 'Smallest η' })
      const large = page.getByRole('textbox', { name: /^Largest η/ })
      const live = page.getByRole('textbox', { name: 'Learning rate η, typed' })
      await small.waitFor({ timeout: 30_000 })
      await type(small, '0.001')
      await type(large, '1')
      await expect.poll(() => query(page).get('max')).toBe('1')
      await page.getByRole('radio', { name: /Classifier/ }).check()
      await expect
        .poll(() => page.getByTestId('problem-switched').textContent())
        .toContain('Kept your sweep from 0.001 to 1; the live run’s η = 0.3 is this problem’s own.')
      expect([await small.inputValue(), await large.inputValue(), await live.inputValue()]).toEqual(
        ['0.001', '1', '0.3'],
      )
      await screenshot(page, `field-rules-problem-${width}`)
      await page.getByRole('radio', { name: /Regression/ }).check()
      await expect
        .poll(() => page.getByTestId('problem-switched').textContent())
        .toContain(
          'Kept your sweep from 0.001 to 1; the live run’s η = 0.05 is this problem’s own.',
        )
      expect([await small.inputValue(), await large.inputValue(), await live.inputValue()]).toEqual(
        ['0.001', '1', '0.05'],
      )
      // an edit after the switch makes the line's numbers stale: it goes (it said "η = 0.05 is this
      // problem's own" beside a field reading 0.2)
      await type(live, '0.2')
      await expect.poll(() => page.getByTestId('problem-switched').count()).toBe(0)
      // the sweep names the ends typed: 5, not 10^log10(5) = 4.999999999999999
      await type(large, '5')
      await expect
        .poll(() =>
          page
            .getByText(/η from 0\.001 to/)
            .first()
            .textContent(),
        )
        .toMatch(/η from 0\.001 to 5\./)
      expect(errors).toEqual([])
    })
  }

  const midRun: [string, string, string][] = [
    ['#/playground', 'Learning rate η, typed', '0.03'],
    ['#/step-by-step-222', 'Learning rate η', '0.5'],
  ]
  for (const [path, label, good] of midRun) {
    it(`${path}: a refused η pauses a run, says so once, and fixing it goes on`, async () => {
      opened = await openPage(path)
      const { page, errors } = opened
      const eta = page.getByRole('textbox', { name: label, exact: true })
      await eta.waitFor({ timeout: 30_000 })
      await page.getByRole('button', { name: 'Train', exact: true }).click()
      await page.getByRole('button', { name: 'Pause', exact: true }).waitFor()
      await type(eta, 'abc')
      await page.getByRole('button', { name: 'Resume', exact: true }).waitFor()
      await expect.poll(() => fixThem(page).count()).toBe(1)
      if (path.includes('step-by-step'))
        // the walk-through points to it, not a second copy
        expect(await page.getByTestId('guide-waits').textContent()).toBe('Fix η first.')
      await screenshot(page, `field-rules-mid-run-${path.slice(2)}`)
      await type(eta, good)
      await page.getByRole('button', { name: 'Pause', exact: true }).waitFor()
      expect(await fixThem(page).count()).toBe(0)
      await page.getByRole('button', { name: 'Pause', exact: true }).click()
      expect(errors).toEqual([])
    })
  }

  // With the learner at the η box, the playground's Train (stuck at the top of the window) was greyed
  // out with nothing saying why: the note was under the bar, not in it, and had scrolled away with the
  // page (newcomer). Every screen whose Train waits for a field says why at the button, one note.
  const atTheButton: [string, string | RegExp][] = [
    ['#/playground', 'Learning rate η, typed'],
    ['#/step-by-step-222', 'Learning rate η'],
    ['#/hidden-layer', /^Learning rate η/],
  ]
  for (const [path, label] of atTheButton)
    for (const width of [1280, 390]) {
      it(`${path} at ${width} px: why Train waits is said at the button, with the box in view`, async () => {
        const height = width > 400 ? 800 : 844
        opened = await openPage(path, { viewport: { width, height } })
        const { page, errors } = opened
        const eta = page.getByRole('textbox', { name: label, exact: typeof label === 'string' })
        await eta.waitFor({ timeout: 30_000 })
        await type(eta, 'abc')
        await eta.evaluate((el) => el.scrollIntoView({ block: 'center' }))
        const train = page.getByRole('button', { name: 'Train', exact: true })
        expect(await train.isDisabled()).toBe(true)
        const waits = page.getByTestId('training-waits')
        await expect
          .poll(() => waits.textContent())
          .toMatch(/“abc” is not a number — fix it to train/)
        expect(await waits.count()).toBe(1)
        const [button, note] = await Promise.all(
          [train, waits].map((l) =>
            l.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect),
          ),
        )
        // right under the button (its own row, or the bar's next line)…
        expect(note.top - button.bottom).toBeGreaterThanOrEqual(-1)
        expect(note.top - button.bottom).toBeLessThanOrEqual(120)
        // …and on screen wherever the button is (a sticky bar's button is on screen with the box)
        if (button.top >= 0 && button.bottom <= height) {
          expect(note.top).toBeGreaterThanOrEqual(0)
          expect(note.bottom).toBeLessThanOrEqual(height)
        }
        await page.screenshot({
          path: fileURLToPath(
            new URL(
              `../../artifacts/screenshots/field-rules-waits-${path.slice(2)}-${width}.png`,
              import.meta.url,
            ),
          ),
        })
        // its button takes the learner to the box
        await waits.getByRole('button', { name: /^Go to / }).click()
        expect(await eta.evaluate((el) => el === document.activeElement)).toBe(true)
        expect(errors).toEqual([])
      })
    }
})
