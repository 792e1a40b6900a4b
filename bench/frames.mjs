// Frame times while training, per screen (#11: p95 under 17 ms on every screen that trains). Serves
// dist/ (run `npm run build:web` first), drives Debian's Chromium through each training run at the
// lesson's own default pace and at "as fast as it goes", at 1280×800 and at phone width (390×844), and
// prints the median and p95 time between animation frames, the share of frames over 17 ms (a missed
// frame at 60 Hz) and the share of frames during which the screen was training.
// A run that reaches its planned length is continued at once, as a learner would, with the button the
// screen offers then (Resume, Run again, Play): at "as fast as it goes" several screens finish a planned
// run within one frame, so those rows measure a run ending (and its full redraw) in almost every frame,
// the most a learner can ask of them. A frame counts as training when a loop of the run was running
// (its Pause on screen) or was just continued when the frame before it ended: its loop then trained in
// that frame. Reported, never asserted: the machine is shared, so the load average is printed beside
// every row; compare builds in one run (BENCH_DIST=a,b measures both, row by row, at the same load).
//   node bench/frames.mjs [frames=180] [run,run,…]
//   BENCH_DIST=dir[,dir…]       the build(s) to serve (default dist)
//   BENCH_VIEWPORTS=desktop,phone   which widths (default both)
//   BENCH_REPEAT=n              measure every row n times (default 1)
import { existsSync, readdirSync } from 'node:fs'
import { basename } from 'node:path'
import { loadavg } from 'node:os'
import { chromium } from 'playwright-core'
import { startStaticServer } from '../scripts/static-server.mjs'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FRAMES = Number(process.argv[2] ?? 180)
const ONLY = process.argv[3]?.split(',')
const DISTS = (process.env.BENCH_DIST ?? 'dist').split(',')
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1)
/** A frame slower than this missed a refresh at 60 Hz (16.7 ms, with some slack for timer jitter). */
const SLOW_MS = 17
/** Frames measured before the figures start: the loops' chunks size themselves to the budget. */
const WARM_FRAMES = 20
const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
}
const viewports = (process.env.BENCH_VIEWPORTS ?? 'desktop,phone').split(',')

/**
 * Each training run: its name, the route, the part of the page its controls are in (`scope`, a CSS
 * selector; default the whole lesson), the button that starts it (`nth` among buttons of that name in
 * the scope; none: its Resume, as the screen trains when opened) and the buttons that continue it
 * after a planned run ends (`again`; default Resume). Every screen that trains has at least one run.
 * Before measuring, the run is brought into view as a learner watching it would have it (`view`, a CSS
 * selector; default the first chart in the scope, else the scope): what is off screen is not drawn
 * while training, so a run measured off screen would flatter its row.
 */
const RUNS = [
  { name: 'step-by-step-222', route: 'step-by-step-222', start: 'Train' },
  { name: 'sigmoid-221', route: 'sigmoid-221', start: 'Train' },
  { name: 'relu-sigmoid-222', route: 'relu-sigmoid-222', start: 'Train' },
  { name: 'single-neuron', route: 'single-neuron', start: 'Train' },
  { name: 'hidden-layer', route: 'hidden-layer', start: 'Train' },
  { name: 'vanishing-gradient', route: 'vanishing-gradient', start: 'Train' },
  {
    name: 'xor-221 experiments',
    route: 'xor-221',
    scope: '[aria-labelledby="xor-run-heading"]',
    start: 'Train',
    again: ['Resume', 'Run again'],
  },
  {
    name: 'xor-221 inspector',
    route: 'xor-221',
    scope: '[aria-labelledby="xor-inspect-heading"]',
    start: 'Play',
    again: ['Resume', 'Play'],
  },
  { name: 'loss-compare', route: 'loss-compare', start: null },
  { name: 'batch-vs-sgd', route: 'batch-vs-sgd', start: null },
  {
    name: 'learning-rate live+sweep',
    route: 'learning-rate',
    scope: '[aria-labelledby="lr-live-h"], [aria-labelledby="lr-sweep-h"]',
    start: null,
  },
  {
    name: 'learning-rate landscape',
    route: 'learning-rate',
    scope: '[aria-labelledby="lr-land-h"]',
    start: 'Train',
  },
  { name: 'playground', route: 'playground', start: 'Train' },
]

/**
 * Times between `n` consecutive animation frames (after WARM_FRAMES), measured in the page, and how
 * many of them the run was training in. Every frame, a loop of the run that is paused at the end of a
 * planned run is continued (its `again` button clicked).
 */
