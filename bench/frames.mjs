// Frame times while training, per screen (#11: p95 under 17 ms on every screen that trains). Serves
// dist/ (run `npm run build:web` first), drives Debian's Chromium through each training screen at the
// lesson's own default pace and at "as fast as it goes", and prints the median and p95 time between
// animation frames. Reported, never asserted: the machine is shared.
//   node bench/frames.mjs [frames=180] [screen,screen,…]    BENCH_DIST=dir serves another build (default dist)
import { existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import { chromium } from 'playwright-core'
import { startStaticServer } from '../scripts/static-server.mjs'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FRAMES = Number(process.argv[2] ?? 180)
const ONLY = process.argv[3]?.split(',')
const DIST = process.env.BENCH_DIST ?? 'dist'

/** Each screen: its route and the button that starts training (none: it trains when opened). */
const SCREENS = [
  { id: 'step-by-step-222', start: 'Train' },
  { id: 'sigmoid-221', start: 'Train' },
  { id: 'relu-sigmoid-222', start: 'Train' },
  { id: 'single-neuron', start: 'Train' },
  { id: 'hidden-layer', start: 'Train' },
  { id: 'vanishing-gradient', start: 'Train' },
  { id: 'xor-221', start: 'Train' },
  { id: 'loss-compare', start: null },
  { id: 'batch-vs-sgd', start: null },
  { id: 'learning-rate', start: null },
  { id: 'playground', start: 'Play' },
]

/** Times between `n` consecutive animation frames, measured in the page. */
function frameTimes(page, n) {
  return page.evaluate(
    (count) =>
      new Promise((resolve) => {
        const out = []
        let last = performance.now()
        const tick = (t) => {
          out.push(t - last)
          last = t
          if (out.length < count) requestAnimationFrame(tick)
          else resolve(out.slice(1))
        }
        requestAnimationFrame(tick)
      }),
    n,
  )
}
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]

async function measure(browser, base, screen, fastest) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.goto(`${base}#/${screen.id}`, { waitUntil: 'load' })
  await page.getByTestId('speed').first().waitFor({ timeout: 20_000 })
  if (fastest)
    for (const speed of await page.getByTestId('speed').all()) await speed.selectOption('max')
  if (screen.start)
    await page.getByRole('button', { name: screen.start, exact: true }).first().click()
  await page.waitForTimeout(300) // past the first chunks, which size themselves to the budget
  const times = (await frameTimes(page, FRAMES)).sort((a, b) => a - b)
  await context.close()
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) }
}

if (!existsSync(`${DIST}/index.html`)) {
  console.error(`${DIST}/index.html is missing: run \`npm run build:web\` first.`)
  process.exit(2)
}
const server = await startStaticServer({ root: DIST })
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
})
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')
console.log(`\nFrame time while training (ms, ${FRAMES} frames at 1280×800; target p95 < 17)`)
console.log(`${DIST}, load average ${load()} (the machine is shared: compare runs side by side)`)
console.log('screen               default pace: median    p95 | fastest: median    p95')
for (const screen of SCREENS.filter((s) => !ONLY || ONLY.includes(s.id))) {
  const paced = await measure(browser, server.url, screen, false)
  const fast = await measure(browser, server.url, screen, true)
  const f = (x) => x.toFixed(1).padStart(6)
  console.log(
    `${screen.id.padEnd(20)} ${' '.repeat(13)}${f(paced.median)} ${f(paced.p95)} |          ${f(fast.median)} ${f(fast.p95)}`,
  )
}
await browser.close()
await server.close()
