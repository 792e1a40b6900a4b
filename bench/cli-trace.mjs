// `npm run bench`, last table: the `backprop-lab trace` command as a whole process (Node start, engine
// load, reading the spec, training, writing the trace JSON, printing it) on workload (b), the 2-8x6-1
// network on 500 points, with --steps 1 and --steps 800, beside plain JS doing the same 800
// mini-batch steps in process. Median wall time of BENCH_CLI_ROUNDS (default 7) runs each, and, on
// Linux, the median CPU time the process used (all its threads), which a loaded machine inflates far
// less than wall time.
// Then where --steps 800's time goes, phase by phase, in this process with the engine in the wasm
// tier the CLI uses for this run (V8's baseline tier, Liftoff: see loadEngine in the CLI), each the
// main thread's time on Linux (waiting for a core does not count), median of 15 after a warm-up; and
// the share of the whole process's CPU time that the 800 training steps are.
// Reported, never asserted.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import v8 from 'node:v8'

import { Mlp } from './plain-js.mjs'
import { workloads } from './workloads.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'wasm/cli/backprop-lab.mjs')
const ROUNDS = Number(process.env.BENCH_CLI_ROUNDS ?? 7)
const spec = workloads().find((w) => w.id === 'epoch2861').spec
const specText = JSON.stringify(spec)
const specFile = join(mkdtempSync(join(tmpdir(), 'bench-cli-')), 'spec.json')
writeFileSync(specFile, specText)

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

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

/**
 * Median thread milliseconds of one fn() over 15 samples after 5 warm-up runs, and fn's last result.
 * A sample times as many calls as fill 40 ms: the thread clock may tick in steps of a few ms.
 */
function phaseMs(fn) {
  let result
  const t0 = threadMs()
  for (let k = 0; k < 5; k++) result = fn()
  const calls = Math.max(1, Math.ceil(40 / Math.max((threadMs() - t0) / 5, 0.1)))
  const times = []
  for (let k = 0; k < 15; k++) {
    const t = threadMs()
    for (let c = 0; c < calls; c++) result = fn()
    times.push((threadMs() - t) / calls)
  }
  return { ms: median(times), result }
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
    `  ${label.padEnd(44)} ${wall.toFixed(3)} s wall` +
      (cpu === null || label.startsWith('plain') ? '' : `   ${cpu.toFixed(2)} s CPU`),
  )

// The phases, in the CLI's tier for this run (it must be chosen before the module is compiled).
v8.setFlagsFromString('--liftoff-only')
const { default: create } = await import(join(root, 'web/src/engine/generated/nn.mjs'))
const engine = await create({
  wasmBinary: readFileSync(join(root, 'web/src/engine/generated/nn.wasm')),
})
const net = new engine.Network()
const prepare = phaseMs(() => {
  net.configure(specText)
  engine._nn_forward(net.handle())
  return net.backward()
})
net.delete()
const none = phaseMs(() => engine.traceSpec(specText, 0).length)
const trained = phaseMs(() => engine.traceSpec(specText, 800).length)
const training = trained.ms - none.ms
const writing = none.ms - prepare.ms
const [, steps1, steps800] = rowsOut
console.log(
  `  where --steps 800 goes (in process, the CLI's wasm tier, main thread, median of 15): read the spec and ` +
    `one forward + backward on all rows ${prepare.ms.toFixed(1)} ms; write ${(none.result / 1e6).toFixed(2)} ` +
    `MB of trace JSON ${writing.toFixed(1)} ms; 800 training steps ${training.toFixed(1)} ms (the CLI prints ` +
    `the engine's text as it is)`,
)
const cpu800 = steps800[1].cpu
console.log(
  `  training's share: ${((100 * training) / trained.ms).toFixed(0)} % of traceSpec` +
    (cpu800 === null
      ? ''
      : `, ${((100 * training) / (1000 * cpu800)).toFixed(0)} % of the process's CPU`) +
    `; training / writing JSON = ${(training / writing).toFixed(2)}`,
)
console.log(
  `Aim: trace --steps 1 under 0.25 s wall (here ${steps1[1].wall.toFixed(3)} s, CPU ${steps1[1].cpu?.toFixed(2) ?? '?'} s); ` +
    `--steps 800 dominated by training, not by writing JSON (training / writing ${(training / writing).toFixed(2)}).`,
)
