#!/usr/bin/env node
// The `backprop-lab` command: runs a spec through the same WebAssembly engine as the app and prints
// the trace as JSON, or the worked example as an answer key (Markdown with LaTeX). Errors are one line
// naming the field, exit status 2; no stack traces.
import { readFileSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import v8 from 'node:v8'

const USAGE = `usage: backprop-lab trace SPEC.json [--steps N] [--pretty]
       backprop-lab export SPEC.json [--format md|json] [--title TEXT]

trace:  runs the network described by SPEC.json (every field: docs/spec.md) and prints, as JSON,
        loss, layers (z, a, delta per sample; dW, db), weightsAfter, biasesAfter, lossAfter,
        outputsAfter and losses (the batch loss before each of the N updates; N defaults to 1),
        on one line; --pretty indents it (two spaces, one number a line).
export: prints the answer key of one forward + backward pass and update: forward values, errors,
        every delta, every gradient with its chain-rule derivation, updated weights. --format md
        (default) is Markdown with $…$ LaTeX; --format json is the same data as JSON.`

function fail(message, status = 2) {
  process.stderr.write(`backprop-lab: ${message}\n`)
  process.exit(status)
}

function parseArgs(argv) {
  const args = {
    command: argv[0],
    file: undefined,
    steps: 1,
    pretty: false,
    format: 'md',
    title: undefined,
  }
  for (let k = 1; k < argv.length; k++) {
    const a = argv[k]
    if (a === '--pretty') args.pretty = true
    else if (a === '--compact')
      args.pretty = false // the default since --pretty; kept for scripts
    else if (a === '--format' && args.command === 'export') {
      args.format = argv[++k]
      if (args.format !== 'md' && args.format !== 'json')
        fail(`--format: expected md or json, got ${args.format ?? 'nothing'}`)
    } else if (a === '--title' && args.command === 'export') {
      args.title = argv[++k]
      if (args.title === undefined) fail('--title: expected a text')
    } else if (a === '--steps') {
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

/** A module using `i8x16.popcnt`: it validates only where WebAssembly SIMD runs (as web/src/engine/loadEngine.ts). */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15,
  253, 98, 11,
])

/**
 * Multiply-adds of training `steps` updates on the spec in `text` (steps × batch rows × parameters),
 * or 0 when the text is not a spec this can read (the engine then says what is wrong).
 */
function trainingWork(text, steps) {
  try {
    const { layers, inputs, batchSize } = JSON.parse(text)
    const rows = inputs.length
    const batch = batchSize > 0 && batchSize < rows ? batchSize : rows
    let params = 0
    for (let l = 0; l + 1 < layers.length; l++) params += (layers[l] + 1) * layers[l + 1]
    return Number.isFinite(params * batch) ? steps * batch * params : 0
  } catch {
    return 0
  }
}

/**
 * The SIMD build (nn) where this runtime validates SIMD, else the scalar one (nn-nosimd). Same numbers.
 * A run with little training stays in V8's baseline wasm code (Liftoff): optimising the hot functions
 * (the JSON reader, the kernels) costs about 0.1 s of CPU that such a run never earns back (the
 * 2-8x6-1 / 500-point trace: 0.21 -> 0.13 s CPU for the whole process). Liftoff trains at most about
 * 1.2 ns per multiply-add slower (measured there), so below 1e7 of them it loses at most ~12 ms;
 * longer runs tier up as usual.
 */
async function loadEngine(work) {
  if (work < 1e7) v8.setFlagsFromString('--liftoff-only')
  const name = WebAssembly.validate(SIMD_PROBE) ? 'nn' : 'nn-nosimd'
  const wasmPath = fileURLToPath(
    new URL(`../../web/src/engine/generated/${name}.wasm`, import.meta.url),
  )
  if (!existsSync(wasmPath))
    fail('the engine is not built yet: run `npm run build:engine` first', 1)
  const { default: createModule } = await import(`../../web/src/engine/generated/${name}.mjs`)
  return createModule({ wasmBinary: readFileSync(wasmPath) })
}

async function main() {
  const argv = process.argv.slice(2)
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(USAGE + '\n')
    process.exit(argv.length === 0 ? 2 : 0)
  }
  const args = parseArgs(argv)
  if (args.command !== 'trace' && args.command !== 'export')
    fail(`unknown command ${args.command}\n${USAGE}`)
  if (!args.file) fail(`${args.command} needs a spec file\n${USAGE}`)
  let text
  try {
    text = readFileSync(args.file, 'utf8')
  } catch (e) {
    fail(`cannot read ${args.file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`)
  }
  const engine = await loadEngine(args.command === 'export' ? 0 : trainingWork(text, args.steps))
  if (args.command === 'export') return exportAnswerKey(engine, text, args)
  // The engine writes the trace as its own compact JSON.stringify (wasm/engine/json.h): its bytes
  // go from wasm memory to stdout as they are, neither decoded nor parsed and written again.
  const view = engine.traceSpec(text, args.steps)
  const trace = Buffer.from(view.buffer, view.byteOffset, view.length) // no copy
  if (trace.toString('latin1', 0, 9) === '{"error":') fail(JSON.parse(trace.toString()).error)
  if (args.pretty) return process.stdout.write(indent(trace.toString()) + '\n')
  process.stdout.write(trace)
  process.stdout.write('\n')
}

/** The spec's trace as a JavaScript value (`export`). */
const traceOf = (engine, text, steps) =>
  JSON.parse(new TextDecoder().decode(engine.traceSpec(text, steps)))

/**
 * The engine's compact trace laid out as JSON.stringify(trace, null, 2) lays it out, its numbers'
 * text untouched (so -0 stays -0). The trace's only strings are its keys, which hold none of []{},:
 */
function indent(json) {
  let depth = 0
  const line = () => '\n' + '  '.repeat(depth)
  return json.replace(/\[\]|\{\}|[[{}\],:]/g, (c) => {
    if (c === ',') return ',' + line()
    if (c === ':') return ': '
    if (c === '[' || c === '{') return (depth++, c + line())
    if (c === ']' || c === '}') return (depth--, line() + c)
    return c // [] and {}
  })
}

/**
 * `export`: the engine's trace of one step, arranged by the app's own exporter (web/src/math/answerKey.ts),
 * which tsx compiles on the fly, so the CLI and the app's printable page write the same answer key.
 */
async function exportAnswerKey(engine, text, args) {
  const checked = traceOf(engine, text, 0)
  if (checked.error) fail(checked.error)
  const full = JSON.parse(text) // valid: the engine just read it
  // The key is of the first update, which sees only the first mini-batch: trace exactly that batch, so
  // every per-sample number, the loss and the gradients describe the same samples.
  const rows = full.inputs.length
  const bs = full.batchSize > 0 && full.batchSize < rows ? full.batchSize : rows
  const spec =
    bs < rows
      ? {
          ...full,
          inputs: full.inputs.slice(0, bs),
          targets: full.targets.slice(0, bs),
          batchSize: 0,
        }
      : full
  const out = traceOf(engine, JSON.stringify(spec), 1)
  if (out.error) fail(out.error)
  const batchNote =
    bs < rows
      ? `batchSize ${bs} of ${rows} samples: this is the first update, which uses the first mini-batch (sample${bs === 1 ? ' 1' : `s 1 to ${bs}`}); every number below is of that mini-batch.`
      : undefined
  const trace = {
    loss: out.loss,
    sampleLosses: out.sampleLosses,
    inputs: spec.inputs,
    targets: spec.targets,
    weights: out.weights,
    biases: out.biases,
    layers: out.layers,
  }
  const { register } = await import('tsx/esm/api')
  const unregister = register()
  // The app's maths takes f and f′ from the loaded engine (engineModule.ts): hand it this one.
  const { setLoadedEngine } = await import('../../web/src/engine/engineModule.ts')
  setLoadedEngine(engine)
  const { buildAnswerKey, answerKeyMarkdown } = await import('../../web/src/math/answerKey.ts')
  await unregister()
  const key = buildAnswerKey(spec, trace, { title: args.title ?? 'Answer key', batchNote })
  process.stdout.write(
    args.format === 'json' ? JSON.stringify(key, null, 2) + '\n' : answerKeyMarkdown(key),
  )
}

// A reader that stops early (`backprop-lab trace spec.json | head`) is not an error.
process.stdout.on('error', (e) => process.exit(e.code === 'EPIPE' ? 0 : 1))
main().catch((e) => fail(`internal error: ${e instanceof Error ? e.message : String(e)}`, 1))
