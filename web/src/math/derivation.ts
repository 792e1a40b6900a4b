// The chain-rule derivation of one parameter's gradient as KaTeX-ready steps: symbols, factor
// formulas, numbers, product. Data only; MathFormula.vue renders it. Values come from the trace.

import type { NetworkSpec, Trace } from '../engine/types'
import { derivative, derivativeLatex } from './activations'
import { factorsOf, type Factor } from './derivationFactors'
import { formatNumber } from './format'
import { parseKey } from './keys'
import { isFused } from './losses'
import { num, partial, shown, symbolFor, vectorSymbol, type SymbolMap } from './symbols'

export { numericalGradientCaption } from './gradientCheck'
export { outputLayerMatrixForm } from './matrixForm'
export type { SymbolMap } from './symbols'

/** One line of a derivation. `value` is set on the step that states the final number. */
export interface DerivationStep {
  latex: string
  caption?: string
  value?: number
}

/** Options of {@link deriveGradient} and {@link outputLayerMatrixForm}. */
export interface DerivationOptions {
  /** The lesson's notation (key → LaTeX); missing keys use w^{(l)}_{ji}, z^{(l)}_j, … @default {} */
  symbols?: SymbolMap
  /** The sample whose terms are shown. @default 0 */
  sample?: number
  /** Significant digits of substituted numbers. @default 9 */
  digits?: number
}

const dot = ' \\cdot '
const aligned = (lines: string[]): string =>
  `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`
const product = (fs: Factor[], n: (x: number) => string): string =>
  fs.map((f) => n(f.value)).join(dot)
const shownProduct = (fs: Factor[], d: number): number =>
  fs.reduce((p, f) => p * shown(f.value, d), 1)

/** `symbol = formula-with-numbers = value`, skipping the middle when it adds nothing. */
function numberLine(f: Factor, n: (x: number) => string): string {
  const v = n(f.value)
  const note = f.note ? ` \\quad (${f.note})` : ''
  return f.numbers === v
    ? `${f.symbol} &= ${v}${note}`
    : `${f.symbol} &= ${f.numbers} = ${v}${note}`
}

/** The caption under a derivation's last product: the rounded factors' product, then the exact value. */
export const PRODUCT_NOTE = 'The product of the rounded factors; below, the exact value.'

/** `steps`, then for B > 1 samples the mean over them: the engine's value `exact`, shown to `d` digits. */
function withMean(steps: DerivationStep[], lhs: string, B: number, exact: number, d: number) {
  if (B < 2) return steps
  const mean = formatNumber(exact, d, { style: 'latex' })
  const latex = `${lhs} = \\frac{1}{${B}} \\sum_{n=1}^{${B}} \\Big(${lhs}\\Big)_n = ${mean}`
  const caption = `The mean over the ${B} samples (the engine's value).`
  steps.push({ latex, caption, value: exact })
  return steps
}

/**
 * Derives ∂E/∂`param` for `param` = `W{l}[j][i]` or `b{l}[j]`: (i) the chain in symbols, (ii) each
 * factor's formula, (iii) the factors with the selected sample's numbers, (iv) their product and the
 * engine's value. A hidden weight of a two-layer network sums one bracketed path per output (notes
 * 000); deeper layers use the δ recursion. With several samples a last step takes the batch mean.
 * The `value` of the last step is the trace's dW / db exactly.
 */
