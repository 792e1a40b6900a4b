// Numbers for people: display formatting (significant digits, scientific for tiny/huge) and a
// forgiving parser for typed answers. No rounding rules for marking here; see checkWork.ts.

/** How {@link formatNumber} writes signs and exponents. */
export type NumberStyle = 'unicode' | 'plain' | 'latex'

/** Options of {@link formatNumber}. */
export interface FormatOptions {
  /**
   * `unicode`: typographic minus and ×10⁻⁵ (for reading); `plain`: `-` and `e-5` (parses back, for
   * inputs); `latex`: `-` and `\times 10^{-5}` (for KaTeX). @default 'unicode'
   */
  style?: NumberStyle
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
}

/** A whole number (or a signed exponent's text) in superscript digits, as a power is written: 32 → '³²'. */
export const superscript = (n: number | string): string =>
  [...String(n)].map((c) => SUPERSCRIPT[c] ?? c).join('')

/** Drops trailing zeros of a decimal mantissa: 0.741365070 → 0.74136507, 2.000 → 2. */
function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s
}

/**
 * Formats `x` with at most `digits` significant digits and no trailing zeros: 0.741365070 → '0.74136507'.
 * Values below 1e-4 or from 1e6 on (in magnitude) are written in scientific notation. A value that is
 * not a whole number is never written as one: when `digits` would round it to an integer (below
 * 10^(digits−1)), more digits are used, up to 17: 0.99999627 to 3 digits → '0.999996', 2.0000001 → '2.0000001'.
 * @param digits significant digits. @default 6
 */
export function formatNumber(x: number, digits = 6, options: FormatOptions = {}): string {
  const style = options.style ?? 'unicode'
  const minus = style === 'unicode' ? '−' : '-'
  if (Number.isNaN(x)) return 'NaN'
  if (!Number.isFinite(x)) return `${x < 0 ? minus : ''}${style === 'latex' ? '\\infty' : '∞'}`
  if (x === 0) return '0'
  const sign = x < 0 ? minus : ''
  const ax = Math.abs(x)
  // A value that is not a whole number is never written as one: 0.99999627 to 4 digits would read
  // "1" next to 1 − a = 3.73×10⁻⁶. More digits are taken until the rounding is not a whole number
  // (not for numbers of `digits` integer digits or more, rounded at the units place like any other).
  let shown = digits
  let rounded = Number(ax.toPrecision(shown))
  const small = rounded < 10 ** (digits - 1)
  while (small && shown < 17 && Number.isInteger(rounded) && rounded !== ax)
    rounded = Number(ax.toPrecision(++shown))
  if (rounded >= 1e-4 && rounded < 1e6) {
    return (
      sign + trimZeros(rounded.toFixed(Math.max(0, shown - 1 - Math.floor(Math.log10(rounded)))))
    )
  }
  const [mantissa, exp] = ax.toExponential(digits - 1).split('e')
  const e = String(Number(exp))
  const m = trimZeros(mantissa)
  if (style === 'plain') return `${sign}${m}e${e}`
  if (style === 'latex') return `${sign}${m} \\times 10^{${e}}`
  return `${sign}${m}×10${superscript(e)}`
}

/** The shortest text that reads back as exactly `x` (JavaScript's round-trip String). */
export function fullPrecision(x: number): string {
  return String(x)
}

/**
 * Every digit the double `x` holds (the shortest decimal that reads back as exactly `x`), written as the
 * screen writes numbers: typographic minus, ×10⁻⁵ below 1e-4 and from 1e6 on. −0.25 → '−0.25'.
 */
export function exactNumber(x: number): string {
  const digits = String(Math.abs(x)).split('e')[0].replace('.', '').replace(/^0+/, '').length
  return formatNumber(x, Math.min(17, Math.max(1, digits)))
}

/**
 * The hover title of a number shown rounded: `full precision: ` and {@link exactNumber}:
 * −0.1 − 0.2 → 'full precision: −0.30000000000000004'.
 */
