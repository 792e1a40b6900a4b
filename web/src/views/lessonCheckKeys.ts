// A lesson's exercises' Check my work keys: its link declares them (LessonView) and its answer key does
// not call them unknown (AnswerKeyView). Here, not in course/, so the start page loads no link code.
import { courseLesson } from '../course/course'
import { exerciseCheckKeys } from '../links/checkLink'

export const lessonCheckKeys = (id: string): string[] =>
  exerciseCheckKeys(courseLesson(id)?.exercises?.length ?? 0)
