// The output layer's gradient in matrix form (notes 002): ∂E/∂W^{(L)} = δ^{(L)} (a^{(L−1)})ᵀ, with
// numbers, or (1/B) Δ Aᵀ for a batch. The result matrix is the trace's dW.

import type { NetworkSpec, Trace } from '../engine/types'
import type { DerivationOptions, DerivationStep } from './derivation'
import { num, vectorSymbol } from './symbols'

const bmatrix = (rows: string[][]): string =>
  `\\begin{bmatrix} ${rows.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{bmatrix}`

/**
 * Steps for ∂E/∂W^{(L)} of the last layer: the rule in symbols, then the numbers. With one sample,
 * δ (a column) times aᵀ (a row); with B samples, Δ (units × B) times Aᵀ (B × inputs) over B.
 */
export function outputLayerMatrixForm(
  spec: NetworkSpec,
  trace: Trace,
  options: Pick<DerivationOptions, 'symbols' | 'digits'> = {},
): DerivationStep[] {
  const L = spec.layers.length - 1
  const d = options.digits ?? 9
  const symbols = options.symbols ?? {}
  const n = (x: number): string => num(x, d)
  const B = trace.inputs.length
  const out = trace.layers[L - 1]
  const prev = L === 1 ? trace.inputs : trace.layers[L - 2].a
  const dSym = vectorSymbol(`delta${L}`, symbols)
  const aSym = L === 1 ? vectorSymbol('x', symbols) : vectorSymbol(`a${L - 1}`, symbols)
  const wSym = vectorSymbol(`W${L}`, symbols)
  const lhs = `\\frac{\\partial E}{\\partial ${wSym}}`
  const deltas = out.delta[0].map((_, k) => out.delta.map((row) => n(row[k])))
  const inputs = prev.map((row) => row.map(n))
  const result = bmatrix(out.dW.map((row) => row.map(n)))
  const rule =
    B === 1
      ? `${lhs} = ${dSym} \\, (${aSym})^\\top`
      : `${lhs} = \\frac{1}{${B}} \\, \\Delta^{(${L})} (A^{(${L - 1})})^\\top`
  const factor = B === 1 ? '' : `\\frac{1}{${B}}`
  return [
    {
      latex: rule,
      caption:
        B === 1
          ? 'Row j of the gradient is unit j’s δ times the layer’s inputs (a column times a row).'
          : 'Columns of Δ and rows of A are the samples; the gradient is their mean.',
    },
    {
      latex: `${lhs} = ${factor}${bmatrix(deltas)} ${bmatrix(inputs)} = ${result}`,
      caption: 'With the numbers; the result is the engine’s gradient.',
    },
  ]
}
