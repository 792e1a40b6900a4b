// Tied biases (issue #12) on the real engine: the classic 2-2-2 and the ReLU 2-2-2 lessons use ONE bias
// per layer, used by both units, so ∂E/∂b is the sum over its uses and there is one row for it everywhere.
// Expected values: the classic case's per-unit δ from the PyTorch fixture, summed here; the ReLU lesson
// recomputed by hand below. Never numbers from the code under test.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NetworkSpec, Trace } from '../../web/src/engine/types'
import classicLesson from '../../web/src/lessons/step-by-step-222/lesson'
import reluLesson from '../../web/src/lessons/relu-sigmoid-222/lesson'
import { buildAnswerKey } from '../../web/src/math/answerKey'
import { answerKeyMarkdown } from '../../web/src/math/answerKeyMarkdown'
import { checkWork } from '../../web/src/math/checkWork'
import { deriveGradient } from '../../web/src/math/derivation'
import { orderedKeys, parseKey } from '../../web/src/math/keys'
import { classicCase } from './fixtures'
import { loadEngineNode } from './loadEngineNode'

// PyTorch's per-unit (untied) ∂E/∂b of the classic example; the tied gradient is their sum.
const [h, o] = classicCase.expected.layers
const classicDb1 = h.db[0] + h.db[1] // δ_h1 + δ_h2
const classicDb2 = o.db[0] + o.db[1] // δ_o1 + δ_o2

// relu-sigmoid-222 by hand: x = (0.7, 0.5), W¹ = [[0.5, 0.3], [−0.2, 0.6]], b₁ = 0.1, both ReLUs on
// (net¹ = 0.6, 0.26), W² = [[0.4, −0.3], [0.7, 0.2]], b₂ = 0.2, y = (0.3, 0.7), L = ½ Σ (y − ŷ)².
const sig = (z: number): number => 1 / (1 + Math.exp(-z))
const [y1, y2] = [sig(0.4 * 0.6 - 0.3 * 0.26 + 0.2), sig(0.7 * 0.6 + 0.2 * 0.26 + 0.2)]
const [d1, d2] = [(y1 - 0.3) * y1 * (1 - y1), (y2 - 0.7) * y2 * (1 - y2)]
const reluDb1 = 0.4 * d1 + 0.7 * d2 + (-0.3 * d1 + 0.2 * d2)
const reluDb2 = d1 + d2

async function open(spec: NetworkSpec): Promise<EngineNetwork> {
  const created = EngineNetwork.create(await loadEngineNode(), spec)
  if (!created.ok) throw new Error(created.message)
  return created.network
}
async function traceOf(spec: NetworkSpec): Promise<Trace> {
  const net = await open(spec)
  net.forward()
  net.backward()
  const t = net.trace()
  net.dispose()
  return t
}
const close = (actual: number, expected: number, tol = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)))

const cases = [
  { lesson: classicLesson, db1: classicDb1, db2: classicDb2, b1: 0.35, b2: 0.6 },
  { lesson: reluLesson, db1: reluDb1, db2: reluDb2, b1: 0.1, b2: 0.2 },
]

