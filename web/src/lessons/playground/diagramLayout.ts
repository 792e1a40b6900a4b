// Where the playground's network diagram puts its units and edges, and which edge a click hits.
// Pure geometry in CSS pixels; the component draws it.
import type { Params } from '../../engine/network'

export const NODE = 40
const COLGAP = 54
const ROWGAP = 10
/** Room left of the inputs for their names (x₁, sin x₂), in unscaled pixels. */
export const LABEL_SPACE = 56
/** The smallest scale: a 40 px neuron stays a 24 px target. */
const MIN_SCALE = 0.6
/** The narrowest gap between layers (unscaled), where edges can still be told apart and hovered. */
const MIN_COLGAP = 28

/** How a diagram is fitted into its column: a gap between layers and a scale, or a sideways scroll. */
interface DiagramFit {
  colGap: number
  scale: number
  /** Even the narrowest gap at MIN_SCALE is too wide: the column scrolls. */
  scrolls: boolean
}

/**
 * Fits a diagram of `layers` into `room` px (its labels included): full size when it fits; else scaled
 * down to MIN_SCALE; else the layers closer (down to MIN_COLGAP); else it scrolls. `room` 0 (not
 * measured yet) means "full size".
 */
export function diagramFit(layers: readonly number[], room: number): DiagramFit {
  const full = (gap: number) => layers.length * NODE + (layers.length - 1) * gap + LABEL_SPACE
  if (room <= 0 || full(COLGAP) <= room) return { colGap: COLGAP, scale: 1, scrolls: false }
  if (full(COLGAP) * MIN_SCALE <= room)
    return { colGap: COLGAP, scale: room / full(COLGAP), scrolls: false }
  const gaps = Math.max(1, layers.length - 1)
  const gap = (room / MIN_SCALE - LABEL_SPACE - layers.length * NODE) / gaps
  if (gap >= MIN_COLGAP) return { colGap: gap, scale: MIN_SCALE, scrolls: false }
  return { colGap: MIN_COLGAP, scale: MIN_SCALE, scrolls: true }
}

export interface Edge {
  /** The weight's key, `W{l}[j][i]`. */
  key: string
  x0: number
  y0: number
  x1: number
  y1: number
  w: number
}

/** Size of the diagram and the top-left corner of unit j of layer l (inputs are layer 0), unscaled. */
export function diagramLayout(layers: readonly number[], colGap = COLGAP) {
  const maxUnits = Math.max(...layers)
  const pos = (l: number, j: number) => ({
    x: l * (NODE + colGap),
    y: ((maxUnits - layers[l]) * (NODE + ROWGAP)) / 2 + j * (NODE + ROWGAP),
  })
  return {
    width: layers.length * NODE + (layers.length - 1) * colGap,
    height: maxUnits * (NODE + ROWGAP) - ROWGAP,
    pos,
  }
}

/** One edge per weight, from the right side of its input unit to the left side of its neuron. */
export function diagramEdges(
  layers: readonly number[],
  params: Params | null,
  colGap = COLGAP,
): Edge[] {
  if (!params) return []
  const { pos } = diagramLayout(layers, colGap)
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
