// LaTeX for small matrices and vectors of engine numbers (KaTeX bmatrix), rounded for reading. No Vue.
import { formatNumber } from './format'

/**
 * `\begin{bmatrix} … \end{bmatrix}` of `rows`; a matrix with more than `maxRows` rows or `maxCols` columns
 * shows the first ones and a row/column of dots.
 * @param digits significant digits. @default 4
 */
export function matrixLatex(
  rows: readonly (readonly number[])[],
  digits = 4,
  maxRows = 6,
  maxCols = 6,
): string {
  const cell = (x: number) => formatNumber(x, digits, { style: 'latex' })
  const shown = rows.slice(0, maxRows).map((r) => {
    const cells = r.slice(0, maxCols).map(cell)
    if (r.length > maxCols) cells.push('\\cdots')
    return cells.join(' & ')
  })
  if (rows.length > maxRows)
    shown.push(
      Array.from({ length: Math.min(rows[0].length, maxCols + 1) }, () => '\\vdots').join(' & '),
    )
  return `\\begin{bmatrix} ${shown.join(' \\\\ ')} \\end{bmatrix}`
}

/** A column vector (one entry per row). */
export function columnLatex(values: readonly number[], digits = 4): string {
  return matrixLatex(
    values.map((v) => [v]),
    digits,
  )
}

/** Rows ↔ columns. */
export function transpose(rows: readonly (readonly number[])[]): number[][] {
  return rows.length === 0 ? [] : rows[0].map((_, j) => rows.map((r) => r[j]))
}
