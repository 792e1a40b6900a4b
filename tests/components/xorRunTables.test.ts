// The XOR lesson's weights table shows each moment once (#11, found by a newcomer): a run whose update
// shown is its last one had the columns "update 2,000" and "end (update 2,000)", the same weights twice
// (the slider starts at the end). Now the start, the update shown and the end are one column each when
// they differ, and one column named for both when the update shown is the start or the end. The
// weights here are made up, one value per moment (0.1 at the start, 0.2 between, 0.3 at the end), so
// each column can be told by its numbers; the update shown has the weights of its moment.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { Params } from '../../web/src/engine/network'
import type { Trace } from '../../web/src/engine/types'
import XorRunTables from '../../web/src/lessons/xor-221/XorRunTables.vue'

/** A 2-1-1 network whose every weight and bias is `x`. */
const params = (x: number): Params => ({ weights: [[[x, x]], [[x]]], biases: [[x], [x]] })
/** The forward pass over the four XOR rows: only what the forward table reads. */
const trace = {
  inputs: [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ],
  targets: [[0], [1], [1], [0]],
  layers: [{ z: [[0], [1], [1], [2]] }, { a: [[0.5], [0.5], [0.5], [0.5]] }],
} as unknown as Trace

function table(update: number, updates = 2000) {
  const w = mount(XorRunTables, {
    props: {
      trace,
      dead: [false],
      start: params(0.1),
      now: params(update === 0 ? 0.1 : update === updates ? 0.3 : 0.2),
      end: params(0.3),
      update,
      updates,
    },
  })
  const weights = w.get('[data-testid="xor-weights"]')
  return {
    heads: weights.findAll('thead th').map((t) => t.text()),
    // each parameter row's numbers, the first row (w₁₁⁽¹⁾) for all
    first: weights
      .findAll('tbody tr')[0]
      .findAll('td')
      .map((t) => t.text()),
  }
}

describe('the XOR weights table: one column per moment', () => {
  it('the update shown is the last one: start and end, the end marked as shown', () => {
    const { heads, first } = table(2000)
    expect(heads).toEqual(['parameter', 'start (update 0)', 'end (update 2,000, shown)'])
    expect(first).toEqual(['0.1', '0.3'])
  })

  it('the update shown is the first one: start marked as shown, and the end', () => {
    const { heads, first } = table(0)
    expect(heads).toEqual(['parameter', 'start (update 0, shown)', 'end (update 2,000)'])
    expect(first).toEqual(['0.1', '0.3'])
  })

  it('an update between: start, that update and the end, three moments', () => {
    const { heads, first } = table(700)
    expect(heads).toEqual(['parameter', 'start (update 0)', 'update 700', 'end (update 2,000)'])
    expect(first).toEqual(['0.1', '0.2', '0.3'])
  })
})
