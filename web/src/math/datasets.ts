// The app's one module of 2-D data and grids. The playground's sets (TensorFlow Playground's, on the same
// [-6, 6]² plane), a three-class spiral and the learner's own points (up to MAX_CLASSES classes); the
// classification lessons' small sets on [-2, 2]² (separable, circle, xorBlobs: labels 0/1, the rows the
// engine takes); the grid of cell centres a decision-region picture is evaluated on. Pure TypeScript,
// seeded: the same seed gives the same points on every machine (mulberry32, Box–Muller), coordinates
// rounded to 3 decimals so that CSV, links and exports carry them exactly.
import { mulberry32 } from './random'

export type DatasetName =
  'circle' | 'xor' | 'gauss' | 'spiral' | 'spiral3' | 'plane' | 'gaussmix' | 'custom'
/** binary: labels 0/1; multiclass: labels 0…K−1 (3 ≤ K ≤ {@link MAX_CLASSES}); regression: any number. */
export type ProblemKind = 'binary' | 'multiclass' | 'regression'

/** Most classes the playground trains and draws (one softmax output and one colour per class). */
export const MAX_CLASSES = 8

export interface DataPoint {
  x1: number
  x2: number
  /** Class index (classification) or target value (regression). */
  label: number
}

interface DatasetInfo {
  name: DatasetName
  title: string
  kind: ProblemKind
  /** Classes K (1 for regression: one output). */
  classes: number
}

export const DATASETS: readonly DatasetInfo[] = [
  { name: 'circle', title: 'Circle', kind: 'binary', classes: 2 },
  { name: 'xor', title: 'XOR quadrants', kind: 'binary', classes: 2 },
  { name: 'gauss', title: 'Two Gaussians', kind: 'binary', classes: 2 },
  { name: 'spiral', title: 'Spiral', kind: 'binary', classes: 2 },
  { name: 'spiral3', title: 'Three-class spiral', kind: 'multiclass', classes: 3 },
  { name: 'plane', title: 'Plane (regression)', kind: 'regression', classes: 1 },
  { name: 'gaussmix', title: 'Gaussian mix (regression)', kind: 'regression', classes: 1 },
  { name: 'custom', title: 'Your own points', kind: 'binary', classes: 2 },
]

/** The four XOR rows (notes 003) and their labels, as the engine takes them. */
export const XOR_INPUTS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
]
export const XOR_TARGETS = [[0], [1], [1], [0]]

/** Half-width of the input plane: points and heatmaps cover [-DOMAIN, DOMAIN]². */
export const DOMAIN = 6

export { mulberry32 } from './random'

/** Standard normal numbers from a uniform generator (Box–Muller, one of each pair used). */
function gaussian(rnd: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd())
}

export const round3 = (x: number): number => Math.round(x * 1000) / 1000 + 0 // + 0: no -0
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

type Generator = (n: number, noise: number, rnd: () => number, normal: () => number) => DataPoint[]

const uniform = (rnd: () => number, lo: number, hi: number) => lo + (hi - lo) * rnd()

/** `arms` interleaved arms of 1.75 turns out to radius 5, point k on arm k mod arms. */
function spiralArms(arms: number): Generator {
  return (n, noise, _rnd, normal) =>
    Array.from({ length: n }, (_, k) => {
      const arm = k % arms
      const f = Math.floor(k / arms) / Math.max(1, Math.ceil(n / arms))
      const r = 5 * f
      const t = 1.75 * 2 * Math.PI * f + (2 * Math.PI * arm) / arms
      return {
        x1: r * Math.sin(t) + noise * 2 * normal(),
        x2: r * Math.cos(t) + noise * 2 * normal(),
        label: arm,
      }
    })
}

const BUMPS = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
] as const

