/// <reference types="vite-plugin-pwa/client" />
// Offline use of the site edition: a service worker generated at build time by vite-plugin-pwa (Workbox)
// precaches every file of dist/ on the first visit, so every lesson, the answer keys and a reload work
// without a network (web/vite.config.ts lists what is precached). When a new version is deployed the
// worker waits and the page offers to reload (OfflineNotices.vue). If a part still cannot load (a
// browser without service workers, storage cleared, offline before the first visit finished), the page
// says so plainly instead of going blank. The one-file edition and the custom element register nothing.
import { reactive } from 'vue'
import type { Router } from 'vue-router'
import { registerSW } from 'virtual:pwa-register'
import { findScormApi } from '../scorm/scorm'

interface OfflineState {
  /** A new version is installed and waiting: offer a reload. */
  needRefresh: boolean
  /** Every file is stored: the site now works offline. */
  offlineReady: boolean
  /** Plain text shown when a part of the app could not be loaded; '' when all is well. */
  loadProblem: string
}

export const offline = reactive<OfflineState>({
  needRefresh: false,
  offlineReady: false,
  loadProblem: '',
})

let update: (reload?: boolean) => Promise<void> = async () => location.reload()

/** Activates the waiting version and reloads the page with it. */
export function applyUpdate(): Promise<void> {
  return update(true)
}

const LOAD_PROBLEM =
  'This part of Backprop Lab could not be loaded. You seem to be offline, and it was not saved on ' +
  'this device yet. Reconnect to the internet, then choose Try again.'

const CHUNK_FAILURE =
  /dynamically imported module|Importing a module script failed|Unable to preload|error loading dynamically|Failed to fetch/i

/** True for the errors a missing script, style or .wasm file raises. */
const isLoadFailure = (e: unknown): boolean =>
  CHUNK_FAILURE.test(e instanceof Error ? e.message : String(e))

/**
 * Registers the service worker (site edition only) and turns failed loads into {@link LOAD_PROBLEM}.
 * Call once from main.ts.
 */
export function setUpOffline(router: Router): void {
  window.addEventListener('vite:preloadError', (event) => {
    event.preventDefault()
    offline.loadProblem = LOAD_PROBLEM
  })
  window.addEventListener('unhandledrejection', (event) => {
    if (isLoadFailure(event.reason)) offline.loadProblem = LOAD_PROBLEM
  })
  router.onError((error) => {
    if (isLoadFailure(error)) offline.loadProblem = LOAD_PROBLEM
  })
  router.afterEach((_to, _from, failure) => {
    if (!failure) offline.loadProblem = ''
  })
  // Not inside an LMS: the SCORM package is served by the LMS, which has its own caching and updates.
  if (import.meta.env.VITE_EDITION !== 'site' || !('serviceWorker' in navigator)) return
  if (findScormApi()) return
  update = registerSW({
    immediate: true,
    onNeedRefresh: () => (offline.needRefresh = true),
    onOfflineReady: () => (offline.offlineReady = true),
  })
}
