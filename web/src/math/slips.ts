// The catalogue of common slips for "check my work": for a quantity, the values a typical mistake
// would give (decimal point shifted, log₁₀ for ln, missing ½, missing f′, flipped sign, no bias).

import type { NetworkSpec, Trace } from '../engine/types'
import { activate, derivative } from './activations'
import { parseKey } from './keys'
import { isFused, lossTerm, outputDelta } from './losses'

/** Identifies a slip. */
export type SlipId =
  | 'decimal-shift'
  | 'log10'
  | 'missing-half'
  | 'missing-derivative'
  | 'flipped-sign'
  | 'missing-bias'
  | 'one-sample'
  | 'sum-not-mean'

/** A value some slip would produce, with the sentence that names it. */
export interface SlipCandidate {
  id: SlipId
  value: number
  message: string
}

/** How a variant backward pass deviates from the correct one. */
interface Tweak {
  /** Layer (1-based) whose f′(z) factor is left out. */
  dropDerivativeAt?: number
  /** Output units whose (ŷ − y) has its sign flipped. */
  flip?: number[]
}

/** δ of every layer for sample `smp`, with an optional slip: deltas[l - 1][j]. */
function backwardDeltas(spec: NetworkSpec, trace: Trace, smp: number, tw: Tweak): number[][] {
  const L = spec.layers.length - 1
  const out = trace.layers[L - 1]
  const deltas: number[][] = new Array<number[]>(L)
  const dL = outputDelta(
    spec.activations[L - 1],
    spec.loss,
    out.a[smp],
    trace.targets[smp],
    out.z[smp],
    tw.dropDerivativeAt !== L,
  )
  deltas[L - 1] = dL.map((d, k) => (tw.flip?.includes(k) ? -d : d))
  for (let l = L - 1; l >= 1; l--) {
    const W = trace.weights[l]
    deltas[l - 1] = trace.layers[l - 1].z[smp].map((z, j) => {
      const back = deltas[l].reduce((acc, d, k) => acc + W[k][j] * d, 0)
      return tw.dropDerivativeAt === l ? back : derivative(spec.activations[l - 1], z) * back
    })
  }
  return deltas
}

/** The value of a δ, dW or db key under a backward-pass slip (dW, db as batch means). */
function backwardValue(spec: NetworkSpec, trace: Trace, sample: number, key: string, tw: Tweak) {
  const r = parseKey(key)
  if (!r || r.layer === undefined || r.j === undefined) return NaN
  const { layer: l, j, i } = r
  const B = trace.inputs.length
  const prevA = (smp: number): number =>
    i === undefined ? 1 : l === 1 ? trace.inputs[smp][i] : trace.layers[l - 2].a[smp][i]
  if (r.kind === 'delta') return backwardDeltas(spec, trace, sample, tw)[l - 1][j]
  let sum = 0
  for (let smp = 0; smp < B; smp++)
    sum += backwardDeltas(spec, trace, smp, tw)[l - 1][j] * prevA(smp)
  return sum / B
}

const SHIFTS = [-3, -2, -1, 1, 2, 3]

/**
 * Candidate slip values for `key`, given its exact value. The caller compares them with the typed
 * value at the typed precision; candidates equal to the exact value are left out.
 */
