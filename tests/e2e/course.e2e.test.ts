// The course as a learner meets it: the start page lists the lessons in course order and every lesson
// links to the next; each lesson has at least two exercises whose right answer (worked out here from the
// numbers shown) is accepted and a wrong one refused; progress survives a reload and is forgotten on
// request; the glossary exists.
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { ANSWERS, ORDER, typedAnswer } from '../unit/courseAnswers'
import { openPage, screenshot, type OpenedPage } from './utils'

/** Types `text` as the value of the exercise's first blank and returns the badge's verdict. */
async function answerFirst(page: Page, exercise: string, text: string): Promise<string> {
  const card = page.locator(`[data-exercise="${exercise}"]`)
  await card.getByLabel('Your value').fill(text)
  await card.getByRole('button', { name: 'Check', exact: true }).click()
  const badge = card.locator('.check__badge').first()
  await badge.waitFor()
  return (await badge.textContent()) ?? ''
}

/** The independent answer to the first blank of the exercise shown on the page. */
async function expectedFirst(page: Page, lesson: string, exercise: string): Promise<number> {
  const card = page.locator(`[data-exercise="${exercise}"]`)
  const values = JSON.parse((await card.getAttribute('data-values')) ?? '{}') as Record<
    string,
    number
  >
  const key = await card.getByLabel('Quantity').inputValue()
  return ANSWERS[`${lesson}/${exercise}`](values)[key]
}

