// The tables of the answer key (answerKey.ts): the givens; per sample the forward pass, the errors and every
// δ; the gradients and the update. Each row is `symbol = formula = numbers = value` in the lesson's notation.
import { tex } from '../engine/catalogue'
import type { ActivationName, NetworkSpec, Trace } from '../engine/types'
import type { AnswerKeyOptions, AnswerRow, AnswerSection } from './answerKey'
import { notesNumber } from './answerKeyMarkdown'
import { factorsOf } from './derivationFactors'
import { formatNumber } from './format'
import { range, sharedBiasLayers } from './keys'
import { isFused, lossTermLatex } from './losses'
import { buildQuantities, exactValue, type Quantities } from './quantities'
import { inputSymbol, symbolFor, type SymbolMap } from './symbols'

const dot = ' \\cdot '
const n = (x: number): string => {
  const s = notesNumber(x, 'latex')
  return x < 0 ? `(${s})` : s
}
/** f(z) of unit j in LaTeX (the catalogue's), given the net inputs `zs` of its layer (softmax reads all). */
function activationLatex(act: ActivationName, zs: string[], j: number): string {
  const sum = zs.map((v) => `e^{${v}}`).join(' + ')
  return tex('activations', act, 'tex', { z: zs[j], 'Σe^z': sum })
}

/** What every section builder reads: the network, its trace, the notation and the per-sample values. */
export interface KeyContext {
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
/** A quantity's value as the notes write it, bracketed when negative. */
const nv = (q: Quantities, key: string): string => n(v(q, key))
const prevKey = (l: number, i: number): string => (l === 1 ? `x[${i}]` : `a${l - 1}[${i}]`)
/** The key of the bias unit j of weight layer l uses (`b{l}` when the layer shares one). */
const biasKey = (c: KeyContext, l: number, j: number): string =>
  c.shared[l - 1] ? `b${l}` : `b${l}[${j}]`

/** A parameter of the network: its key, the δ it collects and the input it multiplies (none for a bias). */
export interface Parameter {
  key: string
  /** Several for a shared bias: the sum over its uses. */
  deltas: string[]
  /** Weight layer l (1-based) and input i of a weight. */
  input?: { l: number; i: number }
}

/** Every weight and each bias once (a shared bias once, after its layer's units), as the engine orders them. */
export function parametersOf(c: KeyContext): Parameter[] {
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
export function givensSection(c: KeyContext, params: Parameter[]): AnswerSection {
  const { spec, L, samples, perSample, row } = c
  const rows: AnswerRow[] = samples.flatMap((s) =>
    [
      ...range(spec.layers[0]).map((i) => `x[${i}]`),
      ...range(spec.layers[L]).map((k) => `y[${k}]`),
    ].map((key) => ({ ...row(perSample[s], key), key: `${key}#${s}` })),
  )
  rows.push(...params.map((p) => row(perSample[0], p.key)))
  const notes = [
    c.B > 1 && 'Inputs and targets per sample, then the parameters.',
    c.shared.some(Boolean) &&
      !c.noBiases &&
      'A shared bias is one parameter used by every unit of its layer, so it is listed once.',
  ]
  return { title: 'Given', note: joinNotes(notes), rows }
}

/** Plain-text notes without the empty ones, or undefined when none is left. */
const joinNotes = (parts: (string | false)[]): string | undefined =>
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
        ...ins.map((i) => `${nv(q, w(i))}${dot}${nv(q, prevKey(l, i))}`),
        ...b.map((k) => nv(q, k)),
      ].join(' + ')
      rows.push(row(q, zKeys[j], formula, numbers))
    }
    const [zs, zn] = [zKeys.map(sym), zKeys.map((k) => nv(q, k))]
    for (const j of range(spec.layers[l])) {
      const f = activationLatex(act, zs, j)
      const name =
        act === 'sigmoid' ? `\\sigma(${zs[j]})` : act === 'linear' ? zs[j] : `f(${zs[j]})`
      const formula = act === 'softmax' ? f : `${name} = ${f}`
      rows.push(row(q, `a${l}[${j}]`, formula, activationLatex(act, zn, j)))
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
      lossTermLatex(spec.loss, nv(q, `a${L}[${k}]`), nv(q, `y[${k}]`), K),
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
  rows.push(row(q, 'loss', eKeys.map(sym).join(' + '), eKeys.map((k) => nv(q, k)).join(' + ')))
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
        .map((k) => `${nv(q, w(k))}${dot}${nv(q, d(k))}`)
        .join(' + ')})`
      rows.push(row(q, key, formula, numbers))
    }
  }
  return rows
}

/** 5. Gradients (batch means): δ times the input the parameter multiplies (1 for a bias). */
export function gradientSection(c: KeyContext, params: Parameter[]): AnswerSection {
  const {
    B,
    sym,
    symbols,
    perSample: [q0],
  } = c
  const mean = (body: string): string => (B > 1 ? `\\frac{1}{${B}} \\sum_n ${body}` : body)
  const rows = params.map(({ key, deltas, input }) => {
    const x = input && prevKey(input.l, input.i)
    const formula =
      deltas.map(sym).join(' + ') + (input ? `\\,${inputSymbol(input.l, input.i, symbols)}` : '')
    const numbers = deltas.map((d) => nv(q0, d)).join(' + ') + (x ? `${dot}${nv(q0, x)}` : '')
    return c.row(q0, `d${key}`, mean(formula), B > 1 ? '' : numbers)
  })
  const note = [
    B > 1
      ? `Means over the ${B} samples of the batch, as the engine computes them.`
      : c.noBiases
        ? 'Each gradient is the δ of the unit times the input the weight multiplies.'
        : 'Each gradient is the δ of the unit times the input the parameter multiplies (1 for a bias).',
    c.shared.some(Boolean) &&
      !c.noBiases &&
      'A shared bias is one parameter: its gradient is the sum of the δ of every unit that uses it.',
  ]
  return { title: 'Gradients', note: joinNotes(note), rows }
}

/** 6. One plain gradient-descent step per parameter (frozen biases keep their values). */
export function updateSection(c: KeyContext, params: Parameter[]): AnswerSection {
  const {
    spec,
    sym,
    perSample: [q0],
  } = c
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
          `${nv(q0, p)} - ${n(eta)}${dot}${nv(q0, d)}`,
        )
      : c.row(q0, next, sym(p), nv(q0, p))
  })
  const optimizer = spec.optimizer?.name ?? 'sgd'
  const note = [
    optimizer !== 'sgd' &&
      `Shown as one plain gradient-descent step; the lesson trains with ${optimizer}.`,
    !trainBiases && !c.noBiases && 'Biases are not trained, so they keep their values.',
  ]
  return {
    title: `Update with η = ${formatNumber(eta, 9, { style: 'plain' })}`,
    note: joinNotes(note),
    rows,
  }
}
/** The network, its trace, the notation and the quantities of the samples given their own sections. */
export function keyContext(spec: NetworkSpec, trace: Trace, options: AnswerKeyOptions): KeyContext {
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
export function sampleSections(c: KeyContext): AnswerSection[] {
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
