// Prints the size budget of dist/: every file (bytes and gzipped), then what the first lesson really
// transfers: Chromium opens `index.html#/step-by-step-222` from a plain static server and every file it
// fetches (html, JS, CSS, .wasm, fonts) is summed. Writes artifacts/budget.json. Run by `npm run build`.
//   node scripts/budget.mjs [--lesson ID]
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { startStaticServer } from './static-server.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = join(root, 'dist')
const lessonArg = process.argv.indexOf('--lesson')
const lesson = lessonArg > 0 ? process.argv[lessonArg + 1] : 'step-by-step-222'

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

const kB = (n) => `${(n / 1024).toFixed(1)} kB`
const sizes = new Map(
  walk(dist).map((path) => {
    const body = readFileSync(path)
    return [
      relative(dist, path).replace(/\\/g, '/'),
      { bytes: body.length, gzip: gzipSync(body, { level: 9 }).length },
    ]
  }),
)

/** The files the lesson page fetches, measured in Chromium; null when no browser is available. */
async function firstLessonFiles() {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(chromiumPath)) return null
  let chromium
  try {
    ;({ chromium } = await import('playwright-core'))
  } catch {
    return null
  }
  const server = await startStaticServer({ root: dist })
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  try {
    // The offline service worker would fetch every file of the site after the first load; what the lesson
    // itself needs is measured without it (the precache is the whole of dist/ listed above).
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      serviceWorkers: 'block',
    })
    await page.goto(`${server.url}index.html#/${lesson}`, { waitUntil: 'networkidle' })
    await page.waitForSelector('.katex', { timeout: 15_000 }).catch(() => {})
    await page.evaluate(async () => {
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))
      await document.fonts.ready
    })
    await page.waitForLoadState('networkidle')
    return [
      ...new Set(
        server.requested.map((p) => (p.endsWith('/') ? `${p}index.html` : p).replace(/^\//, '')),
      ),
    ]
  } finally {
    await browser.close()
    await server.close()
  }
}

const rows = [...sizes.entries()].sort((a, b) => b[1].bytes - a[1].bytes)
const pad = (s, n) => String(s).padEnd(n)
const padL = (s, n) => String(s).padStart(n)
console.log(`\nbudget: dist/ (${rows.length} files)`)
console.log(`${pad('file', 58)}${padL('bytes', 12)}${padL('gzip', 12)}`)
for (const [file, s] of rows)
  console.log(`${pad(file, 58)}${padL(kB(s.bytes), 12)}${padL(kB(s.gzip), 12)}`)
const total = rows.reduce(
  (acc, [, s]) => ({ bytes: acc.bytes + s.bytes, gzip: acc.gzip + s.gzip }),
  { bytes: 0, gzip: 0 },
)
console.log(`${pad('total dist/', 58)}${padL(kB(total.bytes), 12)}${padL(kB(total.gzip), 12)}`)

const loaded = await firstLessonFiles().catch((e) => {
  console.log(`budget: could not measure the first lesson in Chromium (${e.message})`)
  return null
})
const report = { files: Object.fromEntries(sizes), total }
if (loaded) {
  const files = loaded.filter((f) => sizes.has(f))
  const byKind = {}
  let bytes = 0
  let gzip = 0
  for (const f of files) {
    const s = sizes.get(f)
    const kind = f.endsWith('.html')
      ? 'html'
      : f.endsWith('.js')
        ? 'js'
        : f.endsWith('.css')
          ? 'css'
          : f.endsWith('.wasm')
            ? 'wasm'
            : f.endsWith('.woff2')
              ? 'fonts'
              : 'other'
    byKind[kind] ??= { files: 0, bytes: 0, gzip: 0 }
    byKind[kind].files++
    byKind[kind].bytes += s.bytes
    byKind[kind].gzip += s.gzip
    bytes += s.bytes
    gzip += s.gzip
  }
  console.log(`\nfirst lesson #/${lesson}: ${files.length} files fetched by Chromium`)
  for (const [kind, s] of Object.entries(byKind)) {
    console.log(
      `  ${pad(kind, 8)}${padL(s.files, 3)} files ${padL(kB(s.bytes), 11)} ${padL(kB(s.gzip), 11)} gzipped`,
    )
  }
  console.log(`  total transfer: ${kB(bytes)} (${kB(gzip)} gzipped)`)
  report.firstLesson = { lesson, files, byKind, bytes, gzip }
}
const single = sizes.get('backprop-lab.html')
if (single)
  console.log(
    `one-file edition backprop-lab.html: ${kB(single.bytes)} (${kB(single.gzip)} gzipped)`,
  )
const element = sizes.get('backprop-lesson.js')
if (element)
  console.log(
    `custom element backprop-lesson.js: ${kB(element.bytes)} (${kB(element.gzip)} gzipped) + .wasm and fonts from assets/`,
  )
mkdirSync(join(root, 'artifacts'), { recursive: true })
writeFileSync(join(root, 'artifacts/budget.json'), JSON.stringify(report, null, 2))
