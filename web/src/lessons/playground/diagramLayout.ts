// Where the playground's network diagram puts its units and edges, and which edge a click hits.
// Pure geometry in CSS pixels; the component draws it.
import type { Params } from '../../engine/network'

export const NODE = 40
const COLGAP = 54
const ROWGAP = 10

export interface Edge {
  /** The weight's key, `W{l}[j][i]`. */
  key: string
  x0: number
  y0: number
  x1: number
  y1: number
  w: number
}

/** Size of the diagram and the top-left corner of unit j of layer l (inputs are layer 0). */
export function diagramLayout(layers: readonly number[]) {
  const maxUnits = Math.max(...layers)
  const pos = (l: number, j: number) => ({
    x: l * (NODE + COLGAP),
    y: ((maxUnits - layers[l]) * (NODE + ROWGAP)) / 2 + j * (NODE + ROWGAP),
  })
  return {
    width: layers.length * NODE + (layers.length - 1) * COLGAP,
    height: maxUnits * (NODE + ROWGAP) - ROWGAP,
    pos,
  }
}

/** One edge per weight, from the right side of its input unit to the left side of its neuron. */
export function diagramEdges(layers: readonly number[], params: Params | null): Edge[] {
  if (!params) return []
  const { pos } = diagramLayout(layers)
  return params.weights.flatMap((Wl, l) =>
    Wl.flatMap((row, j) =>
      row.map((w, i) => {
        const [a, b] = [pos(l, i), pos(l + 1, j)]
        const key = `W${l + 1}[${j}][${i}]`
        return { key, x0: a.x + NODE, y0: a.y + NODE / 2, x1: b.x, y1: b.y + NODE / 2, w }
      }),
    ),
  )
}

/** The edge nearest to (x, y) within `tolerance` pixels, or ''. */
export function hitEdge(edges: readonly Edge[], x: number, y: number, tolerance = 6): string {
  let best = { key: '', d: tolerance }
  for (const e of edges) {
    const [dx, dy] = [e.x1 - e.x0, e.y1 - e.y0]
    const t = Math.max(0, Math.min(1, ((x - e.x0) * dx + (y - e.y0) * dy) / (dx * dx + dy * dy)))
    const d = Math.hypot(x - e.x0 - t * dx, y - e.y0 - t * dy)
    if (d < best.d) best = { key: e.key, d }
  }
  return best.key
}
