// Frame times while training, per screen (#11: p95 under 17 ms on every screen that trains). Serves
// dist/ (run `npm run build:web` first), drives Debian's Chromium through each training run at the
// lesson's own default pace and at "as fast as it goes", and prints the median and p95 time between
// animation frames, the share of frames over 17 ms (a missed frame at 60 Hz) and the share of frames
// during which the screen was training (a run that ended during the measurement is resumed, as a
// learner would; a share under 100 % means part of the figures is an idle page). Reported, never
// asserted: the machine is shared, so the load average is printed beside every row.
//   node bench/frames.mjs [frames=180] [run,run,…]    BENCH_DIST=dir serves another build (default dist)
import { existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import { chromium } from 'playwright-core'
import { startStaticServer } from '../scripts/static-server.mjs'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FRAMES = Number(process.argv[2] ?? 180)
const ONLY = process.argv[3]?.split(',')
const DIST = process.env.BENCH_DIST ?? 'dist'
/** A frame slower than this missed a refresh at 60 Hz (16.7 ms, with some slack for timer jitter). */
const SLOW_MS = 17

/**
 * Each training run: its name, the route, and the button that starts it (`nth` among buttons of that
 * name; none: the screen trains when opened). Every screen that trains has at least one run.
 */
const RUNS = [
  { name: 'step-by-step-222', route: 'step-by-step-222', start: 'Train' },
  { name: 'sigmoid-221', route: 'sigmoid-221', start: 'Train' },
  { name: 'relu-sigmoid-222', route: 'relu-sigmoid-222', start: 'Train' },
  { name: 'single-neuron', route: 'single-neuron', start: 'Train' },
  { name: 'hidden-layer', route: 'hidden-layer', start: 'Train' },
  { name: 'vanishing-gradient', route: 'vanishing-gradient', start: 'Train' },
  { name: 'xor-221 experiments', route: 'xor-221', start: 'Train' },
  { name: 'xor-221 inspector', route: 'xor-221', start: 'Play' },
  { name: 'loss-compare', route: 'loss-compare', start: null },
  { name: 'batch-vs-sgd', route: 'batch-vs-sgd', start: null },
  { name: 'learning-rate live+sweep', route: 'learning-rate', start: null },
  { name: 'learning-rate landscape', route: 'learning-rate', start: 'Train', nth: 0 },
  { name: 'playground', route: 'playground', start: 'Play' },
]

/**
 * Times between `n` consecutive animation frames, measured in the page, and how many of them the page
 * was training (a Pause button on screen). With `resume`, a run that reached its planned length is
 * resumed at once (its Resume button clicked), so "as fast as it goes" is measured while training.
 */
function frameTimes(page, n, resume) {
  return page.evaluate(
    ([count, resume]) =>
      new Promise((resolve) => {
        const times = []
        let training = 0
        let last = performance.now()
        const buttons = () => [...document.querySelectorAll('main button')]
        const tick = (t) => {
          times.push(t - last)
          last = t
          const bs = buttons()
          if (bs.some((b) => b.textContent.trim() === 'Pause')) training++
          else if (resume) bs.find((b) => b.textContent.trim() === 'Resume')?.click()
          if (times.length <= count) requestAnimationFrame(tick)
          else resolve({ times: times.slice(1), training: training - 1 })
        }
        requestAnimationFrame(tick)
      }),
    [n, resume],
  )
}
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')

async function measure(browser, base, run, fastest) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.goto(`${base}#/${run.route}`, { waitUntil: 'load' })
  await page.getByTestId('speed').first().waitFor({ timeout: 30_000 })
  if (fastest)
    for (const speed of await page.getByTestId('speed').all()) await speed.selectOption('max')
  if (run.start) {
    const buttons = page.locator('main').getByRole('button', { name: run.start, exact: true })
    await buttons.nth(run.nth ?? 0).click()
  }
  await page.waitForTimeout(300) // past the first chunks, which size themselves to the budget
  const loadBefore = loadavg()[0]
  const { times, training } = await frameTimes(page, FRAMES, fastest)
  await context.close()
  times.sort((a, b) => a - b)
  return {
    median: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    slow: times.filter((t) => t > SLOW_MS).length / times.length,
    training: Math.max(0, training) / times.length,
    load: (loadBefore + loadavg()[0]) / 2,
  }
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
console.log(
  `\nFrame time while training (ms, ${FRAMES} frames at 1280×800; target p95 < ${SLOW_MS})`,
)
console.log(
  `${DIST}, load average ${load()} at the start (the machine is shared: compare rows side by side)`,
)
console.log(
  'median, p95 (ms), share of frames over 17 ms, share of frames training, 1-minute load average',
)
const f = (x) => x.toFixed(1).padStart(6)
const pc = (x) => `${Math.round(100 * x)}%`.padStart(5)
const row = (m) =>
  `${f(m.median)} ${f(m.p95)} ${pc(m.slow)} ${pc(m.training)} ${m.load.toFixed(1).padStart(5)}`
console.log(
  `${'run'.padEnd(26)}| default pace: median   p95  >17ms train  load | fastest: median   p95  >17ms train  load`,
)
for (const run of RUNS.filter((r) => !ONLY || ONLY.some((o) => r.name.startsWith(o)))) {
  const paced = await measure(browser, server.url, run, false)
  const fast = await measure(browser, server.url, run, true)
  console.log(`${run.name.padEnd(26)}|${' '.repeat(13)}${row(paced)} |${' '.repeat(8)}${row(fast)}`)
}
await browser.close()
await server.close()
