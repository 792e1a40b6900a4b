// Screens say exactly what a number is (#12): the playground's data losses and weight penalty apart,
// and more. Expected values are the independent float64 recomputations.
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

describe('honest labels', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('playground: L2 with λ = 1 at 0 updates is data 0.703 + penalty 2.033, shown apart', async () => {
    opened = await openPage('#/playground?v=1&reg=l2&rr=1')
    const { page, errors } = opened
    await page.getByRole('button', { name: 'Play' }).waitFor()
    const value = async (id: string) =>
      Number(await page.getByTestId(id).getAttribute('data-value'))
    await expect.poll(() => value('penalty')).toBeGreaterThan(0)
    expect((await value('train-loss')).toFixed(3)).toBe('0.703')
    expect((await value('penalty')).toFixed(3)).toBe('2.033')
    expect((await value('train-total')).toFixed(3)).toBe('2.736')
    const bar = (await page.getByRole('toolbar', { name: 'Training' }).textContent()) ?? ''
    expect(bar).toContain('training data loss')
    expect(bar).toContain('test data loss')
    expect(bar).toContain('weight penalty')
    await screenshot(page, 'playground-penalty-1280')
    expect(errors).toEqual([])
  })
})