export function fullPrecisionTitle(x: number): string {
  return `full precision: ${exactNumber(x)}`
}

/**
 * Result of {@link parseNumber}. `problem` is the one phrase every screen uses for refused text (the
 * field, the training bar, the marks): "is empty", "“abc” is not a number", "“1e400” is too large to
 * be a finite number"; `message` is the field's sentence built from it.
 */
export type ParseResult =
  { ok: true; value: number } | { ok: false; problem: string; message: string }

const refuse = (problem: string, hint: string): ParseResult => ({
  ok: false,
  problem,
  message: `${problem[0].toUpperCase()}${problem.slice(1)}${hint}.`,
})

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i
const PLAIN_DIGIT = Object.fromEntries(
  Object.entries(SUPERSCRIPT).map(([plain, sup]) => [sup, plain]),
)
/**
 * A typed number in the one plain form the readers below take: no spaces, `-` for a typographic minus
 * or dash, `.` for a decimal comma, and the page's own scientific form read as `e` (`3.7×10⁻⁶`,
 * `3.7x10^-6` and `3.7*10^-6` → `3.7e-6`), so a number copied from the screen reads back.
 */
function plainNumber(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[−–]/g, '-')
    .replace(',', '.')
    .replace(/[×x*]10(?:\^([+-]?\d+)|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))$/i, (_, caret: string, sup: string) =>
      caret !== undefined ? `e${caret}` : `e${[...sup].map((c) => PLAIN_DIGIT[c] ?? '+').join('')}`,
    )
}

/** What a field takes: any number (η, a weight) or only a whole one (a seed, a count). */
export interface NumberKind {
  /** Only whole numbers make sense here: messages ask for one, not for 0.5 or 1e-3. @default false */
  whole?: boolean
}

/**
 * The phone keyboard for a field (the input's `inputmode`): digits only for a whole number (no field
 * takes a negative one: seeds, counts, a point's number and every whole answer are 0 or more), else
 * digits with a decimal separator.
 */
export const inputModeOf = (kind: NumberKind = {}): 'numeric' | 'decimal' =>
  kind.whole ? 'numeric' : 'decimal'

/**
 * Reads a typed number: accepts `0.5`, `.5`, `0,5` (decimal comma), `1e-3`, `-2`, a typographic
 * minus `−`, the page's own `1×10⁻³` (or `1x10^-3`), and surrounding or inner spaces (`- 2`, `1 000`). Rejects anything not a finite number;
 * the message says how to write one in the field's own terms (`kind.whole`: "type a whole number such
 * as 7"). Whether a number is whole is for the field's range to check (links/limits.ts outOfRange).
 */
export function parseNumber(text: string, kind: NumberKind = {}): ParseResult {
  const t = plainNumber(text)
  const example = kind.whole ? 'a whole number such as 7' : 'a number such as 0.5 or 1e-3'
  if (t === '') return refuse('the field is empty', `: type ${example}`)
  if ((text.match(/,/g) ?? []).length > 1 || !NUMBER.test(t))
    return refuse(
      `“${text.trim()}” is not a number`,
      kind.whole ? `; type ${example}` : '; write it like 0.5, .5, 0,5 or 1e-3',
    )
  const value = Number(t)
  if (!Number.isFinite(value))
    return refuse(`“${text.trim()}” is too large to be a finite number`, '')
  return { ok: true, value }
}

/**
 * Decimal places a typed number carries, counting the exponent: '0.377' → 3, '4.39e-4' → 6,
 * '12' → 0, '1.2e3' → -2 (hundreds). This is the precision a typed answer is marked to.
 */
export function decimalsTyped(text: string): number {
  const t = plainNumber(text)
  const m = /^[+-]?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(t)
  if (!m) return 0
  return (m[2] ?? '').length - Number(m[3] ?? 0)
}

/**
 * Significant figures a typed number carries: the digits from the first non-zero one to the last one
 * written, whatever the exponent: '0.3775' → 4, '0.0381' → 3, '0.50' → 2, '4.39e-4' → 3, '0' → 0,
 * '120' → 3 (trailing zeros of an integer count). Text that is not a number gives 0.
 */
