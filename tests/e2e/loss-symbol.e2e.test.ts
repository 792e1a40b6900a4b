// One notation for the loss (#16), read off each lesson page in Chromium: every panel writes the course's
// J (or, on a worked example that follows its notes throughout, that notes' symbol); the notes' own
// symbol appears only in the notation box's notes/course switch, which the scan leaves out.
import { afterEach, describe, expect, it } from 'vitest'
import { course } from '../../web/src/course/course'
import { ORDER } from '../unit/courseAnswers'
import { lossLetterOf, lossSymbolsIn } from '../unit/lossSymbols'
import { openPage, type OpenedPage } from './utils'

/** Text only a lab's panel writes (drawn after the engine loaded), per lesson. */
const PANEL_TEXT: Record<string, string> = {
  'vanishing-gradient': '‖∂J/∂Wl‖ after one forward and backward pass',
  'loss-compare': '∂J/∂w₁',
  'batch-vs-sgd': 'sum J₁ + … + J₃',
}

describe('the loss symbol on every page', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('is the page’s one symbol outside the notation switch', async () => {
    opened = await openPage('#/')
    const { page, errors } = opened
    const stray: string[] = []
    for (const id of ['', 'glossary', ...ORDER]) {
      // the start page and the glossary write the course notation (the glossary's notes columns aside)
      const lesson = course.find((l) => l.id === id)
      const letter = lesson ? lossLetterOf(lesson as { symbols?: Record<string, string> }) : 'J'
      await page.goto(new URL(`#/${id}`, page.url()).href)
      if (lesson) await page.getByRole('heading', { name: 'What you learnt' }).waitFor()
      else await page.locator('h1').first().waitFor()
      await page.waitForLoadState('networkidle')
      // the panels are drawn once the engine is in: wait until no panel says it is loading
      await expect
        .poll(() => page.locator('main').innerText(), { timeout: 20_000 })
        .not.toMatch(/Loading/i)
      const text = await page.evaluate(() => {
        const main = document.querySelector('main')!.cloneNode(true) as HTMLElement
        main.querySelectorAll('.notation-box, [data-notes-notation]').forEach((e) => e.remove())
        return main.textContent ?? ''
      })
      expect(text.length, id).toBeGreaterThan(500)
      // the panels were scanned, not only the lesson's frame: a few of their loss symbols
      if (PANEL_TEXT[id]) expect(text, id).toContain(PANEL_TEXT[id])
      for (const f of lossSymbolsIn(text))
        if (f.letter !== letter) stray.push(`${id} (loss ${letter}): ${f.letter} in “${f.at}”`)
    }
    expect(stray).toEqual([])
    expect(errors).toEqual([])
  })
})

describe('the numerical check writes the loss as its page does (#11)', () => {
  // each worked example's loss symbol, as its notes write it (plain text, as on the page)
  const SYMBOL: [string, string][] = [
    ['step-by-step-222', 'Eₜₒₜₐₗ'],
    ['sigmoid-221', 'E'],
    ['relu-sigmoid-222', 'L'],
  ]
  for (const [id, symbol] of SYMBOL)
    it(`${id}: ${symbol} in the numerical check's words, never another letter`, async () => {
      const { page, errors, close } = await openPage(`#/${id}`)
      const bar = page.getByRole('toolbar', { name: 'Training steps' })
      await bar.getByRole('button', { name: 'Backward', exact: true }).click()
      const caption = page.getByTestId('check-caption')
      await caption.waitFor({ timeout: 30_000 })
      const text = `${await page.getByTestId('check-digits').textContent()} ${await caption.textContent()}`
      // "the round-off of Eₜₒₜₐₗ = 0.298 over ε": every loss written with its value or as a function of p
      const written = [...text.matchAll(/(?<![\wₜₒₐₗ])([JLE][ₜₒₐₗ]*)\s*(?:=\s*\d|\(p\b)/gu)].map(
        (m) => m[1],
      )
      expect(text).toMatch(/round-off of \S+ = \d/)
      expect(written.length).toBeGreaterThan(1)
      expect(new Set(written)).toEqual(new Set([symbol]))
      expect(errors).toEqual([])
      await close()
    })
})
