// The whole network (forward, loss, backward, update) recomputed in plain TypeScript from the givens
// (x, y, W, b, η), optionally under a *wrong rule* a learner might use. slips.ts builds its catalogue from
// these rules. Not the engine: the correct rules reproduce the trace, which tests/unit/slips.test.ts checks.

import type { ActivationName, NetworkSpec, Trace } from '../engine/types'
import { activate, derivative } from './activations'
import { parseKey, range, sharedBiasLayers } from './keys'
import { isFused, lossGradient, lossTerm, outputDelta } from './losses'

/**
 * A wrong rule (or several). Every field is off by default; `{}` is the correct computation.
 * Layers count weight layers from 1, units from 0, as quantity keys do.
 */
export interface Rules {
  /** Net inputs z are computed without the bias. */
  noBias?: boolean
  /** Layer l ≥ 2 is fed the net inputs z of the layer below instead of its outputs a. */
  netForward?: boolean
  /** Every net input and output is rounded to this many decimal places as it is written down. */
  roundOut?: number
  /** Every loss term E_k is rounded to this many decimal places before they are added. */
  roundE?: number
  /** E_k and ∂E/∂out use the output's net input z where its output a belongs. */
  lossFromNet?: boolean
  /** log₁₀ where ln belongs (log losses). */
  log10?: boolean
  /** E_k = (y − a)² for half_sse: the ½ is left out of the loss. */
  noHalf?: boolean
  /** ∂E/∂a = 2(a − y) for half_sse: the ½ of E is dropped when differentiating. */
  doubledGradient?: boolean
  /** Output units whose (ŷ − y) has its sign flipped. */
  flip?: number[]
  /** Layer whose f′(z) factor is left out. */
  dropDerivativeAt?: number
  /** With a fused output (sigmoid + bce, softmax + cross-entropy), δ = (a − y)·f′(z) instead of a − y. */
  extraDerivative?: boolean
  /** f′ written in terms of the output (σ: a(1 − a), tanh: 1 − a²) but evaluated at the net input z. */
  netInDerivative?: boolean
  /** The hidden layer below the output sums only the term of output k: one path out of several. */
  onePath?: number
  /** Hidden δ_j sums w_jk δ_k (the matrix not transposed) instead of w_kj δ_k. */
  untransposed?: boolean
  /** Hidden δ uses the already-updated weights w⁺ of the layer above. */
  updatedWeights?: boolean
  /** ∂E/∂w_ji = δ_j · net_i instead of δ_j · out_i (layers above the first). */
  deltaTimesNet?: boolean
  /** w⁺ = w + η ∂E/∂w. */
  plusUpdate?: boolean
  /** w⁺ = w − ∂E/∂w (η left out). */
  noEta?: boolean
  /** Batch gradients and loss taken from this sample alone. */
  onlySample?: number
  /** Batch gradients and loss summed over the samples instead of averaged. */
  sumBatch?: boolean
}

/** Every quantity of the network under some rules: per sample (z, a, E, δ) and per batch. */
export interface Recomputed {
  /** [layer − 1][sample][unit] */
  z: number[][][]
  a: number[][][]
  delta: number[][][]
  /** [sample][k] */
  E: number[][]
  loss: number
  /** [layer − 1][j][i], [layer − 1][j] */
  dW: number[][][]
  db: number[][]
  Wnew: number[][][]
  bnew: number[][]
}

const roundTo = (x: number, p: number | undefined): number =>
  p === undefined ? x : Math.round(x * 10 ** p) / 10 ** p

/** f′ as the notes write it in terms of the output, fed with the net input instead. */
function derivativeFromOut(f: ActivationName, z: number): number {
  if (f === 'sigmoid') return z * (1 - z)
  if (f === 'tanh') return 1 - z * z
  return derivative(f, z)
}

/**
 * Recomputes every quantity of `spec` from the givens of `trace` (x, y, W, b) and `eta` under `rules`.
 * Biases are frozen (b⁺ = b) when `spec.trainBiases` is false; the weight penalty, if any, is ignored
 * (slips are named on lessons without one).
 */
