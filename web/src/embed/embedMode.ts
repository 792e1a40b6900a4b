// `?embed=1` (before the hash): one lesson with minimal chrome, its height and progress posted to the
// parent page (protocol.ts), and the teacher's embed options (options.ts) read from the same query.
// Called once by main.ts; the normal app is untouched when the flag is absent.
import type { App } from 'vue'
import type { Router } from 'vue-router'
import { EmbedOptionsKey, guardAnswerKey, optionsFromSearch, sectionClasses } from './options'
import { EmbedSinkKey, isEmbedMode, postToParent, reportHeight } from './protocol'

export function setUpEmbedMode(app: App, root: Element, router?: Router): boolean {
  if (!isEmbedMode()) return false
  const options = optionsFromSearch()
  document.documentElement.classList.add('is-embedded', ...sectionClasses(options))
  app.provide(EmbedSinkKey, postToParent)
  app.provide(EmbedOptionsKey, options)
  if (router) guardAnswerKey(router, () => options)
  reportHeight(root, postToParent)
  return true
}
