// What the link tests share (links, workedLink and linkRoundTrips .test.ts): the notes' classic 2-2-2
// network as a worked example's base, the worked codec in the old API's shape, and every structural
// promise a decoded spec keeps.
import { expect } from 'vitest'
import type { NetworkSpec } from '../../web/src/engine/types'
import { noticeLines } from '../../web/src/links/codec'
import { LIMITS } from '../../web/src/links/limits'
import {
  decodeWorked,
  encodeWorked,
  workedBase,
  type WorkedState,
} from '../../web/src/links/workedLink'

export const classic: NetworkSpec = {
  layers: [2, 2, 2],
  activations: ['sigmoid', 'sigmoid'],
  loss: 'half_sse',
  weights: [
    [
      [0.15, 0.2],
      [0.25, 0.3],
    ],
    [
      [0.4, 0.45],
      [0.5, 0.55],
    ],
  ],
  biases: [
    [0.35, 0.35],
    [0.6, 0.6],
  ],
  inputs: [[0.05, 0.1]],
  targets: [[0.01, 0.99]],
  learningRate: 0.5,
  trainBiases: false,
}

export const own = workedBase(classic, 'W2[0][0]')
export const at = (spec: NetworkSpec, selected = 'W2[0][0]', sample = 0): WorkedState => ({
  spec,
  selected,
  sample,
})
/** The old API's shape, so the cases below read as before: the spec and the notices' text. */
export function decodeState(query: string, _base?: NetworkSpec) {
  const d = decodeWorked(query, own)
  return {
    spec: d.state.spec,
    applied: d.applied,
    notices: noticeLines(d.notices, 99).map((n) => n.text),
  }
}
export const encodeState = (_base: NetworkSpec, spec: NetworkSpec): string =>
  encodeWorked(at(spec), own)

/** Every structural promise a decoded spec keeps, whatever the link was. */
export function expectWellFormed(spec: NetworkSpec): void {
  const L = spec.layers.length - 1
  expect(L).toBeGreaterThanOrEqual(1)
  expect(spec.layers.every((n) => Number.isInteger(n) && n >= 1 && n <= 8)).toBe(true)
  expect(spec.layers.length).toBeLessThanOrEqual(LIMITS.lesson.layers)
  expect(spec.activations).toHaveLength(L)
  expect(spec.inputs.length).toBe(spec.targets.length)
  expect(spec.inputs.every((r) => r.length === spec.layers[0] && r.every(Number.isFinite))).toBe(
    true,
  )
  expect(spec.targets.every((r) => r.length === spec.layers[L] && r.every(Number.isFinite))).toBe(
    true,
  )
  if (spec.weights) {
    expect(spec.weights.map((W) => [W.length, W[0]?.length])).toEqual(
      spec.layers.slice(1).map((n, l) => [n, spec.layers[l]]),
    )
    expect(spec.weights.flat(2).every(Number.isFinite)).toBe(true)
  }
  if (spec.biases) expect(spec.biases.map((b) => b.length)).toEqual(spec.layers.slice(1))
  expect(Number.isFinite(spec.learningRate) && spec.learningRate > 0).toBe(true)
}