describe('the course', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('lists the lessons in course order; each lesson ends with a link to the next', async () => {
    opened = await openPage()
    const { page, errors } = opened
    await page.getByRole('heading', { name: 'Lessons' }).waitFor()
    const hrefs = await page
      .locator('a.lesson-card')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(hrefs).toEqual(ORDER.map((id) => `#/${id}`))
    for (const [k, id] of ORDER.entries()) {
      await page.goto(new URL(`#/${id}`, page.url()).href)
      const next = page.getByRole('navigation', { name: 'Course' }).getByRole('link')
      await next.waitFor()
      expect(await next.getAttribute('href'), id).toBe(
        k + 1 < ORDER.length ? `#/${ORDER[k + 1]}` : '#/',
      )
      await page.getByRole('heading', { name: 'What you learnt' }).waitFor()
    }
    expect(errors).toEqual([])
  })

  it('every lesson has two or more exercises: the right answer is accepted, a wrong one refused', async () => {
    opened = await openPage()
    const { page, errors } = opened
    for (const id of ORDER) {
      await page.goto(new URL(`#/${id}?exseed=4242`, page.url()).href)
      await page.getByRole('heading', { name: 'Exercises' }).waitFor()
      const exercises = await page
        .locator('[data-exercise]')
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-exercise') ?? ''))
      expect(exercises.length, id).toBeGreaterThanOrEqual(2)
      const first = exercises[0]
      const exact = await expectedFirst(page, id, first)
      expect(await answerFirst(page, first, typedAnswer(exact)), `${id} ${exact}`).toBe('Correct')
      expect(await answerFirst(page, first, typedAnswer(exact + 1)), id).toBe('Wrong')
      // the seed is the exercises' own: the lesson's link codec must not call it unknown
      expect(await page.getByText(/Unknown setting|no version number/).count(), id).toBe(0)
    }
    await screenshot(page, 'course-exercises-playground')
    expect(errors).toEqual([])
  })

  it('a teacher’s seed fixes the numbers; new numbers go into the link, so a reload keeps them', async () => {
    opened = await openPage('#/shapes?exseed=77')
    const { page, errors } = opened
    const values = () => page.locator('[data-exercise]').first().getAttribute('data-values')
    await page.locator('[data-exercise]').first().waitFor()
    const fixed = await values()
    await page.reload()
    await page.locator('[data-exercise]').first().waitFor()
    expect(await values()).toBe(fixed)
    const link = page.getByRole('link', { name: 'Link to these numbers' })
    expect(await link.getAttribute('href')).toBe('#/shapes?exseed=77')
    const seen = new Set([fixed])
    for (let k = 0; k < 3; k++) {
      await page.getByRole('button', { name: 'New numbers' }).click()
      seen.add(await values())
    }
    expect(seen.size).toBeGreaterThan(1)
    const seed = /Numbers set (\d+)/.exec(
      (await page.locator('.exercises__seed').textContent()) ?? '',
    )
    await expect.poll(() => page.url()).toContain(`exseed=${seed?.[1]}`)
    const shown = await values()
    await page.reload()
    await page.locator('[data-exercise]').first().waitFor()
    expect(await values()).toBe(shown)
    expect(errors).toEqual([])
  })

  it.each([
    ['a panel lesson', '#/shapes'],
    ['a worked example', '#/step-by-step-222'],
  ])(
    '%s: the numbers set is in the link from the first visit; reload and the shared link keep it',
    async (_, path) => {
      opened = await openPage(path)
      const { page, context, errors } = opened
      await context.grantPermissions(['clipboard-read', 'clipboard-write'])
      const numbers = (p: Page) =>
        p
          .locator('[data-exercise]')
          .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-values')))
      const numbersSet = async (p: Page) =>
        /Numbers set (\d+)/.exec((await p.locator('.exercises__seed').textContent()) ?? '')?.[1]
      await page.locator('[data-exercise]').first().waitFor({ timeout: 30_000 })
      const seed = await numbersSet(page)
      expect(seed).toMatch(/^\d+$/)
      const seen = await numbers(page)
      // the address says which set, without the learner doing anything
      await expect
        .poll(() => page.evaluate(() => location.hash))
        .toMatch(new RegExp(`^${path}\\?(.*&)?exseed=${seed}$`))
      await page.reload()
      await page.locator('[data-exercise]').first().waitFor({ timeout: 30_000 })
      expect(await numbersSet(page)).toBe(seed)
      expect(await numbers(page)).toEqual(seen)

      await page.getByTestId('share').click()
      const shared = await page.evaluate(() => navigator.clipboard.readText())
      expect(shared).toContain(`exseed=${seed}`)
      const fresh = await openPage(new URL(shared).hash)
      await fresh.page.locator('[data-exercise]').first().waitFor({ timeout: 30_000 })
      expect(await numbersSet(fresh.page)).toBe(seed)
      expect(await numbers(fresh.page)).toEqual(seen)
      expect(await fresh.page.getByTestId('link-notices').count()).toBe(0)
      expect(fresh.errors).toEqual([])
      await fresh.close()
      expect(errors).toEqual([])
    },
    120_000,
  )

  it('a refused numbers set in a link gets a notice; a new set is drawn and written', async () => {
    opened = await openPage('#/shapes?exseed=12ab')
    const { page, errors } = opened
    const notice = page.getByTestId('link-notices')
    await expect
      .poll(() => notice.textContent())
      .toContain('Ignored the link’s exercise numbers set: “12ab” is not a number')
    const seed = /Numbers set (\d+)/.exec(
      (await page.locator('.exercises__seed').textContent()) ?? '',
    )?.[1]
    expect(Number(seed)).toBeGreaterThanOrEqual(1)
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/shapes?v=1&exseed=${seed}`)
    expect(errors).toEqual([])
  })

  it('keeps progress over a reload and forgets it on request', async () => {
    opened = await openPage('#/chain-rule?exseed=5')
    const { page, errors } = opened
    await page.getByRole('heading', { name: 'Exercises' }).waitFor()
    const exact = await expectedFirst(page, 'chain-rule', 'product-of-slopes')
    expect(await answerFirst(page, 'product-of-slopes', typedAnswer(exact))).toBe('Correct')
    await page.goto(new URL('#/', page.url()).href)
    const card = page.locator('a.lesson-card[href="#/chain-rule"]')
    await expect.poll(() => card.textContent()).toContain('Opened · 1 of 2 exercises solved')
    await page.reload()
    await expect.poll(() => card.textContent()).toContain('Opened · 1 of 2 exercises solved')
    expect(await page.locator('a.lesson-card[href="#/shapes"]').textContent()).toContain(
      'Not opened yet',
    )
    await screenshot(page, 'course-home-progress')
    await page.getByRole('button', { name: 'Forget my progress' }).click()
    await expect
      .poll(() => card.textContent())
      .toContain('Not opened yet · 0 of 2 exercises solved')
    await page.reload()
    await expect.poll(() => card.textContent()).toContain('Not opened yet')
    expect(await page.evaluate(() => localStorage.getItem('backprop-lab:progress'))).toBeNull()
    expect(errors).toEqual([])
  })

  it('has a glossary with δ, its shape and the lessons that use it', async () => {
    opened = await openPage('#/glossary')
    const { page, errors } = opened
    await page.getByRole('heading', { level: 1, name: /Glossary/ }).waitFor()
    const delta = page.locator('#symbol-delta')
    expect(await delta.textContent()).toContain('δ (error signal)')
    expect(await delta.getByRole('link', { name: 'One neuron: logistic regression' }).count()).toBe(
      1,
    )
    await screenshot(page, 'course-glossary')
    expect(errors).toEqual([])
  })

  it('shapes: the default batch has 3 samples and every layer shows its backward shapes', async () => {
    opened = await openPage('#/shapes')
    const { page, errors } = opened
    const backward = page.getByTestId('backward-shapes')
    await backward.nth(1).waitFor()
    // notes 004's table: 2 inputs, 4 tanh units, 1 linear output, 3 samples (columns layout: units × n)
    const [hidden, output] = await backward.allTextContents()
    expect(hidden).toContain('δ[1] = W[2]ᵀ δ[2] ⊙ f′(Z[1]) is 4 × 3, like Z[1]')
    expect(hidden).toContain('∂J/∂W[1] is 4 × 2')
    expect(hidden).toContain('∂J/∂b[1] is 4 × 1: δ[1] summed over the 3 samples')
    expect(output).toContain('δ[2] (1 × 3) comes from the loss')
    expect(output).toContain('∂J/∂W[2] is 1 × 4')
    await page.getByLabel('rows: Z = XWᵀ + bᵀ').check()
    await expect.poll(() => backward.first().textContent()).toContain('is 3 × 4, like Z[1]')
    expect(await page.locator('.katex-error').count()).toBe(0)
    await screenshot(page, 'course-shapes-backward')
    expect(errors).toEqual([])
  })

  it('ReLU lesson: notes 000’s losses, −ln 0.7 = 0.357 and the log₁₀ slip named, a link to the loss lab', async () => {
    opened = await openPage('#/relu-sigmoid-222')
    const { page, errors } = opened
    const remark = page.locator('section', {
      has: page.getByRole('heading', { name: /From notes 000/ }),
    })
    await remark.waitFor()
    const text = (await remark.textContent()) ?? ''
    expect(text).toContain(`−ln 0.7 = ${(-Math.log(0.7)).toFixed(3)}`) // 0.357
    expect(text).toContain(`−ln 0.6 = ${(-Math.log(0.6)).toFixed(3)}`) // 0.511
    expect(text).toContain(`−ln 0.9 = ${(-Math.log(0.9)).toFixed(3)}`) // 0.105
    expect(text).toContain(`−log₁₀ 0.7 = ${(-Math.log10(0.7)).toFixed(3)}`) // 0.155: the notes' 0.15
    expect(text).toContain('log₁₀ was used where the natural logarithm ln belongs')
    expect(text).toContain('[0.4, 0.6]')
    expect(await remark.getByRole('link').getAttribute('href')).toBe('#/loss-compare')
    await screenshot(page, 'course-relu-notes')
    expect(errors).toEqual([])
  })

  it.each(['#/glossary', '#/shapes', '#/'])('%s fits a 390 px phone screen', async (hash) => {
    opened = await openPage(hash, { viewport: { width: 390, height: 844 } })
    const { page, errors } = opened
    await page.getByRole('heading', { level: 1 }).waitFor()
    if (hash === '#/shapes') await page.getByRole('heading', { name: 'What you learnt' }).waitFor()
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    await screenshot(page, `course-390-${hash.replace(/\W/g, '') || 'home'}`)
    expect(overflow).toBe(0)
    expect(errors).toEqual([])
  })
})