export function deriveGradient(
  spec: NetworkSpec,
  trace: Trace,
  param: string,
  options: DerivationOptions = {},
): DerivationStep[] {
  const r = parseKey(param)
  if (r?.kind === 'b' && r.shared && r.layer !== undefined)
    return sharedBiasDerivation(spec, trace, r.layer, options)
  if (!r || (r.kind !== 'W' && r.kind !== 'b') || r.layer === undefined || r.j === undefined) {
    throw new Error(`${param} is not a weight or bias key`)
  }
  const { layer: l, j, i } = r
  const d = options.digits ?? 9
  const sample = options.sample ?? 0
  const symbols = options.symbols ?? {}
  const ctx = { spec, trace, sample, symbols, digits: d }
  const F = factorsOf(ctx)
  const n = (x: number): string => num(x, d)
  const lhs = partial(F.E, symbolFor(param, symbols))
  const tail = F.netToParam(param, l, j, i)
  const B = trace.inputs.length
  const t = trace.layers[l - 1]
  const exact = r.kind === 'W' ? t.dW[j][i ?? 0] : t.db[j]
  const perSample = t.delta[sample][j] * tail.value
  const stepValue = B === 1 ? exact : perSample
  const steps: DerivationStep[] = []
  const withSample = (text: string): string =>
    B > 1
      ? `${text} Sample ${sample + 1} of ${B}; the gradient is the mean over the samples.`
      : text

  const finish = (latexProduct: string, approx: number): DerivationStep => {
    const a = formatNumber(approx, d, { style: 'latex' })
    const v = formatNumber(stepValue, d, { style: 'latex' })
    // Both lines even when they agree to these digits: a step that gained and lost a line as the
    // numbers changed made the page jump while training (an embed's height moved by a line).
    return {
      latex: aligned([`${lhs} &= ${latexProduct} \\approx ${a} \\\\ &= ${v}`]),
      caption: PRODUCT_NOTE,
      value: stepValue,
    }
  }

  if (l === F.L) {
    const fs = [...F.head(j), tail]
    steps.push({
      latex: `${lhs} = ${fs.map((f) => f.symbol).join(dot)}`,
      caption: withSample('The chain rule.'),
    })
    steps.push({
      latex: aligned(fs.map((f) => `${f.symbol} &= ${f.formula}`)),
      caption: 'Each factor.',
    })
    steps.push({ latex: aligned(fs.map((f) => numberLine(f, n))), caption: 'With the numbers.' })
    steps.push(finish(product(fs, n), shownProduct(fs, d)))
  } else if (F.L === 2) {
    const hidden = [F.actGrad(l, j), tail]
    const paths = Array.from({ length: F.K }, (_, k) => [...F.head(k), F.netToPrev(l, k, j)])
    // One bracket per line, then the hidden unit's factors on a line of their own, so the long
    // product fits a printed page (A4) and a phone.
    const bracket = (inner: (fs: Factor[]) => string, rest: string): string =>
      [
        ...paths.map(
          (p, k) =>
            `${k === 0 ? '\\Big(' : '+ '}\\big[${inner(p)}\\big]${k === paths.length - 1 ? '\\Big)' : ''}`,
        ),
        `{}${dot}${rest}`,
      ].join(' \\\\ &\\qquad ')
    const symbolsOf = (fs: Factor[]): string => fs.map((f) => f.symbol).join(dot)
    steps.push({
      latex: aligned([`${lhs} &= ${bracket(symbolsOf, symbolsOf(hidden))}`]),
      caption: withSample('The chain rule: one bracket per path through an output.'),
    })
    const all = [...paths.flat(), ...hidden]
    const unique = all.filter((f, idx) => all.findIndex((g) => g.symbol === f.symbol) === idx)
    steps.push({
      latex: aligned(unique.map((f) => `${f.symbol} &= ${f.formula}`)),
      caption: 'Each factor.',
    })
    steps.push({
      latex: aligned(unique.map((f) => numberLine(f, n))),
      caption: 'With the numbers.',
    })
    const approx = paths.reduce((acc, p) => acc + shownProduct(p, d), 0) * shownProduct(hidden, d)
    steps.push(finish(`${bracket((fs) => product(fs, n), product(hidden, n))} \\\\ &`, approx))
  } else {
    steps.push(...deltaRecursion(ctx, l, j, lhs, tail, withSample))
    const dl = t.delta[sample][j]
    steps.push(finish(`${n(dl)}${dot}${n(tail.value)}`, shown(dl, d) * shown(tail.value, d)))
    steps[steps.length - 1].caption ??= 'δ of the unit times the input the weight multiplies.'
  }
  return withMean(steps, lhs, B, exact, d)
}

/** Steps (i)–(iii) of a deep layer's gradient through δ^{(l)} = f′(z^{(l)}) ⊙ (W^{(l+1)})ᵀ δ^{(l+1)}. */
function deltaRecursion(
  ctx: { spec: NetworkSpec; trace: Trace; sample: number; symbols: SymbolMap; digits: number },
  l: number,
  j: number,
  lhs: string,
  tail: Factor,
  withSample: (text: string) => string,
): DerivationStep[] {
  const { spec, trace, sample: s, symbols, digits } = ctx
  const L = spec.layers.length - 1
  const n = (x: number): string => num(x, digits)
  const dSym = symbolFor(`delta${l}[${j}]`, symbols)
  const vec = (name: string): string => vectorSymbol(name, symbols)
  const outAct = spec.activations[L - 1]
  const outRule = isFused(outAct, spec.loss)
    ? `${vec(`a${L}`)} - y`
    : `\\nabla_{${vec(`a${L}`)}} E \\odot f'(${vec(`z${L}`)})`
  const f = spec.activations[l - 1]
  const next = Array.from({ length: spec.layers[l + 1] }, (_, k) => k)
  const fz = `f'(${symbolFor(`z${l}[${j}]`, symbols)})`
  const fPrime = derivativeLatex(
    f,
    symbolFor(`a${l}[${j}]`, symbols),
    symbolFor(`z${l}[${j}]`, symbols),
  )
  const sumSym = next
    .map(
      (k) =>
        `${symbolFor(`W${l + 1}[${k}][${j}]`, symbols)} ${symbolFor(`delta${l + 1}[${k}]`, symbols)}`,
    )
    .join(' + ')
  const upper: string[] = []
  for (let m = L; m > l; m--) {
    const entries = trace.layers[m - 1].delta[s].map(n).join(' \\\\ ')
    upper.push(`${vec(`delta${m}`)} &= \\begin{bmatrix} ${entries} \\end{bmatrix}`)
  }
  const z = trace.layers[l - 1].z[s][j]
  const fp = derivative(f, z)
  const sumNum = next
    .map((k) => `${n(trace.weights[l][k][j])}${dot}${n(trace.layers[l].delta[s][k])}`)
    .join(' + ')
  const dl = trace.layers[l - 1].delta[s][j]
  return [
    {
      latex: `${lhs} = ${dSym}${dot}${tail.symbol}`,
      caption: withSample('With the sensitivity δ = ∂E/∂z of the unit the weight feeds.'),
    },
    {
      latex: aligned([
        `${vec(`delta${L}`)} &= ${outRule}`,
        `${vec(`delta${l}`)} &= f'(${vec(`z${l}`)}) \\odot (${vec(`W${l + 1}`)})^\\top ${vec(`delta${l + 1}`)}`,
        `${dSym} &= ${fz}\\,\\big(${sumSym}\\big)`,
        `${fz} &= ${fPrime}`,
        `${tail.symbol} &= ${tail.formula}`,
      ]),
      caption: 'The δ recursion, from the output layer back.',
    },
    {
      latex: aligned([
        ...upper,
        `${dSym} &= ${n(fp)}\\,\\big(${sumNum}\\big) = ${n(dl)}`,
        `${tail.symbol} &= ${n(tail.value)}`,
      ]),
      caption: 'With the numbers (δ of the layers above from the engine).',
    },
  ]
}

