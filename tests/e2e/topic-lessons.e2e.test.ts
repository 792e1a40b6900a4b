// The topic lessons (issue 6) in Chromium: each opens by URL, reacts to its controls, shows the engine's
// numbers (composed slope 0.5, 0.25⁵ = 0.000977, the XOR success counts…), no NaN, no console errors, and
// fits 1280×800 and 375 px. Screenshots land in artifacts/screenshots/topic-*.png.
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

const PHONE = { width: 375, height: 740 }

async function noSidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
}

async function expectClean(opened: OpenedPage): Promise<void> {
  expect(await opened.page.locator('main').textContent()).not.toContain('NaN')
  expect(opened.errors).toEqual([])
}

describe('topic lessons', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('chain-rule: composes the slopes 2 and ¼ into 0.5 and follows the sliders', async () => {
    opened = await openPage('#/chain-rule')
    const { page } = opened
    await page
      .getByRole('heading', { level: 1, name: 'The chain rule, before networks' })
      .waitFor({ timeout: 5000 })
    await expect.poll(() => page.getByTestId('composed-slope').textContent()).toBe('0.5')
    const slope = page.getByRole('slider', { name: 'Slope d(height)/d(weight)' })
    await slope.focus({ timeout: 5000 })
    await page.keyboard.press('ArrowRight') // 2 → 2.25
    await expect.poll(() => page.getByTestId('composed-slope').textContent()).toBe('0.5625')
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => page.getByTestId('composed-slope').textContent()).toBe('0.5')
    await expect.poll(() => page.getByTestId('composed-slope-3').textContent()).toBe('−3')
    // A panel lesson can be shared and embedded like a worked example (no answer key: nothing to key).
    expect(await page.getByRole('button', { name: 'Copy embed code' }).isVisible()).toBe(true)
    await page.getByRole('button', { name: 'Share link' }).click()
    await expect
      .poll(() => page.locator('.share-bar__status').textContent())
      .toMatch(/Link copied|Copy the text below/)
    expect(await page.getByTestId('answer-key').count()).toBe(0)
    await screenshot(page, 'topic-chain-rule-1280')
    await expectClean(opened)
  })

  it('vanishing-gradient: shows 0.25⁵ = 0.000977 at depth 5 and the per-layer gradient norms', async () => {
    opened = await openPage('#/vanishing-gradient')
    const { page } = opened
    await expect.poll(() => page.getByTestId('bound').textContent()).toBe('0.25⁵ = 0.000977')
    expect(await page.getByTestId('norm-table').locator('tbody tr').count()).toBe(5)
    const depth = page.getByRole('slider', { name: 'Layers (depth)' })
    await depth.fill('10')
    await expect.poll(() => page.getByTestId('bound').textContent()).toBe('0.25¹⁰ = 9.54×10⁻⁷')
    expect(await page.getByTestId('norm-table').locator('tbody tr').count()).toBe(10)
    await depth.fill('5')
    await page.getByRole('button', { name: 'Train', exact: true }).click()
    // The planned 300 updates end in a pause with a message, and Resume trains 300 more.
    await expect
      .poll(() => page.getByTestId('train-message').textContent(), { timeout: 30_000 })
      .toBe('Paused after the planned 300 updates: Resume trains another 300 updates.')
    await page.getByRole('button', { name: 'Resume', exact: true }).click()
    await page.getByTestId('speed').selectOption('max')
    await expect
      .poll(() => page.getByTestId('train-count').textContent(), { timeout: 30_000 })
      .toBe('600 updates')
    expect(await page.getByTestId('train-message').textContent()).toBe(
      'Paused after the planned 600 updates: Resume trains another 300 updates.',
    )
    await screenshot(page, 'topic-vanishing-gradient-1280')
    await expectClean(opened)
  })

  it('xor-221: runs 100 starts per network in the engine and shows the counts the unit test pins', async () => {
    opened = await openPage('#/xor-221')
    const { page } = opened
    await page.getByRole('button', { name: 'Train (100 starts)', exact: true }).click()
    await page.getByText('14 / 14 experiments done').waitFor({ timeout: 30_000 })
    const solved = async (loss: string, net: string) =>
      Number(await page.getByTestId(`solved-${loss}-${net}`).textContent())
    // Same seeds, steps and rate as tests/unit/xorExperiment.test.ts, which counts them in Node.
    expect(await solved('mse', '2-2-1')).toBe(26)
    expect(await solved('bce', '2-2-1')).toBe(27)
    expect(await solved('bce', '2-4-1')).toBe(67)
    expect(await solved('bce', '2-8-1')).toBe(94)
    expect(await solved('mse', '2-8-1')).toBe(95)
    const dead = Number(await page.getByTestId('dead-count').textContent())
    expect(dead).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Next failed run' }).click()
    await page.getByRole('heading', { name: 'So why?' }).waitFor()
    await page.waitForTimeout(300)
    await screenshot(page, 'topic-xor-221-1280')
    await expectClean(opened)
  })

  it('single-neuron: trains to a separating line and shows softmax equal to the sigmoid of the difference', async () => {
    opened = await openPage('#/single-neuron')
    const { page } = opened
    await page.getByTestId('sn-loss').waitFor()
    const before = Number(await page.getByTestId('sn-loss').textContent())
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await expect.poll(() => page.getByTestId('train-count').textContent()).toBe('1 update')
    await page.getByTestId('speed').selectOption('max')
    await page.getByRole('button', { name: 'Train', exact: true }).click()
    await expect
      .poll(() => page.getByTestId('sn-accuracy').textContent(), { timeout: 10_000 })
      .toBe('100 %')
    await page.getByRole('button', { name: 'Pause', exact: true }).click()
    expect(Number(await page.getByTestId('sn-loss').textContent())).toBeLessThan(before)
    await page.getByRole('slider', { name: 'Point to explain' }).fill('4')
    await expect
      .poll(() => page.getByRole('heading', { name: 'The gradient for point 4' }).count())
      .toBe(1)
    const soft = await page.getByTestId('softmax-p1').allTextContents()
    const sig = await page.getByTestId('sigmoid-p').allTextContents()
    expect(soft.length).toBe(5)
    soft.forEach((p, i) => expect(Number(p)).toBeCloseTo(Number(sig[i]), 8))
    await screenshot(page, 'topic-single-neuron-1280')
    await expectClean(opened)
  })

  it('hidden-layer: the 2-H-1 network separates the circle while one neuron cannot', async () => {
    opened = await openPage('#/hidden-layer')
    const { page } = opened
    await page.getByTestId('hl-accuracy-1').waitFor()
    await page.getByTestId('speed').selectOption('max')
    await page.getByRole('button', { name: 'Train', exact: true }).click()
    await expect
      .poll(() => page.getByTestId('hl-accuracy-1').textContent(), { timeout: 20_000 })
      .toBe('100 %')
    await page.getByRole('button', { name: 'Pause', exact: true }).click()
    expect(parseFloat((await page.getByTestId('hl-accuracy-0').textContent()) ?? '')).toBeLessThan(
      80,
    )
    await screenshot(page, 'topic-hidden-layer-1280')
    await page.getByRole('combobox', { name: 'Data' }).selectOption('xor')
    await page.getByRole('button', { name: 'Train', exact: true }).click()
    const xorAccuracy = async () =>
      parseFloat((await page.getByTestId('hl-accuracy-1').textContent()) ?? '')
    await expect.poll(xorAccuracy, { timeout: 20_000 }).toBeGreaterThan(95)
    expect(parseFloat((await page.getByTestId('hl-accuracy-0').textContent()) ?? '')).toBeLessThan(
      80,
    )
    await expectClean(opened)
  })

  it('shapes: shows every layer with shapes and the engine’s numbers in both layouts', async () => {
    opened = await openPage('#/shapes')
    const { page } = opened
    await page.getByRole('heading', { name: 'Layer 2' }).waitFor()
    // the default is notes 004's table: a batch of 3
    await expect
      .poll(() => page.getByTestId('shapes-summary').textContent())
      .toContain('n = 3 samples')
    // its loss is named: mean squared error with one output, no ½, so δ[2] = 2(a − y) (a linear output)
    const loss = page.getByTestId('shapes-loss')
    expect(await loss.textContent()).toContain('Loss: mean squared error')
    expect(await loss.locator('annotation').allTextContents()).toContain('J_i = (y - a)^2')
    // backward in words follows the layout: columns W[2]ᵀ δ[2], rows δ[2] W[2] (as the matrices)
    const backward = page.getByTestId('backward-shapes').first()
    expect(await backward.textContent()).toContain('δ[1] = W[2]ᵀ δ[2] ⊙ f′(Z[1]) is 4 × 3')
    await page.getByLabel('rows: Z = XWᵀ + bᵀ').check()
    await expect
      .poll(() => backward.textContent())
      .toContain('δ[1] = δ[2] W[2] ⊙ f′(Z[1]) is 3 × 4')
    await page.getByLabel('columns: Z = WX + b').check()
    await page
      .getByRole('combobox', { name: /^Network/ })
      .selectOption({ label: 'Classic 2-2-2, 1 sample (notes 004)' })
    const main = page.locator('main')
    await expect.poll(() => main.textContent()).toContain('0.3775') // net_h1 of the classic example
    expect(await main.textContent()).toContain('1.106') // net_o1 = 1.105905967
    await page.getByLabel('rows: Z = XWᵀ + bᵀ').check()
    await page.waitForTimeout(200)
    expect(await page.locator('.katex-error').count()).toBe(0)
    await screenshot(page, 'topic-shapes-1280')
    await page.getByLabel('columns: Z = WX + b').check()
    expect(await page.locator('.katex-error').count()).toBe(0)
    await expectClean(opened)
  })

  for (const id of [
    'chain-rule',
    'vanishing-gradient',
    'xor-221',
    'single-neuron',
    'hidden-layer',
    'shapes',
  ]) {
    it(`${id}: fits a 375 px screen`, async () => {
      opened = await openPage(`#/${id}`, { viewport: PHONE })
      const { page } = opened
      await page.locator('.panel-section').first().waitFor()
      const run = page.getByRole('button', { name: /^(Run|Train)/ }).first()
      if (!['chain-rule', 'shapes'].includes(id)) await run.click()
      await page.waitForTimeout(id === 'xor-221' ? 4000 : 1500)
      await screenshot(page, `topic-${id}-375`)
      expect(await noSidewaysScroll(page)).toBe(0)
      await expectClean(opened)
    })
  }
})
