// Every field of every lesson through its link and back: the worked examples' schema, the playground's,
// and each panel lesson's declared fields, with out-of-range and off-the-stops values refused.
import { describe, expect, it } from 'vitest'
import { lessons } from '../../web/src/lessons'
import { isLesson } from '../../web/src/lessons/types'
import { DEFAULT_CONFIG } from '../../web/src/lessons/playground/model'
import type { FeatureId } from '../../web/src/lessons/playground/features'
import { decodeLink, encodeLink, num } from '../../web/src/links/codec'
import type { Decl, LinkedFields, NumberDecl } from '../../web/src/links/fields'
import { outOfRange } from '../../web/src/links/limits'
import { decodePlayground, encodePlayground } from '../../web/src/links/playgroundLink'
import {
  WORKED_SCHEMA,
  decodeWorked,
  encodeWorked,
  workedBase,
  type WorkedState,
} from '../../web/src/links/workedLink'

describe('round trip of every field of every lesson', () => {
  it('worked examples: every field changed at once reads back exactly', () => {
    const fields = new Set<string>()
    for (const l of lessons.filter(isLesson)) {
      const base = workedBase(l.spec, l.focus)
      const s = l.spec
      const changed: WorkedState = {
        spec: {
          ...s,
          layers: [...s.layers.slice(0, -1), s.layers.at(-1)! + 1],
          activations: s.activations.map(() => 'tanh' as const),
          loss: 'mse',
          learningRate: 0.125,
          optimizer: { name: 'adam', beta1: 0.8, beta2: 0.99, epsilon: 1e-7 },
          trainBiases: !(s.trainBiases ?? true),
          sharedBiases: s.sharedBiases !== true,
          seed: 77,
          init: 'he',
          inputs: [s.inputs[0].map((x) => x + 1), s.inputs[0]],
          targets: [Array(s.layers.at(-1)! + 1).fill(0.25), Array(s.layers.at(-1)! + 1).fill(0.5)],
          batchSize: 1,
          epsilon: 1e-4,
        },
        selected: 'b1[0]',
        sample: 1,
      }
      const L = changed.spec.layers
      changed.spec.weights = L.slice(1).map((n, k) =>
        Array.from({ length: n }, (_, j) => Array.from({ length: L[k] }, (_, i) => j - i / 3)),
      )
      changed.spec.biases = L.slice(1).map((n) => Array.from({ length: n }, (_, j) => -j / 7))
      const q = encodeWorked(changed, base)
      for (const part of q.split('&')) fields.add(part.split('=')[0])
      expect(decodeWorked(q, base)).toEqual({
        state: changed,
        applied: WORKED_SCHEMA.map((f) => f.key),
        notices: [],
      })
    }
    expect([...fields].sort()).toEqual(['v', ...WORKED_SCHEMA.map((f) => f.key)].sort())
  })

  it('the playground: every setting and the learner’s own points', () => {
    const state = {
      config: {
        ...DEFAULT_CONFIG,
        dataset: 'custom' as const,
        noise: 0.15,
        points: 500,
        testShare: 0.3,
        seed: 1234,
        features: ['x1', 'x2', 'sinx1'] as FeatureId[],
        hidden: [8, 8, 8, 8, 8, 8],
        activation: 'relu' as const,
        loss: 'cross_entropy' as const,
        optimizer: 'adam' as const,
        learningRate: 0.003,
        batchSize: 30,
        regularization: 'l2' as const,
        regularizationRate: 0.001,
      },
      // labels 0…2: three classes, so cross-entropy is a loss the menu offers (#11)
      points: [
        { x1: 1.5, x2: -2, label: 1 },
        { x1: -3, x2: 0.25, label: 2 },
      ],
    }
    const q = encodePlayground(state)
    expect(q.split('&')).toHaveLength(16) // v and all 15 fields
    expect(decodePlayground(q)).toEqual({ ...state, notices: [] })
  })
})

describe('panel lessons: every declared field', () => {
  const declared = import.meta.glob<Record<string, LinkedFields<Record<string, Decl>>>>(
    '../../web/src/lessons/*/fields.ts',
    { eager: true },
  )
  const all = Object.entries(declared).flatMap(([file, m]) =>
    Object.values(m).map((f) => [file.split('/').at(-2)!, f] as const),
  )

  it('is declared for the panels', () => {
    expect(all.map(([id]) => id)).toContain('chain-rule')
  })

  it.each(all)(
    '%s: every field changed at once reads back; out of range or off the stops is refused',
    (_id, F) => {
      const changed = Object.fromEntries(
        Object.entries(F.own).map(([name, v]) => {
          const d = F[name] as Decl
          if ('options' in d) return [name, d.options.find((o) => o !== v) ?? v]
          if (typeof v === 'boolean') return [name, !v]
          const n = d as NumberDecl
          // The lower end of a range given as two fields goes to the bottom, the rest to the top.
          if (n.order?.is === '<' && v !== n.min && !n.minExclusive) return [name, n.min]
          // Another value in range: the top (unless excluded), else the middle or the bottom.
          if (v !== n.max && !n.maxExclusive) return [name, n.max]
          return [name, n.minExclusive ? (n.min + n.max) / 2 : v !== n.min ? n.min : n.max / 2]
        }),
      )
      const q = encodeLink(F.schema, changed, F.own)
      expect(q.split('&')).toHaveLength(1 + F.schema.length)
      expect(decodeLink(F.schema, q, F.own)).toEqual({
        state: changed,
        applied: F.schema.map((f) => f.key),
        notices: [],
      })
      for (const d of Object.values(F).filter(
        (d): d is NumberDecl => typeof d === 'object' && d !== null && 'min' in d,
      )) {
        const bad = [
          d.max + (d.step ?? 1),
          d.min - (d.step ?? 1),
          ...(d.step ? [d.min + d.step / 2] : []),
        ]
        for (const v of bad) {
          const r = decodeLink(F.schema, `v=1&${d.key}=${num(v)}`, F.own)
          expect([d.key, v, r.applied]).toEqual([d.key, v, []])
          // the slider could not reach it either
          expect(outOfRange(v, d)).not.toBeNull()
        }
      }
    },
  )
})
