// The catalogue of slips for "check my work". Each slip is a wrong *rule* (recompute.ts): the whole
// network is recomputed with it, so a slip of a known kind is recognised at any values, not by listing
// numbers. A decimal point shifted while copying is the one slip that is not a rule.

import type { NetworkSpec, Trace } from '../engine/types'
import { isFused } from './losses'
import { parseKey, range } from './keys'
import { plural } from './plural'
import { recompute, valueOf, type Rules } from './recompute'

/** Identifies a kind of slip. */
export type SlipId =
  | 'one-path'
  | 'plus-update'
  | 'missing-eta'
  | 'net-for-out'
  | 'net-in-derivative'
  | 'loss-from-net'
  | 'delta-times-net'
  | 'rounded-early'
  | 'half-in-derivative'
  | 'extra-derivative'
  | 'missing-derivative'
  | 'flipped-sign'
  | 'untransposed'
  | 'updated-weights'
  | 'missing-bias'
  | 'log10'
  | 'missing-half'
  | 'one-sample'
  | 'sum-not-mean'
  | 'decimal-shift'

/** A value some slip would produce, with the sentence that names it. */
interface SlipCandidate {
  id: SlipId
  value: number
  message: string
  /**
   * A *close* slip: right method, digits lost on the way (rounding early). A typed value matching it
   * is marked "close", not wrong, and it does not count when asking for distinguishable digits.
   */
  close?: boolean
  /** For a rounding-early slip: the decimal places net and out were rounded to. */
  places?: number
}

/** One entry of the catalogue: a rule and the sentence that names it. */
interface Variant {
  id: SlipId
  rules: Rules
  message: string
  close?: boolean
}

/** Every wrong rule that applies to this network, in the order they are named (most specific first). */
function variants(spec: NetworkSpec, trace: Trace, sample: number): Variant[] {
  const L = spec.layers.length - 1
  const K = spec.layers[L]
  const B = trace.inputs.length
  const out = (k: number): string => `a${L}[${k}]`
  const outs = range(K).map(out).join(', ')
  const v: Variant[] = []
  if (L >= 2) {
    for (const k of range(K)) {
      v.push({
        id: 'one-path',
        rules: { onePath: k },
        message: `This takes one path only, through ${out(k)}; a hidden unit reaches the error through every output, so its δ adds one term per output (${outs}).`,
      })
    }
  }
  v.push(
    {
      id: 'plus-update',
      rules: { plusUpdate: true },
      message: 'The update adds η·∂E/∂w; gradient descent subtracts it: w⁺ = w − η ∂E/∂w.',
    },
    {
      id: 'missing-eta',
      rules: { noEta: true },
      message: 'The learning rate η is missing: w⁺ = w − η ∂E/∂w.',
    },
    {
      id: 'half-in-derivative',
      rules: { doubledGradient: true },
      message:
        'The ½ of E = ½(target − out)² is missing in its derivative: ∂E/∂out = out − target, not 2(out − target).',
    },
    {
      id: 'extra-derivative',
      rules: { extraDerivative: true },
      message: `With ${spec.loss === 'bce' ? 'binary cross-entropy and a sigmoid output' : 'cross-entropy and a softmax output'} the σ′ cancels: δ = out − target, with no extra factor out(1 − out).`,
    },
    {
      id: 'net-in-derivative',
      rules: { netInDerivative: true },
      message:
        'The derivative out(1 − out) was evaluated with net in place of out: net is the input of the unit, out its output.',
    },
    {
      id: 'net-for-out',
      rules: { netForward: true },
      message:
        'The net input of the layer below was used where its output out = f(net) belongs: the next layer is fed outputs.',
    },
    {
      id: 'loss-from-net',
      rules: { lossFromNet: true },
      message: `The error was computed from the outputs’ net inputs; E compares the outputs out (${outs}) with the targets.`,
    },
    {
      id: 'delta-times-net',
      rules: { deltaTimesNet: true },
      message: '∂E/∂w = δ · out of the unit the weight comes from, not δ · its net input.',
    },
  )
  for (let m = L; m >= 1; m--) {
    const f = spec.activations[m - 1]
    if (f === 'linear' || (m === L && isFused(f, spec.loss))) continue
    const name = f === 'sigmoid' ? 'σ′(net) = out(1 − out)' : `f′(net) of ${f}`
    v.push({
      id: 'missing-derivative',
      rules: { dropDerivativeAt: m },
      message: `The factor ${name} of layer ${m} is missing.`,
    })
  }
  v.push({ id: 'flipped-sign', rules: { flip: range(K) }, message: FLIP })
  if (K > 1) {
    for (const k of range(K)) {
      v.push({
        id: 'flipped-sign',
        rules: { flip: [k] },
        message: `${FLIP.slice(0, -1)} in the term of output ${k + 1}.`,
      })
    }
  }
  v.push(
    {
      id: 'untransposed',
      rules: { untransposed: true },
      message:
        'The wrong weights carry δ back: δ_j sums w_kj · δ_k over the units k it feeds (the transposed matrix).',
    },
    {
      id: 'updated-weights',
      rules: { updatedWeights: true },
      message:
        'The already-updated weights w⁺ were used to carry δ back; backpropagation uses the weights of the forward pass.',
    },
    {
      id: 'missing-bias',
      rules: { noBias: true },
      message: 'The bias is left out of the net input.',
    },
    {
      id: 'log10',
      rules: { log10: true },
      message: 'log₁₀ was used where the natural logarithm ln belongs.',
    },
    {
      id: 'missing-half',
      rules: { noHalf: true },
      message: 'The factor ½ of the loss is missing.',
    },
  )
  if (B > 1) {
    v.push(
      {
        id: 'one-sample',
        rules: { onlySample: sample },
        message: 'This is the selected sample alone; the batch value is the mean over all samples.',
      },
      {
        id: 'sum-not-mean',
        rules: { sumBatch: true },
        message: 'This is the sum over the samples; the batch value is their mean.',
      },
    )
  }
  for (const p of [2, 3, 4, 5]) {
    for (const q of [undefined, p, p + 1]) {
      v.push({
        id: 'rounded-early',
        rules: { roundOut: p, roundE: q },
        close: true,
        message: `Close: did you round early? Rounding net and out to ${p} decimal places${q === undefined ? '' : ` and each error term to ${q}`} before going on gives this. Keep every digit until the end.`,
      })
    }
  }
  return v
}

