// Starts, once per `vitest run`, a `vite preview` of dist/ (port 0, with the app's CSP header) and one
// Chromium, and provides both addresses to the e2e tests. It builds nothing: run `vite build` first
// (`npm test` and `npm run test:e2e` do).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { preview } from 'vite'
import type { TestProject } from 'vitest/node'

/** Debian's Chromium; Playwright's own browser downloads cannot work on these machines (TOOLCHAIN.md). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Keeps Chromium off the network it does not have, and able to run as root without a GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

declare module 'vitest' {
  export interface ProvidedContext {
    /** Playwright's WebSocket endpoint of the shared Chromium (connect with `chromium.connect`). */
    wsEndpoint: string
    /** The preview server's URL, ending in '/'. */
    baseURL: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = fileURLToPath(new URL('../../', import.meta.url))
  if (!existsSync(`${root}dist/index.html`)) {
    throw new Error(
      'dist/index.html is missing: run `npm run build` (or `npm run test:e2e`) first.',
    )
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: run \`bash scripts/setup.sh\` as root to install it.`,
    )
  }
  const server = await preview({
    configFile: `${root}web/vite.config.ts`,
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
    logLevel: 'warn',
  })
  const baseURL = server.resolvedUrls?.local[0]
  if (!baseURL) throw new Error('vite preview did not report a URL')

  const browser = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  })
  project.provide('wsEndpoint', browser.wsEndpoint())
  project.provide('baseURL', baseURL.endsWith('/') ? baseURL : `${baseURL}/`)

  return async () => {
    await browser.close()
    await server.close()
  }
}
