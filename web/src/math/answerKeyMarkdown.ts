// The answer key (answerKey.ts) as Markdown with LaTeX, for the download and the CLI, and the notes' way
// of writing a number that its tables use.
import type { AnswerKey } from './answerKey'
import { formatNumber, fullPrecision } from './format'

/**
 * A number as the notes write it: 9 decimal places, trailing zeros dropped (0.298371109, 0.35891648);
 * tiny or huge values with 9 significant digits in scientific notation. `plain` (Markdown) writes
 * `-0.4` and `3.5e-7`; `unicode` (the screen) `−0.4` and `3.5×10⁻⁷`; `latex` for formulas.
 */
export function notesNumber(x: number, style: 'latex' | 'plain' | 'unicode' = 'plain'): string {
  const ax = Math.abs(x)
  if (x === 0 || !Number.isFinite(x) || ax < 1e-3 || ax >= 1e6) return formatNumber(x, 9, { style })
  const s = x.toFixed(9)
  const trimmed = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s
  // On screen a negative number has the typographic minus, as every other number there (−0.4).
  return style === 'unicode' ? trimmed.replace('-', '−') : trimmed
} /** `|` would end a Markdown table cell. */
const cell = (latex: string): string => (latex === '' ? '' : `$${latex.replace(/\|/g, '\\vert ')}$`)

/** The answer key as Markdown with `$…$` / `$$…$$` LaTeX (GitHub, Obsidian, pandoc, Jupyter read it). */
export function answerKeyMarkdown(key: AnswerKey): string {
  const out: string[] = [`# ${key.title}`, '', ...key.summary.flatMap((s) => [s, '']), '']
  key.sections.forEach((section, k) => {
    out.push(`## ${k + 1}. ${section.title}`, '')
    if (section.note) out.push(section.note, '')
    const wide = section.rows.some((r) => r.formula !== '')
    const columns = wide ? 'quantity | formula | with the numbers' : 'quantity'
    out.push(`| ${columns} | value | exact |`, `|---${wide ? '|---|---' : ''}|---:|---:|`)
    for (const r of section.rows) {
      const latex = wide ? [r.symbol, r.formula, r.numbers] : [r.symbol]
      out.push(
        `| ${[...latex.map(cell), notesNumber(r.value), fullPrecision(r.value)].join(' | ')} |`,
      )
    }
    out.push('')
  })
  if (key.derivations.length > 0) {
    out.push(`## ${key.sections.length + 1}. Every gradient by the chain rule`, '')
    for (const d of key.derivations) {
      out.push(`### $${d.heading}$`, '')
      for (const step of d.steps) {
        if (step.caption) out.push(step.caption, '')
        out.push('$$', step.latex, '$$', '')
      }
    }
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  )
}
