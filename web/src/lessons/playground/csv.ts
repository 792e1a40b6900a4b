// The learner's own data as CSV: `x1, x2, label` per line (or `x1, x2` and one-hot label columns), an
// optional header, `,` `;` or tab between values (one of them per file). Papa Parse splits the text
// (quotes, line ends, the separator); this module checks each row. A bad line is named (line number and
// why) and skipped, the first few of them listed and the rest counted; every good line is kept. The
// labels are read by the common conventions (±1 as TensorFlow Playground writes them, 0/1, class
// numbers 0…K−1, one-hot columns) and `labels` says how. Nothing from the file is evaluated or turned
// into markup.
import Papa from 'papaparse'
import { DOMAIN, round3, type DataPoint } from './datasets'
import { LIMITS } from '../../links/limits'

export interface CsvResult {
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
export const MAX_PROBLEMS = 5
/** Classes the playground trains and draws (its three-class output and colours). */
const MAX_CLASSES = 3
const WORDS = ['', 'one class', 'two classes', 'three classes']
const count = (n: number): string => n.toLocaleString('en-US')

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i
const MAX_CHARS = 2_000_000

function show(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
  return clean.length > 20 ? `${clean.slice(0, 20)}…` : clean
}

/**
 * The labels as the playground's: ±1 → classes 0/1, 0/1 and 0…K−1 (K ≤ 3) → classes, anything else
 * (also more than three class numbers) → regression targets; with the sentence that says which.
 */
export function readLabels(
  points: readonly DataPoint[],
  oneHot = 0,
): { points: DataPoint[]; labels: string } {
  if (points.length === 0) return { points: [], labels: '' }
  const seen = new Set(points.map((p) => p.label))
  const values = [...seen].sort((a, b) => a - b)
  if (oneHot > 0) {
    if (oneHot <= MAX_CLASSES)
      return {
        points: [...points],
        labels: `${oneHot} one-hot label columns: ${WORDS[oneHot]} (column k is class k − 1).`,
      }
    return {
      points: [...points],
      labels: `${oneHot} one-hot label columns: ${oneHot} classes, but the playground trains at most ${MAX_CLASSES}, so the class numbers 0…${oneHot - 1} are fitted as numbers (regression).`,
    }
  }
  if (seen.has(-1) && values.every((v) => v === -1 || v === 1))
    return {
      points: points.map((p) => ({ ...p, label: p.label === 1 ? 1 : 0 })),
      labels: 'Labels −1/+1: two classes (−1 is class 0, orange; +1 is class 1, blue).',
    }
  const whole = values.every((v) => Number.isInteger(v) && v >= 0)
  const K = values[values.length - 1] + 1
  if (whole && K <= 2) return { points: [...points], labels: 'Labels 0/1: two classes.' }
  if (whole && K <= MAX_CLASSES)
    return { points: [...points], labels: 'Labels 0, 1, 2: three classes.' }
  if (whole && K <= 100)
    return {
      points: [...points],
      labels: `Labels 0…${K - 1} look like ${K} classes, but the playground trains at most ${MAX_CLASSES}, so they are fitted as numbers (regression).`,
    }
  return {
    points: [...points],
    labels: `Labels from ${values[0]} to ${values[values.length - 1]}: not class numbers, so they are fitted as numbers (regression).`,
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
  // Empty and comment lines are kept as rows so that row k is line k + 1 (unless a quoted value spans lines).
  const rows = Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t'] }).data
  let full = false
  rows.forEach((row, k) => {
    const cells = row.map((c) => c.trim())
    const n = k + 1
    if (cells.every((c) => c === '') || cells[0].startsWith('#')) return
    if (k === 0 && cells.some((c) => /[a-z]/i.test(c) && !NUMBER.test(c))) return // a header
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
  const read = readLabels(points, width > 3 ? width - 2 : 0)
  return { points: read.points, problems, labels: read.labels }
}

/** The points as CSV with a header, readable by {@link parseCsv}. */
export function toCsv(points: readonly DataPoint[]): string {
  return ['x1,x2,label', ...points.map((p) => `${p.x1},${p.x2},${p.label}`)].join('\n') + '\n'
}
