// The whole worked example of one forward + backward pass and update, as data (for the printable view)
// and as Markdown with LaTeX (for export and the CLI): givens, forward values, errors, every δ, every
// gradient with its chain-rule derivation, updated weights. Values come from quantities.ts (the engine's
// trace), derivations from derivation.ts; this file only arranges and formats. No Vue, no engine calls.

import { label, tex } from '../engine/catalogue'
import type { ActivationName, NetworkSpec, Trace } from '../engine/types'
import { deriveGradient, type DerivationStep } from './derivation'
import { factorsOf } from './derivationFactors'
import { formatNumber, fullPrecision } from './format'
import { isFused, lossTermLatex } from './losses'
import { buildQuantities, exactValue, type Quantities } from './quantities'
import { sharedBiasLayers } from './keys'
import { outputLayerMatrixForm } from './matrixForm'
import { inputSymbol, partial, symbolFor, vectorSymbol, type SymbolMap } from './symbols'
import { plural } from './plural'

/** One line of a table: `symbol = formula = numbers = value`. */
export interface AnswerRow {
  key: string
  /** LaTeX of the quantity. */
  symbol: string
  /** LaTeX in symbols; empty for givens. */
  formula: string
  /** LaTeX with the numbers substituted; empty for givens. */
  numbers: string
  value: number
}

export interface AnswerSection {
  title: string
  /** Plain text under the title. */
  note?: string
  rows: AnswerRow[]
}

/** A gradient's chain-rule derivation (derivation.ts steps). */
export interface AnswerDerivation {
  key: string
  /** LaTeX heading, e.g. ∂E_total/∂w_5. */
  heading: string
  steps: DerivationStep[]
}

export interface AnswerKey {
  title: string
  /** Plain-text sentences describing the network and the conventions. */
  summary: string[]
  sections: AnswerSection[]
  derivations: AnswerDerivation[]
}

export interface AnswerKeyOptions {
  /** @default 'Answer key' */
  title?: string
  /** The lesson's notation. @default {} */
  symbols?: SymbolMap
  /** Derivations are written for networks with at most this many parameters. @default 64 */
  maxDerivations?: number
  /** Per-sample sections are written for at most this many samples. @default 4 */
  maxSamples?: number
  /** The lesson has no biases (all 0, never trained): no bias rows. @default false */
  noBiases?: boolean
  /** Add the output layer's gradients in matrix form (the lesson shows it). @default false */
  matrixForm?: boolean
  /** A sentence about which batch this is (e.g. the first mini-batch of several), for the summary. */
  batchNote?: string
}

const range = (n: number): number[] => Array.from({ length: n }, (_, v) => v)
const dot = ' \\cdot '

/**
 * A number as the notes write it: 9 decimal places, trailing zeros dropped (0.298371109, 0.35891648);
 * tiny or huge values with 9 significant digits in scientific notation.
 */
export function notesNumber(x: number, style: 'latex' | 'plain' = 'plain'): string {
  const ax = Math.abs(x)
  if (x === 0 || !Number.isFinite(x) || ax < 1e-3 || ax >= 1e6) return formatNumber(x, 9, { style })
  const s = x.toFixed(9)
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s
}
const n = (x: number): string => {
  const s = notesNumber(x, 'latex')
  return x < 0 ? `(${s})` : s
}

/** f(z) in LaTeX (the catalogue's); softmax's unit j of a layer whose net inputs are `all`. */
function activationLatex(act: ActivationName, z: string, all?: string[], j = 0): string {
  const sum = (all ?? [z]).map((v) => `e^{${v}}`).join(' + ')
  return tex('activations', act, 'tex', { z: all?.[j] ?? z, 'Σe^z': sum })
}

function activationName(act: ActivationName, z: string): string {
  return act === 'sigmoid' ? `\\sigma(${z})` : act === 'linear' ? z : `f(${z})`
}

/** What every section builder reads: the network, its trace, the notation and the per-sample values. */
interface KeyContext {
  spec: NetworkSpec
  trace: Trace
  symbols: SymbolMap
  sym: (key: string) => string
  L: number
  B: number
  /** The samples given their own sections, and their quantities. */
  samples: number[]
  perSample: Quantities[]
  /** Per weight layer (0-based): one bias shared by the units. */
  shared: boolean[]
  /** The network has no biases (the lesson leaves them out): no bias rows anywhere. */
  noBiases: boolean
  row: (q: Quantities, key: string, formula?: string, numbers?: string) => AnswerRow
  suffix: (s: number) => string
}

