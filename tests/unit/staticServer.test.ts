// The README's `node scripts/static-server.mjs dist 8080` serves the custom element to host pages at
// other origins: without an Access-Control-Allow-Origin header the browser refuses its module script
// and wasm (a newcomer saw an empty element and a console CORS error).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startStaticServer } from '../../scripts/static-server.mjs'

describe('static server', () => {
  const cleanup: (() => Promise<unknown>)[] = []
  afterAll(async () => {
    for (const c of cleanup) await c()
  })

  it('lets any origin load its files (Access-Control-Allow-Origin: *)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'static-server-'))
    cleanup.push(() => rm(dir, { recursive: true, force: true }))
    await writeFile(join(dir, 'backprop-lesson.js'), 'export {}\n')
    const server = await startStaticServer({ root: dir })
    cleanup.push(() => server.close())
    const res = await fetch(`${server.url}backprop-lesson.js`, {
      headers: { Origin: 'http://127.0.0.1:9999' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(await res.text()).toBe('export {}\n')
  })
})
