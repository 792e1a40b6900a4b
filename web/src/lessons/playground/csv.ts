// The learner's own data as CSV: `x1, x2, label` per line, an optional header, `,` `;` or tab between
// values (one of them per file). Papa Parse splits the text (quotes, line ends, the separator); this
// module checks each row. A bad line is named (line number and why) and skipped; every good line is
// kept. Nothing from the file is evaluated or turned into markup.
import Papa from 'papaparse'
import { DOMAIN, round3, type DataPoint } from './datasets'
import { LIMITS } from '../../links/limits'

export interface CsvResult {
  points: DataPoint[]
  /** One sentence per skipped line, e.g. “Line 7: “abc” is not a number.” (plain text). */
  problems: string[]
}

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i
const MAX_CHARS = 2_000_000

function show(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
  return clean.length > 20 ? `${clean.slice(0, 20)}…` : clean
}

/** Reads CSV text into points; coordinates must lie in [-6, 6], labels are numbers (classes 0, 1, 2 or targets). */
export function parseCsv(text: string): CsvResult {
  if (text.length > MAX_CHARS)
    return { points: [], problems: ['The file is larger than 2 MB; nothing was read.'] }
  const points: DataPoint[] = []
  const problems: string[] = []
  // Empty and comment lines are kept as rows so that row k is line k + 1 (unless a quoted value spans lines).
  const rows = Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t'] }).data
  let full = false
  rows.forEach((row, k) => {
    const cells = row.map((c) => c.trim())
    const n = k + 1
    if (cells.every((c) => c === '') || cells[0].startsWith('#')) return
    if (k === 0 && cells.some((c) => /[a-z]/i.test(c) && !NUMBER.test(c))) return // a header
    if (cells.length !== 3) {
      problems.push(`Line ${n}: expected 3 values (x1, x2, label), got ${cells.length}.`)
      return
    }
    const bad = cells.find((c) => !NUMBER.test(c) || !Number.isFinite(Number(c)))
    if (bad !== undefined) {
      problems.push(`Line ${n}: “${show(bad)}” is not a number.`)
      return
    }
    const [x1, x2, label] = cells.map(Number)
    if (Math.abs(x1) > DOMAIN || Math.abs(x2) > DOMAIN) {
      problems.push(`Line ${n}: x1 and x2 must lie between −${DOMAIN} and ${DOMAIN}.`)
      return
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
  return { points, problems }
}

/** The points as CSV with a header, readable by {@link parseCsv}. */
export function toCsv(points: readonly DataPoint[]): string {
  return ['x1,x2,label', ...points.map((p) => `${p.x1},${p.x2},${p.label}`)].join('\n') + '\n'
}
