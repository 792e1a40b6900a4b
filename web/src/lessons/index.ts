// The lesson registry: every `./<id>/lesson.ts` whose default export has id, title, summary and order,
// sorted by `order`. Adding a lesson means adding one file; nothing here changes.

/** What the start page and the router need to know about a lesson; lesson files export more. */
export interface LessonSummary {
  /** kebab-case, equal to the file name and the route: `step-by-step-222` → `#/step-by-step-222`. */
  id: string
  title: string
  /** One or two sentences for the start page. */
  summary: string
  /** Position on the start page, ascending. */
  order: number
}

const modules = import.meta.glob<{ default?: unknown }>('./*/lesson.ts', { eager: true })

function isLessonSummary(value: unknown): value is LessonSummary {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.id === 'string' &&
    typeof v.title === 'string' &&
    typeof v.summary === 'string' &&
    typeof v.order === 'number' &&
    Number.isFinite(v.order)
  )
}

/** Checks each module; a malformed lesson file fails loudly (and in tests) instead of vanishing. */
function collect(found: Record<string, { default?: unknown }>): LessonSummary[] {
  const lessons = Object.entries(found).map(([file, module]) => {
    const lesson = module.default
    if (!isLessonSummary(lesson)) {
      throw new Error(
        `${file}: the default export needs id, title, summary (strings) and order (number)`,
      )
    }
    const expectedId = file.replace(/^\.\//, '').replace(/\/lesson\.ts$/, '')
    if (lesson.id !== expectedId) {
      throw new Error(
        `${file}: lesson id '${lesson.id}' must equal its folder name '${expectedId}'`,
      )
    }
    return lesson
  })
  return lessons.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
}

/** All lessons, in start-page order. */
export const lessons: readonly LessonSummary[] = collect(modules)

/** The lesson with this id, or undefined. */
export function findLesson(id: string): LessonSummary | undefined {
  return lessons.find((lesson) => lesson.id === id)
}
