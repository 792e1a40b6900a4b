// Reporting to an LMS through the SCORM 1.2 run-time API (the SCORM package written by
// scripts/scorm-package.mjs launches one lesson per SCO). Inside an LMS, the lesson reports
// cmi.core.lesson_status ('incomplete', then 'completed' once its walk-through is done; a lesson without
// one: once all its exercises are solved) and cmi.core.score.raw (the percentage of its exercises solved
// with check-my-work, 0–100), both read from progress/progress.ts. Outside an LMS (no `API` object in a
// parent frame or the opener) nothing at all happens. The API discovery is ADL's published algorithm
// (SCORM 1.2 RTE 3.3.6.1), a dozen lines, so no wrapper library is bundled for it.
import { watch } from 'vue'
import type { Router } from 'vue-router'
import { courseLesson } from '../course/course'
import { findLesson } from '../lessons'
import { isLesson } from '../lessons/types'
import { lessonCompleted, lessonScore, progress } from '../progress/progress'

/** The SCORM 1.2 API an LMS provides as `window.API` (every value is a string). */
interface Scorm12Api {
  LMSInitialize(arg: ''): string
  LMSFinish(arg: ''): string
  LMSGetValue(element: string): string
  LMSSetValue(element: string, value: string): string
  LMSCommit(arg: ''): string
  LMSGetLastError(): string
}

const isApi = (x: unknown): x is Scorm12Api =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as Scorm12Api).LMSInitialize === 'function' &&
  typeof (x as Scorm12Api).LMSSetValue === 'function'

/** `win.API`, or null when absent or unreadable (another origin). */
function apiOn(win: Window | null | undefined): Scorm12Api | null {
  try {
    const api = (win as unknown as { API?: unknown } | null)?.API
    return isApi(api) ? api : null
  } catch {
    return null
  }
}

/** Looks for `API` in this window, its parents (at most 7 levels), then the opener's. */
export function findScormApi(start: Window | undefined = globalThis.window): Scorm12Api | null {
  const search = (from: Window | null | undefined): Scorm12Api | null => {
    let win = from
    for (let level = 0; win && level <= 7; level++) {
      const api = apiOn(win)
      if (api) return api
      let parent: Window | null
      try {
        parent = win.parent
      } catch {
        return null
      }
      if (!parent || parent === win) return null
      win = parent
    }
    return null
  }
  if (!start) return null
  let opener: Window | null
  try {
    opener = start.opener as Window | null
  } catch {
    opener = null
  }
  return search(start) ?? search(opener)
}

/** What one lesson reports: completion and, when it has exercises, the score. */
function lessonReport(lessonId: string): {
  status: 'completed' | 'incomplete'
  score: number | null
} {
  const exercises = courseLesson(lessonId)?.exercises?.length ?? 0
  const hasWalkthrough = isLesson(findLesson(lessonId))
  return {
    status: lessonCompleted(lessonId, hasWalkthrough, exercises) ? 'completed' : 'incomplete',
    score: lessonScore(lessonId, exercises),
  }
}

/**
 * Starts the SCO's session when an LMS provides the API: the first lesson opened is the SCO's lesson,
 * and every change of its progress is set and committed; the session ends when the page goes away.
 * @returns false (and does nothing) outside an LMS
 */
export function setUpScorm(router: Router, api: Scorm12Api | null = findScormApi()): boolean {
  if (!api || api.LMSInitialize('') !== 'true') return false
  let lesson: string | null = null
  let last = ''
  const report = (): void => {
    if (!lesson) return
    const { status, score } = lessonReport(lesson)
    const key = `${status}|${score}`
    if (key === last) return
    last = key
    api.LMSSetValue('cmi.core.lesson_status', status)
    if (score !== null) {
      api.LMSSetValue('cmi.core.score.min', '0')
      api.LMSSetValue('cmi.core.score.max', '100')
      api.LMSSetValue('cmi.core.score.raw', String(score))
    }
    api.LMSCommit('')
  }
  router.afterEach((to) => {
    if (lesson || to.name !== 'lesson' || !findLesson(String(to.params.id))) return
    lesson = String(to.params.id)
    report()
  })
  watch(progress, report, { deep: true })
  let finished = false
  addEventListener('pagehide', () => {
    if (finished) return
    finished = true
    report()
    api.LMSFinish('')
  })
  return true
}
