// LaTeX names of quantities for derivations: a lesson's own notation (w_5, net_{h1}) with the default
// w^{(l)}_{ji}, z^{(l)}_j, a^{(l)}_j, δ^{(l)}_j, x_i, y_k (1-based) for every key it leaves out.

import { parseKey } from './keys'
import { formatNumber } from './format'

/** Quantity key (or vector key such as `delta2`, `a1`) → LaTeX. */
export type SymbolMap = Record<string, string>

/** 1-based subscript; indices are comma-separated once one of them has two digits. */
function sub(...idx: number[]): string {
  const one = idx.map((v) => v + 1)
  return one.some((v) => v > 9) ? one.join(',') : one.join('')
}

/** The LaTeX symbol of a quantity key, from `symbols` or in the default notation. */
export function symbolFor(key: string, symbols: SymbolMap = {}): string {
  if (symbols[key]) return symbols[key]
  const r = parseKey(key)
  if (!r) return `\\text{${key}}`
  const l = r.layer ?? 0
  const j = r.j ?? 0
  const i = r.i ?? 0
  switch (r.kind) {
    case 'x':
      return `x_{${sub(j)}}`
    case 'y':
      return `y_{${sub(j)}}`
    case 'E':
      return `E_{${sub(j)}}`
    case 'loss':
      return 'E'
    case 'W':
      return `w^{(${l})}_{${sub(j, i)}}`
    case 'b':
      return r.shared ? `b^{(${l})}` : `b^{(${l})}_{${sub(j)}}`
    case 'z':
      return `z^{(${l})}_{${sub(j)}}`
    case 'a':
      return `a^{(${l})}_{${sub(j)}}`
    case 'delta':
      return `\\delta^{(${l})}_{${sub(j)}}`
    case 'dW':
      return `\\frac{\\partial E}{\\partial w^{(${l})}_{${sub(j, i)}}}`
    case 'db':
      return r.shared
        ? `\\frac{\\partial E}{\\partial b^{(${l})}}`
        : `\\frac{\\partial E}{\\partial b^{(${l})}_{${sub(j)}}}`
    case 'Wnew':
      return `w^{(${l})+}_{${sub(j, i)}}`
    case 'bnew':
      return r.shared ? `b^{(${l})+}` : `b^{(${l})+}_{${sub(j)}}`
  }
}

/** Symbol of unit i of layer l − 1 seen from weight layer l: x_i for l = 1, else a^{(l−1)}_i. */
export function inputSymbol(l: number, i: number, symbols: SymbolMap = {}): string {
  return symbolFor(l === 1 ? `x[${i}]` : `a${l - 1}[${i}]`, symbols)
}

/** Symbol of a whole vector (`delta2`, `a1`, `x`) or matrix (`W2`), in bold-free default notation. */
export function vectorSymbol(name: string, symbols: SymbolMap = {}): string {
  if (symbols[name]) return symbols[name]
  const m = /^(delta|a|z|W|dW)(\d+)$/.exec(name)
  if (!m) return name
  const base = m[1] === 'delta' ? '\\delta' : m[1]
  return `${base}^{(${m[2]})}`
}

/** ∂A/∂B in LaTeX. */
export const partial = (a: string, b: string): string => `\\frac{\\partial ${a}}{\\partial ${b}}`

/** A number for substitution into LaTeX, parenthesised when negative so products read well. */
export function num(x: number, digits = 9): string {
  const s = formatNumber(x, digits, { style: 'latex' })
  return x < 0 ? `(${s})` : s
}

/** The number as displayed, read back (to multiply the factors a learner actually sees). */
export function shown(x: number, digits = 9): number {
  return Number(formatNumber(x, digits, { style: 'plain' }))
}
