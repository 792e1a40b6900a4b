// The learning-rate lesson at 390 and 1280 px and on paper (#11): on a phone η and the live chart are
// one glance apart (μ, β₁, β₂, ε go below the chart, as the playground moves its settings); a message
// under "Smallest η" leaves "Largest η" where it was; a printed lesson has no "Starts when on screen"
// and no empty chart frames. Boxes measured with getBoundingClientRect.
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

describe('the learning-rate lesson’s screens', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('at 390 px the live chart is right under η, the optimizer fields below it', async () => {
    opened = await openPage('#/learning-rate', { viewport: { width: 390, height: 844 } })
    const { page, errors } = opened
    const live = page.locator('section[aria-labelledby=lr-live-h]')
    const slider = live.getByRole('slider').first()
    const chart = live.getByTestId('live-curves')
    const settings = live.getByTestId('lr-settings')
    await chart.waitFor()
    const box = async (l: typeof chart) => (await l.boundingBox())!
    const [s, c, f] = [await box(slider), await box(chart), await box(settings)]
    // the training bar alone lies between (about 100 px); the fields were there, 600 px apart
    expect(c.y - (s.y + s.height)).toBeLessThan(250)
    expect(f.y).toBeGreaterThan(c.y + c.height)
    // and Tab goes the same way: the fields come after the chart in the DOM
    const after = await live.evaluate((sec) => {
      const chartEl = sec.querySelector('[data-testid=live-curves]')!
      const fields = sec.querySelector('[data-testid=lr-settings]')!
      return Boolean(chartEl.compareDocumentPosition(fields) & Node.DOCUMENT_POSITION_FOLLOWING)
    })
    expect(after).toBe(true)
    await screenshot(page, 'lr-live-390')
    expect(errors).toEqual([])
  })

  it('at 1280 px a message under “Smallest η” leaves “Largest η” in line', async () => {
    opened = await openPage('#/learning-rate')
    const { page, errors } = opened
    const sweep = page.locator('section[aria-labelledby=lr-sweep-h]')
    const smallest = sweep.getByRole('textbox', { name: 'Smallest η' })
    // where each box is relative to the smallest η's field (the live run above changes the page's height)
    const place = () =>
      sweep.evaluate((sec) => {
        const box = (e: Element) => e.getBoundingClientRect()
        const inputs = [...sec.querySelectorAll('.panel-row input, .panel-row select')]
        const s0 = box(inputs[0])
        return inputs.map((e) => ({ dx: box(e).left - s0.left, dy: box(e).top - s0.top }))
      })
    const before = await place()
    expect(before.length).toBe(3) // smallest, largest, copies
    expect(Math.abs(before[1].dy)).toBeLessThan(1) // largest in line with smallest
    await smallest.fill('1000')
    await smallest.press('Enter')
    await sweep.getByRole('alert').first().waitFor()
    const after = await place()
    after.forEach((a, k) => {
      expect(Math.abs(a.dx - before[k].dx)).toBeLessThan(1)
      expect(Math.abs(a.dy - before[k].dy)).toBeLessThan(1)
    })
    await screenshot(page, 'lr-sweep-field-message-1280')
    expect(errors).toEqual([])
  })

  it('printed before any run: no “Starts when on screen”, no empty chart frames', async () => {
    opened = await openPage('#/learning-rate')
    const { page, errors } = opened
    await page
      .getByRole('heading', { name: 'Watch each optimizer walk the loss landscape' })
      .waitFor({ state: 'attached' })
    await page.emulateMedia({ media: 'print' })
    const printed = await page.evaluate(() => {
      const main = document.querySelector('main')!
      const visible = (e: Element) => e.checkVisibility()
      return {
        waits: [...main.querySelectorAll('[data-testid=train-waits-seen]')].filter(visible).length,
        empty: [...main.querySelectorAll('[data-testid=chart-empty]')].filter(visible).length,
        frames: [...main.querySelectorAll('figure.line-chart')].filter(
          (f) => visible(f) && f.querySelector('.line-chart-canvas__blank'),
        ).length,
        text: main.innerText,
      }
    })
    expect(printed.text).not.toContain('when on screen')
    expect(printed.waits).toBe(0)
    expect(printed.empty).toBe(0)
    expect(printed.frames).toBe(0)
    await screenshot(page, 'lr-print')
    expect(errors).toEqual([])
  })
})