const GENERATORS: Record<Exclude<DatasetName, 'custom'>, Generator> = {
  /** Label 1 inside radius 2.5, 0 in the ring from 3.5 to 5; noise shifts each point, not its label. */
  circle: (n, noise, rnd, normal) =>
    Array.from({ length: n }, (_, k) => {
      const inside = k % 2 === 0
      const r = inside ? uniform(rnd, 0, 2.5) : uniform(rnd, 3.5, 5)
      const t = uniform(rnd, 0, 2 * Math.PI)
      return {
        x1: r * Math.sin(t) + noise * 2 * normal(),
        x2: r * Math.cos(t) + noise * 2 * normal(),
        label: inside ? 1 : 0,
      }
    }),
  /** Uniform in [-5, 5]² kept 0.3 away from the axes; label 1 where x₁x₂ > 0 (before noise). */
  xor: (n, noise, rnd, normal) =>
    Array.from({ length: n }, () => {
      const pad = (v: number) => v + (v > 0 ? 0.3 : -0.3)
      const x1 = pad(uniform(rnd, -5, 5))
      const x2 = pad(uniform(rnd, -5, 5))
      return {
        x1: x1 + noise * 2 * normal(),
        x2: x2 + noise * 2 * normal(),
        label: x1 * x2 > 0 ? 1 : 0,
      }
    }),
  /** Centres (2, 2) label 1 and (-2, -2) label 0; the spread grows with the noise. */
  gauss: (n, noise, _rnd, normal) =>
    Array.from({ length: n }, (_, k) => {
      const label = k % 2 === 0 ? 1 : 0
      const c = label ? 2 : -2
      const sd = 0.5 + noise * 3
      return { x1: c + sd * normal(), x2: c + sd * normal(), label }
    }),
  spiral: spiralArms(2),
  spiral3: spiralArms(3),
  /** Target (x₁ + x₂)/12 of the clean point, so in [-1, 1]. */
  plane: (n, noise, rnd, normal) =>
    Array.from({ length: n }, () => {
      const x1 = uniform(rnd, -6, 6)
      const x2 = uniform(rnd, -6, 6)
      return { x1: x1 + noise * 2 * normal(), x2: x2 + noise * 2 * normal(), label: (x1 + x2) / 12 }
    }),
  /** Six Gaussian bumps of height ±1 (σ = 1.5): the target is their sum, clamped to [-1, 1]. */
  gaussmix: (n, noise, rnd, normal) =>
    Array.from({ length: n }, () => {
      const x1 = uniform(rnd, -6, 6)
      const x2 = uniform(rnd, -6, 6)
      const y = BUMPS.reduce(
        (s, [a, b, h]) => s + h * Math.exp(-((x1 - a) ** 2 + (x2 - b) ** 2) / (2 * 1.5 ** 2)),
        0,
      )
      return {
        x1: x1 + noise * 2 * normal(),
        x2: x2 + noise * 2 * normal(),
        label: clamp(y, -1, 1),
      }
    }),
}

export function datasetInfo(name: DatasetName): DatasetInfo {
  return DATASETS.find((d) => d.name === name) ?? DATASETS[0]
}

/**
 * `n` points of a named set with `noise` in [0, 0.5] (a share of the plane's half-width), from `seed`.
 * Coordinates are clamped to the plane and rounded to 3 decimals; `custom` has no generator (empty).
 */
export function generate(name: DatasetName, n: number, noise: number, seed: number): DataPoint[] {
  if (name === 'custom') return []
  const rnd = mulberry32(seed)
  const pts = GENERATORS[name](n, noise, rnd, gaussian(rnd))
  return pts.map((p) => ({
    x1: round3(clamp(p.x1, -DOMAIN, DOMAIN)),
    x2: round3(clamp(p.x2, -DOMAIN, DOMAIN)),
    label: name === 'plane' || name === 'gaussmix' ? round3(p.label) : p.label,
  }))
}

/**
 * Splits points into train and test: of the m points that take part, exactly round(testShare · m) are
 * held out, those whose hash of (seed, k) is smallest, so a 50 % share of 300 points is 150/150. (A
 * coin per point, as before, held out a binomial count: 142 of 300 for seed 1, so 158/142, with a
 * spread of about √(m · s · (1 − s)) ≈ 9 points.) Each point's hash is its own, so a new point moves at most one other
 * point between the sets. The last `alwaysTrain` points (clicked onto the plane) are training points and
 * take no part. Order within each set is the points' order.
 */
