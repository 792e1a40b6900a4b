#!/usr/bin/env node
// The `backprop-lab` command: runs a spec through the same WebAssembly engine as the app and prints
// the trace as JSON. Errors are one line naming the field, exit status 2; no stack traces.
import { readFileSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const USAGE = `usage: backprop-lab trace SPEC.json [--steps N] [--compact]

Runs the network described by SPEC.json (see README: "The spec") and prints, as JSON,
loss, layers (z, a, delta per sample; dW, db), weightsAfter, biasesAfter, lossAfter,
outputsAfter and losses (the batch loss before each of the N updates; N defaults to 1).`

function fail(message, status = 2) {
  process.stderr.write(`backprop-lab: ${message}\n`)
  process.exit(status)
}

function parseArgs(argv) {
  const args = { command: argv[0], file: undefined, steps: 1, compact: false }
  for (let k = 1; k < argv.length; k++) {
    const a = argv[k]
    if (a === '--compact') args.compact = true
    else if (a === '--steps') {
      const text = argv[++k]
      const n = Number(text)
      if (text === undefined || !Number.isInteger(n) || n < 0 || n > 1e7)
        fail(`--steps: expected a whole number from 0 to 10000000, got ${text ?? 'nothing'}`)
      args.steps = n
    } else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`)
    else if (args.file === undefined) args.file = a
    else fail(`unexpected argument ${a}\n${USAGE}`)
  }
  return args
}

async function loadEngine() {
  const wasmPath = fileURLToPath(new URL('../../web/src/engine/generated/nn-nosimd.wasm', import.meta.url))
  if (!existsSync(wasmPath)) fail('the engine is not built yet: run `npm run build:engine` first', 1)
  const { default: createModule } = await import('../../web/src/engine/generated/nn-nosimd.mjs')
  return createModule({ wasmBinary: readFileSync(wasmPath) })
}

async function main() {
  const argv = process.argv.slice(2)
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(USAGE + '\n')
    process.exit(argv.length === 0 ? 2 : 0)
  }
  const args = parseArgs(argv)
  if (args.command !== 'trace') fail(`unknown command ${args.command}\n${USAGE}`)
  if (!args.file) fail(`trace needs a spec file\n${USAGE}`)
  let text
  try {
    text = readFileSync(args.file, 'utf8')
  } catch (e) {
    fail(`cannot read ${args.file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`)
  }
  const engine = await loadEngine()
  const out = JSON.parse(engine.traceSpec(text, args.steps))
  if (out.error) fail(out.error)
  process.stdout.write(JSON.stringify(out, null, args.compact ? undefined : 2) + '\n')
}

main().catch((e) => fail(`internal error: ${e instanceof Error ? e.message : String(e)}`, 1))
