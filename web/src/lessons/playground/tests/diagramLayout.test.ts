// The playground diagram's geometry (its layout and the shared diagramEdges.ts): one edge per weight,
// from the right side of its input unit to the left side of its neuron, and a click on an edge's line
// selects that weight.
import { describe, expect, it } from 'vitest'
import { edgesByDistance, pointAlong, weightEdges } from '../../../components/diagramEdges'
import { NODE, diagramLayout } from '../diagramLayout'

describe('diagram layout', () => {
  const layers = [2, 4, 2, 1]
  const params = {
    weights: [Array(4).fill([0.5, -0.5]), Array(2).fill([1, 1, 1, 1]), [[2, -2]]],
    biases: [[0, 0, 0, 0], [0, 0], [0]],
  }
  const layout = diagramLayout(layers)
  const edges = weightEdges(params.weights, layout.centre, NODE / 2)
  it('has one edge per weight, keyed like the engine', () => {
    expect(edges).toHaveLength(8 + 8 + 2)
    expect(edges[1].key).toBe('W1[0][1]')
    expect(edges[17]).toMatchObject({ key: 'W3[0][1]', weight: -2 })
  })
  it('runs from the right side of its input to the left side of its neuron', () => {
    // By hand: 40 px units, 54 px between layers, 10 px between rows, 4 rows at most. Input 0 (of 2)
    // sits one row down: top 50, so its right side's middle is (40, 70); hidden unit 0's left side's
    // middle is (40 + 54, 20).
    expect(edges[0]).toMatchObject({ key: 'W1[0][0]', x1: 40, y1: 70, x2: 94, y2: 20 })
  })
  it('a click on an edge selects it (away from crossings); far from every edge selects nothing', () => {
    const nearest = (x: number, y: number) => edgesByDistance(edges, x, y)[0]
    for (const e of edges) {
      const p = pointAlong(e, 0.3)
      expect(nearest(p.x, p.y).key).toBe(e.key)
    }
    expect(nearest(layout.width + 50, layout.height + 50).d).toBeGreaterThan(6)
  })
})
