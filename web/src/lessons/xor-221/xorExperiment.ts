// XOR from many random starts (notes 003): the spec of a ReLU-hidden, sigmoid-output network on the four
// XOR rows, counting runs that reach 100 %, and finding dead ReLUs in a run's weights. Every number comes
// from the engine (EngineEnsemble / EngineNetwork); this file only arranges and counts. No Vue.
import type { CopyState } from '../../engine/ensemble'
import type { HiddenActivationName } from '../../engine/catalogue'
import type { ActivationName, NetworkSpec, Trace } from '../../engine/types'
import { XOR_INPUTS, XOR_TARGETS } from '../../math/datasets'
import { reluHealth } from '../../math/reluHealth'
import { slopeAt } from '../../math/stuckUnits'

/** Seeds 1…100: one random start (He init) each. */
export const XOR_SEEDS = Array.from({ length: 100 }, (_, k) => k + 1)
/** Full-batch updates per run. */
export const XOR_STEPS = 2000
export const XOR_LEARNING_RATE = 0.5

/** The architectures compared: the notes' 2-2-1, then wider and deeper hidden layers. */
export const XOR_ARCHITECTURES: number[][] = [[2], [4], [8], [2, 2], [4, 4]]

/** What can differ from the notes' network: hidden activation, initialisation, learning rate η. */
export interface XorOptions {
  /** @default 'relu' */
  activation?: HiddenActivationName
  /** @default 'he' */
  init?: 'he' | 'xavier'
  /** η, above 0. @default XOR_LEARNING_RATE */
  learningRate?: number
}

/** `2-<hidden…>-1`, sigmoid output; by default ReLU hidden layers, He init and η = 0.5 (the notes'). */
export function xorSpec(
  hidden: number[],
  loss: 'mse' | 'bce',
  options: XorOptions = {},
): NetworkSpec {
  return {
    layers: [2, ...hidden, 1],
    activations: [...hidden.map(() => options.activation ?? 'relu'), 'sigmoid'],
    loss,
    inputs: XOR_INPUTS,
    targets: XOR_TARGETS,
    learningRate: options.learningRate ?? XOR_LEARNING_RATE,
    init: options.init ?? 'he',
  }
}

/**
 * Fixes for the 2-2-1 network (BCE) other than a wider layer (#15), each counted by running it from the
 * same 100 seeds: leaky ReLU (a unit with z < 0 everywhere still passes 1 % of the gradient, so it can
 * come back, slowly), tanh (no flat side at all), and Xavier instead of He init (smaller starting weights:
 * not a fix, shown because it is the first thing people try).
 */
export const XOR_FIXES: { key: string; label: string; options: XorOptions; steps: number }[] = [
  { key: 'leaky', label: 'leaky ReLU', options: { activation: 'leaky_relu' }, steps: XOR_STEPS },
  {
    key: 'leaky-long',
    label: 'leaky ReLU, 10,000 updates',
    options: { activation: 'leaky_relu' },
    steps: 10_000,
  },
  {
    key: 'tanh',
    label: 'tanh, Xavier init',
    options: { activation: 'tanh', init: 'xavier' },
    steps: XOR_STEPS,
  },
  { key: 'xavier', label: 'ReLU, Xavier init', options: { init: 'xavier' }, steps: XOR_STEPS },
]

export const architectureName = (hidden: number[]) => [2, ...hidden, 1].join('-')

export interface XorSummary {
  runs: number
  /** Runs whose final accuracy is exactly 1 (all four rows right). */
  solved: number
  /**
   * Runs per final accuracy 1, 0.75, 0.5, 0.25, 0, and `undecided`: runs with an output at the
   * threshold, whose accuracy is rounding noise (#12). Diverged runs are counted apart.
   */
  byAccuracy: Record<'1' | '0.75' | '0.5' | '0.25' | '0' | 'undecided', number>
  diverged: number
}

/**
 * Counts the engine's final accuracies of an ensemble's copies.
 * @param undecided per copy: true when an output sits at the threshold (see rowVerdicts). @default none
 */
