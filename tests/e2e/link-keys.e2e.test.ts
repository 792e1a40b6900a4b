// A lesson declares every link key up front (#11): a link to a part that is not on screen yet (the
// ε chart inside a closed "Choose ε" box) is not called unknown nor cut from the address, and its value
// is there when the part appears; a key no part of the lesson has still gets one notice.
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, type OpenedPage } from './utils'

// net¹₁ = 0 exactly (gradient-check.e2e.test.ts): one Step shows the check with its "Choose ε" box.
const WEIGHTS = 'v=1&w=0,-0.2,-0.2,0.6,0.4,-0.3,0.7,0.2'

describe('link keys of parts not shown yet', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })
  const hash = () => opened!.page.evaluate(() => decodeURIComponent(location.hash))

  it('keeps the ε chart’s view for the closed box, without a notice, and shows it on opening', async () => {
    opened = await openPage(`#/relu-sigmoid-222?${WEIGHTS}&epschart=log,table`)
    const { page, errors } = opened
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await expect.poll(() => page.getByTestId('check-caption').count()).toBe(1)
    // the learner's Step rewrote the address: the closed box's value is still in it
    await expect.poll(hash).toMatch(/[?&]w=/)
    expect(await hash()).toContain('epschart=log,table')
    expect(await page.getByTestId('link-notices').count()).toBe(0)
    await page.getByText('Choose ε, and see the error against ε').click()
    const chart = page.getByTestId('epsilon-sweep')
    await expect.poll(() => chart.locator('.line-chart__table table').count()).toBe(1)
    expect(await chart.getByRole('button', { name: 'Show chart' }).count()).toBe(1)
    expect(await hash()).toContain('epschart=log,table')
    expect(await page.getByTestId('link-notices').count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('still names a key no part of the lesson reads, once, and drops it', async () => {
    opened = await openPage(`#/relu-sigmoid-222?${WEIGHTS}&epschart=table&sweepchart=log`)
    const { page, errors } = opened
    const notices = page.getByTestId('link-notices')
    await expect
      .poll(() => notices.textContent())
      .toMatch(/Unknown setting “sweepchart” was ignored/)
    expect(((await notices.textContent()) ?? '').match(/sweepchart/g)).toHaveLength(1)
    expect(await notices.textContent()).not.toContain('epschart')
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await expect.poll(hash).toMatch(/[?&]w=/)
    expect(await hash()).not.toContain('sweepchart')
    expect(await hash()).toContain('epschart=table')
    expect(errors).toEqual([])
  })
})