/**
 * ∂E/∂b for the ONE bias `b{l}` that every unit of layer l uses (`spec.sharedBiases`): b enters each
 * net_j with ∂net_j/∂b = 1, so ∂E/∂b = Σ_j ∂E/∂net_j = Σ_j δ_j, the sum over its uses. Steps: the sum in
 * symbols, each δ_j with its numbers, the sum with numbers (the engine's value), and with several samples
 * the batch mean.
 */
function sharedBiasDerivation(
  spec: NetworkSpec,
  trace: Trace,
  l: number,
  options: DerivationOptions,
): DerivationStep[] {
  const d = options.digits ?? 9
  const sample = options.sample ?? 0
  const symbols = options.symbols ?? {}
  const sym = (key: string): string => symbolFor(key, symbols)
  const n = (x: number): string => num(x, d)
  const F = factorsOf({ spec, trace, sample, symbols, digits: d })
  const B = trace.inputs.length
  const t = trace.layers[l - 1]
  const uses = Array.from({ length: spec.layers[l] }, (_, j) => j)
  const b = sym(`b${l}`)
  const lhs = partial(F.E, b)
  const z = (j: number): string => sym(`z${l}[${j}]`)
  const delta = (j: number): string => sym(`delta${l}[${j}]`)
  const exact = t.db[0]
  const perSample = uses.reduce((acc, j) => acc + t.delta[sample][j], 0)
  const stepValue = B === 1 ? exact : perSample
  const where =
    B > 1 ? ` Sample ${sample + 1} of ${B}; the gradient is the mean over the samples.` : ''
  /** δ_j as the product of its factors (the output's head, or f′ times the weighted δ above). */
  const deltaLine = (j: number): string => {
    if (l === F.L) {
      const head = F.head(j)
      const numbers = head.map((f) => n(f.value)).join(dot)
      return head.length === 1
        ? `${delta(j)} &= ${head[0].formula} = ${n(t.delta[sample][j])}`
        : `${delta(j)} &= ${head.map((f) => f.symbol).join(dot)} = ${numbers} = ${n(t.delta[sample][j])}`
    }
    const next = Array.from({ length: spec.layers[l + 1] }, (_, k) => k)
    const fp = F.actGrad(l, j)
    const sum = next
      .map((k) => `${n(trace.weights[l][k][j])}${dot}${n(trace.layers[l].delta[sample][k])}`)
      .join(' + ')
    return `${delta(j)} &= ${n(fp.value)}\\,\\big(${sum}\\big) = ${n(t.delta[sample][j])}`
  }
  const steps: DerivationStep[] = [
    {
      latex: aligned([
        `${lhs} &= ${uses.map((j) => `${partial(F.E, z(j))}${dot}${partial(z(j), b)}`).join(' + ')}`,
        `&= ${uses.map(delta).join(' + ')}`,
      ]),
      caption: `${b.replace(/[_{}]/g, '')} is one parameter used by every unit of the layer, so its gradient is the sum over its uses (∂net/∂b = 1 in each).${where}`,
    },
    { latex: aligned(uses.map(deltaLine)), caption: 'Each unit’s δ = ∂E/∂net, with the numbers.' },
    {
      latex: aligned([
        `${lhs} &= ${uses.map((j) => n(t.delta[sample][j])).join(' + ')} = ${formatNumber(stepValue, d, { style: 'latex' })}`,
      ]),
      caption: 'The sum: one gradient for the one bias.',
      value: stepValue,
    },
  ]
  return withMean(steps, lhs, B, exact, d)
}
