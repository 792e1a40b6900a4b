// Progress, kept in this browser only (localStorage, never sent anywhere): which lessons were opened,
// whose walk-through was done, and which exercises solved. It is the one progress/score module: the
// SCORM report to an LMS (scorm/scorm.ts, #17) reads lessonScore() and lessonCompleted() from here.
import { readonly, ref } from 'vue'

/** The localStorage key; one JSON object `{ v: 1, opened: string[], solved: string[], walked: string[] }`. */
export const PROGRESS_KEY = 'backprop-lab:progress'

export interface Progress {
  /** Lesson ids, in the order first opened. */
  opened: string[]
  /** `<lesson id>/<exercise id>`, in the order first solved. */
  solved: string[]
  /** Lesson ids whose walk-through was done to its last step. */
  walked: string[]
}

const empty = (): Progress => ({ opened: [], solved: [], walked: [] })
const strings = (x: unknown): string[] =>
  Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null // storage disabled by the browser: progress lasts for this page only
  }
}

function load(): Progress {
  try {
    const raw = storage()?.getItem(PROGRESS_KEY)
    if (!raw) return empty()
    const data = JSON.parse(raw) as Record<string, unknown>
    return {
      opened: strings(data.opened),
      solved: strings(data.solved),
      walked: strings(data.walked),
    }
  } catch {
    return empty() // unreadable: start again rather than fail the page
  }
}

const state = ref<Progress>(load())

function save(): void {
  try {
    storage()?.setItem(PROGRESS_KEY, JSON.stringify({ v: 1, ...state.value }))
  } catch {
    // full or disabled storage: keep the in-page progress
  }
}

/** The current progress (reactive, read-only). */
export const progress = readonly(state)

/** Records that the lesson was opened. */
export function markOpened(lessonId: string): void {
  if (state.value.opened.includes(lessonId)) return
  state.value = { ...state.value, opened: [...state.value.opened, lessonId] }
  save()
}

/** Records that an exercise of the lesson was solved (every blank correct). */
export function markSolved(lessonId: string, exerciseId: string): void {
  const id = `${lessonId}/${exerciseId}`
  if (state.value.solved.includes(id)) return
  state.value = { ...state.value, solved: [...state.value.solved, id] }
  save()
}

/** Records that the lesson's walk-through was done to its last step. */
export function markWalkthroughDone(lessonId: string): void {
  if (state.value.walked.includes(lessonId)) return
  state.value = { ...state.value, walked: [...state.value.walked, lessonId] }
  save()
}

/** Exercises of the lesson solved so far. */
export function solvedIn(lessonId: string): number {
  return state.value.solved.filter((s) => s.startsWith(`${lessonId}/`)).length
}

/** Exercises solved in all lessons (for a score report). */
export function exercisesSolved(): number {
  return state.value.solved.length
}

/**
 * The lesson's score for a report: exercises solved with check-my-work, as a percentage of its
 * `exerciseCount` exercises (0–100, rounded to a whole number); null when it has no exercises.
 */
export function lessonScore(lessonId: string, exerciseCount: number): number | null {
  if (!(exerciseCount > 0)) return null
  return Math.round((100 * Math.min(solvedIn(lessonId), exerciseCount)) / exerciseCount)
}

/**
 * Whether the lesson counts as completed: its walk-through was done; a lesson without a walk-through
 * (`hasWalkthrough` false) is completed when all of its `exerciseCount` exercises are solved.
 */
export function lessonCompleted(
  lessonId: string,
  hasWalkthrough: boolean,
  exerciseCount: number,
): boolean {
  if (hasWalkthrough) return state.value.walked.includes(lessonId)
  return exerciseCount > 0 && solvedIn(lessonId) >= exerciseCount
}

/** Forgets everything: removes the stored progress from this browser. */
export function forgetProgress(): void {
  state.value = empty()
  try {
    storage()?.removeItem(PROGRESS_KEY)
  } catch {
    // nothing stored
  }
}