describe('shared biases in the engine (real wasm)', () => {
  it('the fixture sums are the issue’s values', () => {
    expect(classicDb1).toBeCloseTo(0.018725609, 9)
    expect(classicDb2).toBeCloseTo(0.100400325, 9)
    expect(0.35 - 0.5 * classicDb1).toBeCloseTo(0.340637195, 9)
    expect(0.6 - 0.5 * classicDb2).toBeCloseTo(0.549799837, 9)
  })

  it.each(cases.map((c) => [c.lesson.id, c] as const))(
    '%s: one gradient per shared bias, checked as one, updated once',
    async (_, c) => {
      expect(c.lesson.spec.sharedBiases).toBe(true)
      const net = await open({ ...c.lesson.spec, trainBiases: true })
      net.forward()
      net.backward()
      const t = net.trace()
      for (const j of [0, 1]) {
        close(t.layers[0].db[j], c.db1)
        close(t.layers[1].db[j], c.db2)
      }
      expect(net.layout.sharedBiases).toEqual([true, true])
      const check = net.gradientCheck()
      const { b } = net.layout
      for (const l of [0, 1])
        for (const j of [0, 1]) {
          close(check.numeric[b[l] + j], l === 0 ? c.db1 : c.db2, 1e-7)
          expect(check.kink[b[l] + j]).toBe(false)
        }
      expect(net.update().ok).toBe(true)
      const p = net.params()
      expect(p.biases[0]).toEqual([p.biases[0][0], p.biases[0][0]])
      close(p.biases[0][0], c.b1 - 0.5 * c.db1)
      close(p.biases[1][1], c.b2 - 0.5 * c.db2)
      net.dispose()
    },
  )

  it('refuses a shared bias with two values, naming the field', async () => {
    const created = EngineNetwork.create(await loadEngineNode(), {
      ...classicLesson.spec,
      biases: [
        [0.35, 0.4],
        [0.6, 0.6],
      ],
    })
    expect(created.ok).toBe(false)
    if (!created.ok) expect(created.message).toMatch(/^biases\[0\]: a shared bias is one number/)
  })
})

