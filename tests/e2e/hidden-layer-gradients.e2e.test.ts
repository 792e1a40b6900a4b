// The hidden-layer lesson shows the gradient of every hidden weight (#15): the engine's ∂J/∂w at the
// current weights, checked here against a forward and backward pass worked out by hand (2-H-1, tanh
// hidden, sigmoid output, mean binary cross-entropy) on the lesson's 80 points.
import { describe, expect, it } from 'vitest'
import { makeDataset } from '../../web/src/math/datasets'
import { openPage, screenshot, scrollIntoView } from './utils'

describe('hidden-layer gradients', () => {
  it('∂J/∂w¹, ∂J/∂b¹ and ∂J/∂w² of every hidden unit match the chain rule done by hand', async () => {
    const { page, errors, close } = await openPage('#/hidden-layer')
    const table = page.getByTestId('hl-gradients')
    await table.waitFor({ timeout: 20_000 })
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.dataset.value))),
      )
    expect(rows).toHaveLength(4) // H = 4
    const [c] = await page
      .getByTestId('hl-out-bias')
      .locator('[data-value]')
      .evaluateAll((s) => [Number((s[0] as HTMLElement).dataset.value)])
    // By hand: h_j = tanh(w1_j·x + b1_j), a = σ(Σ w2_j h_j + c), δ = a − y (sigmoid + cross-entropy),
    // ∂J/∂w1_ji = mean δ · w2_j · (1 − h_j²) · x_i, ∂J/∂b1_j the same with 1, ∂J/∂w2_j = mean δ · h_j.
    const { inputs, targets } = makeDataset('circle', 80, 5)
    const H = rows.length
    const sums = rows.map(() => [0, 0, 0, 0])
    for (let n = 0; n < inputs.length; n++) {
      const x = inputs[n]
      const h = rows.map(([w1, , w2, , b]) => Math.tanh(w1 * x[0] + w2 * x[1] + b))
      const z = rows.reduce((s, r, j) => s + r[6] * h[j], c)
      const delta = 1 / (1 + Math.exp(-z)) - targets[n][0]
      for (let j = 0; j < H; j++) {
        const back = delta * rows[j][6] * (1 - h[j] * h[j])
        sums[j][0] += back * x[0]
        sums[j][1] += back * x[1]
        sums[j][2] += back
        sums[j][3] += delta * h[j]
      }
    }
    rows.forEach((r, j) => {
      const expected = sums[j].map((s) => s / inputs.length)
      const shown = [r[1], r[3], r[5], r[7]]
      shown.forEach((g, k) => expect(g).toBeCloseTo(expected[k], 12))
    })
    await scrollIntoView(table)
    await screenshot(page, 'hidden-layer-gradients-1280')
    await page.setViewportSize({ width: 390, height: 800 })
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBe(0)
    await screenshot(page, 'hidden-layer-gradients-390')
    expect(errors).toEqual([])
    await close()
  })
})
