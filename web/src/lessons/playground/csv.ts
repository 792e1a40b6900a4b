// The learner's own data as CSV: `x1, x2, label` per line (or `x1, x2` and one-hot label columns), an
// optional header, `,` `;` or tab between values (one of them per file). Papa Parse splits the text
// (quotes, line ends, the separator); this module checks each row. A bad line is named (line number and
// why) and skipped, the first few of them listed and the rest counted; every good line is kept. The
// labels are read by the common conventions (±1 as TensorFlow Playground writes them, 0/1, class
// numbers 0…K−1, one-hot columns) and `labels` says how. Nothing from the file is evaluated or turned
// into markup.
import Papa from 'papaparse'
import { DOMAIN, MAX_CLASSES, round3, type DataPoint } from '../../math/datasets'
import { LIMITS } from '../../links/limits'
import { exactNumber } from '../../math/format'

interface CsvResult {
  points: DataPoint[]
  /**
   * One sentence per skipped line, e.g. “Line 7: “abc” is not a number.” (plain text), at most
   * {@link MAX_PROBLEMS}; then one line counting the rest (“… and 9,997 more lines were skipped.”).
   */
  problems: string[]
  /** How the labels were understood, e.g. “Labels −1/+1: two classes (−1 is class 0, +1 is class 1).”; '' with no points. */
  labels: string
}

/** Skipped lines named one by one; the rest are counted. */
const MAX_PROBLEMS = 5
const count = (n: number): string => n.toLocaleString('en-US')
const list = (xs: readonly (string | number)[]): string => xs.join(', ')

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i
const MAX_CHARS = 2_000_000

function show(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
  return clean.length > 20 ? `${clean.slice(0, 20)}…` : clean
}

/** The label columns, for the notice: their header names, else their positions (1-based). */
interface LabelColumns {
  /** Header names of the label columns (one, or one per one-hot column); [] without a header. */
  names: string[]
  /** How many label columns: 1, or K one-hot columns. */
  width: number
}

function columnWords(c: LabelColumns): string {
  if (c.width === 1) return c.names[0] ? `column ${show(c.names[0])}` : 'column 3'
  return c.names.length === c.width
    ? `the one-hot columns ${list(c.names.map(show))}`
    : `the one-hot columns 3–${c.width + 2}`
}

/**
 * The labels as the playground's classes, and the sentence that says how they were understood, e.g.
 * “4 classes from column label: 0, 1, 2, 3.”: ±1 → classes 0/1 (TensorFlow Playground's convention);
 * whole numbers 0…K−1 (or K one-hot columns, column k → class k − 1) → K classes, K from the largest
 * label as model.ts's problemOf decides, K ≤ {@link MAX_CLASSES}; anything else, or more classes than
 * that → regression targets (the numbers themselves). Classes without points are named.
 */
function readLabels(
  points: readonly DataPoint[],
  columns: LabelColumns = { names: [], width: 1 },
): { points: DataPoint[]; labels: string } {
  if (points.length === 0) return { points: [], labels: '' }
  const from = columnWords(columns)
  const seen = new Set(points.map((p) => p.label))
  const values = [...seen].sort((a, b) => a - b)
  if (columns.width === 1 && seen.has(-1) && values.every((v) => v === -1 || v === 1))
    return {
      points: points.map((p) => ({ ...p, label: p.label === 1 ? 1 : 0 })),
      labels: `2 classes from ${from}: −1 is class 0 (orange), +1 is class 1 (blue).`,
    }
  const whole = values.every((v) => Number.isInteger(v) && v >= 0)
  // K as problemOf decides it (from the largest label), so the notice names the classes trained.
  const K = whole ? Math.max(2, values[values.length - 1] + 1) : 0
  if (whole && K <= MAX_CLASSES) {
    const classes = Array.from({ length: K }, (_, k) => k)
    const empty = classes.filter((k) => !seen.has(k))
    const unused = columns.width - K
    return {
      points: [...points],
      labels: [
        `${K} classes from ${from}: ${list(classes)}.`,
        ...(empty.length > 0 ? [`No point is in class ${list(empty)}.`] : []),
        ...(unused > 0
          ? [
              `The last ${unused === 1 ? 'column has' : `${unused} columns have`} no 1, so ${K} classes are trained.`,
            ]
          : []),
      ].join(' '),
    }
  }
  if (whole && K <= 100)
    return {
      points: [...points],
      labels: `${K} classes from ${from}, but the playground trains at most ${MAX_CLASSES}, so the class numbers 0…${K - 1} are fitted as numbers (regression).`,
    }
  return {
    points: [...points],
    labels: `Numbers from ${exactNumber(values[0])} to ${exactNumber(values[values.length - 1])} in ${from}: not class numbers 0…${MAX_CLASSES - 1}, so they are fitted as numbers (regression).`,
  }
}

