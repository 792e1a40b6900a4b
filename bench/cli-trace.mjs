// `npm run bench`, last table: the `backprop-lab trace` command as a whole process (Node start, engine
// load, reading the spec, training, writing the trace JSON) on workload (b), the 2-8x6-1 network on
// 500 points, with --steps 1 (mostly JSON out) and --steps 800 (mostly training), beside plain JS doing
// the same 800 mini-batch steps in process. Median of BENCH_CLI_ROUNDS (default 5) runs each.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
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

/** Median wall seconds of `fn` over ROUNDS runs. */
function seconds(fn) {
  const times = []
  for (let r = 0; r < ROUNDS; r++) {
    const t = process.hrtime.bigint()
    fn()
    times.push(Number(process.hrtime.bigint() - t) / 1e9)
  }
  return median(times)
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
  `\nbackprop-lab trace, (b) 2-8x6-1 on 500 points, batch 10 (whole process, median of ${ROUNDS})`,
)
for (const [label, s] of rowsOut) console.log(`  ${label.padEnd(44)} ${s.toFixed(3)} s`)
console.log(
  'Aim: trace --steps 1 under 0.25 s; --steps 800 dominated by training, not by writing JSON.',
)
