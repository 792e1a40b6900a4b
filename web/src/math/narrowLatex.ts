// A display formula's narrow form, for a phone's column (#11): the same LaTeX with its long equalities
// broken over lines. Every relation after the first (=, ≈, ←, ⟹) starts a line of its own, aligned on
// it; a line still too long is broken before a + or − (or else a ·) at the outermost bracket level
// that has one, packed greedily; a gathered formula's row of two statements (`…, \qquad …`) becomes
// two rows. Only line breaks, alignment marks and a little indent are added: every symbol and number
// stays as it was, in the same order. A formula with nothing to break comes back unchanged (the same
// string), as does anything inside braces, a matrix or \left…\right, which cannot break.

/** A token: a control word or symbol (`\frac`, `\,`), a brace, or one character. */
type Token = string

function tokenize(latex: string): Token[] {
  const out: Token[] = []
  for (let i = 0; i < latex.length;) {
    const c = latex[i]
    if (c === '\\') {
      const word = /^\\[a-zA-Z]+/.exec(latex.slice(i))
      const t = word ? word[0] : latex.slice(i, i + 2)
      out.push(t)
      i += t.length
    } else if (/\s/.test(c)) {
      let j = i
      while (j < latex.length && /\s/.test(latex[j])) j++
      out.push(' ')
      i = j
    } else {
      out.push(c)
      i++
    }
  }
  return out
}

const RELATIONS = new Set(['=', '\\approx', '\\leftarrow', '\\Longrightarrow', '\\le', '\\ge'])
const OPEN = new Set(['(', '['])
const CLOSE = new Set([')', ']'])
const SIZES = /^\\(big|Big|bigg|Bigg)[lr]?$/

/** Depth of `{…}`, environments and \left…\right before each token: where nothing may break. */
function groupDepths(tokens: Token[]): number[] {
  let d = 0
  return tokens.map((t) => {
    if (t === '{' || t === '\\left' || t === '\\begin') return d++
    if (t === '}' || t === '\\right' || t === '\\end') return --d
    return d
  })
}

/** Splits `tokens` at the group-level-0 tokens for which `at` holds (the token starts the next part). */
function splitAt(tokens: Token[], at: (t: Token, k: number) => boolean): Token[][] {
  const depth = groupDepths(tokens)
  const parts: Token[][] = [[]]
  tokens.forEach((t, k) => {
    if (depth[k] === 0 && at(t, k)) parts.push([])
    parts[parts.length - 1].push(t)
  })
  return parts
}

const join = (tokens: Token[]): string =>
  tokens
    .map((t, k) => (/^\\[a-zA-Z]+$/.test(t) && /^[a-zA-Z]/.test(tokens[k + 1] ?? '') ? `${t} ` : t))
    .join('')
    .trim()

/**
 * The width every number takes in the estimate, whatever its value: a live number of the derivations'
 * format (9 significant digits) at its common widest, `0.0592977641` (a negative one's sign and brackets
 * fall in what MathFormula leaves to spare). Shorter formats are counted as wide: a value is not known
 * from its digits, and a line must fit whatever value comes next.
 * A line's breaks must not follow the numbers' values: while training, a number that lost a trailing
 * zero, changed sign (and lost its brackets) or became 0 moved a break, the formula gained or lost a
 * line at each redraw, and the page under the reader shifted (phone-step-bar at Pause, 73 px).
 */
export const NUMBER_WIDTH = 11

/**
 * Where the number starting at `k` ends (exclusive), or −1 when none starts there. A number is what
 * the page writes for a value: digits with a decimal point, or 0, optionally signed (`-` where it
 * cannot be a binary minus, after `prev`), optionally `\times 10^{…}`, and a negative one's brackets
 * `(-…)`. A whole number other than 0 (an index, a count, the 2 of 2(a − y)) is not one: those are
 * part of the formula, not of its values.
 */
