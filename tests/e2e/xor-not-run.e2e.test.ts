// Before Train, xor-221's results cells say they have not run, not "…" (which reads as loading).
import { afterEach, expect, it } from 'vitest'
import { openPage, type OpenedPage } from './utils'

let opened: OpenedPage | undefined
afterEach(async () => {
  await opened?.close()
  opened = undefined
})

it('xor-221: every network × loss cell reads “not run yet” before training', async () => {
  opened = await openPage('#/xor-221')
  const { page, errors } = opened
  const cells = page.locator('[data-testid^="solved-"]')
  await expect.poll(() => cells.count()).toBe(10)
  const texts = (await cells.allTextContents()).map((t) => t.trim())
  expect(texts).toEqual(Array(10).fill('not run yet'))
  expect(errors).toEqual([])
})
