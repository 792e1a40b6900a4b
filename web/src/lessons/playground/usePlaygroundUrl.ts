// Keeps the playground's settings in the address bar (`#/playground?v=1&…`), read once on start through the
// checked codec and rewritten with history.replaceState on every change (no navigation, no history entry,
// vue-router's own state kept). The share link is the same URL.
import { computed, watch, type Ref } from 'vue'
import { splitHash } from '../../engine/urlState'
import type { DataPoint } from './datasets'
import type { PlaygroundConfig } from './model'
import { decodePlayground, encodePlayground, type PlaygroundState } from './playgroundState'

/** The state in the current location's hash, with a notice per dropped part. */
export function readLocation(): PlaygroundState & { notices: string[] } {
  return decodePlayground(splitHash(window.location.hash).query)
}

export function usePlaygroundUrl(config: PlaygroundConfig, points: Ref<DataPoint[]>) {
  const query = computed(() => encodePlayground({ config: { ...config }, points: points.value }))
  const path = computed(() => splitHash(window.location.hash).path || '/playground')
  const link = computed(() => {
    const { origin, pathname, search } = window.location
    return `${origin}${pathname}${search}#${path.value}${query.value ? `?${query.value}` : ''}`
  })
  watch(link, (url) => {
    if (url !== window.location.href) window.history.replaceState(window.history.state, '', url)
  })
  return { link }
}
