// The whole worked example of one forward + backward pass and update, as data (for the printable view)
// and as Markdown with LaTeX (for export and the CLI): givens, forward values, errors, every δ, every
// gradient with its chain-rule derivation, updated weights. Values come from quantities.ts (the engine's
// trace), derivations from derivation.ts; this file only arranges and formats. No Vue, no engine calls.

import type { ActivationName, NetworkSpec, Trace } from '../engine/types'
import { deriveGradient, type DerivationStep } from './derivation'
import { factorsOf } from './derivationFactors'
import { formatNumber, fullPrecision } from './format'
import { isFused, lossTermLatex } from './losses'
import { buildQuantities, exactValue, type Quantities } from './quantities'
import { inputSymbol, partial, symbolFor, type SymbolMap } from './symbols'

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

function activationLatex(act: ActivationName, z: string, all?: string[], j = 0): string {
  switch (act) {
    case 'linear':
      return z
    case 'sigmoid':
      return `\\frac{1}{1 + e^{-${z}}}`
    case 'tanh':
      return `\\tanh(${z})`
    case 'relu':
      return `\\max(0, ${z})`
    case 'leaky_relu':
      return `\\max(0.01\\,${z}, ${z})`
    case 'softmax':
      return `\\frac{e^{${all?.[j] ?? z}}}{${(all ?? [z]).map((v) => `e^{${v}}`).join(' + ')}}`
  }
}

function activationName(act: ActivationName, z: string): string {
  return act === 'sigmoid' ? `\\sigma(${z})` : act === 'linear' ? z : `f(${z})`
}

/**
 * Builds the answer key of `spec` at the numbers of `trace` (one forward + backward pass, before the
 * update; `trace.inputs` is the batch that was used).
 */
