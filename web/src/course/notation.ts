// Which glossary entries a lesson page uses, and whose notation it follows.
import { parseKey } from '../math/keys'
import { KIND_TO_GLOSSARY, type NotesId } from './glossary'
import type { CourseLesson } from './course'

/** The quantity kind of a symbol-table key: `z1[0]` and the vector name `z1` are both `z`. */
const kindOf = (key: string): string => parseKey(key)?.kind ?? key.replace(/\d+$/, '')

/**
 * The glossary ids a lesson uses: its `notation`, plus the kinds of a worked example's symbols, σ
 * when its network has a sigmoid layer and η when it updates the weights (w⁺ = w − η ∂J/∂w): the 2-2-2
 * walk-through, sigmoid throughout, was missing from σ's "Where it appears".
 */
export function lessonGlossaryIds(lesson: CourseLesson): string[] {
  const ids = new Set(lesson.notation ?? [])
  const symbols = (lesson as { symbols?: Record<string, string> }).symbols
  for (const key of Object.keys(symbols ?? {})) {
    const kind = kindOf(key)
    const id = KIND_TO_GLOSSARY[kind]
    if (id) ids.add(id)
  }
  const spec = (lesson as { spec?: { activations?: readonly string[] } }).spec
  if (spec?.activations?.includes('sigmoid')) ids.add('sigma')
  if (ids.has('wnew')) ids.add('eta')
  return [...ids]
}

/** Symbol-table names of a worked example that no glossary entry covers (should be none). */
export function unmappedSymbols(lesson: CourseLesson): string[] {
  const symbols = (lesson as { symbols?: Record<string, string> }).symbols
  return Object.keys(symbols ?? {}).filter((k) => !KIND_TO_GLOSSARY[kindOf(k)])
}

/** The notes whose notation the lesson follows: `followsNotes`, else the first of its `notes`. */
export function lessonNotes(lesson: CourseLesson): NotesId | undefined {
  if (lesson.followsNotes) return lesson.followsNotes
  const notes = (lesson as { notes?: string }).notes
  const m = /\b(00[0-4])\b/.exec(notes ?? '')
  return m ? (m[1] as NotesId) : undefined
}
