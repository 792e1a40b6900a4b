// Where the playground's network diagram puts its units, and how it fits its column.
// Pure geometry in CSS pixels; the component draws it.
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

/**
 * Size of the diagram, the top-left corner of unit j of layer l (inputs are layer 0) and its centre
 * (where its edges aim, diagramEdges.ts), unscaled.
 */
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
    centre: (l: number, j: number) => ({ x: pos(l, j).x + NODE / 2, y: pos(l, j).y + NODE / 2 }),
  }
}
