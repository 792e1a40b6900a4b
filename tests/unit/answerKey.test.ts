// The answer key (math/answerKey.ts) on the real engine: the classic example's exact numbers as the
// notes write them, every δ, gradient and update present, every LaTeX string renders in KaTeX.
import katex from 'katex'
import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NetworkSpec, Trace } from '../../web/src/engine/types'
import classicLesson from '../../web/src/lessons/step-by-step-222/lesson'
import { buildAnswerKey } from '../../web/src/math/answerKey'
import { answerKeyMarkdown, notesNumber } from '../../web/src/math/answerKeyMarkdown'
import { loadEngineNode } from './loadEngineNode'

async function traceOf(spec: NetworkSpec): Promise<Trace> {
  const engine = await loadEngineNode()
  const created = EngineNetwork.create(engine, spec)
  if (!created.ok) throw new Error(created.message)
  const net = created.network
  net.forward()
  net.backward()
  const trace = net.trace()
  net.dispose()
  return trace
}

const renders = (latex: string): boolean => {
  try {
    katex.renderToString(latex, { throwOnError: true, strict: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe('buildAnswerKey / answerKeyMarkdown', () => {
  it('writes the classic example with the notes’ numbers (E_total, ∂E/∂w5, w5 after the update)', async () => {
    const spec = classicLesson.spec
    const key = buildAnswerKey(spec, await traceOf(spec), {
      title: classicLesson.title,
      symbols: classicLesson.symbols,
    })
    const md = answerKeyMarkdown(key)
    expect(md).toMatch(/^# The classic 2-2-2 walk-through\n/)
    const line = (symbol: string): string =>
      md.split('\n').find((l) => l.startsWith(`| $${symbol}$ |`)) ?? ''
    expect(line('E_{total}')).toContain('| 0.298371109 |')
    expect(line('\\frac{\\partial E_{total}}{\\partial w_5}')).toContain('| 0.082167041 |')
    expect(line('w_5^{+}')).toContain('| 0.35891648 |')
    expect(line('w_1^{+}')).toContain('| 0.149780716 |')
    expect(line('net_{h1}')).toContain('0.15 \\cdot 0.05 + 0.2 \\cdot 0.1 + 0.35')
    expect(line('\\delta_{o1}')).toContain('| 0.138498562 |')
    expect(md).toContain('Biases are not trained')
    // the summary names things in the lesson's words, and states the digits rule the tables follow
    expect(md).toContain(
      'activations sigmoid, sigmoid, loss ½ sum of squares, learning rate η = 0.5',
    )
    expect(md).not.toContain('half_sse')
    expect(md).toContain('to 9 decimal places (below 0.001: 9 significant digits)')
    // every gradient has its derivation, and every formula is valid KaTeX
    // One derivation per parameter: the lesson's shared biases b1, b2 once each.
    expect(key.derivations.map((d) => d.key)).toEqual([
      'W1[0][0]',
      'W1[0][1]',
      'W1[1][0]',
      'W1[1][1]',
      'b1',
      'W2[0][0]',
      'W2[0][1]',
      'W2[1][0]',
      'W2[1][1]',
      'b2',
    ])
    const latex = [
      ...key.sections.flatMap((s) => s.rows.flatMap((r) => [r.symbol, r.formula, r.numbers])),
      ...key.derivations.flatMap((d) => [d.heading, ...d.steps.map((s) => s.latex)]),
    ].filter((l) => l !== '')
    expect(latex.filter((l) => !renders(l))).toEqual([])
  })

  it('covers batches, deep networks, softmax + cross-entropy and momentum', async () => {
    const spec: NetworkSpec = {
      layers: [2, 3, 2, 3],
      activations: ['tanh', 'relu', 'softmax'],
      loss: 'cross_entropy',
      inputs: [
        [0.5, -1],
        [1, 2],
        [0, 0.25],
      ],
      targets: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
      learningRate: 0.1,
      optimizer: { name: 'momentum', momentum: 0.9 },
      seed: 7,
    }
    const key = buildAnswerKey(spec, await traceOf(spec))
    const md = answerKeyMarkdown(key)
    expect(md).toContain('## 2. Forward pass (sample 1 of 3)')
    expect(md).toContain('Error of the batch')
    expect(md).toContain('the lesson trains with momentum')
    expect(key.derivations).toHaveLength(3 * 2 + 3 + 2 * 3 + 2 + 3 * 2 + 3)
    const latex = key.sections.flatMap((s) =>
      s.rows.flatMap((r) => [r.symbol, r.formula, r.numbers]),
    )
    expect(latex.filter((l) => l !== '' && !renders(l))).toEqual([])
    expect(md).not.toMatch(/NaN|undefined/)
  })

  it('writes numbers like the notes: 9 decimals, scientific when tiny', () => {
    expect(notesNumber(0.2983711087600027)).toBe('0.298371109')
    expect(notesNumber(0.35891647971788465)).toBe('0.35891648')
    expect(notesNumber(-0.022602540477475067)).toBe('-0.02260254')
    expect(notesNumber(0.0004385677344743467)).toBe('0.000438567734')
    expect(notesNumber(0)).toBe('0')
    expect(notesNumber(3.5e-7)).toBe('3.5e-7')
    // on screen: the typographic minus (U+2212) of every other number, never a hyphen-minus
    expect(notesNumber(-0.4, 'unicode')).toBe('\u22120.4')
    expect(notesNumber(-0.022602540477475067, 'unicode')).toBe('\u22120.02260254')
    expect(notesNumber(-3.5e-7, 'unicode')).toBe('\u22123.5×10\u207b\u2077')
  })
})