describe('shared biases in quantities, derivation, check-my-work and the answer key', () => {
  it('names the one bias b1 (db1, bnew1) in the key scheme', () => {
    expect(parseKey('b1')).toEqual({ kind: 'b', layer: 1, shared: true })
    expect(parseKey('db2')).toEqual({ kind: 'db', layer: 2, shared: true })
    expect(parseKey('W1')).toBeNull()
    const keys = orderedKeys([2, 2, 2], [true, true])
    expect(keys.filter((k) => /^(b|db|bnew)\d/.test(k))).toEqual([
      'b1',
      'b2',
      'db2',
      'db1',
      'bnew1',
      'bnew2',
    ])
  })

  it.each(cases.map((c) => [c.lesson.id, c] as const))(
    '%s: the derivation sums the uses; check-my-work marks the sum right and one unit’s δ wrong',
    async (_, c) => {
      const spec = c.lesson.spec
      const t = await traceOf(spec)
      const steps = deriveGradient(spec, t, 'b1', { symbols: c.lesson.symbols })
      close(steps[steps.length - 1].value ?? NaN, c.db1)
      expect(steps[0].latex).toContain('+')
      const sum = c.db1.toFixed(6)
      const one = t.layers[0].delta[0][0].toFixed(6)
      const r = checkWork(spec, t, { db1: sum, db2: c.db2.toFixed(6), 'db1[0]': one })
      expect(r.byKey.db1.status).toBe('correct')
      expect(r.byKey.db2.status).toBe('correct')
      expect(r.byKey['db1[0]'].status).toBe('invalid')
      expect(checkWork(spec, t, { db1: one }).byKey.db1.status).not.toBe('correct')
    },
  )

  it.each(cases.map((c) => [c.lesson.id, c] as const))(
    '%s: the answer key has one row per shared bias, in Given, gradients and update',
    async (_, c) => {
      const spec = { ...c.lesson.spec, trainBiases: true }
      const key = buildAnswerKey(spec, await traceOf(spec), { symbols: c.lesson.symbols })
      const rows = key.sections.flatMap((s) => s.rows)
      const count = (k: string) => rows.filter((r) => r.key === k).length
      for (const k of ['b1', 'b2', 'db1', 'db2', 'bnew1', 'bnew2']) expect(count(k)).toBe(1)
      expect(rows.filter((r) => /^(b|db|bnew)\d\[/.test(r.key))).toEqual([])
      const value = (k: string) => rows.find((r) => r.key === k)?.value ?? NaN
      close(value('db1'), c.db1)
      close(value('db2'), c.db2)
      close(value('bnew1'), c.b1 - 0.5 * c.db1)
      close(value('bnew2'), c.b2 - 0.5 * c.db2)
      expect(key.derivations.map((d) => d.key).filter((k) => k.startsWith('b'))).toEqual([
        'b1',
        'b2',
      ])
      const md = answerKeyMarkdown(key)
      expect(md).toContain('one parameter')
    },
  )

  it('the classic key prints ∂E/∂b₁ = 0.018725609 and b₁⁺ = 0.340637195 as the notes write them', async () => {
    const spec = { ...classicLesson.spec, trainBiases: true }
    const md = answerKeyMarkdown(
      buildAnswerKey(spec, await traceOf(spec), { symbols: classicLesson.symbols }),
    )
    const line = (symbol: string) =>
      md.split('\n').find((l) => l.startsWith(`| $${symbol}$ |`)) ?? ''
    expect(line('\\frac{\\partial E_{total}}{\\partial b_1}')).toContain('| 0.018725609 |')
    expect(line('\\frac{\\partial E_{total}}{\\partial b_2}')).toContain('| 0.100400325 |')
    expect(line('b_1^{+}')).toContain('| 0.340637195 |')
    expect(line('b_2^{+}')).toContain('| 0.549799837 |')
  })
})

describe('backprop-lab export with shared biases and mini-batches', () => {
  const cli = fileURLToPath(new URL('../../wasm/cli/backprop-lab.mjs', import.meta.url))
  const dir = mkdtempSync(join(tmpdir(), 'bl-shared-'))
  const run = (spec: unknown) => {
    const path = join(dir, `${Math.random().toString(36).slice(2)}.json`)
    writeFileSync(path, JSON.stringify(spec))
    const r = spawnSync(process.execPath, [cli, 'export', path], { encoding: 'utf8', cwd: dir })
    const row = (symbol: string) =>
      r.stdout.split('\n').find((l) => l.startsWith(`| $${symbol}$ |`)) ?? ''
    return { ...r, row }
  }

  it('writes the one shared bias with the summed gradient and its update', () => {
    const r = run({ ...classicCase.spec, sharedBiases: true })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.row('\\frac{\\partial E}{\\partial b^{(1)}}')).toContain('| 0.018725609 |')
    expect(r.row('\\frac{\\partial E}{\\partial b^{(2)}}')).toContain('| 0.100400325 |')
    expect(r.row('b^{(1)+}')).toContain('| 0.340637195 |')
    expect(r.stdout).not.toContain('b^{(1)}_{1}')
  })

  it('describes the first mini-batch only when batchSize is below the rows', () => {
    // Two samples, batchSize 1: the first update sees sample 1 only, whose E is the classic
    // E_total 0.298371109 (the second sample is a copy with other targets).
    const spec = {
      ...classicCase.spec,
      inputs: [
        [0.05, 0.1],
        [0.05, 0.1],
      ],
      targets: [
        [0.01, 0.99],
        [0.99, 0.01],
      ],
      batchSize: 1,
    }
    const r = run(spec)
    expect(r.status).toBe(0)
    expect(r.row('E')).toContain('| 0.298371109 |')
    expect(r.stdout).not.toContain('Error of the batch')
    expect(r.stdout).not.toContain('sample 2')
    expect(r.stdout).toContain('first mini-batch')
    expect(r.row('\\frac{\\partial E}{\\partial w^{(2)}_{11}}')).toContain('| 0.082167041 |')
    expect(r.row('w^{(2)+}_{11}')).toContain('| 0.35891648 |')
  })

  it('refuses a softmax over one output with exit status 2 and one line naming the field', () => {
    const r = run({
      layers: [2, 2, 1],
      activations: ['sigmoid', 'softmax'],
      loss: 'cross_entropy',
      inputs: [[0.5, 0.8]],
      targets: [[1]],
      learningRate: 0.5,
    })
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^backprop-lab: activations\[1\]: a softmax over one output unit/)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })
})
