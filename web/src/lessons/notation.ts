// Notation helpers for lessons: fill in the symbols a lesson need not spell out (∂E/∂w, w⁺), and turn
// simple LaTeX symbols into plain text for places KaTeX cannot go (SVG labels, <option>s, aria-labels).
import { parseKey } from '../math/keys'
import { symbolFor, type SymbolMap } from '../math/symbols'

/**
 * Adds dW, db (∂E/∂w in the lesson's own symbols), Wnew, bnew (w⁺) and δ (δ_{net}) for every W, b, z key
 * of `symbols` that has no entry of its own.
 */
export function withDerived(symbols: SymbolMap): SymbolMap {
  const out: SymbolMap = { ...symbols }
  const E = symbols.loss ?? 'E'
  for (const [key, sym] of Object.entries(symbols)) {
    const r = parseKey(key)
    if (!r) continue
    const rest = key.slice(r.kind.length)
    if (r.kind === 'W' || r.kind === 'b') {
      const d = r.kind === 'W' ? 'dW' : 'db'
      out[`${d}${rest}`] ??= `\\frac{\\partial ${E}}{\\partial ${sym}}`
      // Braced, so a symbol with its own superscript (w^1_{11}) reads {w^1_{11}}^{+}, not a double one.
      out[`${r.kind}new${rest}`] ??= /[\^]/.test(sym) ? `{${sym}}^{+}` : `${sym}^{+}`
    }
  }
  return out
}

const SUB: Record<string, string> = Object.fromEntries(
  [...'0123456789+-()aehijklmnoprstuvx'].map((c, k) => [c, '₀₁₂₃₄₅₆₇₈₉₊₋₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ'[k]]),
)
const SUP: Record<string, string> = Object.fromEntries(
  [...'0123456789+-()'].map((c, k) => [c, '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾'[k]]),
)
const GREEK: Record<string, string> = { delta: 'δ', eta: 'η', sigma: 'σ', partial: '∂', cdot: '·' }

function script(text: string, map: Record<string, string>, mark: string): string {
  return [...text].every((c) => c in map) ? [...text].map((c) => map[c]).join('') : `${mark}${text}`
}

/** Plain text of a simple LaTeX symbol: `w^{(1)}_{11}` → w⁽¹⁾₁₁, `net_{h1}` → netₕ₁, `\hat{y}_1` → ŷ₁. */
export function latexToText(latex: string): string {
  let s = latex
    .replace(/\\frac\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g, '$1/$2')
    .replace(/\\hat\{(\w)\}/g, '$1\u0302')
    .replace(/\\(delta|eta|sigma|partial|cdot) ?/g, (_, g: string) => GREEK[g])
    .replace(/\\,|\\ /g, ' ')
  s = s.replace(/_\{([^{}]*)\}|_(\w)/g, (_, a?: string, b?: string) =>
    script(a ?? b ?? '', SUB, '_'),
  )
  s = s.replace(/\^\{([^{}]*)\}|\^(\w)/g, (_, a?: string, b?: string) =>
    script(a ?? b ?? '', SUP, '^'),
  )
  return s
    .replace(/[{}\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC')
}

/** The plain-text name of a quantity key in a lesson's notation. */
export function plainName(key: string, symbols: SymbolMap): string {
  return latexToText(symbolFor(key, symbols))
}
