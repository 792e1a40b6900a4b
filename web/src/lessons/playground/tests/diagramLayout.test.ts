// The diagram's geometry: one edge per weight, and a click on an edge's midpoint selects that weight.
import { describe, expect, it } from 'vitest'
import { diagramEdges, diagramLayout, hitEdge } from '../diagramLayout'
import { appendLoss, emptyHistory, thinned } from '../lossHistory'

describe('diagram layout', () => {
  const layers = [2, 4, 2, 1]
  const params = {
    weights: [Array(4).fill([0.5, -0.5]), Array(2).fill([1, 1, 1, 1]), [[2, -2]]],
    biases: [[0, 0, 0, 0], [0, 0], [0]],
  }
  it('has one edge per weight, keyed like the engine', () => {
    const edges = diagramEdges(layers, params)
    expect(edges).toHaveLength(8 + 8 + 2)
    expect(edges[1].key).toBe('W1[0][1]')
    expect(edges[17]).toMatchObject({ key: 'W3[0][1]', w: -2 })
  })
  it('a click on an edge selects it (away from crossings); far from every edge selects nothing', () => {
    const edges = diagramEdges(layers, params)
    for (const e of edges)
      expect(hitEdge(edges, e.x0 + 0.3 * (e.x1 - e.x0), e.y0 + 0.3 * (e.y1 - e.y0))).toBe(e.key)
    const { width, height } = diagramLayout(layers)
    expect(hitEdge(edges, width + 50, height + 50)).toBe('')
  })
  it('loss history: no repeated x, thinned past the cap', () => {
    const h = emptyHistory()
    appendLoss(h, 1, 0.5, null)
    appendLoss(h, 1, 0.4, null)
    for (let k = 2; k <= 11; k++) appendLoss(h, k, 1 / k, 2 / k)
    expect(h.x).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(thinned(h, 10).x).toEqual([1, 3, 5, 7, 9, 11])
    expect(thinned(h, 20)).toEqual(h)
  })
})
