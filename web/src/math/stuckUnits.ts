// Why a loss stops moving (#15): units whose slope f′(z) is about 0 on every sample pass back almost no
// gradient (every ∂E/∂w through them is multiplied by f′(z)). Sigmoid and tanh units saturate (their
// output pinned at 0 or 1, resp. ±1, after a large η pushed z far out); ReLU units die (z ≤ 0). Reads
// the engine's z and a; pure TS.
import type { ActivationName, Trace } from '../engine/types'
import { derivative } from './activations'

/**
 * σ′ and tanh′ without cancellation at large |z| (1 − σ(z) rounds to 0 from |z| ≈ 37 on):
 * σ′(z) = e^(−|z|) / (1 + e^(−|z|))², tanh′(z) = 4e^(−2|z|) / (1 + e^(−2|z|))².
 */
const STABLE_SLOPE: Partial<Record<ActivationName, (z: number) => number>> = {
  sigmoid: (z) => {
    const e = Math.exp(-Math.abs(z))
    return e / (1 + e) ** 2
  },
  tanh: (z) => {
    const e = Math.exp(-2 * Math.abs(z))
    return (4 * e) / (1 + e) ** 2
  },
}

/**
 * f′(z), for sigmoid and tanh without cancellation at large |z|, the others from the engine
 * (ReLU′ = 0 for z ≤ 0, its convention at 0). Softmax has no element-wise slope: NaN.
 */
export function slopeAt(activation: ActivationName, z: number): number {
  if (activation === 'softmax') return NaN
  return STABLE_SLOPE[activation]?.(z) ?? derivative(activation, z)
}

/** A unit that passes back almost no gradient on any sample. */
interface StuckUnit {
  /** Weight layer, 1-based (1 = the first hidden layer). */
  layer: number
  /** Unit in its layer, 0-based. */
  unit: number
  activation: ActivationName
  /** The sample (0-based) where its slope is largest, and z, a and f′(z) there. */
  sample: number
  z: number
  a: number
  slope: number
  /** 'dead' (ReLU, z ≤ 0), 'saturated at 1', 'saturated at 0' or 'saturated at −1'. */
  state: string
}

/**
 * Units whose slope f′(z) is below `below` on every sample of `trace` (sigmoid, tanh, ReLU; linear and
 * leaky ReLU never are). The slope of sigmoid is at most 0.25, so 0.01 means |z| > 4.6: output within
 * 0.01 of 0 or 1.
 */
export function stuckUnits(
  activations: readonly ActivationName[],
  trace: Trace,
  below = 0.01,
): StuckUnit[] {
  return activations.flatMap((activation, l) => {
    if (!['sigmoid', 'tanh', 'relu'].includes(activation)) return []
    const { z, a } = trace.layers[l]
    return (z[0] ?? []).flatMap((_, j): StuckUnit[] => {
      let s = 0
      for (let r = 1; r < z.length; r++)
        if (slopeAt(activation, z[r][j]) > slopeAt(activation, z[s][j])) s = r
      const slope = slopeAt(activation, z[s][j])
      if (!(slope < below)) return []
      const state =
        activation === 'relu'
          ? 'dead'
          : `saturated at ${z[s][j] > 0 ? '1' : activation === 'tanh' ? '−1' : '0'}`
      return [
        { layer: l + 1, unit: j, activation, sample: s, z: z[s][j], a: a[s][j], slope, state },
      ]
    })
  })
}

/**
 * How many updates the loss has stayed within `tolerance` (relative) of its last value, counted back
 * over `points` (the loss after each update, in order); 0 with fewer than two points.
 */
export function flatFor(
  points: readonly { update: number; loss: number }[],
  tolerance = 1e-9,
): number {
  const last = points[points.length - 1]
  if (!last || points.length < 2) return 0
  let k = points.length - 1
  while (k > 0 && Math.abs(points[k - 1].loss - last.loss) <= tolerance * Math.abs(last.loss)) k--
  return last.update - points[k].update
}