const v = (q: Quantities, key: string): number => exactValue(q, key)
const prevKey = (l: number, i: number): string => (l === 1 ? `x[${i}]` : `a${l - 1}[${i}]`)
/** The key of the bias unit j of weight layer l uses (`b{l}` when the layer shares one). */
const biasKey = (c: KeyContext, l: number, j: number): string =>
  c.shared[l - 1] ? `b${l}` : `b${l}[${j}]`

/** A parameter of the network: its key, the δ it collects and the input it multiplies (none for a bias). */
interface Parameter {
  key: string
  /** Several for a shared bias: the sum over its uses. */
  deltas: string[]
  /** Weight layer l (1-based) and input i of a weight. */
  input?: { l: number; i: number }
}

/** Every weight and each bias once (a shared bias once, after its layer's units), as the engine orders them. */
function parametersOf(c: KeyContext): Parameter[] {
  const out: Parameter[] = []
  for (let l = 1; l <= c.L; l++) {
    const units = range(c.spec.layers[l])
    for (const j of units) {
      const deltas = [`delta${l}[${j}]`]
      for (const i of range(c.spec.layers[l - 1]))
        out.push({ key: `W${l}[${j}][${i}]`, deltas, input: { l, i } })
      if (!c.noBiases && !c.shared[l - 1]) out.push({ key: `b${l}[${j}]`, deltas })
    }
    if (!c.noBiases && c.shared[l - 1])
      out.push({ key: `b${l}`, deltas: units.map((j) => `delta${l}[${j}]`) })
  }
  return out
}

/** 1. Inputs and targets per sample, then every parameter. */
function givensSection(c: KeyContext, params: Parameter[]): AnswerSection {
  const { spec, L, samples, perSample, row } = c
  const rows: AnswerRow[] = samples.flatMap((s) =>
    [
      ...range(spec.layers[0]).map((i) => `x[${i}]`),
      ...range(spec.layers[L]).map((k) => `y[${k}]`),
    ].map((key) => ({ ...row(perSample[s], key), key: `${key}#${s}` })),
  )
  rows.push(...params.map((p) => row(perSample[0], p.key)))
  const notes = [
    c.B > 1 ? 'Inputs and targets per sample, then the parameters.' : '',
    c.shared.some(Boolean) && !c.noBiases
      ? 'A shared bias is one parameter used by every unit of its layer, so it is listed once.'
      : '',
  ]
  return { title: 'Given', note: joinNotes(notes), rows }
}

/** Plain-text notes without the empty ones, or undefined when none is left. */
const joinNotes = (parts: string[]): string | undefined =>
  parts.filter(Boolean).join(' ') || undefined

/** 2. net = Σ w·in (+ b) and out = f(net), layer by layer, for one sample. */
function forwardRows(c: KeyContext, q: Quantities): AnswerRow[] {
  const { spec, L, sym, symbols, row } = c
  const rows: AnswerRow[] = []
  for (let l = 1; l <= L; l++) {
    const act = spec.activations[l - 1]
    const ins = range(spec.layers[l - 1])
    const zKeys = range(spec.layers[l]).map((j) => `z${l}[${j}]`)
    for (const j of range(spec.layers[l])) {
      const w = (i: number): string => `W${l}[${j}][${i}]`
      const b = c.noBiases ? [] : [biasKey(c, l, j)]
      const formula = [
        ...ins.map((i) => `${sym(w(i))}\\,${inputSymbol(l, i, symbols)}`),
        ...b.map(sym),
      ].join(' + ')
      const numbers = [
        ...ins.map((i) => `${n(v(q, w(i)))}${dot}${n(v(q, prevKey(l, i)))}`),
        ...b.map((k) => n(v(q, k))),
      ].join(' + ')
      rows.push(row(q, zKeys[j], formula, numbers))
    }
    for (const j of range(spec.layers[l])) {
      const z = zKeys[j]
      const formula =
        act === 'softmax'
          ? activationLatex(act, sym(z), zKeys.map(sym), j)
          : `${activationName(act, sym(z))} = ${activationLatex(act, sym(z))}`
      const numbers =
        act === 'softmax'
          ? activationLatex(
              act,
              n(v(q, z)),
              zKeys.map((k) => n(v(q, k))),
              j,
            )
          : activationLatex(act, n(v(q, z)))
      rows.push(row(q, `a${l}[${j}]`, formula, numbers))
    }
  }
  return rows
}

