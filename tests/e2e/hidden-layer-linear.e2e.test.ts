// The hidden-layer lesson's "linear" hidden activation (#15, notes 001). The argument: with a linear
// hidden layer the output's net input is w·(Wx + b) + c = (wW)x + (w·b + c), one affine function of x, so
// the network is one neuron and its boundary one straight line. So its accuracy can never exceed the
// best any straight line achieves on the data, which this test computes by brute force over every line
// through two of the points (the optimum line can always be moved to touch two points). The data are the
// lesson's input (makeDataset('xor', 80, 5)), not the code under test.
import { afterEach, describe, expect, it } from 'vitest'
import { makeDataset } from '../../web/src/math/datasets'
import { openPage, screenshot, type OpenedPage } from './utils'

/** Most points of `inputs` with 0/1 `labels` that one straight line (either orientation) puts right. */
function bestLine(inputs: number[][], labels: number[]): number {
  const n = inputs.length
  let best = Math.max(labels.filter((l) => l === 1).length, labels.filter((l) => l === 0).length)
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const [ax, ay] = inputs[i]
      const [bx, by] = inputs[j]
      let right = 0
      let others = 0
      for (let k = 0; k < n; k++) {
        if (k === i || k === j) continue
        others++
        const side = (bx - ax) * (inputs[k][1] - ay) - (by - ay) * (inputs[k][0] - ax)
        if ((side > 0 ? 1 : 0) === labels[k]) right++
      }
      // i and j themselves can be nudged to either side; points on the line counted as the worse side
      // above, so this is an upper bound on the best line, which is all the test needs.
      best = Math.max(best, right + 2, others - right + 2)
    }
  return best
}

describe('hidden layer with a linear activation', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('stays at the single-neuron level on XOR, says why, and is kept in the link', async () => {
    const data = makeDataset('xor', 80, 5)
    const labels = data.targets.map((t) => t[0])
    const ceiling = (100 * bestLine(data.inputs, labels)) / labels.length
    console.log(`best straight line on the XOR blobs: ${ceiling} % of 80 points`)
    expect(ceiling).toBeLessThan(100)

    opened = await openPage('#/hidden-layer')
    const { page, errors } = opened
    await page.getByTestId('hl-accuracy-1').waitFor()
    await page.getByRole('combobox', { name: /^Data/ }).selectOption('xor')
    await page.getByTestId('hl-activation').selectOption('linear')
    await page.getByTestId('hl-linear-note').waitFor()
    expect(await page.getByTestId('hl-linear-note').textContent()).toContain('one straight line')
    await page.getByRole('heading', { name: 'Hidden layer (2-4-1, linear)' }).waitFor()
    await page.getByTestId('speed').selectOption('max')
    await page.getByRole('button', { name: 'Train', exact: true }).click()
    await expect
      .poll(() => page.getByTestId('train-count').textContent(), { timeout: 60_000 })
      .toContain('4,000')
    const pct = async (k: number) =>
      parseFloat((await page.getByTestId(`hl-accuracy-${k}`).textContent()) ?? '')
    const linear = await pct(1)
    const single = await pct(0)
    console.log(`after 4,000 updates: one neuron ${single} %, linear hidden layer ${linear} %`)
    expect(linear).toBeLessThanOrEqual(ceiling)
    expect(single).toBeLessThanOrEqual(ceiling)
    await page.waitForFunction(() => location.hash.includes('act=linear'))
    expect(await page.evaluate(() => location.hash)).toContain('data=xor')
    await screenshot(page, 'hidden-layer-linear-1280')

    // The same link, opened afresh at phone width, shows the linear choice and its sentence.
    const hash = await page.evaluate(() => location.hash)
    await opened.close()
    opened = await openPage(hash, { viewport: { width: 390, height: 800 } })
    await opened.page.getByTestId('hl-linear-note').waitFor()
    expect(await opened.page.getByTestId('hl-activation').inputValue()).toBe('linear')
    const overflow = await opened.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    await screenshot(opened.page, 'hidden-layer-linear-390')
    expect(overflow).toBe(0)
    expect(errors).toEqual([])
    expect(opened.errors).toEqual([])
  })
})
