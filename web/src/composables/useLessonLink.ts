// A lesson's link: reads the values a shared link carries (`#/<id>?v=1&…`, engine/urlState.ts) once when
// the lesson opens, then keeps the address bar in step with every value the learner changes, through the
// router's replace (history.replaceState: no entry per change, so Back still leaves the lesson). Under
// the <backprop-lesson> element the router is in memory, so the page's own URL is never written.
// Also turns progress into embed messages (embed/protocol.ts). LessonView creates it; useLesson uses it.
import {
  inject,
  onScopeDispose,
  ref,
  shallowRef,
  watch,
  type InjectionKey,
  type Ref,
  type ShallowRef,
} from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { EngineNetwork } from '../engine/network'
import type { NnModule } from '../engine/nn'
import type { NetworkSpec } from '../engine/types'
import { decodeState, encodeState } from '../engine/urlState'
import { injectEmbedSink, progressReporter } from '../embed/protocol'

export interface LessonLink {
  /**
   * The spec to start from: the lesson's own with the link's valid values applied, or the lesson's own
   * (with a notice) when the engine refuses that combination.
   */
  startSpec: (module: NnModule) => NetworkSpec
  /** What was dropped from the link, one plain sentence each (render as text). */
  notices: Ref<string[]>
  /** The current state's query ('' when nothing differs from the lesson), without `?`. */
  query: ShallowRef<string>
  /** Called by useLesson with the live network: mirrors its spec into the URL, reports progress. */
  track: (source: {
    spec: Ref<NetworkSpec>
    updates: Ref<number>
    loss: () => number | null
    /** Applies a spec (when the learner edits the address by hand); false when the engine refused it. */
    apply: (spec: NetworkSpec) => { ok: boolean; message?: string }
  }) => void
}

export const LessonLinkKey: InjectionKey<LessonLink> = Symbol('lesson-link')

/** The link provided by LessonView, or null (component tests, other hosts). */
export function injectLessonLink(): LessonLink | null {
  return inject(LessonLinkKey, null)
}

/** Milliseconds between address-bar writes while training changes the weights every frame. */
const WRITE_INTERVAL = 400

export function useLessonLink(lessonId: string, base: NetworkSpec): LessonLink {
  const route = useRoute()
  const router = useRouter()
  const sink = injectEmbedSink()
  const queryOf = (): string => {
    const full = route.fullPath
    const q = full.indexOf('?')
    return q < 0 ? '' : full.slice(q + 1)
  }
  const decoded = decodeState(queryOf(), base)
  const notices = ref<string[]>(decoded.notices)
  const query = shallowRef(encodeState(base, decoded.spec))
  let written = route.fullPath
  let timer: ReturnType<typeof setTimeout> | undefined
  onScopeDispose(() => clearTimeout(timer))

  function write(): void {
    timer = undefined
    const path = `/${lessonId}${query.value ? `?${query.value}` : ''}`
    if (path === written) return
    written = path
    // replace, not push: the history keeps one entry for the lesson however many values change.
    router.replace(path).catch(() => {})
  }

  const track: LessonLink['track'] = ({ spec, updates, loss, apply }) => {
    watch(spec, (s) => {
      query.value = encodeState(base, s)
      timer ??= setTimeout(write, WRITE_INTERVAL)
    })
    // The learner edited the address by hand (or followed another link to this lesson).
    watch(
      () => route.fullPath,
      (full) => {
        if (full === written || route.params.id !== lessonId) return
        written = full
        const next = decodeState(queryOf(), base)
        const r = apply(next.spec)
        notices.value = r.ok
          ? next.notices
          : [
              ...next.notices,
              `The link’s values were not applied: ${r.message ?? 'the engine refused them'}.`,
            ]
      },
    )
    write() // a link with dropped parts is replaced by the clean one at once
    const report = progressReporter(lessonId, sink)
    watch(updates, (n) => report(n, loss()))
    sink({ type: 'backprop-lab:loaded', lesson: lessonId })
  }

  function startSpec(module: NnModule): NetworkSpec {
    if (decoded.applied.length === 0) return base
    const probe = EngineNetwork.create(module, decoded.spec)
    if (probe.ok) {
      probe.network.dispose()
      return decoded.spec
    }
    notices.value = [
      ...notices.value,
      `The link’s values do not make a network the engine can run (${probe.message}); the lesson starts with its own.`,
    ]
    query.value = ''
    return base
  }

  return { startSpec, notices, query, track }
}
