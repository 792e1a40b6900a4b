// The one set of limits for every value a learner can change, used by the link codec (links/codec.ts)
// and by every field and slider that edits the same value, so a value a field accepts is one a link
// accepts, and the reverse. The engine's own (ENGINE, and the ranges of η, μ/β, ε) are defined once in
// wasm/engine/bounds.h and come through the generated catalogue; the rest is what a page can show and
// render in well under a second.
import { CATALOGUE } from '../engine/generated/catalogue'
import { formatNumber } from '../math/format'

const { limits: engine } = CATALOGUE

/** The engine's bounds on a spec (wasm/engine/bounds.h). */
export const ENGINE = {
  /** Layer sizes per network, inputs first (kMaxLayers). */
  layers: engine.layers,
  /** Units per layer (kMaxUnits). */
  units: engine.units,
  /** Samples (kMaxRows). */
  rows: engine.rows,
  /** Largest whole seed (2⁵³ − 1). */
  seed: engine.seed,
} as const

/** What one page shows: a diagram and a table of every number a person can still read. */
const PAGE = {
  /** Units per layer drawn in the lesson player's diagram, its tables and the answer key. */
  units: 8,
  /** Layer sizes (inputs first) in the lesson player and answer key: up to three weight layers. */
  layers: 4,
  /** Samples in the lesson player's table of inputs and targets. */
  samples: 16,
} as const

/** A closed or half-open range of numbers, with whether only whole numbers are allowed. */
export interface Range {
  min: number
  max: number
  /** `min` itself is not allowed (learning rates must be above 0). */
  minExclusive?: boolean
  /** `max` itself is not allowed (momentum must stay below 1). */
  maxExclusive?: boolean
  whole?: boolean
  /** Only `min + k·step` (a slider's stops); a whole-number step implies `whole`. */
  step?: number
}

const range = (r: Range): Range => r

/** Every limit a field, a slider or a link checks. */
export const LIMITS = {
  /** Weights, biases, inputs and targets: any finite number (the engine's only rule). */
  value: range({ min: -Number.MAX_VALUE, max: Number.MAX_VALUE }),
  /**
   * Learning rate η, the same range in the engine, every lesson's field, slider and link (a log-scale
   * slider): from 1e-5 (TensorFlow Playground's smallest) to 100 (beyond it every lesson diverges).
   */
  learningRate: range(engine.learningRate),
  /** Seeds: 32-bit, what the page's data generator (math/random.ts) takes; within the engine's 2⁵³. */
  seed: range({ min: 0, max: 2 ** 31 - 1, whole: true }),
  /** Momentum μ and Adam's β₁, β₂: 0 ≤ x < 1. */
  decay: range(engine.decay),
  /** The gradient check's step ε: above 0, at most 0.1 (the derivation panel's field). */
  checkEpsilon: range(engine.checkEpsilon),
  /** Adam's ε: above 0, at most 1. */
  adamEpsilon: range(engine.adamEpsilon),
  /** The lesson player: layer sizes and samples a page shows (PAGE within ENGINE). */
  lesson: {
    layers: Math.min(PAGE.layers, ENGINE.layers),
    units: range({ min: 1, max: Math.min(PAGE.units, ENGINE.units), whole: true }),
    samples: Math.min(PAGE.samples, ENGINE.rows),
  },
  /** The playground: hidden layers and units it draws, points it generates or takes. */
  playground: {
    hiddenLayers: 6,
    units: range({ min: 1, max: Math.min(PAGE.units, ENGINE.units), whole: true }),
    points: range({ min: 10, max: 1000, whole: true }),
    /** The learner's own points (clicked or imported). */
    customPoints: 2000,
    /** Own points carried in a link (more: export them as a file). */
    linkPoints: 500,
    /** Percent. */
    noise: range({ min: 0, max: 50, whole: true }),
    /** Percent held out for testing. */
    testShare: range({ min: 0, max: 90, whole: true }),
    /** The same η range as every lesson (a log-scale slider). */
    learningRate: range(engine.learningRate),
    regularizationRate: range({ min: 0, max: 10 }),
  },
  /**
   * Characters of one answer typed in Check my work (its box's maxlength and the link's limit): room
   * for any number written out in full, far below what would crowd the link.
   */
  answerLength: 40,
  /** Longer queries are not read at all (a link that long was not made by the app). */
  queryLength: 16_384,
} as const

/**
 * A limit or a value in a range's message, as the page writes numbers, so the message reads like the
 * slider and the field beside it (#11: "0.00001" beside 1×10⁻⁵): formatNumber's notation (1×10⁻⁵,
 * −2, up to 7 significant digits), whole numbers below 10¹⁵ in full and grouped (2,147,483,647).
 */
export const rangeNumber = (x: number): string =>
  Number.isInteger(x) && Math.abs(x) < 1e15
    ? x.toLocaleString('en-US').replace('-', '−')
    : formatNumber(x, 7)
const fmt = rangeNumber

/**
 * Why `value` is outside `r`, in words for a field's message or a link notice; null when it fits.
 * Non-finite values never fit.
 */
export function outOfRange(value: number, r: Range): string | null {
  if (!Number.isFinite(value)) return 'must be a finite number'
  if (r.whole && !Number.isInteger(value)) return 'must be a whole number'
  if (r.step !== undefined) {
    const k = (value - r.min) / r.step
    if (Math.abs(k - Math.round(k)) > 1e-9) return `must be a multiple of ${fmt(r.step)}`
  }
  if (r.minExclusive ? value <= r.min : value < r.min)
    return r.minExclusive ? `must be above ${fmt(r.min)}` : `must be at least ${fmt(r.min)}`
  if (r.maxExclusive ? value >= r.max : value > r.max)
    return r.maxExclusive ? `must be below ${fmt(r.max)}` : `must be at most ${fmt(r.max)}`
  return null
}

/**
 * The one message of every η field (worked examples, panel lessons, labs, the playground) for a number
 * outside `r`: "η must be from 1×10⁻⁵ to 100." (the same words at either end); null when it fits.
 */
export function learningRateProblem(value: number, r: Range = LIMITS.learningRate): string | null {
  return outOfRange(value, r) ? `η must be from ${fmt(r.min)} to ${fmt(r.max)}.` : null
}

/** A NumberField's `validate` for a value in `r`: "The learning rate must be at most 100." or null. */
export const validator =
  (name: string, r: Range) =>
  (value: number): string | null => {
    const why = outOfRange(value, r)
    return why ? `${name} ${why}.` : null
  }
