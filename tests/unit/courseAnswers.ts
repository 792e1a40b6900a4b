// Independent answers to every exercise, worked out from each question's wording (not from the lesson
// file), and the course order as the issue states it (#16). Shared by the unit and e2e tests.
import type { Values } from '../../web/src/exercises/types'

/** The course order, first lesson first. */
export const ORDER = [
  'chain-rule',
  'single-neuron',
  'shapes',
  'hidden-layer',
  'sigmoid-221',
  'step-by-step-222',
  'relu-sigmoid-222',
  'loss-compare',
  'learning-rate',
  'batch-vs-sgd',
  'xor-221',
  'vanishing-gradient',
  'playground',
]

const sig = (z: number) => 1 / (1 + Math.exp(-z))
const dsig = (z: number) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2

/** Each blank's answer, worked out from the question's wording. */
export const ANSWERS: Record<string, (v: Values) => Record<string, number>> = {
  'chain-rule/product-of-slopes': (v) => ({ dshoe: v.b * v.a }),
  'chain-rule/three-links': (v) => ({ dydx: v.r * v.q * v.p }),
  'single-neuron/delta': (v) => {
    const z = v.x1 * v.w1 + v.x2 * v.w2 + v.b
    return { z, a: sig(z), delta: sig(z) - v.y }
  },
  'single-neuron/batch-update': (v) => ({
    wnew: v.w - v.eta * ((v.d1 * v.x1) / 2 + (v.d2 * v.x2) / 2),
  }),
  'single-neuron/softmax': (v) => ({ p1: 1 / (1 + Math.exp(v.z2 - v.z1)) }),
  'shapes/product-shape': (v) => ({ rows: v.k, cols: v.n }),
  'shapes/gradient-shape': (v) => ({ rows: v.k, cols: v.m }),
  'shapes/bias-gradient': (v) => ({ db: v.d1 / 3 + v.d2 / 3 + v.d3 / 3 }),
  'hidden-layer/side-of-line': (v) => ({ z: v.b + v.w2 * v.x2 + v.w1 * v.x1 }),
  'hidden-layer/parameter-count': (v) => ({ count: 4 * v.h + 1 }),
  'sigmoid-221/hidden-unit': (v) => {
    const z1 = v.w11 * v.x1 + v.w12 * v.x2
    return { z1, A1: sig(z1) }
  },
  'sigmoid-221/output-delta': (v) => ({ delta3: (v.A3 - v.yt) * (v.A3 - v.A3 ** 2) }),
  'step-by-step-222/total-error': (v) => ({
    E: ((v.o1 - v.t1) ** 2 + (v.o2 - v.t2) ** 2) / 2,
  }),
  'step-by-step-222/update-w5': (v) => {
    const g = (v.o1 - v.t1) * (v.o1 - v.o1 * v.o1) * v.h1
    return { dw5: g, w5new: v.w5 - v.eta * g }
  },
  'relu-sigmoid-222/relu-delta': (v) => ({ delta: v.z > 0 ? v.w1 * v.d1 + v.w2 * v.d2 : 0 }),
  'relu-sigmoid-222/cross-entropy': (v) => ({ loss: Math.log(1 / v.p) }),
  'loss-compare/two-class': (v) => ({
    ce: Math.log(1 / v.p2),
    se: v.p1 * v.p1 + (1 - v.p2) * (1 - v.p2),
  }),
  'loss-compare/saturated-gradient': (v) => ({ mse: -(1 - v.a) * v.a * (1 - v.a), ce: -(1 - v.a) }),
  'learning-rate/which-diverges': (v) => {
    // w_t = (1 − ηk)^t: diverges exactly when η > 2/k
    const diverging = [v.e1, v.e2, v.e3, v.e4].filter((e) => e > 2 / v.k).sort((a, b) => a - b)
    return { eta: diverging[0] }
  },
  'learning-rate/one-step': (v) => ({ wnew: v.w * (1 - v.eta * v.k) }),
  'batch-vs-sgd/updates-per-epoch': (v) => ({ updates: Math.floor((v.N + v.B - 1) / v.B) }),
  'batch-vs-sgd/mean-gradient': (v) => ({ g: (v.g1 + v.g2 + v.g3 + v.g4) * 0.25 }),
  'xor-221/step-network': (v) => ({
    h1: v.x1 === 1 || v.x2 === 1 ? 1 : 0,
    h2: v.x1 === 1 && v.x2 === 1 ? 1 : 0,
    yhat: (v.x1 + v.x2) % 2,
  }),
  'xor-221/dead-relu': (v) => ({
    alive: [v.b, v.w2 + v.b, v.w1 + v.b, v.w1 + v.w2 + v.b].filter((z) => z > 0).length,
  }),
  'vanishing-gradient/bound': (v) => ({ bound: Math.pow(4, -v.L) }),
  'vanishing-gradient/three-slopes': (v) => ({ product: dsig(v.z1) * dsig(v.z2) * dsig(v.z3) }),
  'playground/parameter-count': (v) => ({
    count: v.i * v.h1 + v.h1 + v.h1 * v.h2 + v.h2 + v.h2 * v.o + v.o,
  }),
  'playground/relu-unit': (v) => ({ a: Math.max(0, v.x1 * v.w1 + v.x2 * v.w2 + v.b) }),
}

/**
 * What a careful learner types for `value`: 6 significant figures, or every digit when the value sits
 * exactly halfway at the 6th (a decimal tie, where rounding half up and the binary value disagree).
 */
export function typedAnswer(value: number): string {
  const seven = value.toPrecision(7)
  const tie =
    Math.abs(Number(seven) - value) <= 1e-12 * Math.abs(value) &&
    seven.replace(/e.*$/, '').endsWith('5')
  return tie ? String(value) : value.toPrecision(6)
}
