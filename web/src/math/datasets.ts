// Small seeded 2-D datasets for the classification lessons (labels 0/1): the same seed gives the same
// points on every machine (mulberry32). Pure TypeScript; the engine trains on them.
import { mulberry32 } from './random'

export interface Dataset2D {
  /** One row per point: [x₁, x₂]. */
  inputs: number[][]
  /** One row per point: [0] or [1]. */
  targets: number[][]
}

export type DatasetName = 'separable' | 'circle' | 'xor'

export { mulberry32 } from './random'

const round3 = (x: number) => Math.round(x * 1000) / 1000

/**
 * Two clusters around (1, 1) (label 1) and (−1, −1) (label 0), each coordinate ±0.8 from its centre, so the
 * line x₁ + x₂ = 0 separates them with a margin. Alternating labels; coordinates rounded to 3 decimals.
 */
export function separable(n: number, seed: number): Dataset2D {
  const rnd = mulberry32(seed)
  const inputs: number[][] = []
  const targets: number[][] = []
  for (let k = 0; k < n; k++) {
    const label = k % 2 === 0 ? 1 : 0
    const c = label ? 1 : -1
    inputs.push([round3(c + (rnd() - 0.5) * 1.6), round3(c + (rnd() - 0.5) * 1.6)])
    targets.push([label])
  }
  return { inputs, targets }
}

/** Points in the square [−2, 2]²: label 1 inside radius 1, 0 outside radius 1.3 (the ring between stays empty). */
export function circle(n: number, seed: number): Dataset2D {
  const rnd = mulberry32(seed)
  const inputs: number[][] = []
  const targets: number[][] = []
  while (inputs.length < n) {
    const p = [round3((rnd() - 0.5) * 4), round3((rnd() - 0.5) * 4)]
    const r = Math.hypot(p[0], p[1])
    const want = inputs.length % 2 === 0 ? 1 : 0
    if ((want === 1 && r < 1) || (want === 0 && r > 1.3)) {
      inputs.push(p)
      targets.push([want])
    }
  }
  return { inputs, targets }
}

/** Four blobs at (±1, ±1), ±0.6 per coordinate: label 1 where x₁ and x₂ have opposite signs (XOR). */
export function xorBlobs(n: number, seed: number): Dataset2D {
  const rnd = mulberry32(seed)
  const inputs: number[][] = []
  const targets: number[][] = []
  for (let k = 0; k < n; k++) {
    const sx = k % 2 === 0 ? 1 : -1
    const sy = Math.floor(k / 2) % 2 === 0 ? 1 : -1
    inputs.push([round3(sx + (rnd() - 0.5) * 1.2), round3(sy + (rnd() - 0.5) * 1.2)])
    targets.push([sx * sy < 0 ? 1 : 0])
  }
  return { inputs, targets }
}

/** The dataset called `name`. */
export function makeDataset(name: DatasetName, n: number, seed: number): Dataset2D {
  return name === 'separable'
    ? separable(n, seed)
    : name === 'circle'
      ? circle(n, seed)
      : xorBlobs(n, seed)
}
