// `npm run bench`: throughput of the four workloads for plain JS (float64 baseline), WebAssembly
// with and without SIMD, and native C++, printed as ratios against plain JS.
// Timing: warm-up, then rounds that interleave the implementations (so machine noise hits them
// alike), each timed repetition ≥ 40 ms; the median over rounds is reported.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { Mlp } from './plain-js.mjs'
import { grid, workloads } from './workloads.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const generated = join(root, 'web/src/engine/generated')
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7)
const REP_MS = Number(process.env.BENCH_REP_MS ?? 40)

async function loadModule(name) {
  const { default: create } = await import(join(generated, `${name}.mjs`))
  return create({ wasmBinary: readFileSync(join(generated, `${name}.wasm`)) })
}

function flatParams(spec) {
  const out = []
  spec.weights.forEach((W, l) => {
    for (const row of W) out.push(...row)
    out.push(...spec.biases[l])
  })
  return Float64Array.from(out)
}

// One operation = w.opsPerCall workload units (steps, epochs or frames); returns () => void.
function plainJs(w) {
  const s = w.spec
  const rows = s.inputs.length
  const X = Float64Array.from(s.inputs.flat())
  const Y = Float64Array.from(s.targets.flat())
  const batch = s.batchSize && s.batchSize < rows ? s.batchSize : rows
  const mlp = new Mlp({
    sizes: s.layers,
    activations: s.activations,
    loss: s.loss,
    learningRate: s.learningRate,
    capacity: Math.max(batch, 256),
    params: flatParams(s),
  })
  if (w.predictRows) {
    const g = grid(Math.sqrt(w.predictRows))
    const out = new Float64Array(w.predictRows * s.layers.at(-1))
    return () => mlp.predict(out, g, w.predictRows)
  }
  let cursor = 0
  return () => {
    for (let k = 0; k < w.steps; k++) {
      const count = Math.min(batch, rows - cursor)
      mlp.step(X, Y, cursor, count)
      cursor = cursor + count >= rows ? 0 : cursor + count
    }
  }
}

function wasm(mod, w, { float32 = false } = {}) {
  const net = new mod.Network()
  if (net.configure(JSON.stringify(w.spec)) !== mod.Status.ok) throw new Error(net.error())
  if (w.predictRows) {
    if (!net.reservePredict) return null
    net.reservePredict(w.predictRows)
    net.buffers().predictInputs.set(grid(Math.sqrt(w.predictRows)))
    return float32 ? () => net.predict(w.predictRows) : () => net.predictExact(w.predictRows)
  }
  if (float32) return net.trainFloat32 ? () => net.trainFloat32(w.steps) : null
  return () => {
    if (net.train(w.steps) !== w.steps) throw new Error(`${w.id}: ${net.error()}`)
  }
}

function timeRep(fn, calls) {
  const t0 = process.hrtime.bigint()
  for (let k = 0; k < calls; k++) fn()
  return Number(process.hrtime.bigint() - t0) / 1e6
}

// impls: {name: fn}; returns {name: median ops per second}
function measure(impls, opsPerCall) {
  const calls = {}
  for (const [name, fn] of Object.entries(impls)) {
    let n = 1
    timeRep(fn, 1) // first call: allocation, JIT
    while (timeRep(fn, n) < REP_MS) n *= 2
    timeRep(fn, n) // warm-up at full length
    calls[name] = n
  }
  const rates = Object.fromEntries(Object.keys(impls).map((k) => [k, []]))
  for (let r = 0; r < ROUNDS; r++)
    for (const [name, fn] of Object.entries(impls))
      rates[name].push((calls[name] * opsPerCall * 1000) / timeRep(fn, calls[name]))
  const median = (xs) => xs.sort((p, q) => p - q)[xs.length >> 1]
  return Object.fromEntries(Object.entries(rates).map(([k, xs]) => [k, median(xs)]))
}

function native(list) {
  const exe = join(root, 'build/native/native_bench')
  const dir = mkdtempSync(join(tmpdir(), 'nn-bench-'))
  const manifest = list.map((w) => {
    const file = join(dir, `${w.id}.json`)
    writeFileSync(file, JSON.stringify(w.spec))
    return `${w.id} ${file} ${w.steps ?? 0} ${w.predictRows ?? 0}`
  })
  writeFileSync(join(dir, 'manifest.txt'), manifest.join('\n') + '\n')
  try {
    const out = execFileSync(exe, [join(dir, 'manifest.txt'), String(ROUNDS), String(REP_MS)], {
      encoding: 'utf8',
    })
    return JSON.parse(out)
  } catch (e) {
    console.error(`native bench unavailable: ${e.message.split('\n')[0]}`)
    return {}
  }
}

const fmt = (x) => (x === undefined ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(2))
const pad = (s, n) => String(s).padStart(n)

const simd = await loadModule('nn')
const nosimd = await loadModule('nn-nosimd')
const list = workloads()
const nat = native(list)
const rows = []
for (const w of list) {
  const impls = { js: plainJs(w), simd: wasm(simd, w), nosimd: wasm(nosimd, w) }
  const f32 = w.float32 && wasm(simd, w, { float32: true })
  if (f32) impls.simdF32 = f32
  for (const k of Object.keys(impls)) if (!impls[k]) delete impls[k]
  const r = measure(impls, w.opsPerCall)
  const n = nat[w.id] ?? {} // native reports calls per second; a call is opsPerCall ops
  rows.push({
    w,
    r,
    nat: { f64: n.f64 && n.f64 * w.opsPerCall, f32: n.f32 && n.f32 * w.opsPerCall },
  })
}

console.log(
  `\nBackprop Lab bench — Node ${process.version}, median of ${ROUNDS} interleaved rounds (≥ ${REP_MS} ms each)`,
)
console.log(
  'Ratios are throughput / plain JS (float64). f32 = the float32 fast path, only where digits are not shown: (c), (d).\n',
)
const head = [
  'workload',
  'plain JS (ops/s)',
  'wasm SIMD ×',
  'wasm SIMD f32 ×',
  'wasm no-SIMD ×',
  'native ×',
  'native f32 ×',
]
const widths = [54, 17, 12, 16, 15, 9, 13]
console.log(head.map((h, i) => (i === 0 ? h.padEnd(widths[0]) : pad(h, widths[i]))).join(' | '))
console.log(widths.map((n) => '-'.repeat(n)).join('-|-'))
for (const { w, r, nat: n } of rows) {
  const js = r.js
  const cells = [
    `${w.title} [${w.unit}]`.padEnd(widths[0]),
    pad(fmt(js), widths[1]),
    pad(fmt(r.simd / js), widths[2]),
    pad(fmt(r.simdF32 && r.simdF32 / js), widths[3]),
    pad(fmt(r.nosimd / js), widths[4]),
    pad(fmt(n.f64 && n.f64 / js), widths[5]),
    pad(fmt(n.f32 && n.f32 / js), widths[6]),
  ]
  console.log(cells.join(' | '))
}
console.log('\nAims (best SIMD column vs plain JS): (a) ≥ 5×, (b) ≥ 8×, (c) ≥ 15×, (d) ≥ 15×')
