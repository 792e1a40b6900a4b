// `npm run bench`, last table: the `backprop-lab trace` command as a whole process (Node start, engine
// load, reading the spec, training, writing the trace JSON) on workload (b), the 2-8x6-1 network on
// 500 points, with --steps 1 and --steps 800, beside plain JS doing the same 800 mini-batch steps in
// process. Median of BENCH_CLI_ROUNDS (default 5) runs each, wall time and, on Linux, the CPU time the
// process used (all its threads: the wasm compiler's too), which a loaded machine inflates far less.
// Then where the time goes inside the engine: traceSpec in process, warm, with 0 and 800 steps (the
// time the main thread ran, on Linux, so waiting for a core does not count).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { Mlp } from './plain-js.mjs'
import { workloads } from './workloads.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'wasm/cli/backprop-lab.mjs')
const ROUNDS = Number(process.env.BENCH_CLI_ROUNDS ?? 5)
const spec = workloads().find((w) => w.id === 'epoch2861').spec
const specFile = join(mkdtempSync(join(tmpdir(), 'bench-cli-')), 'spec.json')
writeFileSync(specFile, JSON.stringify(spec))

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** CPU seconds of the finished child processes (Linux: cutime + cstime of /proc/self/stat), or null. */
function childCpu() {
  if (!existsSync('/proc/self/stat')) return null
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')
  return (Number(fields[13]) + Number(fields[14])) / 100 // clock ticks; USER_HZ is 100 on Linux
}

/** Median wall seconds of `fn` over ROUNDS runs, and the median CPU seconds of its child processes. */
function seconds(fn) {
  const times = []
  const cpu = []
  for (let r = 0; r < ROUNDS; r++) {
    const c = childCpu()
    const t = process.hrtime.bigint()
    fn()
    times.push(Number(process.hrtime.bigint() - t) / 1e9)
    if (c !== null) cpu.push(childCpu() - c)
  }
  return { wall: median(times), cpu: cpu.length ? median(cpu) : null }
}

/** Milliseconds this thread ran (Linux: /proc schedstat), else wall milliseconds. */
const schedstat = `/proc/self/task/${process.pid}/schedstat`
const threadMs = existsSync(schedstat)
  ? () => Number(readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6
  : () => performance.now()

/** Median milliseconds of engine.traceSpec(spec, steps) in process, after a warm-up; and its length. */
function traceSpecMs(engine, steps) {
  const text = JSON.stringify(spec)
  for (let k = 0; k < 10; k++) engine.traceSpec(text, steps)
  const times = []
  let length = 0
  for (let k = 0; k < 15; k++) {
    const t = threadMs()
    length = engine.traceSpec(text, steps).length
    times.push(threadMs() - t)
  }
  return { ms: median(times), length }
}

function run(args) {
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] })
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`)
}

function plainJs800() {
  const rows = spec.inputs.length
  const X = Float64Array.from(spec.inputs.flat())
  const Y = Float64Array.from(spec.targets.flat())
  const params = spec.weights.flatMap((W, l) => [...W.flat(), ...spec.biases[l]])
  const mlp = new Mlp({
    sizes: spec.layers,
    activations: spec.activations,
    loss: spec.loss,
    learningRate: spec.learningRate,
    capacity: 256,
    params: Float64Array.from(params),
  })
  for (let k = 0, cursor = 0; k < 800; k++) {
    const count = Math.min(spec.batchSize, rows - cursor)
    mlp.step(X, Y, cursor, count)
    cursor = cursor + count >= rows ? 0 : cursor + count
  }
}

const rowsOut = [
  ['node -e 0 (Node start alone)', seconds(() => run(['-e', '0']))],
  ['backprop-lab trace --steps 1', seconds(() => run([cli, 'trace', specFile, '--steps', '1']))],
  [
    'backprop-lab trace --steps 800',
    seconds(() => run([cli, 'trace', specFile, '--steps', '800'])),
  ],
  ['plain JS, the same 800 steps (in process)', seconds(plainJs800)],
]
console.log(
  `\nbackprop-lab trace, (b) 2-8x6-1 on 500 points, batch 10 (whole process, median of ${ROUNDS}; ` +
    `load average ${loadavg()[0].toFixed(1)})`,
)
for (const [label, { wall, cpu }] of rowsOut)
  console.log(
    `  ${label.padEnd(44)} ${wall.toFixed(3)} s` +
      (cpu === null || label.startsWith('plain') ? '' : `   CPU ${cpu.toFixed(2)} s`),
  )
const { default: create } = await import(join(root, 'web/src/engine/generated/nn.mjs'))
const engine = await create({
  wasmBinary: readFileSync(join(root, 'web/src/engine/generated/nn.wasm')),
})
const none = traceSpecMs(engine, 0)
const trained = traceSpecMs(engine, 800)
console.log(
  `  inside: traceSpec, warm, main thread's time (median of 15): read the spec, one forward + backward on all rows, ` +
    `write ${(none.length / 1e6).toFixed(2)} MB of JSON ${none.ms.toFixed(1)} ms; ` +
    `800 training steps ${(trained.ms - none.ms).toFixed(1)} ms more`,
)
console.log(
  'Aim: trace --steps 1 under 0.25 s; --steps 800 dominated by training, not by writing JSON.',
)