export function significantDigits(text: string): number {
  const t = plainNumber(text)
  const m = /^[+-]?(\d*)(?:\.(\d*))?(?:e[+-]?\d+)?$/i.exec(t)
  if (!m) return 0
  const digits = `${m[1]}${m[2] ?? ''}`.replace(/^0+/, '')
  return digits.length
}

/**
 * How a formula writes a term: the sign `minus` (for a negative coefficient), the product `times`
 * between coefficient and symbol, and `write` for the coefficient's magnitude (≥ 0).
 */
export interface TermStyle {
  minus: string
  times: string
  write: (magnitude: number) => string
}
/** Plain text on the page: '0.4·x₁', '−x₂'. */
export const PLAIN_TERMS: TermStyle = { minus: '−', times: '·', write: String }
/** LaTeX for MathText/KaTeX: '0.4\\,x_1', '-x_2'. */
export const TEX_TERMS: TermStyle = { minus: '-', times: '\\,', write: String }

/**
 * One term c·symbol as a formula writes it, the one place such terms are built: a coefficient of 1 is
 * left out and one of −1 is a bare minus sign ('x', '−x', '0.4·x', never '1·x' or '−1·x'); −0 keeps its
 * sign ('−0·x'). The rule is on the value itself: 0.99996 written as '1' by `write` stays '1·x'.
 */
export function termText(c: number, symbol: string, style: TermStyle = PLAIN_TERMS): string {
  const negative = c < 0 || Object.is(c, -0)
  const m = Math.abs(c)
  return `${negative ? style.minus : ''}${m === 1 ? '' : `${style.write(m)}${style.times}`}${symbol}`
}

/** A LaTeX term (exercise prompts): (1, 'w') → 'w', (−1, 'u') → '-u', (2, 'v') → '2\\,v'. */
export const texTerm = (c: number, symbol: string): string => termText(c, symbol, TEX_TERMS)

/**
 * A linear expression as text, each term's sign written as the operator: [[0.4, 'x₁'], [−1.2, 'x₂']]
 * and 0.8 → '0.4·x₁ − 1.2·x₂ + 0.8' (never '+ −1.2'); a coefficient of ±1 is left out ('x₁ − x₂ + 0.8',
 * termText). `write` formats a magnitude (≥ 0); a zero constant is still written, so the expression
 * keeps its shape while it trains. `style` gives the operators: PLAIN_TERMS, or TEX_TERMS for LaTeX.
 */
export function linearText(
  terms: readonly (readonly [number, string])[],
  constant: number,
  write: (magnitude: number) => string,
  style: Omit<TermStyle, 'write'> = PLAIN_TERMS,
): string {
  const plus = (k: number, negative: boolean) =>
    k === 0 ? (negative ? style.minus : '') : negative ? ` ${style.minus} ` : ' + '
  const neg = (c: number) => c < 0 || Object.is(c, -0)
  const parts = terms.map(
    ([c, symbol], k) => `${plus(k, neg(c))}${termText(Math.abs(c), symbol, { ...style, write })}`,
  )
  return [...parts, `${plus(parts.length, neg(constant))}${write(Math.abs(constant))}`].join('')
}

/** linearText in LaTeX with the numbers as given (exercise prompts): '0.3\\,x_1 - x_2 + 0.5'. */
export const texLinear = (
  terms: readonly (readonly [number, string])[],
  constant: number,
): string => linearText(terms, constant, String, TEX_TERMS)

/**
 * An engine message as the page writes numbers: the C++ side writes large and small numbers in
 * exponent form (`the loss 9.836e+08 passed the cut-off 298.4`), the page as 9.836×10⁸, with the
 * same significant digits. Nothing else in the message changes.
 */
export function screenNumbers(message: string): string {
  return message.replace(/-?\d+(?:\.\d+)?e[+-]?\d+/gi, (m) =>
    formatNumber(Number(m), Math.max(1, significantDigits(m))),
  )
}
