// A link's trained weights become the run's start (Reset comes back to them), and the page says they are
// not the lesson's own example, with one way back to it (newcomer: after a reload Reset + Forward gave
// Eₜₒₜₐₗ = 0.000126… under the intro's promise of 0.298371109, and nothing said why).
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, type OpenedPage } from './utils'

// PyTorch's loss of the notes' 2-2-2 network before any update (tests/fixtures/reference-cases.json).
const cases = JSON.parse(
  readFileSync(new URL('../fixtures/reference-cases.json', import.meta.url), 'utf8'),
) as { name: string; expected: { lossesHead: number[] } }[]
const NOTES_LOSS = cases.find((c) => c.name === 'classic-222-10000-frozen-biases')!.expected
  .lossesHead[0]

describe('the lesson’s own example', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  // What is not the example's own comes back with it: the exercises' seed, the chart's view, the pace,
  // the notation and the derivation shown (the link back was the bare lesson).
  const KEPT = 'exseed=4242&losschart=log&pace=5&notation=notes&sel=W2[0][1]'

  for (const width of [1280, 390]) {
    it(`other weights in the link: said at the intro, one link back to the notes' numbers (${width} px)`, async () => {
      opened = await openPage(
        `#/step-by-step-222?v=1&w=0,-0.2,-0.2,0.6,0.4,-0.3,0.7,0.2&lr=0.7&${KEPT}`,
        { viewport: { width, height: 800 } },
      )
      const { page, errors } = opened
      const note = page.getByTestId('not-own-start')
      await note.waitFor({ timeout: 30_000 })
      const loss = () => page.getByTestId('loss').first().textContent()
      await page.getByRole('button', { name: 'Forward', exact: true }).click()
      await expect.poll(loss).not.toBe(NOTES_LOSS.toFixed(9))
      await note.getByRole('link', { name: 'Back to the lesson’s own example' }).click()
      await page.getByRole('button', { name: 'Forward', exact: true }).click()
      await expect.poll(loss).toBe(NOTES_LOSS.toFixed(9))
      expect(await page.getByTestId('not-own-start').count()).toBe(0)
      const query = async () => {
        const q = new URLSearchParams((await page.evaluate(() => location.hash)).split('?')[1])
        q.delete('v')
        return Object.fromEntries(q)
      }
      await expect.poll(query).toEqual(Object.fromEntries(new URLSearchParams(KEPT)))
      expect(errors).toEqual([])
    })
  }

  it('an embed with the teacher’s values: they are the example, no way back offered', async () => {
    opened = await openPage('?embed=1#/step-by-step-222?v=1&w=0,-0.2,-0.2,0.6,0.4,-0.3,0.7,0.2')
    const { page, errors } = opened
    const loss = () => page.getByTestId('loss').first().textContent()
    await page.getByRole('button', { name: 'Forward', exact: true }).click({ timeout: 30_000 })
    await expect.poll(loss).not.toBe(NOTES_LOSS.toFixed(9))
    expect(await page.getByTestId('not-own-start').count()).toBe(0)
    expect(await page.getByText('Back to the lesson’s own example').count()).toBe(0)
    expect(errors).toEqual([])
  })
})