/** Reads CSV text into points; coordinates must lie in [-6, 6], labels are read by {@link readLabels}. */
export function parseCsv(text: string): CsvResult {
  if (text.length > MAX_CHARS)
    return { points: [], problems: ['The file is larger than 2 MB; nothing was read.'], labels: '' }
  const points: DataPoint[] = []
  const problems: string[] = []
  let skipped = 0
  const problem = (line: string): void => {
    skipped += 1
    if (problems.length < MAX_PROBLEMS) problems.push(line)
  }
  /** Values per line: 3 (x1, x2, label) or 2 + K (one-hot), from the first line with data. */
  let width = 0
  let header: string[] = []
  // Empty and comment lines are kept as rows so that row k is line k + 1 (unless a quoted value spans lines).
  const rows = Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t'] }).data
  let full = false
  rows.forEach((row, k) => {
    const cells = row.map((c) => c.trim())
    const n = k + 1
    if (cells.every((c) => c === '') || cells[0].startsWith('#')) return
    if (k === 0 && cells.some((c) => /[a-z]/i.test(c) && !NUMBER.test(c))) {
      header = cells // names the label columns in the notice
      return
    }
    if (width === 0 && cells.length >= 3) width = cells.length
    if (cells.length !== (width || 3)) {
      problem(
        width > 3
          ? `Line ${n}: expected ${width} values (x1, x2 and ${width - 2} one-hot label columns, as on the first line), got ${cells.length}.`
          : `Line ${n}: expected 3 values (x1, x2, label), got ${cells.length}.`,
      )
      return
    }
    const bad = cells.find((c) => !NUMBER.test(c) || !Number.isFinite(Number(c)))
    if (bad !== undefined) {
      problem(`Line ${n}: “${show(bad)}” is not a number.`)
      return
    }
    const [x1, x2, ...rest] = cells.map(Number)
    if (Math.abs(x1) > DOMAIN || Math.abs(x2) > DOMAIN) {
      problem(`Line ${n}: x1 and x2 must lie between −${DOMAIN} and ${DOMAIN}.`)
      return
    }
    let label = rest[0]
    if (width > 3) {
      label = rest.indexOf(1)
      if (label < 0 || !rest.every((v, j) => v === (j === label ? 1 : 0))) {
        problem(`Line ${n}: the ${width - 2} label columns are not one-hot (one 1, the rest 0).`)
        return
      }
    }
    if (points.length >= LIMITS.playground.customPoints) {
      if (!full)
        problems.push(
          `Line ${n} and after: more than ${LIMITS.playground.customPoints} points were skipped.`,
        )
      full = true
      return
    }
    points.push({ x1: round3(x1), x2: round3(x2), label: round3(label) })
  })
  if (skipped > MAX_PROBLEMS)
    problems.push(`… and ${count(skipped - MAX_PROBLEMS)} more lines were skipped.`)
  const labelWidth = Math.max(1, width - 2)
  const read = readLabels(points, {
    names: header.length === labelWidth + 2 ? header.slice(2) : [],
    width: labelWidth,
  })
  return { points: read.points, problems, labels: read.labels }
}

/** The points as CSV with a header, readable by {@link parseCsv}. */
export function toCsv(points: readonly DataPoint[]): string {
  return ['x1,x2,label', ...points.map((p) => `${p.x1},${p.x2},${p.label}`)].join('\n') + '\n'
}
