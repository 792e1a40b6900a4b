// The course path: the lessons in start-page order (their `order`), with what comes next.
import { lessons, type LessonSummary } from '../lessons'
import type { CourseFields } from './types'

export type CourseLesson = LessonSummary & CourseFields

/** Every lesson in course order, with its course fields. */
export const course: readonly CourseLesson[] = lessons

/** The lesson after `id` in the course, or undefined for the last one (or an unknown id). */
export function nextLesson(id: string): CourseLesson | undefined {
  const k = course.findIndex((l) => l.id === id)
  return k < 0 ? undefined : course[k + 1]
}

/** The lesson `id` with its course fields, or undefined. */
export function courseLesson(id: string): CourseLesson | undefined {
  return course.find((l) => l.id === id)
}
