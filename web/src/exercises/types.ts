// Exercises are data in a lesson file: a generator for fresh numbers (seeded, so a teacher can fix them
// in a link), the question, and the exact answers. ExerciseList.vue shows them with CheckMyWork; a lab's
// prediction (`lab`) is answered first and then run on the engine (LabPrediction.vue).
import type { QuantityKind } from '../math/checkWork'
import type { LabPlan } from './labRun'

/** The generated numbers of one exercise, by name. */
export type Values = Record<string, number>

/** Seeded draws for exercise numbers (see `drawer` in exercises.ts). */
export interface Draw {
  /** A number in [lo, hi] rounded to `decimals` places (never 0 unless lo = hi = 0). */
  num: (lo: number, hi: number, decimals?: number) => number
  /** An integer in [lo, hi]. */
  int: (lo: number, hi: number) => number
  /** One element of `items`. */
  pick: <T>(items: readonly T[]) => T
}

/** One blank of an exercise: what is typed and its exact value. */
export interface Blank {
  /** Stable within the exercise, e.g. `dydx`. */
  key: string
  /** Plain text shown in the answer form, e.g. `dy/dx`. */
  label: string
  /**
   * The exact answer for these values (double precision). A lab's prediction may leave it out: the
   * run gives the answer (`lab`).
   */
  exact?: (v: Values) => number
  /**
   * 'whole' for a count, a shape or an index (rows of Z, parameters, updates per epoch, a step unit's
   * output): judged exactly, so 5 for 6 is wrong, never "too few digits". @default 'real' (the digits
   * rule of math/checkWork.ts)
   */
  kind?: QuantityKind
  /** A prediction picked from a list rather than typed: each choice's value and how it reads. */
  choices?: (v: Values) => { value: number; label: string }[]
}

/** A value a typical mistake gives, named like the slip catalogue (math/slips.ts) names them. */
export interface ExerciseSlip {
  key: string
  value: number
  message: string
}

export interface Exercise {
  /** Unique within the lesson, kebab-case; progress stores `<lesson>/<id>`. */
  id: string
  /** Draws this exercise's numbers. */
  generate: (draw: Draw) => Values
  /** The question for these values; `$…$` is inline LaTeX. */
  prompt: (v: Values) => string
  blanks: Blank[]
  /** Mistakes worth naming beyond the generic ones (decimal point shifted, sign flipped). */
  slips?: (v: Values) => ExerciseSlip[]
  /**
   * A lab's prediction: the blanks are what the learner predicts, and running this plan on the real
   * engine (exercises/labRun.ts) gives the answers they are marked against.
   */
  lab?: (v: Values) => LabPlan
}

/** Identity with type checking, so exercises read as data. */
export function defineExercises(exercises: Exercise[]): Exercise[] {
  return exercises
}

/** A number for a prompt's LaTeX. */
export const tex = (x: number): string => String(x)

/**
 * One neuron with two inputs at one point, for the questions that work out its z (drawn in this order):
 * w₁, w₂ and x₁, x₂ in [−2, 2], b in [−1, 1], each with one decimal.
 */
export const neuronAtPoint = (d: Draw): Values => ({
  w1: d.num(-2, 2, 1),
  w2: d.num(-2, 2, 1),
  b: d.num(-1, 1, 1),
  x1: d.num(-2, 2, 1),
  x2: d.num(-2, 2, 1),
})
/** That neuron's net input z = w₁x₁ + w₂x₂ + b. */
export const netInput = (v: Values): number => v.w1 * v.x1 + v.w2 * v.x2 + v.b