/** 3. E_k of every output for one sample, and with one sample the total (unless it is E_1 itself). */
function errorRows(c: KeyContext, q: Quantities): AnswerRow[] {
  const { spec, L, sym, row } = c
  const K = spec.layers[L]
  const rows = range(K).map((k) =>
    row(
      q,
      `E[${k}]`,
      lossTermLatex(spec.loss, sym(`a${L}[${k}]`), sym(`y[${k}]`), K),
      lossTermLatex(spec.loss, n(v(q, `a${L}[${k}]`)), n(v(q, `y[${k}]`)), K),
    ),
  )
  if (c.B > 1) return rows
  if (K === 1) {
    // One output: the total is E_1; one row, named by the total's symbol when they differ.
    const total = sym('loss')
    if (total !== rows[0].symbol) rows[0] = { ...rows[0], symbol: `${total} = ${rows[0].symbol}` }
    return rows
  }
  const eKeys = range(K).map((k) => `E[${k}]`)
  rows.push(row(q, 'loss', eKeys.map(sym).join(' + '), eKeys.map((k) => n(v(q, k))).join(' + ')))
  return rows
}

/** The batch mean of the per-sample losses (several samples only). */
function batchErrorSection(c: KeyContext): AnswerSection {
  const { trace, B, sym } = c
  return {
    title: 'Error of the batch',
    rows: [
      {
        key: 'loss',
        symbol: sym('loss'),
        formula: `\\frac{1}{${B}} \\sum_{n=1}^{${B}} \\sum_k E_{k,n}`,
        numbers: `\\frac{1}{${B}} (${trace.sampleLosses.map(n).join(' + ')})`,
        value: trace.loss,
      },
    ],
  }
}

/** 4. δ = ∂E/∂net of every unit for one sample, output layer first. */
function backwardRows(c: KeyContext, q: Quantities, s: number): AnswerRow[] {
  const { spec, trace, symbols, L, sym, row } = c
  const F = factorsOf({ spec, trace, sample: s, symbols, digits: 9 })
  const rows: AnswerRow[] = []
  for (let l = L; l >= 1; l--) {
    for (const j of range(spec.layers[l])) {
      const key = `delta${l}[${j}]`
      if (l === L) {
        const head = F.head(j)
        const fused =
          isFused(spec.activations[L - 1], spec.loss) || spec.activations[L - 1] === 'softmax'
        const formula = fused
          ? `${head[0].symbol} = ${head[0].formula}`
          : head.map((f) => f.symbol).join(dot) +
            ' = ' +
            head.map((f) => `(${f.formula})`).join(dot)
        const numbers = head.map((f) => (fused ? f.numbers : `(${f.numbers})`)).join(dot)
        rows.push(row(q, key, formula, numbers))
        continue
      }
      const next = range(spec.layers[l + 1])
      const fp = F.actGrad(l, j)
      const w = (k: number): string => `W${l + 1}[${k}][${j}]`
      const d = (k: number): string => `delta${l + 1}[${k}]`
      const formula = `${fp.formula}${dot}(${next.map((k) => `${sym(w(k))}\\,${sym(d(k))}`).join(' + ')})`
      const numbers = `${fp.numbers}${dot}(${next
        .map((k) => `${n(v(q, w(k)))}${dot}${n(v(q, d(k)))}`)
        .join(' + ')})`
      rows.push(row(q, key, formula, numbers))
    }
  }
  return rows
}