function numberEnd(tokens: Token[], k: number, prev: Token, zeroes = true): number {
  let j = k
  const bracket = tokens[j] === '(' && tokens[j + 1] === '-'
  if (bracket) j++
  if (tokens[j] === '-') {
    if (!bracket && prev !== '' && !/^[([{&=,]$/.test(prev) && !RELATIONS.has(prev)) return -1
    j++
  }
  const start = j
  while (/^[0-9]$/.test(tokens[j] ?? '')) j++
  if (j === start) return -1
  let decimal = tokens[j] === '.' && /^[0-9]$/.test(tokens[j + 1] ?? '')
  if (decimal) {
    j++
    while (/^[0-9]$/.test(tokens[j] ?? '')) j++
  }
  // scientific: ` \times 10^{…}`
  let e = j
  while (tokens[e] === ' ') e++
  if (tokens[e] === '\\times') {
    e++
    while (tokens[e] === ' ') e++
    if (
      tokens[e] === '1' &&
      tokens[e + 1] === '0' &&
      tokens[e + 2] === '^' &&
      tokens[e + 3] === '{'
    ) {
      const close = tokens.indexOf('}', e + 3)
      if (close > 0) {
        j = close + 1
        decimal = true
      }
    }
  }
  const zero = j === start + 1 && tokens[start] === '0'
  if (!decimal && !(zero && zeroes)) return -1
  if (bracket) {
    if (tokens[j] !== ')') return -1
    j++
  }
  return j
}

/**
 * @param values whether numbers are values (not in an index or a power, where digits are the formula's)
 * @param zeroes whether a lone 0 is a value (not in a matrix or cases, where 0 and 1 are the formula's)
 */
function widthOf(tokens: Token[], values = true, zeroes = true): number {
  let w = 0
  let prev = ''
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]
    if (values && t !== ' ') {
      const end = numberEnd(tokens, k, prev, zeroes)
      prev = t
      if (end > 0) {
        w += NUMBER_WIDTH
        prev = tokens[end - 1]
        k = end - 1
        continue
      }
    }
    const group = (from: number): [Token[], number] => {
      let j = from
      while (tokens[j] === ' ') j++
      if (tokens[j] !== '{') return [tokens.slice(j, j + 1), j + 1]
      let d = 0
      for (let e = j; e < tokens.length; e++) {
        if (tokens[e] === '{') d++
        else if (tokens[e] === '}' && --d === 0) return [tokens.slice(j + 1, e), e + 1]
      }
      return [tokens.slice(j + 1), tokens.length]
    }
    if (t === '\\frac') {
      const [a, next] = group(k + 1)
      const [b, end] = group(next)
      w += Math.max(widthOf(a), widthOf(b)) * 0.8 + 0.5
      k = end - 1
    } else if (t === '_' || t === '^') {
      const [g, end] = group(k + 1)
      w += widthOf(g, false) * 0.7
      k = end - 1
    } else if (t === '\\begin') {
      // a matrix: its widest row
      let d = 0
      let e = k
      for (; e < tokens.length; e++) {
        if (tokens[e] === '\\begin') d++
        else if (tokens[e] === '\\end' && --d === 0) break
      }
      const inner = tokens.slice(group(k + 1)[1], e)
      const rows = splitAt(inner, (x) => x === '\\\\').map((r) =>
        splitAt(r, (x) => x === '&').reduce((s, cell) => s + widthOf(cell, true, false) + 2, 0),
      )
      w += Math.max(0, ...rows) + 1
      k = group(e + 1)[1] - 1
    } else if (t === '\\text' || t === '\\operatorname' || t === '\\mathrm') {
      const [g, end] = group(k + 1)
      w += g.join('').length
      k = end - 1
    } else if (t === '\\quad') w += 2
    else if (t === '\\qquad') w += 4
    else if (t === '\\,' || t === '\\;' || t === '\\:' || t === '\\!') w += 0.3
    else if (RELATIONS.has(t)) w += 2.2
    else if (t === '+' || t === '-' || t === '\\cdot' || t === '\\odot') w += 1.8
    else if (t === ' ' || t === '{' || t === '}' || t === '&' || SIZES.test(t)) continue
    else if (t === '\\left' || t === '\\right' || t === '\\displaystyle') continue
    else if (/^[0-9]$/.test(t)) w += 1
    else if (t === '.' || t === ',') w += 0.55
    else if (t === '(' || t === ')' || t === '[' || t === ']') w += 0.8
    else w += 1.1
  }
  return w
}

/** A bracket narrower than this is not broken inside: `(1 − 0.75136507)` stays whole (two numbers). */
const SHORT_BRACKET = 2 * NUMBER_WIDTH + 2

/** Roughly what fits on a line of a phone's column (about 300 px), in digit widths (half an em). */
export const BUDGET = 30

/** Where a row may break before an operator, after something from `from`: at the shallowest bracket level, + and − before ·; never
 * inside a short bracket (`(1 − 0.75)` stays whole). */
function operatorBreaks(row: Token[], from: number): number[] {
  const depth = groupDepths(row)
  const open: number[] = []
  const found: { k: number; rank: number }[] = []
  let prev = ''
  row.forEach((t, k) => {
    if (depth[k] === 0 && k >= from) {
      if (OPEN.has(t)) open.push(k)
      else if (CLOSE.has(t)) open.pop()
    }
    if (depth[k] === 0 && k > from && hasContent(row.slice(from, k))) {
      const binary =
        prev !== '' && !/^[([{&=]$/.test(prev) && !RELATIONS.has(prev) && !SIZES.test(prev)
      const inside = open.length ? widthOf(bracketAt(row, open[open.length - 1])) : Infinity
      const rank = open.length * 2 + (t === '\\cdot' ? 1 : 0)
      if (binary && inside >= SHORT_BRACKET && (t === '+' || t === '-' || t === '\\cdot'))
        found.push({ k, rank })
    }
    if (t !== ' ' && depth[k] === 0) prev = t
  })
  if (!found.length) return []
  const best = Math.min(...found.map((f) => f.rank))
  return found.filter((f) => f.rank === best).map((f) => f.k)
}

/** The tokens inside the bracket opened at `k`, to its matching close (or the row's end). */
function bracketAt(row: Token[], k: number): Token[] {
  let d = 0
  for (let e = k; e < row.length; e++) {
    if (OPEN.has(row[e])) d++
    else if (CLOSE.has(row[e]) && --d === 0) return row.slice(k + 1, e)
  }
  return row.slice(k + 1)
}

/** Whether tokens hold something to read (not only spacing and empty groups). */
const hasContent = (tokens: Token[]): boolean =>
  tokens.some((t) => /^[0-9a-zA-Z([]/.test(t) || (/^\\[a-zA-Z]+$/.test(t) && !/quad$/.test(t)))

/** A row's width beside a label column `label` wide (an aligned's rows share its left column). */
function rowWidth(row: Token[], label: number): number {
  const amp = ampOf(row)
  return amp < 0 ? widthOf(row) : Math.max(label, headWidth(row)) + widthOf(row.slice(amp + 1))
}
/** Where a row's alignment mark is (group level 0), or −1. */
function ampOf(row: Token[]): number {
  const depth = groupDepths(row)
  return row.findIndex((t, k) => t === '&' && depth[k] === 0)
}
/** The width of what stands left of a row's alignment mark. */
const headWidth = (row: Token[]): number => {
  const amp = ampOf(row)
  return amp < 0 ? 0 : widthOf(row.slice(0, amp))
}

/** A row too long broken before operators, greedily: each line as long as fits. */
function breakLongTo(row: Token[], budget: number, label = 0): Token[][] {
  if (rowWidth(row, label) <= budget) return [row]
  const amp = row.indexOf('&')
  // never before the line's first term (a continued line starts `&\quad {} + …`)
  const breaks = operatorBreaks(row, amp + 1)
  if (!breaks.length) return [row]
  let cut = breaks[0]
  for (const b of breaks) if (rowWidth(row.slice(0, b), label) <= budget) cut = b
  const first = row.slice(0, cut)
  const rest = ['&', '\\quad', ' ', '{', '}', ' ', ...row.slice(cut)]
  return [first, ...breakLongTo(rest, budget, label)]
}

/** One row: a new line before every relation after the first, then long lines broken. */
function breakRowTo(row: Token[], budget: number, label = 0): Token[][] {
  const depth = groupDepths(row)
  let amp = ampOf(row)
  if (amp < 0) {
    // the first relation becomes the alignment point
    const first = row.findIndex((t, k) => RELATIONS.has(t) && depth[k] === 0)
    if (first < 0) return breakLongTo(row, budget, label)
    row = [...row.slice(0, first), '&', ...row.slice(first)]
    amp = first
  }
  const head = row.slice(0, amp + 1)
  const body = row.slice(amp + 1)
  // An aside after the chain (`…, \quad y = 1`) is another statement: a line started at its relation
  // would join the chain (`w ← …, δᵢ` over `= aᵢ − yᵢ` over `= w − …` read δᵢ = w − …).
  const aside = asideAt(body)
  let seen = false
  const parts = splitAt(body, (t, k) => {
    if (!RELATIONS.has(t) || k >= aside) return false
    const cut = seen
    seen = true
    return cut
  })
  const rows = parts.map((p, k) => (k === 0 ? [...head, ...p] : ['&', ...p]))
  return rows.flatMap((r) => breakLongTo(r, budget, label))
}

/** Where a row's first aside starts (`, \quad …` or `\qquad …` at group level 0), or Infinity. */
function asideAt(row: Token[]): number {
  const depth = groupDepths(row)
  const spaced = (i: number): boolean => {
    while (row[i] === ' ') i++
    return SPACES.has(row[i])
  }
  const k = row.findIndex(
    (t, i) => depth[i] === 0 && (t === '\\qquad' || (t === ',' && spaced(i + 1))),
  )
  return k < 0 ? Infinity : k
}

/** `lhs &= rhs` as `&lhs` and `&\quad = rhs` (a row with no left-hand side: indented only). */
function stack(row: Token[]): Token[][] {
  const depth = groupDepths(row)
  const amp = row.findIndex((t, k) => t === '&' && depth[k] === 0)
  const head = amp < 0 ? [] : row.slice(0, amp)
  const rest = row.slice(amp + 1)
  const below = ['&', '\\quad', ' ', ...rest]
  return hasContent(head) ? [['&', ...head], below] : [below]
}

/** The rows of an environment's body, split at its own `\\`. */
const rowsOf = (body: Token[]): Token[][] =>
  splitAt(body, (t) => t === '\\\\').map((r) => (r[0] === '\\\\' ? r.slice(1) : r))

const SPACES = new Set(['\\,', '\\;', '\\quad', '\\qquad', ' '])
/** A gathered row's statements: split after `,` + space and at `\qquad` (group level 0). */
function statements(row: Token[]): Token[][] {
  const parts = splitAt(row, (t, k) => {
    if (t === '\\qquad') return k > 0 && row[k - 1] !== ','
    return SPACES.has(t) && row[k - 1] === ',' && t !== ' ' && row[k + 1] !== undefined
  })
  return parts.map((p) => p.filter((t, k) => k > 0 || !SPACES.has(t))).filter(hasContent)
}

const ENV = /^\s*\\begin\{(aligned|gathered)\}([\s\S]*)\\end\{\1\}\s*$/

/**
 * The formula broken for a narrow column, or `latex` itself when no line needs it.
 * @param latex a display formula: plain, or one aligned or gathered environment
 * @param budget how many digit widths (half an em of the formula's font) a line may take
 */
export function narrowLatex(latex: string, budget = BUDGET): string {
  let label = 0
  const long = (r: Token[]) => rowWidth(r, label) > budget
  const breakLong = (row: Token[]): Token[][] => breakLongTo(row, budget, label)
  const breakRow = (row: Token[]): Token[][] => breakRowTo(row, budget, label)
  const env = ENV.exec(latex)
  const kind = env?.[1] ?? 'plain'
  const body = tokenize(env ? env[2] : latex)
  if (env && groupDepths(body).some((d) => d < 0)) return latex // not one environment after all
  const rows = rowsOf(body).map((r) => r.filter((t, k) => t !== ' ' || (k > 0 && k < r.length - 1)))
  if (kind === 'aligned') label = Math.max(...rows.map(headWidth))
  if (!rows.some(long)) return latex
  if (kind === 'gathered') {
    // each long row: its statements on rows of their own, each aligned on its relations
    const out = rows.flatMap((r) => {
      if (!long(r)) return [join(r)]
      return statements(r).map((part) => {
        const lines = breakRow(part)
        return lines.length > 1 || part.includes('&')
          ? `\\begin{aligned} ${lines.map(join).join(' \\\\ ')} \\end{aligned}`
          : join(part)
      })
    })
    return `\\begin{gathered} ${out.join(' \\\\ ')} \\end{gathered}`
  }
  let out = rows.flatMap((r) => (long(r) ? breakRow(r) : [r]))
  // Still too long beside a wide left-hand side: that on a line of its own, what follows below it.
  if (out.some(long)) {
    const before = Math.max(...out.map((r) => rowWidth(r, label)))
    label = 0 // stacked, the left column holds nothing
    const stacked = out.flatMap(stack).flatMap(breakLong)
    if (Math.max(...stacked.map((r) => rowWidth(r, 0))) < before) out = stacked
  }
  return `\\begin{aligned} ${out.map(join).join(' \\\\ ')} \\end{aligned}`
}
