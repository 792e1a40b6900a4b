// The whole worked example of one forward + backward pass and update, as data (for the printable view)
// and as Markdown with LaTeX (for export and the CLI): givens, forward values, errors, every δ, every
// gradient with its chain-rule derivation, updated weights. Values come from quantities.ts (the engine's
// trace), derivations from derivation.ts; the tables are written in answerKeySections.ts, the Markdown in
// answerKeyMarkdown.ts; this file only arranges. No Vue, no engine calls.

import { label } from '../engine/catalogue'
import type { NetworkSpec, Trace } from '../engine/types'
import * as tables from './answerKeySections'
import { deriveGradient, type DerivationStep } from './derivation'
import { formatNumber } from './format'
import { outputLayerMatrixForm } from './matrixForm'
import { partial, vectorSymbol, type SymbolMap } from './symbols'
import { plural } from './plural'

export { answerKeyMarkdown, notesNumber } from './answerKeyMarkdown'

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
  const c = tables.keyContext(spec, trace, options)
  const params = tables.parametersOf(c)
  const derivations = derivationsOf(c, params, options)
  return {
    title: options.title ?? 'Answer key',
    summary: summaryOf(c, options, derivations),
    sections: [
      tables.givensSection(c, params),
      ...tables.sampleSections(c),
      tables.gradientSection(c, params),
      tables.updateSection(c, params),
    ],
    derivations,
  }
}

/** Every parameter's chain-rule derivation (small networks only), and the matrix form when asked. */
function derivationsOf(
  c: tables.KeyContext,
  params: tables.Parameter[],
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

/** The sentences above the tables: the network, the notation of numbers, and what is left out. */
function summaryOf(
  c: tables.KeyContext,
  options: AnswerKeyOptions,
  derivations: AnswerDerivation[],
): string[] {
  const { spec, B, samples } = c
  const eta = formatNumber(spec.learningRate, 9, { style: 'plain' })
  const biases = c.noBiases
    ? '; no biases'
    : `${c.shared.some(Boolean) ? '; one shared bias per layer' : ''}${spec.trainBiases === false ? '; biases not trained' : ''}`
  return [
    `Network ${spec.layers.join('-')} (inputs first), activations ${spec.activations.map(label).join(', ')}, loss ${label(spec.loss)}, learning rate η = ${eta}; ${plural(B, 'sample')} in the batch${biases}.`,
    'Numbers are written as the notes write them, to 9 decimal places (below 0.001: 9 significant digits); the last column of each table has the exact value computed by the engine in double precision (the shortest decimal that reads back as the same number), so a short decimal can show binary round-off in its 16th or 17th digit (…999996).',
    options.batchNote,
    B > samples.length &&
      `Per-sample sections show the first ${samples.length} of the ${B} samples.`,
    derivations.length === 0 &&
      `Chain-rule derivations are left out for networks with more than ${options.maxDerivations ?? 64} parameters.`,
  ].filter((s): s is string => !!s)
}
