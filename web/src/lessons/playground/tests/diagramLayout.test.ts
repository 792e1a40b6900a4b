// The diagram's geometry: one edge per weight, and a click on an edge's midpoint selects that weight.
import { describe, expect, it } from 'vitest'
import { diagramEdges, diagramLayout, hitEdge } from '../diagramLayout'

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
})