export function recompute(spec: NetworkSpec, trace: Trace, eta: number, rules: Rules = {}) {
  const L = spec.layers.length - 1
  const shared = sharedBiasLayers(spec.sharedBiases, L)
  const B = trace.inputs.length
  const K = spec.layers[L]
  const rows = rules.onlySample === undefined ? range(B) : [rules.onlySample]
  const scale = rules.sumBatch ? 1 : 1 / rows.length
  const z: number[][][] = []
  const a: number[][][] = []
  for (let l = 1; l <= L; l++) {
    const W = trace.weights[l - 1]
    const b = trace.biases[l - 1]
    const zl = range(B).map((s) => {
      const input = l === 1 ? trace.inputs[s] : (rules.netForward ? z : a)[l - 2][s]
      return W.map((row, j) =>
        roundTo(
          row.reduce((acc, w, i) => acc + w * input[i], rules.noBias ? 0 : b[j]),
          rules.roundOut,
        ),
      )
    })
    z.push(zl)
    a.push(
      zl.map((zs) => activate(spec.activations[l - 1], zs).map((v) => roundTo(v, rules.roundOut))),
    )
  }
  const outOf = (s: number): number[] => (rules.lossFromNet ? z : a)[L - 1][s]
  const log = rules.log10 ? Math.log10 : Math.log
  const twice = spec.loss === 'half_sse' && rules.noHalf ? 2 : 1
  const E = range(B).map((s) =>
    outOf(s).map((v, k) =>
      roundTo(twice * lossTerm(spec.loss, v, trace.targets[s][k], K, log), rules.roundE),
    ),
  )
  const loss = rows.reduce((acc, s) => acc + E[s].reduce((p, q) => p + q, 0), 0) * scale

  const delta: number[][][] = new Array<number[][]>(L)
  const dW: number[][][] = new Array<number[][]>(L)
  const db: number[][] = new Array<number[]>(L)
  const Wnew: number[][][] = new Array<number[][]>(L)
  const bnew: number[][] = new Array<number[]>(L)
  for (let l = L; l >= 1; l--) {
    delta[l - 1] = range(B).map((s) =>
      l === L ? outputDeltaUnder(spec, trace, rules, outOf(s), s, z[L - 1][s]) : hidden(l, s),
    )
    const inputOf = (s: number): number[] =>
      l === 1 ? trace.inputs[s] : (rules.deltaTimesNet || rules.netForward ? z : a)[l - 2][s]
    const sum = (f: (s: number) => number): number => rows.reduce((acc, s) => acc + f(s), 0) * scale
    dW[l - 1] = trace.weights[l - 1].map((row, j) =>
      row.map((_, i) => sum((s) => delta[l - 1][s][j] * inputOf(s)[i])),
    )
    db[l - 1] = trace.biases[l - 1].map((_, j) => sum((s) => delta[l - 1][s][j]))
    // A shared bias (key b{l}) is one parameter: its gradient is the sum over its units, in every slot.
    if (shared[l - 1]) db[l - 1] = db[l - 1].map(() => db[l - 1].reduce((acc, g) => acc + g, 0))
    const step = (rules.noEta ? 1 : eta) * (rules.plusUpdate ? -1 : 1)
    Wnew[l - 1] = trace.weights[l - 1].map((row, j) =>
      row.map((w, i) => w - step * dW[l - 1][j][i]),
    )
    const train = spec.trainBiases ?? true
    bnew[l - 1] = trace.biases[l - 1].map((b, j) => (train ? b - step * db[l - 1][j] : b))
  }
  return { z, a, delta, E, loss, dW, db, Wnew, bnew } satisfies Recomputed

  /** δ^l_j = f′(z^l_j) · Σ_k w^{l+1}_kj δ^{l+1}_k, with the rules' twists. */
  function hidden(l: number, s: number): number[] {
    const f = spec.activations[l - 1]
    const W = rules.updatedWeights ? Wnew[l] : trace.weights[l]
    const above = delta[l][s]
    return z[l - 1][s].map((zj, j) => {
      let back = 0
      above.forEach((d, k) => {
        if (rules.onePath !== undefined && l === L - 1 && k !== rules.onePath) return
        back += (rules.untransposed ? (W[j]?.[k] ?? NaN) : W[k][j]) * d
      })
      if (rules.dropDerivativeAt === l) return back
      return (rules.netInDerivative ? derivativeFromOut(f, zj) : derivative(f, zj)) * back
    })
  }
}

/** The output layer's δ for one sample under `rules`; `out` is a (or z when the loss is fed z). */
function outputDeltaUnder(
  spec: NetworkSpec,
  trace: Trace,
  rules: Rules,
  out: number[],
  s: number,
  z: number[],
): number[] {
  const L = spec.layers.length - 1
  const f = spec.activations[L - 1]
  const y = trace.targets[s]
  const K = out.length
  const fused = isFused(f, spec.loss)
  let d: number[]
  if (fused && rules.extraDerivative) {
    const fp = f === 'softmax' ? out.map((v) => v * (1 - v)) : z.map((v) => derivative(f, v))
    d = out.map((v, k) => (v - y[k]) * fp[k])
  } else if (fused || f === 'softmax') {
    d = outputDelta(f, spec.loss, out, y, z, rules.dropDerivativeAt !== L)
  } else {
    d = out.map((v, k) => {
      const g = lossGradient(spec.loss, v, y[k], K)
      if (rules.dropDerivativeAt === L) return g
      return g * (rules.netInDerivative ? derivativeFromOut(f, z[k]) : derivative(f, z[k]))
    })
  }
  const twice = spec.loss === 'half_sse' && rules.doubledGradient ? 2 : 1
  return d.map((v, k) => (rules.flip?.includes(k) ? -v : v) * twice)
}

/** The value of quantity `key` in `r` for the selected sample; NaN for a key it does not hold. */
export function valueOf(r: Recomputed, key: string, sample: number): number {
  const q = parseKey(key)
  if (!q) return NaN
  const l = (q.layer ?? 0) - 1
  const j = q.j ?? 0
  const i = q.i ?? 0
  switch (q.kind) {
    case 'z':
      return r.z[l]?.[sample]?.[j] ?? NaN
    case 'a':
      return r.a[l]?.[sample]?.[j] ?? NaN
    case 'delta':
      return r.delta[l]?.[sample]?.[j] ?? NaN
    case 'E':
      return r.E[sample]?.[j] ?? NaN
    case 'loss':
      return r.loss
    case 'dW':
      return r.dW[l]?.[j]?.[i] ?? NaN
    case 'db':
      return r.db[l]?.[j] ?? NaN
    case 'Wnew':
      return r.Wnew[l]?.[j]?.[i] ?? NaN
    case 'bnew':
      return r.bnew[l]?.[j] ?? NaN
    default:
      return NaN
  }
}
