// Panel lessons: a lesson whose screen is its own component (the chain rule, the learning-rate
// sweep, XOR from many starts…) rather than the worked-example player. Still one data file each.
import type { Component } from 'vue'
import type { NnModule } from '../engine/nn'
import type { CourseFields } from '../course/types'
import type { LessonSummary } from './index'
import type { LinkKeys } from '../links/useLink'

/** Props every panel receives from LessonView. */
export interface PanelProps {
  /** The loaded engine module. */
  engine: NnModule
}

export interface PanelLesson extends LessonSummary, CourseFields {
  kind: 'panel'
  /** Plain-language paragraphs shown above the panel; `$…$` is inline LaTeX. */
  intro: string[]
  /** Which lecture note it comes from, e.g. '004'. */
  notes: string
  /** Show the Share link / Copy embed code bar; false where the panel has its own. @default true */
  shareBar?: boolean
  /**
   * Every link key the panel reads, whichever of its sections is shown (links/useLink.ts LinkKeys):
   * its fields, its charts' `link` names and its training loops' pace keys. The view adds the keys
   * of every lesson page (the notation box's).
   */
  links: LinkKeys
  /**
   * What a shared link of the lesson keeps, as the Share toast says it after "Link copied: ", e.g.
   * {@link TRAINING_LINK_KEEPS}. Checked by opening a shared link fresh (links.e2e): a link keeps the
   * values in `links`, never what a run trained, so a lesson that trains says training starts again.
   */
  linkKeeps: string
  /** The panel component, loaded on demand so the start page stays small. */
  panel: () => Promise<{ default: Component }>
}

/** What a shared link keeps, said in the Share toast, for a lesson with values to set and nothing trained. */
export const VALUES_LINK_KEEPS =
  'it opens the lesson with the values you set and the same exercises with your answers.'

/**
 * What a shared link keeps, said in the Share toast, for a panel lesson that trains: its settings (the
 * fields in its link), not the run; its networks start from fixed seeds, so the run starts the same.
 */
export const TRAINING_LINK_KEEPS =
  'it opens the lesson with these settings and the same exercises with your answers; training starts again from the same start.'

/** Identity with type checking, so a panel lesson file reads as data. */
export function definePanelLesson(lesson: Omit<PanelLesson, 'kind'>): PanelLesson {
  return { ...lesson, kind: 'panel' }
}

/** True when a registry entry is a panel lesson. */
export function isPanelLesson(value: LessonSummary | undefined): value is PanelLesson {
  return value !== undefined && (value as Partial<PanelLesson>).kind === 'panel'
}