export function slipCandidates(
  spec: NetworkSpec,
  trace: Trace,
  sample: number,
  key: string,
  exact: number,
): SlipCandidate[] {
  const r = parseKey(key)
  if (!r) return []
  const L = spec.layers.length - 1
  const B = trace.inputs.length
  const K = spec.layers[L]
  const out: SlipCandidate[] = []
  const add = (id: SlipId, value: number, message: string): void => {
    if (Number.isFinite(value) && Math.abs(value - exact) > 1e-12 * Math.max(1, Math.abs(exact))) {
      out.push({ id, value, message })
    }
  }
  const logLoss = spec.loss === 'bce' || spec.loss === 'cross_entropy'
  const sampleLoss = (smp: number, log: (v: number) => number): number =>
    trace.layers[L - 1].a[smp].reduce(
      (acc, a, k) => acc + lossTerm(spec.loss, a, trace.targets[smp][k], K, log),
      0,
    )
  if (r.kind === 'E' && r.j !== undefined) {
    const a = trace.layers[L - 1].a[sample][r.j]
    const y = trace.targets[sample][r.j]
    if (logLoss) add('log10', lossTerm(spec.loss, a, y, K, Math.log10), LOG10)
    if (spec.loss === 'half_sse') add('missing-half', 2 * exact, HALF)
  }
  if (r.kind === 'loss') {
    if (logLoss) {
      let sum = 0
      for (let smp = 0; smp < B; smp++) sum += sampleLoss(smp, Math.log10)
      add('log10', sum / B, LOG10)
    }
    if (spec.loss === 'half_sse') add('missing-half', 2 * exact, HALF)
    if (B > 1) {
      add('one-sample', trace.sampleLosses[sample], ONE)
      add('sum-not-mean', B * exact, SUM)
    }
  }
  if (r.kind === 'delta' || r.kind === 'dW' || r.kind === 'db') {
    const l = r.layer ?? L
    for (let m = l; m <= L; m++) {
      const f = spec.activations[m - 1]
      if (f === 'linear' || (m === L && isFused(f, spec.loss))) continue
      const name = f === 'sigmoid' ? 'σ′(z) = σ(z)(1 − σ(z))' : `f′(z) of ${f}`
      const where = m === l ? '' : ` in layer ${m}`
      add(
        'missing-derivative',
        backwardValue(spec, trace, sample, key, { dropDerivativeAt: m }),
        `The factor ${name}${where} is missing.`,
      )
    }
    const all = Array.from({ length: K }, (_, k) => k)
    add('flipped-sign', backwardValue(spec, trace, sample, key, { flip: all }), FLIP)
    if (K > 1 && l < L) {
      for (const k of all) {
        add(
          'flipped-sign',
          backwardValue(spec, trace, sample, key, { flip: [k] }),
          `${FLIP.slice(0, -1)} in the term of output ${k + 1}.`,
        )
      }
    }
    if (B > 1 && r.kind !== 'delta') {
      const d = backwardDeltas(spec, trace, sample, {})[l - 1][r.j ?? 0]
      const i = r.i
      const a =
        i === undefined ? 1 : l === 1 ? trace.inputs[sample][i] : trace.layers[l - 2].a[sample][i]
      add('one-sample', d * a, ONE)
      add('sum-not-mean', B * exact, SUM)
    }
  }
  if ((r.kind === 'z' || r.kind === 'a') && r.layer !== undefined && r.j !== undefined) {
    const b = trace.biases[r.layer - 1]
    const z = trace.layers[r.layer - 1].z[sample]
    const noBias = z.map((v, j) => v - b[j])
    const value =
      r.kind === 'z' ? noBias[r.j] : activate(spec.activations[r.layer - 1], noBias)[r.j]
    add('missing-bias', value, 'The bias is left out of the net input.')
  }
  // last, so that a more specific slip with the same digits is named first
  for (const p of SHIFTS) {
    const dir = p > 0 ? 'right' : 'left'
    const n = Math.abs(p)
    add(
      'decimal-shift',
      exact * 10 ** p,
      `The decimal point is shifted ${n} place${n > 1 ? 's' : ''} to the ${dir}.`,
    )
  }
  return out
}

const LOG10 = 'log₁₀ was used where the natural logarithm ln belongs.'
const HALF = 'The factor ½ of the loss is missing.'
const FLIP = 'The sign of (ŷ − y) is flipped.'
const ONE = 'This is the selected sample alone; the batch value is the mean over all samples.'
const SUM = 'This is the sum over the samples; the batch value is their mean.'
