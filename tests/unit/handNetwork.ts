// A 2-2-2 sigmoid network computed by hand, term by term as the notes write it (float64, no loops, no
// code under test): the independent values of the check-my-work and slip tests.
import type { LossName, NetworkSpec, Trace } from '../../web/src/engine/types'

export const σ = (z: number) => 1 / (1 + Math.exp(-z))

/** The givens of a 2-2-2 sigmoid network (w1..w8 as the notes number them) and one sample. */
export interface Givens {
  w: [number, number, number, number, number, number, number, number]
  b1: number
  b2: number
  x: [number, number]
  y: [number, number]
  eta: number
}

/** The notes' forward and backward pass of one sample, written out term by term. */
export function hand(g: Givens, loss: LossName = 'half_sse') {
  const [w1, w2, w3, w4, w5, w6, w7, w8] = g.w
  const [i1, i2] = g.x
  const [t1, t2] = g.y
  const nh1 = w1 * i1 + w2 * i2 + g.b1
  const nh2 = w3 * i1 + w4 * i2 + g.b1
  const h1 = σ(nh1)
  const h2 = σ(nh2)
  const no1 = w5 * h1 + w6 * h2 + g.b2
  const no2 = w7 * h1 + w8 * h2 + g.b2
  const o1 = σ(no1)
  const o2 = σ(no2)
  const bce = (o: number, t: number) => -(t * Math.log(o) + (1 - t) * Math.log(1 - o))
  const E1 = loss === 'bce' ? bce(o1, t1) : 0.5 * (t1 - o1) ** 2
  const E2 = loss === 'bce' ? bce(o2, t2) : 0.5 * (t2 - o2) ** 2
  // δ_o = ∂E/∂net_o: (out − target)·out(1 − out) for ½SSE, out − target for BCE with a sigmoid
  const d1 = loss === 'bce' ? o1 - t1 : (o1 - t1) * o1 * (1 - o1)
  const d2 = loss === 'bce' ? o2 - t2 : (o2 - t2) * o2 * (1 - o2)
  const dh1 = h1 * (1 - h1) * (w5 * d1 + w7 * d2)
  const dh2 = h2 * (1 - h2) * (w6 * d1 + w8 * d2)
  return { nh1, nh2, h1, h2, no1, no2, o1, o2, E1, E2, d1, d2, dh1, dh2 }
}

/** The spec and the trace of the hand computation (biases shared per layer, as in the notes). */
export function network(
  g: Givens,
  loss: LossName = 'half_sse',
): { spec: NetworkSpec; trace: Trace } {
  const [w1, w2, w3, w4, w5, w6, w7, w8] = g.w
  const h = hand(g, loss)
  const weights = [
    [
      [w1, w2],
      [w3, w4],
    ],
    [
      [w5, w6],
      [w7, w8],
    ],
  ]
  const biases = [
    [g.b1, g.b1],
    [g.b2, g.b2],
  ]
  const spec: NetworkSpec = {
    layers: [2, 2, 2],
    activations: ['sigmoid', 'sigmoid'],
    loss,
    weights,
    biases,
    inputs: [g.x],
    targets: [g.y],
    learningRate: g.eta,
    trainBiases: false,
  }
  const trace: Trace = {
    loss: h.E1 + h.E2,
    sampleLosses: [h.E1 + h.E2],
    inputs: [g.x],
    targets: [g.y],
    weights,
    biases,
    layers: [
      {
        z: [[h.nh1, h.nh2]],
        a: [[h.h1, h.h2]],
        delta: [[h.dh1, h.dh2]],
        dW: [
          [h.dh1 * g.x[0], h.dh1 * g.x[1]],
          [h.dh2 * g.x[0], h.dh2 * g.x[1]],
        ],
        db: [h.dh1, h.dh2],
      },
      {
        z: [[h.no1, h.no2]],
        a: [[h.o1, h.o2]],
        delta: [[h.d1, h.d2]],
        dW: [
          [h.d1 * h.h1, h.d1 * h.h2],
          [h.d2 * h.h1, h.d2 * h.h2],
        ],
        db: [h.d1, h.d2],
      },
    ],
  }
  return { spec, trace }
}

/** Notes 004's classic example. */
export const classic: Givens = {
  w: [0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55],
  b1: 0.35,
  b2: 0.6,
  x: [0.05, 0.1],
  y: [0.01, 0.99],
  eta: 0.5,
}
/** Other values: negative weights, other inputs and targets, another η. */
export const other: Givens = {
  w: [0.1, -0.3, 0.4, 0.2, 0.7, -0.5, 0.3, 0.6],
  b1: 0.1,
  b2: -0.2,
  x: [0.9, 0.3],
  y: [0.2, 0.8],
  eta: 0.3,
}
export const SETS = [
  ['the classic example', classic],
  ['other values', other],
] as const