export function summarize(
  states: readonly CopyState[],
  undecided: readonly boolean[] = [],
): XorSummary {
  const byAccuracy = { '1': 0, '0.75': 0, '0.5': 0, '0.25': 0, '0': 0, undecided: 0 }
  let diverged = 0
  states.forEach((s, k) => {
    if (s.accuracy === null) diverged++
    else if (undecided[k]) byAccuracy.undecided++
    else byAccuracy[String(s.accuracy) as keyof typeof byAccuracy]++
  })
  return { runs: states.length, solved: byAccuracy['1'], byAccuracy, diverged }
}

/**
 * Hidden units of weight layer `layer` that are dead: pre-activation z ≤ 0 for every sample of the trace,
 * so ReLU outputs 0 and passes back no gradient: the unit can never recover.
 * @param layer index of the weight layer. @default 0
 */
export function deadUnits(trace: Trace, layer = 0): boolean[] {
  return reluHealth(['relu'], [trace.layers[layer].z]).units[0].map((s) => s === 'dead')
}

/**
 * Outputs closer than this to the threshold 0.5 are *undecided*: an output of 0.5 ± 2e-16 is rounding
 * noise, and which side of 0.5 it falls on says nothing about the network (#12).
 */
export const UNDECIDED_TOLERANCE = 1e-9

/** A row's outcome: output on the target's side of 0.5, on the other side, or at the threshold. */
export type RowVerdict = 'right' | 'wrong' | 'undecided'

/** Right, wrong or undecided for each row of a trace of a one-output classifier. */
export function rowVerdicts(trace: Trace): RowVerdict[] {
  const out = trace.layers[trace.layers.length - 1].a
  return out.map(([a], r) => {
    if (Math.abs(a - 0.5) <= UNDECIDED_TOLERANCE) return 'undecided'
    return a > 0.5 === trace.targets[r][0] > 0.5 ? 'right' : 'wrong'
  })
}

/**
 * A sigmoid or tanh unit whose slope f′(z) is below this at all four inputs is *saturated*: |z| is large
 * (sigmoid: |z| > 6.9, tanh: |z| > 3.8), so almost no gradient passes back through it.
 */
export const SATURATION_SLOPE = 1e-3
/** The loss is judged settled over the last SETTLE_WINDOW of the updates (10 %, at least 2 losses)… */
const SETTLE_WINDOW = 0.1
/** …when it varies there by at most SETTLE_RANGE of its largest value there (10 %). */
const SETTLE_RANGE = 0.1

/** How the loss behaved over the last updates of a run (see SETTLE_WINDOW, SETTLE_RANGE). */
export interface LossTail {
  /** The first update of the window; the window runs to the last update. */
  from: number
  min: number
  max: number
  /** Updates in the window after which the loss went up. */
  rises: number
  /** (max − min) ≤ SETTLE_RANGE · max. */
  settled: boolean
}

/**
 * The loss over the last SETTLE_WINDOW of a run's updates.
 * @param losses `losses[k]`: the loss after k updates, k = 0 … N; at least 2 finite values.
 */
function lossTail(losses: ArrayLike<number>): LossTail {
  const n = losses.length
  const from = Math.max(0, Math.min(n - 2, Math.floor((n - 1) * (1 - SETTLE_WINDOW))))
  let min = Infinity
  let max = -Infinity
  let rises = 0
  for (let k = from; k < n; k++) {
    min = Math.min(min, losses[k])
    max = Math.max(max, losses[k])
    if (k > from && losses[k] > losses[k - 1]) rises++
  }
  return { from, min, max, rises, settled: max - min <= SETTLE_RANGE * max }
}

