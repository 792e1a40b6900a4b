// The browser tab's title for each page of the app, so that tabs, bookmarks and history can be told
// apart ("Backprop Lab" on every page said nothing). Set by the app shell alone (App.vue): the
// <backprop-lesson> element shares the routes but never writes its host page's title.
import { findLesson } from './lessons'
import { isLesson } from './lessons/types'

/** The app's name, the whole title of the start page and the end of every other one. */
export const APP_NAME = 'Backprop Lab'

/**
 * The title of the page at route `name` (routes.ts) with its `id` parameter (a lesson id, or '' when
 * the route has none): the page's own heading, then the app's name. An unknown lesson, a lesson with no
 * answer key and an unknown route say so, as the pages themselves do.
 */
export function pageTitle(name: string | symbol | null | undefined, id = ''): string {
  const lesson = findLesson(id)
  const page =
    name === 'home'
      ? ''
      : name === 'glossary'
        ? 'Glossary'
        : name === 'lesson'
          ? (lesson?.title ?? `No lesson “${id}”`)
          : name === 'answer-key'
            ? isLesson(lesson)
              ? `Answer key: ${lesson.title}`
              : `No answer key for “${id}”`
            : 'No such page'
  return page ? `${page} · ${APP_NAME}` : APP_NAME
}