function frameTimes(page, n, scope, again) {
  return page.evaluate(
    ([count, warm, scope, again]) =>
      new Promise((resolve) => {
        const times = []
        let training = 0
        let trainsNext = false
        let last = performance.now()
        const text = (b) => b.textContent.trim()
        const tick = (t) => {
          const measured = times.length >= warm
          if (measured && trainsNext) training++
          times.push(t - last)
          last = t
          const buttons = [...document.querySelectorAll(scope)].flatMap((s) => [
            ...s.querySelectorAll('button'),
          ])
          const running = buttons.some((b) => text(b) === 'Pause')
          const paused = buttons.filter((b) => again.includes(text(b)) && !b.disabled)
          for (const b of paused) b.click()
          // a loop running now, or continued now, trains in the next frame (its callback comes first)
          trainsNext = running || paused.length > 0
          if (times.length < count + warm) requestAnimationFrame(tick)
          else resolve({ times: times.slice(warm), training })
        }
        requestAnimationFrame(tick)
      }),
    [n, WARM_FRAMES, scope, again],
  )
}
/** Clicks every enabled button labelled one of `labels` inside the elements matching `scope`. */
const clickAll = (page, scope, labels) =>
  page.evaluate(
    ([scope, labels]) => {
      for (const b of document.querySelectorAll(scope.replace(/(,|$)/g, ' button$1')))
        if (labels.includes(b.textContent.trim()) && !b.disabled) b.click()
    },
    [scope, labels],
  )
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')

async function measure(browser, base, run, fastest, viewport) {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  await page.goto(`${base}#/${run.route}`, { waitUntil: 'load' })
  await page.getByTestId('speed').first().waitFor({ timeout: 30_000 })
  const scope = run.scope ?? 'main'
  const again = run.again ?? ['Resume']
  // Whatever trains when opened pauses first, so a row measures its own run only.
  await clickAll(page, 'main', ['Pause'])
  const own = page.locator(scope)
  if (fastest)
    for (const speed of await own.getByTestId('speed').all()) await speed.selectOption('max')
  if (run.start)
    await own
      // its visible label: a page with several runs names each button after its run, "Train (…)"
      .locator('button', { hasText: new RegExp(`^\\s*${run.start}\\s*$`) })
      .nth(run.nth ?? 0)
      .click()
  else await clickAll(page, scope, again)
  const view = run.view ? own.locator(run.view) : own.locator('[data-chart]')
  const target = (await view.count()) > 0 ? view.first() : own.first()
  await target.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  const loadBefore = loadavg()[0]
  const { times, training } = await frameTimes(page, FRAMES, scope, again)
  await context.close()
  times.sort((a, b) => a - b)
  return {
    median: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    slow: times.filter((t) => t > SLOW_MS).length / times.length,
    training: training / times.length,
    load: (loadBefore + loadavg()[0]) / 2,
  }
}

for (const dist of DISTS)
  if (!existsSync(`${dist}/index.html`)) {
    console.error(`${dist}/index.html is missing: run \`npm run build:web\` first.`)
    process.exit(2)
  }
const servers = await Promise.all(DISTS.map((root) => startStaticServer({ root })))
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
})
const f = (x) => x.toFixed(1).padStart(6)
const pc = (x) => `${Math.round(100 * x)}%`.padStart(5)
const row = (m) =>
  `${f(m.median)} ${f(m.p95)} ${pc(m.slow)} ${pc(m.training)} ${m.load.toFixed(1).padStart(5)}`
const labels = DISTS.map((d) => basename(d))
const labelWidth = Math.max(...labels.map((l) => l.length))
// A lesson without a run here is not measured: named at the start, so that a new lesson that trains
// is not left out unnoticed.
const unmeasured = readdirSync(new URL('../web/src/lessons/', import.meta.url), {
  withFileTypes: true,
})
  .map((d) => d.name)
  .filter((id) => existsSync(new URL(`../web/src/lessons/${id}/lesson.ts`, import.meta.url)))
  .filter((id) => !RUNS.some((r) => r.route === id))
if (unmeasured.length)
  console.log(`No run (a lesson that trains needs one in RUNS): ${unmeasured.join(', ')}`)
const runs = RUNS.filter((r) => !ONLY || ONLY.some((o) => r.name.startsWith(o)))
for (const name of viewports) {
  const viewport = VIEWPORTS[name]
  if (!viewport) throw new Error(`unknown viewport ${name}: ${Object.keys(VIEWPORTS).join(', ')}`)
  console.log(
    `\nFrame time while training (ms, ${FRAMES} frames at ${viewport.width}×${viewport.height}; target p95 < ${SLOW_MS})`,
  )
  console.log(
    `${DISTS.join(', ')}, load average ${load()} at the start (the machine is shared: compare rows side by side)`,
  )
  console.log(
    'median, p95 (ms), share of frames over 17 ms, share of frames training, 1-minute load average',
  )
  const build = DISTS.length > 1 ? `${'build'.padEnd(labelWidth)} ` : ''
  console.log(
    `${'run'.padEnd(26)}${build}| default pace: median   p95  >17ms train  load | fastest: median   p95  >17ms train  load`,
  )
  for (const run of runs)
    for (let r = 0; r < REPEAT; r++)
      for (const [k, server] of servers.entries()) {
        const paced = await measure(browser, server.url, run, false, viewport)
        const fast = await measure(browser, server.url, run, true, viewport)
        const which = DISTS.length > 1 ? `${labels[k].padEnd(labelWidth)} ` : ''
        console.log(
          `${run.name.padEnd(26)}${which}|${' '.repeat(13)}${row(paced)} |${' '.repeat(8)}${row(fast)}`,
        )
      }
}
await browser.close()
await Promise.all(servers.map((s) => s.close()))
