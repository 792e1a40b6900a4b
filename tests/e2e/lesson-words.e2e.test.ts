// Issue #12 on the lesson page: a degenerate spec is refused in the lesson's words, a BCE target of 2 is
// refused at its field, switching the output to tanh says the loss changed, and E_o1, E_o2 are shown.
import { afterEach, describe, expect, it } from 'vitest'
import { HIDDEN_ACTIVATION_NAMES } from '../../web/src/engine/catalogue'
import { openPage, type OpenedPage } from './utils'

describe('messages in the lesson’s words', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  // The worked examples' menus offer no softmax (nor cross-entropy, which needs it), and a link
  // accepts exactly what the menus offer (397c7f2): the notice lists the menu's own choices, the
  // catalogue's hidden activations (tests/unit/workedLink.test.ts: softmax is not one of them).
  it('refuses a softmax the menus do not offer, listing what they do', async () => {
    opened = await openPage('#/sigmoid-221?v=1&act=sigmoid,softmax&loss=cross_entropy')
    const { page } = opened
    const notice = page.getByTestId('link-notices')
    await expect
      .poll(() => notice.textContent())
      .toContain(`“softmax” is not one of ${HIDDEN_ACTIVATION_NAMES.join(', ')}`)
    expect(await notice.textContent()).toContain('“cross_entropy” is not one of half_sse, mse, bce')
    expect(await notice.textContent()).not.toContain('activations[1]')
  })

  it('a BCE target of 2 is refused at the target field; tanh outputs say the loss changed', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    await page.locator('select#loss').selectOption({ label: 'binary cross-entropy' })
    const target = page.getByLabel('targetₒ₁', { exact: true })
    await target.fill('2')
    await target.press('Enter')
    const message = page.locator('.number-field__message')
    await expect.poll(() => message.textContent()).toContain('targetₒ₁: binary cross-entropy')
    expect(await message.textContent()).toContain('from 0 to 1')
    expect(await message.textContent()).not.toContain('targets[0][0]')
    await page.getByLabel('Output layer activation').selectOption({ label: 'tanh' })
    const said = page.getByTestId('loss-notice')
    await expect.poll(() => said.textContent()).toContain('the loss is now ½ sum of squares')
    expect(await page.locator('select#loss').inputValue()).toBe('half_sse')
    expect(errors).toEqual([])
  })

  it('says beside the intro and the walk-through when their words no longer describe the network', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page, errors } = opened
    const said = page.getByTestId('notes-changed')
    expect(await said.count()).toBe(0)
    await page.getByLabel('Hidden layer 1 activation').selectOption({ label: 'linear' })
    await expect
      .poll(() => said.textContent())
      .toContain('yours has hidden layer 1: linear (the notes: sigmoid)')
    const guide = page.locator('[data-section="guide"]')
    expect(await guide.textContent()).toContain('hidden layer 1: linear (the notes: sigmoid)')
    await page.getByLabel('Hidden layer 1 activation').selectOption({ label: 'sigmoid' })
    await expect.poll(() => said.count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('shows E_o1 = 0.274811083 and E_o2 = 0.023560026 beside E_total', async () => {
    opened = await openPage('#/step-by-step-222')
    const { page } = opened
    await page.getByRole('button', { name: 'Forward', exact: true }).click()
    const value = async (k: number) =>
      Number(await page.getByTestId(`output-error-${k}`).textContent())
    await expect.poll(() => value(0)).toBeCloseTo(0.274811083, 9)
    expect(await value(1)).toBeCloseTo(0.023560026, 9)
  })
})
