// Every registered lesson runs in the real engine; the classic one reproduces the notes' numbers. Expected
// values come from the notes' corrected values (shared seeds README, notes 004), never from the code under test.
import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../web/src/engine/network'
import { deriveGradient } from '../../web/src/math/derivation'
import { orderedKeys } from '../../web/src/math/keys'
import { lessons } from '../../web/src/lessons'
import { isLesson, type Lesson } from '../../web/src/lessons/types'
import { loadEngineNode } from './loadEngineNode'

const full = lessons.filter(isLesson) as Lesson[]
const byId = (id: string) => full.find((l) => l.id === id) as Lesson

async function network(lesson: Lesson): Promise<EngineNetwork> {
  const created = EngineNetwork.create(await loadEngineNode(), lesson.spec)
  if (!created.ok) throw new Error(created.message)
  return created.network
}

describe('lesson registry', () => {
  it('holds the three worked examples as full lessons', () => {
    const ids = full.map((l) => l.id)
    for (const id of ['relu-sigmoid-222', 'sigmoid-221', 'step-by-step-222'])
      expect(ids).toContain(id)
  })

  it.each(full.map((l) => [l.id, l] as const))(
    '%s: valid spec, finite trace, derivable focus and steps',
    async (_, lesson) => {
      const net = await network(lesson)
      expect(net.forward().ok).toBe(true)
      expect(net.backward().ok).toBe(true)
      const trace = net.trace()
      expect(Number.isFinite(trace.loss)).toBe(true)
      const keys = new Set(orderedKeys(lesson.spec.layers))
      for (const key of [
        lesson.focus,
        ...lesson.steps.flatMap((s) => (s.derive ? [s.derive] : [])),
      ]) {
        expect(keys.has(key)).toBe(true)
        expect(
          deriveGradient(lesson.spec, trace, key, { symbols: lesson.symbols }).length,
        ).toBeGreaterThan(0)
      }
      for (const key of [...lesson.highlights, ...lesson.slips.map((s) => s.key)])
        expect(keys.has(key)).toBe(true)
      expect(lesson.units.map((u) => u.length)).toEqual(lesson.spec.layers)
      net.dispose()
    },
  )
})

describe('step-by-step-222 (notes 004)', () => {
  it('gives E_total = 0.298371109 and the notes’ weights after one update with η = 0.5', async () => {
    const lesson = byId('step-by-step-222')
    const net = await network(lesson)
    expect(net.forward().loss).toBeCloseTo(0.298371109, 9)
    net.backward()
    const t = net.trace()
    expect(t.layers[0].z[0][0]).toBeCloseTo(0.3775, 12)
    expect(t.layers[1].z[0][0]).toBeCloseTo(1.105905967, 9)
    expect(t.layers[1].a[0][1]).toBeCloseTo(0.772928465, 9)
    expect(t.layers[1].dW[0][0]).toBeCloseTo(0.082167041, 9)
    expect(net.update().ok).toBe(true)
    const { weights, biases } = net.params()
    expect(weights[1].flat().map((w) => Number(w.toFixed(9)))).toEqual([
      0.35891648, 0.408666186, 0.51130127, 0.561370121,
    ])
    expect(weights[0].flat().map((w) => Number(w.toFixed(9)))).toEqual([
      0.149780716, 0.199561432, 0.249751144, 0.299502287,
    ])
    expect(biases).toEqual([
      [0.35, 0.35],
      [0.6, 0.6],
    ])
    net.dispose()
  })

  it('names the weights w1..w8 as the notes do', () => {
    const s = byId('step-by-step-222').symbols
    const order = [
      'W1[0][0]',
      'W1[0][1]',
      'W1[1][0]',
      'W1[1][1]',
      'W2[0][0]',
      'W2[0][1]',
      'W2[1][0]',
      'W2[1][1]',
    ]
    expect(order.map((k) => s[k])).toEqual(['w_1', 'w_2', 'w_3', 'w_4', 'w_5', 'w_6', 'w_7', 'w_8'])
  })
})

describe('relu-sigmoid-222 and sigmoid-221', () => {
  it('keep the notes’ givens: x = (0.7, 0.5), y = (0.3, 0.7), b1 = 0.1, b2 = 0.2; no biases in 2-2-1', () => {
    const relu = byId('relu-sigmoid-222').spec
    expect([relu.inputs, relu.targets, relu.biases, relu.activations]).toEqual([
      [[0.7, 0.5]],
      [[0.3, 0.7]],
      [
        [0.1, 0.1],
        [0.2, 0.2],
      ],
      ['relu', 'sigmoid'],
    ])
    const s221 = byId('sigmoid-221').spec
    expect(s221.layers).toEqual([2, 2, 1])
    expect(s221.biases?.flat().every((b) => b === 0)).toBe(true)
    expect(s221.trainBiases).toBe(false)
  })
})