/** Quantities a rule can change, by kind of key; a rule is only evaluated where it can matter. */
const KINDS = new Set(['z', 'a', 'E', 'loss', 'delta', 'dW', 'db', 'Wnew', 'bnew'])

/**
 * Candidate slip values for `key` (a quantity key of `spec`) at the selected `sample`, given its exact
 * value. Each is the key recomputed under one wrong rule (see {@link recompute}); candidates equal to
 * the exact value (to 1e-12, relative) are left out, so a rule that changes nothing here is never named.
 * The caller compares them with the typed value at the typed precision, in this order.
 * @param eta the η of the update shown (w⁺). @default spec.learningRate
 */
export function slipCandidates(
  spec: NetworkSpec,
  trace: Trace,
  sample: number,
  key: string,
  exact: number,
  eta = spec.learningRate,
): SlipCandidate[] {
  const r = parseKey(key)
  if (!r || !KINDS.has(r.kind)) return []
  const out: SlipCandidate[] = []
  const add = (c: SlipCandidate): void => {
    const tol = 1e-12 * Math.max(1, Math.abs(exact))
    if (Number.isFinite(c.value) && Math.abs(c.value - exact) > tol) out.push(c)
  }
  for (const v of variants(spec, trace, sample)) {
    const value = valueOf(recompute(spec, trace, eta, v.rules), key, sample)
    const places = v.rules.roundOut
    add({ id: v.id, value, message: v.message, ...(v.close && { close: true, places }) })
  }
  // a shifted decimal point is a copying slip, not a rule: named last
  for (const p of [-3, -2, -1, 1, 2, 3]) {
    const n = Math.abs(p)
    const dir = p > 0 ? 'right' : 'left'
    add({
      id: 'decimal-shift',
      value: exact * 10 ** p,
      message: `The decimal point is shifted ${plural(n, 'place')} to the ${dir}.`,
    })
  }
  return out
}

const FLIP = 'The sign of (ŷ − y) is flipped.'
