// Every lesson's answer key (issue #12): every LaTeX expression parses in KaTeX with throwOnError (no raw
// red `w^1_{11}^{+}`), in the page's data and in the Markdown download; keys match their lesson (no bias
// rows where the lesson has none, no "E = E" row, the matrix form where the lesson shows it).
import katex from 'katex'
import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NetworkSpec, Trace } from '../../web/src/engine/types'
import { lessons } from '../../web/src/lessons'
import { isLesson, type Lesson } from '../../web/src/lessons/types'
import { buildAnswerKey, type AnswerKey } from '../../web/src/math/answerKey'
import { answerKeyMarkdown } from '../../web/src/math/answerKeyMarkdown'
import { loadEngineNode } from './loadEngineNode'

const full = lessons.filter(isLesson) as Lesson[]

async function keyOf(lesson: Lesson, spec: NetworkSpec = lesson.spec): Promise<AnswerKey> {
  const created = EngineNetwork.create(await loadEngineNode(), spec)
  if (!created.ok) throw new Error(created.message)
  const net = created.network
  net.forward()
  net.backward()
  const trace: Trace = net.trace()
  net.dispose()
  return buildAnswerKey(spec, trace, {
    title: lesson.title,
    symbols: lesson.symbols,
    noBiases: lesson.noBiases,
    matrixForm: lesson.matrixForm,
  })
}

/** KaTeX's own error, or '' when the expression parses and renders. */
function katexError(latex: string): string {
  try {
    katex.renderToString(latex, { throwOnError: true, strict: 'ignore' })
    return ''
  } catch (e) {
    return `${latex}: ${(e as Error).message}`
  }
}

function everyExpression(key: AnswerKey): string[] {
  return [
    ...key.sections.flatMap((s) => s.rows.flatMap((r) => [r.symbol, r.formula, r.numbers])),
    ...key.derivations.flatMap((d) => [d.heading, ...d.steps.map((s) => s.latex)]),
  ].filter((l) => l !== '')
}

/** The `$$…$$` blocks and `$…$` spans of the Markdown. */
function markdownMath(md: string): string[] {
  const blocks = [...md.matchAll(/\$\$\n([\s\S]*?)\n\$\$/g)].map((m) => m[1])
  const inline = [...md.replace(/\$\$\n[\s\S]*?\n\$\$/g, '').matchAll(/\$([^$\n]+)\$/g)].map((m) =>
    m[1].replace(/\\vert /g, '|'),
  )
  return [...blocks, ...inline]
}

describe('answer keys of every lesson', () => {
  it.each(full.map((l) => [l.id, l] as const))(
    '%s: every expression parses in KaTeX, on the page and in the Markdown',
    async (_, lesson) => {
      const key = await keyOf(lesson)
      const exprs = everyExpression(key)
      expect(exprs.length).toBeGreaterThan(10)
      expect(exprs.map(katexError).filter(Boolean)).toEqual([])
      const md = answerKeyMarkdown(key)
      const math = markdownMath(md)
      expect(math.length).toBeGreaterThan(10)
      expect(math.map(katexError).filter(Boolean)).toEqual([])
    },
  )

  it('relu-sigmoid-222: the weight updates read {w^1_{11}}^{+}', async () => {
    const lesson = full.find((l) => l.id === 'relu-sigmoid-222')!
    const key = await keyOf(lesson)
    const row = key.sections.flatMap((s) => s.rows).find((r) => r.key === 'Wnew1[0][0]')
    expect(row?.symbol).toBe('{w^1_{11}}^{+}')
  })

  it('sigmoid-221: no biases, one error row, and the matrix form', async () => {
    const lesson = full.find((l) => l.id === 'sigmoid-221')!
    const key = await keyOf(lesson)
    const rows = key.sections.flatMap((s) => s.rows)
    expect(rows.filter((r) => /^(b|db|bnew)\d/.test(r.key))).toEqual([])
    expect(key.derivations.map((d) => d.key).filter((k) => k.startsWith('b'))).toEqual([])
    const errors = key.sections.find((s) => s.title === 'Error')!.rows
    expect(errors).toHaveLength(1)
    expect(errors[0].symbol).toBe('E')
    expect(rows.map((r) => r.formula).join(' ')).not.toMatch(/b_|b\^/)
    expect(key.derivations.some((d) => d.key === 'W2' && d.steps.length > 0)).toBe(true)
  })
})
