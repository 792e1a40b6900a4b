// The playground in Chromium: train the spiral until the test loss falls, add points by clicking, import
// a CSV, open the derivation of a clicked weight, export SPEC.json and run the command line on it, reload
// the shared link, measure frame times while a 2-8-8-8-8-8-8-1 network trains on 500 points.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openPage, screenshot, type OpenedPage } from './utils'

const cli = fileURLToPath(new URL('../../wasm/cli/backprop-lab.mjs', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'bl-pg-'))
const value = async (page: Page, id: string) =>
  Number(await page.getByTestId(id).getAttribute('data-value'))

/** Exactly `n` updates with the Step button (one update each): the same run on any machine, any load. */
async function steps(page: Page, n: number): Promise<void> {
  const step = page.getByRole('button', { name: 'Step' })
  const start = Number(await page.getByTestId('updates').textContent())
  for (let k = 0; k < n; k++) await step.click()
  await expect.poll(() => page.getByTestId('updates').textContent()).toBe(String(start + n))
}

describe('playground', () => {
  let opened: OpenedPage | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('trains the spiral until the test loss falls, and shows every neuron', async () => {
    opened = await openPage(
      '#/playground?v=1&d=spiral&h=8,8,8&f=x1,x2,sinx1,sinx2&opt=adam&lr=0.01&test=30',
    )
    const { page, errors } = opened
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).waitFor()
    const first = await value(page, 'test-loss')
    // Keyboard: the toolbar's buttons are real buttons (Space starts and stops training).
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).focus()
    await page.keyboard.press('Space')
    await page.getByRole('button', { name: 'Pause' }).waitFor()
    await page.keyboard.press('Space')
    // Back to the first weights (Space ran as many updates as the machine managed), then exactly 60.
    await page.getByRole('button', { name: 'Reset' }).click()
    await expect.poll(() => page.getByTestId('updates').textContent()).toBe('0')
    expect(await value(page, 'test-loss')).toBe(first)
    await steps(page, 60)
    expect(await value(page, 'test-loss')).toBeLessThan(first)
    expect(await page.locator('[data-unit]').count()).toBe(8 * 3 + 1)
    await screenshot(page, 'playground-1280')
    expect(errors).toEqual([])
  })

  it('names a diverged run and draws no NaN', async () => {
    opened = await openPage('#/playground?v=1&d=plane&h=8,8&act=relu&lr=10&bs=0')
    const { page, errors } = opened
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).click()
    await expect
      .poll(
        () =>
          page
            .getByTestId('train-message')
            .textContent()
            .catch(() => ''),
        { timeout: 10_000 },
      )
      .toContain('diverged')
    expect(await page.getByRole('button', { name: /^(Train|Resume)$/ }).isVisible()).toBe(true)
    expect(await page.getByTestId('train-loss').textContent()).not.toContain('NaN')
    expect(errors).toEqual([])
  })

  it('adds points by clicking, imports a CSV naming its bad line, derives a clicked weight', async () => {
    opened = await openPage('#/playground')
    const { page, errors } = opened
    const plane = page.getByTestId('plane-map')
    await plane.waitFor()
    await page.getByLabel('Class of added points').selectOption('0')
    const box = (await plane.boundingBox())!
    await plane.click({ position: { x: box.width * 0.25, y: box.height * 0.25 } })
    await plane.click({ position: { x: box.width * 0.75, y: box.height * 0.75 } })
    // The address bar is written at most every 300 ms: wait for the write, not for a clock.
    await expect.poll(() => page.url()).toContain('d=custom')
    expect(page.url()).toContain('pts=')
    const csv = join(dir, 'points.csv')
    writeFileSync(csv, 'x1,x2,label\n1,1,1\n-1,-1,0\n2,oops,1\n-2,2,0\n2,-2,1\n3,3,1\n-3,-3,0\n')
    await page.getByTestId('import-csv').setInputFiles(csv)
    await page.getByText('Line 4: “oops” is not a number.').waitFor()
    await page.getByText('Imported 6 points.').waitFor()
    await page.getByRole('button', { name: 'Step' }).click()
    // A weight: the edge from input x₁ to neuron 1 of hidden layer 1 (click the middle of the line).
    const a = (await page.locator('.pg-node--input').first().boundingBox())!
    const b = (await page.locator('[data-unit="1-0"]').boundingBox())!
    await page.mouse.click((a.x + a.width + b.x) / 2, (a.y + a.height / 2 + b.y + b.height / 2) / 2)
    const panel = page.getByTestId('derivation')
    await panel.waitFor()
    expect(await panel.getByLabel('Parameter').inputValue()).toBe('W1[0][0]')
    await panel
      .getByText('Numerical check')
      .or(panel.getByText('Regularisation adds'))
      .first()
      .waitFor()
    expect(await panel.textContent()).toContain('they agree')
    await screenshot(page, 'playground-derivation-1280')
    expect(errors).toEqual([])
  })

  it('exports SPEC.json that the command line reproduces, and the shared link gives the same network', async () => {
    opened = await openPage(
      '#/playground?v=1&d=xor&h=5,3&reg=l2&rr=0.003&bs=20&seed=42&f=x1,x2,x1x2',
    )
    const { page, errors } = opened
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).waitFor()
    await steps(page, 30)
    const download = async (name: string) => {
      const [d] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name }).click(),
      ])
      const path = join(dir, d.suggestedFilename())
      await d.saveAs(path)
      return path
    }
    const spec = await download('Download SPEC.json for the command line')
    const r = spawnSync(process.execPath, [cli, 'trace', spec, '--compact'], { encoding: 'utf8' })
    expect(r.status).toBe(0)
    const pageLoss = await value(page, 'train-total')
    console.log(
      `playground: page data loss + penalty ${pageLoss}, CLI loss ${JSON.parse(r.stdout).loss}`,
    )
    expect(JSON.parse(r.stdout).loss).toBe(pageLoss)
    // Same link, fresh page: the same data and the same first weights.
    await page.getByRole('button', { name: 'Reset' }).click()
    const before = JSON.parse(
      readFileSync(await download('Download network + data (JSON)'), 'utf8'),
    )
    // The app's share bar: what its Share link button copies.
    const query = await page.locator('.share-bar').getAttribute('data-query')
    await opened.close()
    opened = await openPage(`#/playground?${query}`)
    await opened.page.getByRole('button', { name: /^(Train|Resume)$/ }).waitFor()
    const [d] = await Promise.all([
      opened.page.waitForEvent('download'),
      opened.page.getByRole('button', { name: 'Download network + data (JSON)' }).click(),
    ])
    const again = join(dir, 'again.json')
    await d.saveAs(again)
    const after = JSON.parse(readFileSync(again, 'utf8'))
    expect(after).toEqual(before)
    expect(errors).toEqual([])
    expect(opened.errors).toEqual([])
  })

  it('fits a phone, and reports frame times of a 2-8-8-8-8-8-8-1 network on 500 points', async () => {
    opened = await openPage('#/playground?v=1&d=spiral&n=500&h=8,8,8,8,8,8&test=0', {
      viewport: { width: 375, height: 800 },
    })
    const { page, errors } = opened
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).waitFor()
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    await screenshot(page, 'playground-375')
    expect(overflow).toBe(0)
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('.pg input, .pg select, .pg textarea')]
        .filter((el) => (el.labels?.length ?? 0) === 0 && !el.getAttribute('aria-label'))
        .map((el) => el.outerHTML.slice(0, 80)),
    )
    expect(unlabelled).toEqual([])
    await page.setViewportSize({ width: 1280, height: 800 })
    // Counts frames, not milliseconds: the figures are printed for reading (npm run bench reports
    // them properly); nothing asserted here depends on how loaded the machine is.
    const frames = (count: number): Promise<number[]> =>
      page.evaluate(
        (n) =>
          new Promise((resolve) => {
            const out: number[] = []
            let last = performance.now()
            const tick = (t: number) => {
              out.push(t - last)
              last = t
              if (out.length < n) requestAnimationFrame(tick)
              else resolve(out.slice(5))
            }
            requestAnimationFrame(tick)
          }),
        count,
      )
    const report = (what: string, deltas: number[]) => {
      const s = [...deltas].sort((x, y) => x - y)
      const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(1)
      console.log(
        `playground frame times, ${what} (ms) over ${s.length} frames: median ${q(0.5)}, p95 ${q(0.95)}, max ${s[s.length - 1].toFixed(1)}`,
      )
    }
    report('idle page (machine baseline)', await frames(65))
    await page.getByRole('button', { name: /^(Train|Resume)$/ }).click()
    report('training 2-8-8-8-8-8-8-1 on 500 points + heatmaps', await frames(65))
    // Every frame runs a training chunk, so 65 painted frames must have trained and still answer Pause.
    await page.getByRole('button', { name: 'Pause' }).click()
    const updates = Number((await page.getByTestId('updates').textContent())?.replace(/\D/g, ''))
    console.log(`playground: ${updates} updates while measuring`)
    expect(updates).toBeGreaterThan(0)
    expect(errors).toEqual([])
  })
})
