// Checks the SIMD WebAssembly build: it must contain f64x2 and f32x4 instructions (counted with
// binaryen's wasm-dis), and training in it must give bitwise the numbers of the no-SIMD build,
// because every SIMD lane keeps the reference's summation order. Exit code 1 on failure.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { workloads } from './workloads.mjs'

const generated = join(dirname(fileURLToPath(import.meta.url)), '../web/src/engine/generated')
let failed = false

const count = (file, op) => {
  const text = execFileSync('wasm-dis', [join(generated, file)], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
  return text.split('\n').filter((line) => line.includes(op)).length
}
if (!existsSync(join(generated, 'nn.wasm'))) {
  console.log('check-simd: no nn.wasm yet (run npm run build:engine); skipped')
  process.exit(0)
}
for (const op of ['f64x2', 'f32x4']) {
  const simd = count('nn.wasm', op)
  const plain = count('nn-nosimd.wasm', op)
  console.log(`check-simd: nn.wasm has ${simd} ${op} instructions, nn-nosimd.wasm ${plain}`)
  if (simd === 0 || plain !== 0) failed = true
}

async function trainedParams(name, w) {
  const { default: create } = await import(join(generated, `${name}.mjs`))
  const mod = await create({ wasmBinary: readFileSync(join(generated, `${name}.wasm`)) })
  const net = new mod.Network()
  net.configure(JSON.stringify(w.spec))
  mod._nn_train(net.handle(), w.steps * 3)
  const params = Float64Array.from(net.buffers().params)
  net.delete()
  return new BigUint64Array(params.buffer)
}
for (const w of workloads().filter((x) => x.steps)) {
  const [a, b] = await Promise.all([trainedParams('nn', w), trainedParams('nn-nosimd', w)])
  const same = a.length === b.length && a.every((bits, k) => bits === b[k])
  console.log(`check-simd: ${w.id}: SIMD and no-SIMD training ${same ? 'bitwise equal' : 'DIFFER'}`)
  if (!same) failed = true
}
if (failed) process.exit(1)
