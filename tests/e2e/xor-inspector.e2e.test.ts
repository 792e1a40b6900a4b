// The XOR lab (#15) in Chromium: the 100-run experiment says which experiment and which update it is on
// at a slow pace, says Done and offers Run again (not Resume) when finished, and counts the fixes other
// than a wider layer (the numbers tests/unit pins for the same seeds).
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

describe('XOR lab', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('shows per-update progress at a slow pace, then Done with Run again and the fixes’ counts', async () => {
    opened = await openPage('#/xor-221')
    const { page, errors } = opened
    const experiment = page.getByRole('region', { name: '100 starts per network' })
    await experiment.getByTestId('speed').selectOption('5')
    await experiment.getByRole('button', { name: 'Train', exact: true }).click()
    const count = experiment.getByTestId('train-count')
    await expect
      .poll(() => count.textContent(), { timeout: 10_000 })
      .toMatch(/^0 \/ 14 experiments done · MSE 2-2-1: [1-9]\d* updates? of 2,000$/)
    await experiment.getByRole('button', { name: 'Pause', exact: true }).click()
    await screenshot(page, 'xor-slow-progress-1280')
    await experiment.getByTestId('speed').selectOption('max')
    await experiment.getByRole('button', { name: 'Resume', exact: true }).click()
    await page.getByText('14 / 14 experiments done').waitFor({ timeout: 60_000 })
    await expect.poll(() => count.textContent()).toBe('14 / 14 experiments done')
    expect(await experiment.getByTestId('xor-done').textContent()).toContain('Done')
    expect(await experiment.getByRole('button', { name: 'Resume' }).count()).toBe(0)
    expect(await experiment.getByRole('button', { name: 'Run again', exact: true }).count()).toBe(1)
    expect(await experiment.getByTestId('train-message').count()).toBe(0)
    // Same seeds, steps and rates as tests/unit (xorExperiment.test.ts).
    const fix = async (key: string) => Number(await page.getByTestId(`fix-${key}`).textContent())
    expect(await fix('leaky')).toBe(32)
    expect(await fix('leaky-long')).toBe(59)
    expect(await fix('tanh')).toBe(57)
    expect(await fix('xavier')).toBe(26)
    await screenshot(page, 'xor-done-1280')
    // Run again starts over from experiment 1 (at 1 update/s the first update comes at once).
    await experiment.getByTestId('speed').selectOption('1')
    await experiment.getByRole('button', { name: 'Run again', exact: true }).click()
    await expect
      .poll(() => count.textContent())
      .toMatch(/^0 \/ 14 experiments done · MSE 2-2-1: \d+ updates? of 2,000$/)
    expect(errors).toEqual([])
  })
})
