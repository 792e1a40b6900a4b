// The learning-rate lesson at 390 and 1280 px and on paper (#11): on a phone η and the live chart are
// one glance apart (μ, β₁, β₂, ε go below the chart, as the playground moves its settings); a message
// under "Smallest η" leaves "Largest η" where it was; a printed lesson has no "Starts when on screen"
// and no empty chart frames. Boxes measured with getBoundingClientRect.
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, scrollIntoView, type OpenedPage } from './utils'

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

  // #11: at η = 0.5 with β₂ = 0, then η = 2 from update 5, every copy diverges (Adam after 10,
  // momentum after 11, SGD after 18): on a phone the labels covered a ✕ and ran past the chart's
  // left edge, and the status said "lower η" while Adam's own line said to raise β₂.
  type Box = { text?: string; left: number; top: number; width: number; height: number }
  const cover = (a: Box, b: Box) =>
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ])
    it(`at ${width} px the live run’s labels cover no label and no ✕, inside the chart, and the status gives each run’s own advice`, async () => {
      opened = await openPage('#/learning-rate?lr=0.5&b2=0', { viewport: { width, height } })
      const { page, errors } = opened
      const live = page.locator('section[aria-labelledby=lr-live-h]')
      const chart = live.getByTestId('live-curves')
      const button = (name: string) =>
        live.getByRole('button', { name: `${name} (live run)`, exact: true })
      await scrollIntoView(chart)
      if (await button('Pause').count()) await button('Pause').click()
      await button('Reset').click()
      for (let k = 0; k < 5; k++) await button('Step').click()
      const slider = live.getByRole('slider', { name: /^Learning rate η/ })
      await slider.focus()
      for (let k = 0; k < 12; k++) await slider.press('ArrowRight')
      await expect
        .poll(async () => (await live.locator('.log-slider__value').textContent())?.trim())
        .toBe('2')
      for (let k = 0; k < 30 && (await button('Step').isEnabled()); k++)
        await button('Step').click()
      const status = (await page.getByTestId('train-message').textContent())?.trim() ?? ''
      const lines = (await live.getByTestId('lr-diverged').allTextContents()).map((t) =>
        t.replace(/\s+/g, ' ').trim(),
      )
      expect(lines).toHaveLength(3)
      // each run's step, as its own line says it, is the one the status gives that run
      const fixes = lines.map((l) => /(Lower η|Raise β₂ \(.*\)) and press Reset\.$/.exec(l)![1])
      expect(fixes).toEqual(['Lower η', 'Lower η', "Raise β₂ (PyTorch's default is 0.999)"])
      expect(status).toBe(
        "Every run diverged. SGD and Momentum: lower η; Adam: raise β₂ (PyTorch's default is 0.999). Then press Reset.",
      )
      const drawn = JSON.parse((await chart.getAttribute('data-chart')) ?? '{}') as {
        labels?: Box[]
        marks?: Box[]
        area?: Box | null
      }
      const [labels, marks, area] = [drawn.labels ?? [], drawn.marks ?? [], drawn.area]
      expect(marks).toHaveLength(3)
      expect(area).toBeTruthy()
      for (const a of labels) {
        expect(a.left, a.text).toBeGreaterThanOrEqual(area!.left)
        expect(a.top, a.text).toBeGreaterThanOrEqual(area!.top)
        expect(a.left + a.width, a.text).toBeLessThanOrEqual(area!.left + area!.width)
        expect(a.top + a.height, a.text).toBeLessThanOrEqual(area!.top + area!.height)
        for (const m of marks) expect(cover(a, m), `${a.text} covers a ✕`).toBe(false)
        for (const b of labels) if (a !== b) expect(cover(a, b), `${a.text}, ${b.text}`).toBe(false)
      }
      // a run whose label found no room is still named below the chart, with its count
      for (const [k, name] of ['SGD', 'Momentum', 'Adam'].entries())
        expect(lines[k]).toMatch(new RegExp(`^${name}.*diverged after \\d+ updates`))
      await scrollIntoView(chart)
      await screenshot(page, `lr-live-all-diverged-${width}`)
      expect(errors).toEqual([])
    })

  it('plain SGD, momentum and Adam at η = 30: every line and the status say lower η', async () => {
    opened = await openPage('#/learning-rate?lr=30')
    const { page, errors } = opened
    const live = page.locator('section[aria-labelledby=lr-live-h]')
    await scrollIntoView(live.getByTestId('live-curves'))
    const message = page.getByTestId('train-message')
    await expect.poll(() => message.textContent(), { timeout: 20_000 }).toContain('Every run')
    const lines = await live.getByTestId('lr-diverged').allTextContents()
    expect(lines).toHaveLength(3)
    for (const l of lines) expect(l.trim()).toMatch(/\. Lower η and press Reset\.$/)
    expect(await message.textContent()).toBe('Every run diverged. Lower η and press Reset.')
    expect(errors).toEqual([])
  })
})
