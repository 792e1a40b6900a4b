// What a lesson file declares (see README.md beside this file): the engine's spec, the notes' notation,
// the walk-through and the notes' own slips. Data only; LessonView renders any lesson.
import type { NetworkSpec } from '../engine/types'
import type { SlipId } from '../math/slips'
import type { SymbolMap } from '../math/symbols'
import type { CourseFields } from '../course/types'
import type { LessonSummary } from './index'

/** One step of the guided walk-through: an action, what to look at, and what to say. */
export interface LessonStep {
  /** The button this step presses. */
  do?: 'forward' | 'backward' | 'update' | 'step'
  /** A weight or bias key whose gradient derivation is opened, e.g. `W2[0][0]`. */
  derive?: string
  /** Text; `$…$` is inline LaTeX; `{=key}` is the current value of a quantity (math/placeholders.ts). */
  say: string
}

/** A number the notes write wrongly: check-my-work offers it as a one-click example. */
export interface LessonSlip {
  /** Quantity key, e.g. `z1[0]`. */
  key: string
  /** The value as the notes write it. */
  written?: string
  /** Or: the value a named slip gives at the current numbers (when the notes' digits are illegible). */
  slip?: { id: SlipId; messageIncludes?: string }
  /** Why it is wrong (shown beside the app's diagnosis); `{=key}` is a current value. */
  note: string
}

export interface Lesson extends LessonSummary, CourseFields {
  spec: NetworkSpec
  /** Paragraphs; `$…$` is inline LaTeX. */
  intro: string[]
  /** The notes' notation: quantity key (or `a1`, `W2`, `delta2` vector name) → LaTeX. */
  symbols: SymbolMap
  /** Unit names per layer, inputs first, e.g. [['i_1','i_2'], ['h_1','h_2'], ['o_1','o_2']] (LaTeX-ish). */
  units: string[][]
  /** The network has no biases (all 0, never trained): no bias fields and no switch. @default false */
  noBiases?: boolean
  /**
   * The notes tie one bias per layer (set `spec.sharedBiases` too): the lesson offers a switch to untie
   * them into one bias per unit, and says what tying means. @default false
   */
  sharedBiases?: boolean
  /** The parameter whose derivation is open at the start. */
  focus: string
  /** Keys shown first in check-my-work's list and as the "worked chain". */
  highlights: string[]
  steps: LessonStep[]
  slips: LessonSlip[]
  /** Show the output layer's gradients in matrix form. @default false */
  matrixForm?: boolean
  /** A remark shown on the derivation of some parameters, e.g. the notes' sign slip. */
  derivationNotes?: Record<string, string>
}

/** Identity with type checking, so a lesson file reads as data. */
export function defineLesson(lesson: Lesson): Lesson {
  return lesson
}

/** True when a registry entry is a full lesson (has a spec). */
export function isLesson(value: LessonSummary | undefined): value is Lesson {
  return value !== undefined && 'spec' in value && 'symbols' in value
}
