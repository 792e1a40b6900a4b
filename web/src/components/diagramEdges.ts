// Where a network diagram's weights run, shared by the lessons' SVG (NetworkDiagram) and the playground's
// canvas (PlaygroundEdges, PlaygroundParamKeys): one edge per weight, keyed as the engine keys it, a point
// along an edge, and the edge nearest a pointer. Each diagram places its units and draws its own way.

/** A point in the diagram's own coordinates. */
export type Point = { x: number; y: number }
/** A straight line from (x1, y1) to (x2, y2), its ends named as SVG's `<line>` names them. */
export type Segment = { x1: number; y1: number; x2: number; y2: number }
type KeyedSegment = Segment & { key: string }
/** Weight `W{l+1}[j][i]` (`Params.weights[l][j][i]`): from unit i of layer l to unit j of layer l + 1. */
export type WeightEdge = KeyedSegment & { l: number; j: number; i: number; weight: number }

/** From the right side of a unit centred at `a` to the left side of one at `b`, each `radius` wide. */
export function edgeBetween(a: Point, b: Point, radius: number): Segment {
  return { x1: a.x + radius, y1: a.y, x2: b.x - radius, y2: b.y }
}

/** One edge per weight of `weights` (`Params.weights`); `centre(l, j)` is unit j of layer l's centre. */
export function weightEdges(
  weights: readonly number[][][],
  centre: (l: number, j: number) => Point,
  radius: number,
): WeightEdge[] {
  return weights.flatMap((Wl, l) =>
    Wl.flatMap((row, j) =>
      row.map((weight, i) => {
        const ends = edgeBetween(centre(l, i), centre(l + 1, j), radius)
        return { key: `W${l + 1}[${j}][${i}]`, l, j, i, weight, ...ends }
      }),
    ),
  )
}

/** The point at fraction `t` along `e` (0 = its start). */
export function pointAlong(e: Segment, t: number): Point {
  return { x: e.x1 + t * (e.x2 - e.x1), y: e.y1 + t * (e.y2 - e.y1) }
}

/** Every edge with its distance from (x, y), nearest first (equally near ones in `edges`' order). */
export function edgesByDistance(edges: readonly KeyedSegment[], x: number, y: number) {
  return edges
    .map((e) => {
      const [dx, dy] = [e.x2 - e.x1, e.y2 - e.y1]
      const along = ((x - e.x1) * dx + (y - e.y1) * dy) / (dx * dx + dy * dy || 1)
      const t = Math.max(0, Math.min(1, along))
      return { key: e.key, d: Math.hypot(e.x1 + t * dx - x, e.y1 + t * dy - y) }
    })
    .sort((a, b) => a.d - b.d)
}
