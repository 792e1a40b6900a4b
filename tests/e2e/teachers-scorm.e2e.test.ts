// The SCORM 1.2 package (#17) launched in a real SCORM runtime (scorm-again): a lesson reports its
// completion and score; outside an LMS it reports nothing. Real servers on 127.0.0.1 (courseSite.ts).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { startStaticServer } from '../../scripts/static-server.mjs'
import { ANSWERS } from '../unit/courseAnswers'
import { app, dist, open, repo, useCourseSite } from './courseSite'
import { screenshot } from './utils'

useCourseSite()

describe('SCORM 1.2 package', () => {
  it('launched in a SCORM runtime (scorm-again), a lesson reports completion and its score', async () => {
    // The LMS: the package unzipped on its own origin, scorm-again's SCORM 1.2 API on the launching page.
    const lmsDir = mkdtempSync(join(tmpdir(), 'bl-lms-'))
    const files = unzipSync(readFileSync(join(dist, 'backprop-lab-scorm12.zip')))
    const manifest = new TextDecoder().decode(files['imsmanifest.xml'])
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>')
    const scos = [...manifest.matchAll(/adlcp:scormtype="sco" href="([^"]+)"/g)].map((m) => m[1])
    expect(scos).toContain('sco/step-by-step-222.html')
    expect(scos.length).toBeGreaterThanOrEqual(13)
    for (const [name, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(lmsDir, name)), { recursive: true })
      writeFileSync(join(lmsDir, name), bytes)
    }
    for (const f of scos) expect(files[f], f).toBeDefined()
    copyFileSync(join(repo, 'node_modules/scorm-again/dist/scorm12.js'), join(lmsDir, 'scorm12.js'))
    writeFileSync(
      join(lmsDir, 'lms.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>LMS</title>
<script src="scorm12.js"></script><script>window.API = new Scorm12API({ logLevel: 5 })</script></head>
<body><h1>LMS</h1><iframe src="sco/step-by-step-222.html" title="SCO" style="width:100%;height:700px"></iframe></body></html>`,
    )
    const lms = await startStaticServer({ root: lmsDir })
    const { page, errors, close } = await open(`${lms.url}lms.html`)
    const get = (element: string) =>
      page.evaluate(
        (e) =>
          (window as unknown as { API: { LMSGetValue: (e: string) => string } }).API.LMSGetValue(e),
        element,
      )
    const frame = page.frameLocator('iframe')
    await frame.getByRole('button', { name: 'Step', exact: true }).waitFor({ timeout: 20_000 })
    await expect.poll(() => get('cmi.core.lesson_status')).toBe('incomplete')
    expect(await get('cmi.core.score.raw')).toBe('0')

    // Solve one of the lesson's two exercises with check-my-work: score 50.
    const card = frame.locator('[data-exercise="total-error"]')
    const values = JSON.parse((await card.getAttribute('data-values')) ?? '{}')
    const expected = ANSWERS['step-by-step-222/total-error'](values).E
    await card.getByLabel('Your value').fill(String(expected))
    await card.getByRole('button', { name: 'Check', exact: true }).click()
    await expect.poll(() => get('cmi.core.score.raw')).toBe('50')
    expect(await get('cmi.core.lesson_status')).toBe('incomplete')

    // The walk-through, every step in order: completed.
    const steps = frame.locator('.guide__go')
    const count = await steps.count()
    expect(count).toBeGreaterThan(2)
    for (let k = 0; k < count; k++) await steps.nth(k).click()
    await expect.poll(() => get('cmi.core.lesson_status')).toBe('completed')
    expect(await get('cmi.core.score.raw')).toBe('50')
    expect(await get('cmi.core.score.max')).toBe('100')
    await screenshot(page, 'teachers-scorm-lms')
    expect(errors).toEqual([])
    await close()
    await lms.close()
  })

  it('outside an LMS the lesson reports nothing and registers its offline worker as usual', async () => {
    const { page, errors, close } = await open(`${app.url}index.html#/step-by-step-222`)
    await page.getByRole('button', { name: 'Step', exact: true }).waitFor({ timeout: 20_000 })
    expect(await page.evaluate(() => 'API' in window)).toBe(false)
    await page.evaluate(() => navigator.serviceWorker.ready)
    expect(errors).toEqual([])
    await close()
  })
})