export function buildAnswerKey(
  spec: NetworkSpec,
  trace: Trace,
  options: AnswerKeyOptions = {},
): AnswerKey {
  const symbols = options.symbols ?? {}
  const sym = (key: string): string => symbolFor(key, symbols)
  const L = spec.layers.length - 1
  const B = trace.inputs.length
  const samples = range(Math.min(B, options.maxSamples ?? 4))
  const perSample = samples.map((s) => buildQuantities(spec, trace, { sample: s }))
  const q0 = perSample[0]
  const v = (q: Quantities, key: string): number => exactValue(q, key)
  const row = (q: Quantities, key: string, formula = '', numbers = ''): AnswerRow => ({
    key,
    symbol: sym(key),
    formula,
    numbers,
    value: v(q, key),
  })
  const suffix = (s: number): string => (B > 1 ? ` (sample ${s + 1} of ${B})` : '')
  const sections: AnswerSection[] = []

  // 1. Givens: data and parameters before the update.
  const givens: AnswerRow[] = []
  for (const s of samples) {
    const q = perSample[s]
    for (const i of range(spec.layers[0]))
      givens.push({ ...row(q, `x[${i}]`), key: `x[${i}]#${s}` })
    for (const k of range(spec.layers[L]))
      givens.push({ ...row(q, `y[${k}]`), key: `y[${k}]#${s}` })
  }
  for (let l = 1; l <= L; l++) {
    for (const j of range(spec.layers[l])) {
      for (const i of range(spec.layers[l - 1])) givens.push(row(q0, `W${l}[${j}][${i}]`))
      givens.push(row(q0, `b${l}[${j}]`))
    }
  }
  sections.push({
    title: 'Given',
    note: B > 1 ? 'Inputs and targets per sample, then the parameters.' : undefined,
    rows: givens,
  })

  // 2. Forward pass and 3. error, per sample.
  for (const s of samples) {
    const q = perSample[s]
    const rows: AnswerRow[] = []
    for (let l = 1; l <= L; l++) {
      const act = spec.activations[l - 1]
      const ins = range(spec.layers[l - 1])
      const prev = (i: number): string => (l === 1 ? `x[${i}]` : `a${l - 1}[${i}]`)
      const zKeys = range(spec.layers[l]).map((j) => `z${l}[${j}]`)
      for (const j of range(spec.layers[l])) {
        const w = (i: number): string => `W${l}[${j}][${i}]`
        const b = `b${l}[${j}]`
        const formula = [
          ...ins.map((i) => `${sym(w(i))}\\,${inputSymbol(l, i, symbols)}`),
          sym(b),
        ].join(' + ')
        const numbers = [
          ...ins.map((i) => `${n(v(q, w(i)))}${dot}${n(v(q, prev(i)))}`),
          n(v(q, b)),
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
    sections.push({ title: `Forward pass${suffix(s)}`, rows })

    const K = spec.layers[L]
    const errors: AnswerRow[] = range(K).map((k) =>
      row(
        q,
        `E[${k}]`,
        lossTermLatex(spec.loss, sym(`a${L}[${k}]`), sym(`y[${k}]`), K),
        lossTermLatex(spec.loss, n(v(q, `a${L}[${k}]`)), n(v(q, `y[${k}]`)), K),
      ),
    )
    if (B === 1) {
      errors.push(
        row(
          q,
          'loss',
          range(K)
            .map((k) => sym(`E[${k}]`))
            .join(' + '),
          range(K)
            .map((k) => n(v(q, `E[${k}]`)))
            .join(' + '),
        ),
      )
    }
    sections.push({ title: `Error${suffix(s)}`, rows: errors })
  }
  if (B > 1) {
    sections.push({
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
    })
  }

  // 4. Backward pass: δ per unit, last layer first.
  for (const s of samples) {
    const q = perSample[s]
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
        } else {
          const next = range(spec.layers[l + 1])
          const fp = F.actGrad(l, j)
          const sum = (w: (k: number) => string, d: (k: number) => string): string =>
            next.map((k) => `${w(k)}\\,${d(k)}`).join(' + ')
          const formula = `${fp.formula}${dot}(${sum(
            (k) => sym(`W${l + 1}[${k}][${j}]`),
            (k) => sym(`delta${l + 1}[${k}]`),
          )})`
          const numbers = `${fp.numbers}${dot}(${next
            .map(
              (k) => `${n(v(q, `W${l + 1}[${k}][${j}]`))}${dot}${n(v(q, `delta${l + 1}[${k}]`))}`,
            )
            .join(' + ')})`
          rows.push(row(q, key, formula, numbers))
        }
      }
    }
    sections.push({
      title: `Backward pass: δ = ∂E/∂net of every unit${suffix(s)}`,
      note:
        s === 0
          ? 'Output units first; a hidden unit collects the δ of every unit it feeds.'
          : undefined,
      rows,
    })
  }

  // 5. Gradients (batch means) and 6. update.
  const grads: AnswerRow[] = []
  const updates: AnswerRow[] = []
  const eta = spec.learningRate
  const trainBiases = spec.trainBiases ?? true
  const mean = (body: string): string => (B > 1 ? `\\frac{1}{${B}} \\sum_n ${body}` : body)
  const params: string[] = []
  for (let l = 1; l <= L; l++) {
    for (const j of range(spec.layers[l])) {
      for (const i of range(spec.layers[l - 1])) {
        const d = `dW${l}[${j}][${i}]`
        const w = `W${l}[${j}][${i}]`
        params.push(w)
        grads.push(
          row(
            q0,
            d,
            mean(`${sym(`delta${l}[${j}]`)}\\,${inputSymbol(l, i, symbols)}`),
            B > 1
              ? ''
              : `${n(v(q0, `delta${l}[${j}]`))}${dot}${n(v(q0, l === 1 ? `x[${i}]` : `a${l - 1}[${i}]`))}`,
          ),
        )
        updates.push(
          row(
            q0,
            `Wnew${l}[${j}][${i}]`,
            `${sym(w)} - \\eta\\, ${sym(d)}`,
            `${n(v(q0, w))} - ${n(eta)}${dot}${n(v(q0, d))}`,
          ),
        )
      }
      const db = `db${l}[${j}]`
      const b = `b${l}[${j}]`
      params.push(b)
      grads.push(
        row(q0, db, mean(sym(`delta${l}[${j}]`)), B > 1 ? '' : n(v(q0, `delta${l}[${j}]`))),
      )
      updates.push(
        trainBiases
          ? row(
              q0,
              `bnew${l}[${j}]`,
              `${sym(b)} - \\eta\\, ${sym(db)}`,
              `${n(v(q0, b))} - ${n(eta)}${dot}${n(v(q0, db))}`,
            )
          : row(q0, `bnew${l}[${j}]`, sym(b), n(v(q0, b))),
      )
    }
  }
  sections.push({
    title: 'Gradients',
    note:
      B > 1
        ? `Means over the ${B} samples of the batch, as the engine computes them.`
        : 'Each gradient is the δ of the unit times the input the parameter multiplies (1 for a bias).',
    rows: grads,
  })
  const optimizer = spec.optimizer?.name ?? 'sgd'
  sections.push({
    title: `Update with η = ${formatNumber(eta, 9, { style: 'plain' })}`,
    note:
      [
        optimizer !== 'sgd'
          ? `Shown as one plain gradient-descent step; the lesson trains with ${optimizer}.`
          : '',
        trainBiases ? '' : 'Biases are not trained, so they keep their values.',
      ]
        .filter(Boolean)
        .join(' ') || undefined,
    rows: updates,
  })

  const derivations: AnswerDerivation[] =
    params.length <= (options.maxDerivations ?? 64)
      ? params.map((key) => ({
          key,
          heading: partial(sym('loss'), sym(key)),
          steps: deriveGradient(spec, trace, key, { symbols, sample: 0, digits: 9 }),
        }))
      : []

  const acts = spec.activations.join(', ')
  const summary = [
    `Network ${spec.layers.join('-')} (inputs first), activations ${acts}, loss ${spec.loss}, learning rate η = ${formatNumber(eta, 9, { style: 'plain' })}; ${B} sample${B === 1 ? '' : 's'} in the batch${trainBiases ? '' : '; biases not trained'}.`,
    'Numbers are written to 9 decimal places as in the notes; the last column of each table has the exact value computed by the engine.',
  ]
  if (B > samples.length)
    summary.push(`Per-sample sections show the first ${samples.length} of the ${B} samples.`)
  if (derivations.length === 0)
    summary.push(
      `Chain-rule derivations are left out for networks with more than ${options.maxDerivations ?? 64} parameters.`,
    )
  return { title: options.title ?? 'Answer key', summary, sections, derivations }
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