/** 5. Gradients (batch means): δ times the input the parameter multiplies (1 for a bias). */
function gradientSection(c: KeyContext, params: Parameter[]): AnswerSection {
  const { B, sym, symbols } = c
  const q0 = c.perSample[0]
  const mean = (body: string): string => (B > 1 ? `\\frac{1}{${B}} \\sum_n ${body}` : body)
  const rows = params.map(({ key, deltas, input }) => {
    const x = input && prevKey(input.l, input.i)
    const formula =
      deltas.map(sym).join(' + ') + (input ? `\\,${inputSymbol(input.l, input.i, symbols)}` : '')
    const numbers = deltas.map((d) => n(v(q0, d))).join(' + ') + (x ? `${dot}${n(v(q0, x))}` : '')
    return c.row(q0, `d${key}`, mean(formula), B > 1 ? '' : numbers)
  })
  const note = [
    B > 1
      ? `Means over the ${B} samples of the batch, as the engine computes them.`
      : c.noBiases
        ? 'Each gradient is the δ of the unit times the input the weight multiplies.'
        : 'Each gradient is the δ of the unit times the input the parameter multiplies (1 for a bias).',
    c.shared.some(Boolean) && !c.noBiases
      ? 'A shared bias is one parameter: its gradient is the sum of the δ of every unit that uses it.'
      : '',
  ]
  return { title: 'Gradients', note: joinNotes(note), rows }
}

/** 6. One plain gradient-descent step per parameter (frozen biases keep their values). */
function updateSection(c: KeyContext, params: Parameter[]): AnswerSection {
  const { spec, sym } = c
  const q0 = c.perSample[0]
  const eta = spec.learningRate
  const trainBiases = spec.trainBiases ?? true
  const rows = params.map(({ key: p, input }) => {
    const next = `${p[0]}new${p.slice(1)}`
    const d = `d${p}`
    return input || trainBiases
      ? c.row(
          q0,
          next,
          `${sym(p)} - \\eta\\, ${sym(d)}`,
          `${n(v(q0, p))} - ${n(eta)}${dot}${n(v(q0, d))}`,
        )
      : c.row(q0, next, sym(p), n(v(q0, p)))
  })
  const optimizer = spec.optimizer?.name ?? 'sgd'
  const note = [
    optimizer !== 'sgd'
      ? `Shown as one plain gradient-descent step; the lesson trains with ${optimizer}.`
      : '',
    trainBiases || c.noBiases ? '' : 'Biases are not trained, so they keep their values.',
  ]
  return {
    title: `Update with η = ${formatNumber(eta, 9, { style: 'plain' })}`,
    note: joinNotes(note),
    rows,
  }
}

/**
 * Builds the answer key of `spec` at the numbers of `trace` (one forward + backward pass, before the
 * update; `trace.inputs` is the batch that was used). Sections: givens, then per sample the forward
 * pass, the errors and every δ, then the gradients and the update; then the chain-rule derivation of
 * every parameter (and the output layer's matrix form when asked).
 */
export function buildAnswerKey(
  spec: NetworkSpec,
  trace: Trace,
  options: AnswerKeyOptions = {},
): AnswerKey {
  const c = keyContext(spec, trace, options)
  const params = parametersOf(c)
  const derivations = derivationsOf(c, params, options)
  return {
    title: options.title ?? 'Answer key',
    summary: summaryOf(c, options, derivations),
    sections: [
      givensSection(c, params),
      ...sampleSections(c),
      gradientSection(c, params),
      updateSection(c, params),
    ],
    derivations,
  }
}

/** The network, its trace, the notation and the quantities of the samples given their own sections. */
function keyContext(spec: NetworkSpec, trace: Trace, options: AnswerKeyOptions): KeyContext {
  const symbols = options.symbols ?? {}
  const sym = (key: string): string => symbolFor(key, symbols)
  const L = spec.layers.length - 1
  const B = trace.inputs.length
  const samples = range(Math.min(B, options.maxSamples ?? 4))
  return {
    spec,
    trace,
    symbols,
    sym,
    L,
    B,
    samples,
    perSample: samples.map((s) => buildQuantities(spec, trace, { sample: s })),
    shared: sharedBiasLayers(spec.sharedBiases, L),
    noBiases: options.noBiases ?? false,
    row: (q, key, formula = '', numbers = '') => ({
      key,
      symbol: sym(key),
      formula,
      numbers,
      value: v(q, key),
    }),
    suffix: (s) => (B > 1 ? ` (sample ${s + 1} of ${B})` : ''),
  }
}

/** 2.–4. Per sample the forward pass and its errors, the batch's error, then per sample every δ. */
function sampleSections(c: KeyContext): AnswerSection[] {
  const { samples, perSample, suffix } = c
  return [
    ...samples.flatMap((s) => [
      { title: `Forward pass${suffix(s)}`, rows: forwardRows(c, perSample[s]) },
      { title: `Error${suffix(s)}`, rows: errorRows(c, perSample[s]) },
    ]),
    ...(c.B > 1 ? [batchErrorSection(c)] : []),
    ...samples.map((s) => ({
      title: `Backward pass: δ = ∂E/∂net of every unit${suffix(s)}`,
      note:
        s === 0
          ? 'Output units first; a hidden unit collects the δ of every unit it feeds.'
          : undefined,
      rows: backwardRows(c, perSample[s], s),
    })),
  ]
}

