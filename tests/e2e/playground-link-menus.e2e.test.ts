// The playground's link accepts exactly what its menus offer (#11): its loss menu offers only the losses
// that fit the data (two classes: bce, mse, half_sse; three-class spiral: cross_entropy; regression:
// mse, half_sse, written out here), and a link's loss the menu would not offer is refused with one
// notice naming the field and listing the menu's choices; the rest of the link is kept.
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

/** The loss menu: the one select offering a loss (every data set's menu has ½-SSE or cross-entropy). */
const lossMenu = (page: Page) =>
  page
    .locator('select')
    .filter({ has: page.locator('option[value=half_sse], option[value=cross_entropy]') })

describe('playground link and menus agree', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  for (const { data, loss, menu, name } of [
    {
      data: 'plane',
      loss: 'bce',
      menu: ['mse', 'half_sse'],
      name: 'regression refuses binary cross-entropy',
    },
    {
      data: 'spiral3',
      loss: 'mse',
      menu: ['cross_entropy'],
      name: 'three classes refuse mean squared error',
    },
    {
      data: 'circle',
      loss: 'cross_entropy',
      menu: ['bce', 'mse', 'half_sse'],
      name: 'two classes refuse softmax cross-entropy',
    },
  ])
    it(name, async () => {
      opened = await openPage(`#/playground?v=1&d=${data}&loss=${loss}&lr=0.1`)
      const { page, errors } = opened
      const notice = page.getByTestId('link-notices')
      await expect
        .poll(() => notice.textContent())
        .toContain(`Ignored the link’s loss: “${loss}” is not one of ${menu.join(', ')}.`)
      expect(await notice.locator('li').count()).toBe(1)
      const select = lossMenu(page)
      const offered = await select
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
      expect(offered).toEqual(menu)
      expect(await select.inputValue()).toBe(menu[0])
      // the rest of the link is kept
      expect(
        await page
          .getByRole('textbox', { name: /Learning rate/ })
          .first()
          .inputValue(),
      ).toBe('0.1')
      if (data === 'plane') await screenshot(page, 'playground-link-loss-refused-1280')
      expect(errors).toEqual([])
    })

  it('a loss the menu offers is kept, and the address the app writes opens without a notice', async () => {
    opened = await openPage('#/playground?v=1&d=plane&loss=half_sse')
    const { page, errors } = opened
    const select = lossMenu(page)
    await expect.poll(() => select.inputValue()).toBe('half_sse')
    expect(await page.getByTestId('link-notices').count()).toBe(0)
    // Switching to three classes: the menu offers cross-entropy only; the address never carries a
    // loss the link would refuse.
    await page
      .locator('select')
      .filter({ has: page.locator('option[value=spiral3]') })
      .selectOption('spiral3')
    await expect.poll(() => select.inputValue()).toBe('cross_entropy')
    const hash = await page.evaluate(() => location.hash)
    await opened.close()
    opened = await openPage(hash)
    await lossMenu(opened.page).waitFor()
    expect(await opened.page.getByTestId('link-notices').count()).toBe(0)
    expect(errors).toEqual([])
    expect(opened.errors).toEqual([])
  })
})
