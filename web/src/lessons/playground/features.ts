// Input features: the columns the network sees, computed from (x₁, x₂) here in TypeScript before the
// rows go to the engine. The engine never knows that a column was x₁²; the heatmap grid goes through the
// same mapping, so what is drawn is what was trained.
import { DOMAIN, gridPoints, type DataPoint } from '../../math/datasets'

export type FeatureId = 'x1' | 'x2' | 'x1sq' | 'x2sq' | 'x1x2' | 'sinx1' | 'sinx2'

export interface Feature {
  id: FeatureId
  /** Plain text, for labels. */
  label: string
  latex: string
  f: (x1: number, x2: number) => number
}

export const FEATURES: readonly Feature[] = [
  { id: 'x1', label: 'x₁', latex: 'x_1', f: (x1) => x1 },
  { id: 'x2', label: 'x₂', latex: 'x_2', f: (_, x2) => x2 },
  { id: 'x1sq', label: 'x₁²', latex: 'x_1^2', f: (x1) => x1 * x1 },
  { id: 'x2sq', label: 'x₂²', latex: 'x_2^2', f: (_, x2) => x2 * x2 },
  { id: 'x1x2', label: 'x₁·x₂', latex: 'x_1 x_2', f: (x1, x2) => x1 * x2 },
  { id: 'sinx1', label: 'sin x₁', latex: '\\sin x_1', f: (x1) => Math.sin(x1) },
  { id: 'sinx2', label: 'sin x₂', latex: '\\sin x_2', f: (_, x2) => Math.sin(x2) },
]

export const FEATURE_IDS: readonly FeatureId[] = FEATURES.map((f) => f.id)

export function feature(id: FeatureId): Feature {
  return FEATURES.find((f) => f.id === id)!
}

/** The selected features in the canonical order (so `x2,x1` and `x1,x2` are the same network). */
export function canonicalFeatures(ids: readonly FeatureId[]): FeatureId[] {
  return FEATURE_IDS.filter((id) => ids.includes(id))
}

/** One row per point: the selected features of (x₁, x₂), in canonical order. */
export function featureRows(points: readonly DataPoint[], ids: readonly FeatureId[]): number[][] {
  const fs = canonicalFeatures(ids).map(feature)
  return points.map((p) => fs.map((ft) => ft.f(p.x1, p.x2)))
}

/**
 * The feature rows of the plane's n×n grid (math/datasets gridPoints over [-DOMAIN, DOMAIN]²) as one
 * flat (n², features) array: the input of EngineNetwork.predict.
 */
export function gridFeatures(n: number, ids: readonly FeatureId[]): Float64Array {
  const fs = canonicalFeatures(ids).map(feature)
  const pts = gridPoints(n, -DOMAIN, DOMAIN)
  const out = new Float64Array(pts.length * fs.length)
  pts.forEach(([x1, x2], k) => fs.forEach((ft, i) => (out[k * fs.length + i] = ft.f(x1, x2))))
  return out
}