export function split(
  points: readonly DataPoint[],
  testShare: number,
  seed: number,
  alwaysTrain = 0,
): { train: DataPoint[]; test: DataPoint[] } {
  const m = points.length - Math.max(0, Math.min(points.length, alwaysTrain))
  const hash = Array.from({ length: m }, (_, k) =>
    mulberry32((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b)) >>> 0)(),
  )
  const ranked = hash.map((_, k) => k).sort((a, b) => hash[a] - hash[b] || a - b)
  const held = new Set(ranked.slice(0, Math.round(Math.min(1, Math.max(0, testShare)) * m)))
  const train: DataPoint[] = []
  const test: DataPoint[] = []
  points.forEach((p, k) => (held.has(k) ? test : train).push(p))
  return { train, test }
}

/** The classification lessons' points: one row [x₁, x₂] per point and one target row [0] or [1]. */
interface Dataset2D {
  inputs: number[][]
  targets: number[][]
}

type LessonDatasetName = 'separable' | 'circle' | 'xor'

/** `n` points from `point(k, rnd)` (→ [x₁, x₂, label], or null to draw again), rounded to 3 decimals. */
function lessonSet(
  n: number,
  seed: number,
  point: (k: number, rnd: () => number) => number[] | null,
): Dataset2D {
  const rnd = mulberry32(seed)
  const d: Dataset2D = { inputs: [], targets: [] }
  while (d.inputs.length < n) {
    const p = point(d.inputs.length, rnd)
    if (!p) continue
    d.inputs.push([round3(p[0]), round3(p[1])])
    d.targets.push([p[2]])
  }
  return d
}

/**
 * Two clusters around (1, 1) (label 1) and (−1, −1) (label 0), each coordinate ±0.8 from its centre, so the
 * line x₁ + x₂ = 0 separates them with a margin. Alternating labels.
 */
export const separable = (n: number, seed: number): Dataset2D =>
  lessonSet(n, seed, (k, rnd) => {
    const c = k % 2 === 0 ? 1 : -1
    return [c + (rnd() - 0.5) * 1.6, c + (rnd() - 0.5) * 1.6, k % 2 === 0 ? 1 : 0]
  })

/** Points in the square [−2, 2]²: label 1 inside radius 1, 0 outside radius 1.3 (the ring between stays empty). */
export const circle = (n: number, seed: number): Dataset2D =>
  lessonSet(n, seed, (k, rnd) => {
    const [x1, x2] = [round3((rnd() - 0.5) * 4), round3((rnd() - 0.5) * 4)]
    const r = Math.hypot(x1, x2)
    return k % 2 === 0 ? (r < 1 ? [x1, x2, 1] : null) : r > 1.3 ? [x1, x2, 0] : null
  })

/** Four blobs at (±1, ±1), ±0.6 per coordinate: label 1 where x₁ and x₂ have opposite signs (XOR). */
export const xorBlobs = (n: number, seed: number): Dataset2D =>
  lessonSet(n, seed, (k, rnd) => {
    const [sx, sy] = [k % 2 === 0 ? 1 : -1, Math.floor(k / 2) % 2 === 0 ? 1 : -1]
    return [sx + (rnd() - 0.5) * 1.2, sy + (rnd() - 0.5) * 1.2, sx * sy < 0 ? 1 : 0]
  })

/** The lesson set called `name`. */
export function makeDataset(name: LessonDatasetName, n: number, seed: number): Dataset2D {
  return { separable, circle, xor: xorBlobs }[name](n, seed)
}

/**
 * The n×n cell centres of [lo, hi]², row-major from the top-left: row r has x₂ = hi − (r + ½)·step,
 * column c has x₁ = lo + (c + ½)·step, step = (hi − lo)/n. What a decision-region picture is evaluated on.
 */
export function gridPoints(n: number, lo: number, hi: number): number[][] {
  const step = (hi - lo) / n
  return Array.from({ length: n * n }, (_, k) => [
    lo + ((k % n) + 0.5) * step,
    hi - (Math.floor(k / n) + 0.5) * step,
  ])
}
