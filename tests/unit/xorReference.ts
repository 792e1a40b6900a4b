// An independent plain-JavaScript reference for one XOR run (#15), written from the definitions, not
// from the engine's code: splitmix64 starting weights (the engine's documented init: uniform in
// ±√(6/n_in) for He, ±√(6/(n_in + n_out)) for Xavier, biases 0, drawn layer by layer, row by row), then
// full-batch gradient descent of a 2-H-1 network, hidden ReLU / leaky ReLU (slope 0.01) / tanh / sigmoid /
// linear, sigmoid output, BCE = −[y ln a + (1 − y) ln(1 − a)] or MSE = (a − y)², averaged over the four
// rows (the XOR inputs, or the same four rows scaled, for a run that overflows). Shared by the unit test
// (xorRun.test.ts) and the e2e test (xor-inspector.e2e.test.ts).

export const XOR_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
]
export const XOR_Y = [0, 1, 1, 0]

/** W1[j][i], b1[j], W2[j] (to the one output), b2. */
export interface RefParams {
  W1: number[][]
  b1: number[]
  W2: number[]
  b2: number
}

const MASK = (1n << 64n) - 1n
/** splitmix64 uniform doubles in [0, 1) with 53 random bits (Steele, Lea & Flood 2014). */
function splitmix(seed: number): () => number {
  let state = BigInt(seed)
  return () => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK
    let z = state
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK
    z = z ^ (z >> 31n)
    return Number(z >> 11n) * 2 ** -53
  }
}

/** The starting weights of seed `seed` for a 2-H-1 network. */
export function refStart(seed: number, hidden: number, init: 'he' | 'xavier' = 'he'): RefParams {
  const u = splitmix(seed)
  const lim1 = init === 'he' ? Math.sqrt(6 / 2) : Math.sqrt(6 / (2 + hidden))
  const W1 = Array.from({ length: hidden }, () => [0, 0].map(() => (2 * u() - 1) * lim1))
  const lim2 = init === 'he' ? Math.sqrt(6 / hidden) : Math.sqrt(6 / (hidden + 1))
  const W2 = Array.from({ length: hidden }, () => (2 * u() - 1) * lim2)
  return { W1, b1: W1.map(() => 0), W2, b2: 0 }
}

type Act = 'relu' | 'leaky_relu' | 'tanh' | 'sigmoid' | 'linear'
const sig = (z: number) => 1 / (1 + Math.exp(-z))
const f = (act: Act, z: number) =>
  act === 'relu'
    ? Math.max(0, z)
    : act === 'leaky_relu'
      ? z > 0
        ? z
        : 0.01 * z
      : act === 'tanh'
        ? Math.tanh(z)
        : act === 'sigmoid'
          ? sig(z)
          : z
const df = (act: Act, z: number) =>
  act === 'relu'
    ? z > 0
      ? 1
      : 0
    : act === 'leaky_relu'
      ? z > 0
        ? 1
        : 0.01
      : act === 'tanh'
        ? 1 - Math.tanh(z) ** 2
        : act === 'sigmoid'
          ? sig(z) * (1 - sig(z))
          : 1

/**
 * Hidden pre-activations z[row][j], the output's pre-activation out[row] and the outputs a[row] = σ(out).
 * @param X the four input rows (targets {@link XOR_Y}). @default XOR_X
 */
export function refForward(
  p: RefParams,
  act: Act = 'relu',
  X: number[][] = XOR_X,
): { z: number[][]; out: number[]; a: number[] } {
  const z = X.map((x) => p.W1.map((w, j) => w[0] * x[0] + w[1] * x[1] + p.b1[j]))
  const out = z.map((zr) => zr.reduce((s, zj, j) => s + p.W2[j] * f(act, zj), p.b2))
  return { z, out, a: out.map(sig) }
}

type Loss = 'bce' | 'mse'

/**
 * The mean BCE (or MSE) over the four rows. BCE is written with the output's pre-activation o:
 * −[y ln σ(o) + (1 − y) ln(1 − σ(o))] = max(o, 0) − y·o + ln(1 + e^−|o|), the same number without
 * ln 0 = −∞ once σ(o) rounds to 0 or 1, so it is ∞ or NaN only when o is (TensorFlow's
 * sigmoid_cross_entropy_with_logits writes it so).
 * @param X the four input rows. @default XOR_X
 */
export function refLoss(
  p: RefParams,
  act: Act = 'relu',
  loss: Loss = 'bce',
  X: number[][] = XOR_X,
): number {
  const { out, a } = refForward(p, act, X)
  if (loss === 'mse') return a.reduce((s, ai, r) => s + (ai - XOR_Y[r]) ** 2, 0) / 4
  return (
    out.reduce(
      (s, o, r) => s + Math.max(o, 0) - XOR_Y[r] * o + Math.log1p(Math.exp(-Math.abs(o))),
      0,
    ) / 4
  )
}

/**
 * One full-batch gradient-descent update: ∂L/∂z_out = a − y per row with BCE, 2(a − y)·a(1 − a) with
 * MSE, averaged over the rows.
 * @param X the four input rows. @default XOR_X
 */
export function refStep(
  p: RefParams,
  eta: number,
  act: Act = 'relu',
  loss: Loss = 'bce',
  X: number[][] = XOR_X,
): RefParams {
  const { z, a } = refForward(p, act, X)
  const H = p.W1.length
  const gW1 = p.W1.map(() => [0, 0])
  const gb1 = new Array<number>(H).fill(0)
  const gW2 = new Array<number>(H).fill(0)
  let gb2 = 0
  X.forEach((x, r) => {
    const e = a[r] - XOR_Y[r]
    const d = (loss === 'mse' ? 2 * e * a[r] * (1 - a[r]) : e) / 4
    gb2 += d
    for (let j = 0; j < H; j++) {
      gW2[j] += d * f(act, z[r][j])
      const dh = d * p.W2[j] * df(act, z[r][j])
      gb1[j] += dh
      gW1[j][0] += dh * x[0]
      gW1[j][1] += dh * x[1]
    }
  })
  return {
    W1: p.W1.map((w, j) => [w[0] - eta * gW1[j][0], w[1] - eta * gW1[j][1]]),
    b1: p.b1.map((b, j) => b - eta * gb1[j]),
    W2: p.W2.map((w, j) => w - eta * gW2[j]),
    b2: p.b2 - eta * gb2,
  }
}

/** Seed `seed` after `k` updates. */
export function refTrain(
  seed: number,
  k: number,
  options: { hidden?: number; eta?: number; act?: Act; init?: 'he' | 'xavier'; loss?: Loss } = {},
): RefParams {
  let p = refStart(seed, options.hidden ?? 2, options.init)
  for (let t = 0; t < k; t++) p = refStep(p, options.eta ?? 0.5, options.act, options.loss)
  return p
}

/** Flat W¹ b¹ W² b² (the engine's layout) of reference parameters. */
export const refFlat = (p: RefParams): number[] => [...p.W1.flat(), ...p.b1, ...p.W2, p.b2]
