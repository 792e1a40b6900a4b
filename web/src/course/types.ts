// What a lesson file adds for the course: what was learnt (shown at its end), its exercises and the
// glossary entries of the symbols it uses. The course order itself is the lessons' `order`.
import type { Exercise } from '../exercises/types'
import type { NotesId } from './glossary'

/** A remark of the notes a lesson follows, shown after the lesson's own screen. */
export interface NotesRemark {
  heading: string
  /** Paragraphs; `$…$` is inline LaTeX. */
  paragraphs: string[]
  /** Where to go on with it, e.g. `{ to: '/loss-compare', text: '…' }`. */
  link?: { to: string; text: string }
}

export interface CourseFields {
  /** The notes' remarks that belong to this lesson. */
  fromNotes?: NotesRemark[]
  /** What the learner can now do, one short sentence each; `$…$` is inline LaTeX. */
  learnt?: string[]
  /** At least two per lesson (tests/unit/course.test.ts checks it). */
  exercises?: Exercise[]
  /** Glossary ids (course/glossary.ts) of the symbols the page shows. */
  notation?: string[]
  /** The notes whose notation the page follows (panel lessons: read from `notes` when absent). */
  followsNotes?: NotesId
}