/** Every parameter's chain-rule derivation (small networks only), and the matrix form when asked. */
function derivationsOf(
  c: KeyContext,
  params: Parameter[],
  options: AnswerKeyOptions,
): AnswerDerivation[] {
  const { spec, trace, symbols, sym, L } = c
  const derivations: AnswerDerivation[] =
    params.length <= (options.maxDerivations ?? 64)
      ? params.map(({ key }) => ({
          key,
          heading: partial(sym('loss'), sym(key)),
          steps: deriveGradient(spec, trace, key, { symbols, sample: 0, digits: 9 }),
        }))
      : []
  if (options.matrixForm) {
    derivations.push({
      key: `W${L}`,
      heading: partial(sym('loss'), vectorSymbol(`W${L}`, symbols)),
      steps: outputLayerMatrixForm(spec, trace, { symbols, digits: 9 }),
    })
  }
  return derivations
}

function summaryOf(
  c: KeyContext,
  options: AnswerKeyOptions,
  derivations: AnswerDerivation[],
): string[] {
  const { spec, B, samples } = c
  const trainBiases = spec.trainBiases ?? true
  const eta = formatNumber(spec.learningRate, 9, { style: 'plain' })
  const biases = c.noBiases
    ? '; no biases'
    : `${c.shared.some(Boolean) ? '; one shared bias per layer' : ''}${trainBiases ? '' : '; biases not trained'}`
  const summary = [
    `Network ${spec.layers.join('-')} (inputs first), activations ${spec.activations.map(label).join(', ')}, loss ${label(spec.loss)}, learning rate η = ${eta}; ${plural(B, 'sample')} in the batch${biases}.`,
    'Numbers are written as the notes write them, to 9 decimal places (below 0.001: 9 significant digits); the last column of each table has the exact value computed by the engine.',
  ]
  if (options.batchNote) summary.push(options.batchNote)
  if (B > samples.length)
    summary.push(`Per-sample sections show the first ${samples.length} of the ${B} samples.`)
  if (derivations.length === 0)
    summary.push(
      `Chain-rule derivations are left out for networks with more than ${options.maxDerivations ?? 64} parameters.`,
    )
  return summary
}

/** `|` would end a Markdown table cell. */
const cell = (latex: string): string => (latex === '' ? '' : `$${latex.replace(/\|/g, '\\vert ')}$`)

/** The answer key as Markdown with `$…$` / `$$…$$` LaTeX (GitHub, Obsidian, pandoc, Jupyter read it). */
export function answerKeyMarkdown(key: AnswerKey): string {
  const out: string[] = [`# ${key.title}`, '', ...key.summary.flatMap((s) => [s, '']), '']
  key.sections.forEach((section, k) => {
    out.push(`## ${k + 1}. ${section.title}`, '')
    if (section.note) out.push(section.note, '')
    const withFormulas = section.rows.some((r) => r.formula !== '')
    if (withFormulas) {
      out.push(
        '| quantity | formula | with the numbers | value | exact |',
        '|---|---|---|---:|---:|',
      )
      for (const r of section.rows) {
        out.push(
          `| ${cell(r.symbol)} | ${cell(r.formula)} | ${cell(r.numbers)} | ${notesNumber(r.value)} | ${fullPrecision(r.value)} |`,
        )
      }
    } else {
      out.push('| quantity | value | exact |', '|---|---:|---:|')
      for (const r of section.rows)
        out.push(`| ${cell(r.symbol)} | ${notesNumber(r.value)} | ${fullPrecision(r.value)} |`)
    }
    out.push('')
  })
  if (key.derivations.length > 0) {
    out.push(`## ${key.sections.length + 1}. Every gradient by the chain rule`, '')
    for (const d of key.derivations) {
      out.push(`### $${d.heading}$`, '')
      for (const step of d.steps) {
        if (step.caption) out.push(step.caption, '')
        out.push('$$', step.latex, '$$', '')
      }
    }
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  )
}
