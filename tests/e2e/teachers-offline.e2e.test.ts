// A course used offline and updated (#17): lessons open with the network gone after the first visit, a
// part that cannot load offline says so, a new deployment is offered as a reload, and the one-file
// edition hides link sharing. Real servers on 127.0.0.1 (courseSite.ts).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startStaticServer } from '../../scripts/static-server.mjs'
import { app, CSP, dist, open, useCourseSite } from './courseSite'
import { screenshot } from './utils'

useCourseSite()

describe('offline after the first visit', () => {
  it('opens three other lessons, an answer key, and reloads with the network gone', async () => {
    const { page, context, errors, close } = await open(`${app.url}index.html#/step-by-step-222`)
    await page.getByRole('button', { name: 'Step', exact: true }).waitFor({ timeout: 20_000 })
    // The service worker has stored the site and controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready)
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 30_000,
      })
      .toBe(true)
    await context.setOffline(true)
    for (const lesson of ['sigmoid-221', 'chain-rule', 'xor-221']) {
      await page.evaluate((id) => (location.hash = `#/${id}`), lesson)
      await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'classic' }).waitFor()
      await expect.poll(() => page.evaluate(() => location.hash)).toContain(lesson)
      expect(await page.getByTestId('load-problem').count()).toBe(0)
    }
    // A worked example runs its engine offline, and its answer key opens.
    await page.evaluate(() => (location.hash = '#/sigmoid-221'))
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await page.getByTestId('loss').waitFor()
    await page.evaluate(() => (location.hash = '#/step-by-step-222/answer-key'))
    await page.getByRole('heading', { name: /Answer key/ }).waitFor({ timeout: 20_000 })
    await page.reload({ waitUntil: 'load' })
    await page.getByRole('heading', { name: /Answer key/ }).waitFor({ timeout: 20_000 })
    await page.evaluate(() => (location.hash = '#/step-by-step-222'))
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await expect.poll(() => page.getByTestId('loss').first().textContent()).toBe('0.298371109')
    await screenshot(page, 'teachers-offline-reload')
    expect(errors).toEqual([])
    await close()
  })

  it('says plainly when a part cannot load offline (no stored copy)', async () => {
    const { page, context, close } = await open(`${app.url}index.html#/`, {
      serviceWorkers: 'block',
    })
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await context.setOffline(true)
    await page.evaluate(() => (location.hash = '#/sigmoid-221'))
    const problem = page.getByTestId('load-problem')
    await problem.waitFor({ timeout: 20_000 })
    expect(await problem.textContent()).toMatch(/could not be loaded.*offline/s)
    await screenshot(page, 'teachers-offline-load-problem')
    await close()
  })
})

describe('updates and the one-file edition', () => {
  it('offers a reload when a new version is deployed, and the reload brings it', async () => {
    // A copy of the site that can be "deployed" again: a changed service worker is a new version.
    const siteDir = mkdtempSync(join(tmpdir(), 'bl-site-'))
    cpSync(dist, siteDir, { recursive: true })
    const site = await startStaticServer({ root: siteDir, headers: CSP })
    const { page, errors, close } = await open(`${site.url}index.html#/chain-rule`)
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 20_000 })
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 30_000,
      })
      .toBe(true)
    expect(await page.getByTestId('update-ready').count()).toBe(0)
    writeFileSync(
      join(siteDir, 'sw.js'),
      `${readFileSync(join(siteDir, 'sw.js'), 'utf8')}\n// version 2\n`,
    )
    await page.reload({ waitUntil: 'load' })
    const prompt = page.getByTestId('update-ready')
    await prompt.waitFor({ timeout: 30_000 })
    expect(await prompt.textContent()).toContain('A new version of Backprop Lab is ready.')
    await screenshot(page, 'teachers-update-prompt')
    await Promise.all([
      page.waitForEvent('load', { timeout: 30_000 }),
      prompt.getByRole('button', { name: 'Reload to update' }).click(),
    ])
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('update-ready').count()).toBe(0)
    expect(errors).toEqual([])
    await close()
    await site.close()
  })

  it('the one-file edition hides link sharing and says why', async () => {
    const { page, errors, close } = await open(`file://${dist}/backprop-lab.html#/step-by-step-222`)
    const note = page.getByTestId('single-file-note')
    await note.waitFor({ timeout: 20_000 })
    expect(await note.textContent()).toContain('would only work on this')
    expect(await page.getByTestId('share').count()).toBe(0)
    expect(await page.getByTestId('embed-code').count()).toBe(0)
    expect(await page.getByTestId('answer-key').count()).toBe(1)
    expect(errors).toEqual([])
    await close()
  })
})