/** Why a 2-2-1 run failed, from the engine's forward pass at its trained and at its starting weights. */
export interface RunDiagnosis {
  rows: RowVerdict[]
  /** Per hidden unit: dead at the end, and whether it was already dead at the start (ReLU only). */
  dead: { end: boolean; atStart: boolean }[]
  /**
   * The network is linear on the four inputs: a linear hidden activation, or every (leaky) ReLU unit
   * on one side of its kink for all four rows (ReLU: active on every row).
   */
  linear: boolean
  /** Per hidden unit: sigmoid or tanh with f′(z) < SATURATION_SLOPE at all four inputs. */
  saturated: boolean[]
  /** Per hidden unit: z > 0 at some of the four inputs and z ≤ 0 at others (it changes side). */
  switching: boolean[]
  /** The loss over the last updates; null when no losses were given. */
  tail: LossTail | null
  /** The loss at the end (end.loss). */
  loss: number
  /**
   * The largest |entry| of the batch-mean gradient ∂J/∂W, ∂J/∂b at the end, from end's backward pass
   * (largestGradient); NaN when end has no gradients.
   */
  gradient: number
  /**
   * 'stuck': rows still wrong, and none of the causes before it found (and, when losses were given, the
   * loss settled). Whether that is a local minimum (zero gradient, the loss rising in every direction)
   * is not checked: `gradient` says how flat it is.
   */
  kind:
    | 'undecided'
    | 'dead from the start'
    | 'died in training'
    | 'linear'
    | 'saturated'
    | 'not settled'
    | 'stuck'
}

/**
 * The largest |entry| of a trace's batch-mean gradient (every layer's dW and db), the size of the
 * gradient descent step per unit of η. The trace must come from a forward and a backward pass.
 * @returns NaN when the trace holds no gradient entries.
 */
export function largestGradient(trace: Trace): number {
  let most = NaN
  for (const layer of trace.layers)
    for (const g of [...layer.dW.flat(), ...layer.db])
      if (!(Math.abs(g) <= most)) most = Math.abs(g)
  return most
}

/** Each unit of the first hidden layer on one side of z = 0 for every row (the kink of (leaky) ReLU). */
function oneSided(z: readonly (readonly number[])[], activeOnly: boolean): boolean {
  return z[0].every(
    (_, j) => z.every((r) => r[j] > 0) || (!activeOnly && z.every((r) => r[j] <= 0)),
  )
}

/**
 * Diagnoses a failed run from `end` and `start` traces (same network, trained and initial weights), in
 * this order: undecided outputs; a dead ReLU unit; a linear network; a saturated sigmoid/tanh unit; a
 * loss still moving over the last updates (not settled); otherwise stuck (RunDiagnosis.kind). `end` comes
 * from a forward and a backward pass (for `gradient`), `start` from at least a forward pass.
 * @param activation the hidden layer's activation: only ReLU units die, only sigmoid and tanh saturate.
 *   @default 'relu'
 * @param losses the loss after every update, k = 0 … N (XorRecord.losses); without them the loss is not
 *   checked and a run that is none of the others is called stuck.
 */
export function diagnoseRun(
  end: Trace,
  start: Trace,
  activation: HiddenActivationName = 'relu',
  losses?: ArrayLike<number>,
): RunDiagnosis {
  const acts = end.layers.map((_, l): ActivationName =>
    l < end.layers.length - 1 ? activation : 'sigmoid',
  )
  const now = reluHealth(
    acts,
    end.layers.map((t) => t.z),
  ).units[0]
  const then = reluHealth(
    acts,
    start.layers.map((t) => t.z),
  ).units[0]
  const dead = now.map((s, j) => ({ end: s === 'dead', atStart: then[j] === 'dead' }))
  const rows = rowVerdicts(end)
  const z = end.layers[0].z
  const linear =
    activation === 'linear' ||
    (activation === 'relu' && oneSided(z, true)) ||
    (activation === 'leaky_relu' && oneSided(z, false))
  const saturated = z[0].map(
    (_, j) =>
      (activation === 'sigmoid' || activation === 'tanh') &&
      z.every((r) => slopeAt(activation, r[j]) < SATURATION_SLOPE),
  )
  const switching = z[0].map((_, j) => z.some((r) => r[j] > 0) && z.some((r) => r[j] <= 0))
  const tail = losses && losses.length >= 2 ? lossTail(losses) : null
  const kind = rows.includes('undecided')
    ? 'undecided'
    : dead.some((d) => d.end && !d.atStart)
      ? 'died in training'
      : dead.some((d) => d.end)
        ? 'dead from the start'
        : linear
          ? 'linear'
          : saturated.some(Boolean)
            ? 'saturated'
            : tail && !tail.settled
              ? 'not settled'
              : 'stuck'
  return {
    rows,
    dead,
    linear,
    saturated,
    switching,
    tail,
    loss: end.loss,
    gradient: largestGradient(end),
    kind,
  }
}
