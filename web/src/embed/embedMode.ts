// `?embed=1` (before the hash): one lesson with minimal chrome, its height and progress posted to the
// parent page (protocol.ts). Called once by main.ts; the normal app is untouched when the flag is absent.
import type { App } from 'vue'
import { EmbedSinkKey, isEmbedMode, postToParent, reportHeight } from './protocol'

export function setUpEmbedMode(app: App, root: Element): boolean {
  if (!isEmbedMode()) return false
  document.documentElement.classList.add('is-embedded')
  app.provide(EmbedSinkKey, postToParent)
  reportHeight(root, postToParent)
  return true
}
