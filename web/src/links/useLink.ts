// Links in Vue. Three parts, so that only the app shell ever writes the address:
// - the address bar (App.vue: provideAddressBar): the one place that calls history.replaceState, and
//   that notices a hash the learner changed in this tab (a new lesson, a new answer key, the same
//   lesson opened again) so the shell can key the view on it and every visit starts fresh;
// - a lesson's link (LessonView: provideLessonLink): the query it was opened with, the
//   query of what is on screen now, and the notices about the parts that were dropped;
// - useLinkedFields(schema, own): a panel's linked values as one reactive object, read from the link
//   once and written back on every change.
// Under the <backprop-lesson> element nobody provides an address bar: its state stays inside it.
import {
  getCurrentInstance,
  inject,
  onScopeDispose,
  provide,
  reactive,
  ref,
  shallowRef,
  watch,
  type InjectionKey,
  type Ref,
  type ShallowRef,
} from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { trainingNow } from '../composables/trainingActivity'
import type { Decl, LinkedFields, LinkedValues } from './fields'
import {
  LINK_VERSION,
  decodeLink,
  encodeLink,
  splitHash,
  type LinkNotice,
  type Schema,
} from './codec'

/** Writes `#<path>?<query>` in place; set by the app shell only. */
type WriteAddress = (path: string, query: string) => void
const AddressKey: InjectionKey<WriteAddress> = Symbol('address-bar')

/** Milliseconds between address writes when the learner changes something. */
const WRITE_INTERVAL = 300
/**
 * Milliseconds between address writes that training causes (the weights change every frame;
 * history.replaceState costs milliseconds in Chromium). The learner's own changes still go out after
 * WRITE_INTERVAL, and the address catches up when training stops.
 */
const TRAINING_WRITE_INTERVAL = 2000

/**
 * The app shell's address bar. Returns `visits`, a number that grows whenever the hash changes by
 * anything other than the shell's own writes (typed, pasted, Back): key the routed view on it.
 */
export function provideAddressBar(): { visits: Ref<number> } {
  const visits = ref(0)
  let written = location.hash
  let pending: { path: string; query: string } | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  /** When the scheduled write happens (ms, Date.now()). */
  let due = 0
  let last = 0
  /** The learner's last input: a write soon after it is the learner's change, not training's. */
  let lastInput = -Infinity
  const onInput = (): void => void (lastInput = Date.now())
  const INPUTS = ['input', 'change', 'pointerdown', 'keydown'] as const
  function flush(): void {
    timer = undefined
    last = Date.now()
    const p = pending
    pending = null
    // A write for a route the learner has left since is dropped.
    if (!p || splitHash(location.hash).path !== p.path) return
    const hash = `#${p.path}${p.query ? `?${p.query}` : ''}`
    if (hash === location.hash) return
    written = hash
    // vue-router keeps each entry's own address in history.state.current and writes it back into the
    // entry when the learner navigates away: without it, Back returned to the bare lesson (newcomer).
    history.replaceState({ ...history.state, current: hash.slice(1) }, '', hash)
  }
  const write: WriteAddress = (path, query) => {
    pending = { path, query }
    const now = Date.now()
    const byTraining = trainingNow.value && now - lastInput > WRITE_INTERVAL
    const at = last + (byTraining ? TRAINING_WRITE_INTERVAL : WRITE_INTERVAL)
    if (timer !== undefined) {
      if (at >= due) return
      clearTimeout(timer) // the learner's change goes out sooner than training's
    }
    if (at <= now) flush()
    else {
      due = at
      timer = setTimeout(flush, at - now)
    }
  }
  const onHashChange = (): void => {
    if (location.hash !== written) visits.value++
    written = location.hash
  }
  window.addEventListener('hashchange', onHashChange)
  for (const type of INPUTS)
    window.addEventListener(type, onInput, { capture: true, passive: true })
  // Training stopped: the address catches up now.
  watch(trainingNow, (on) => {
    if (on || timer === undefined) return
    clearTimeout(timer)
    flush()
  })
  // A write still waiting when the learner follows a link in the app goes into the entry being left,
  // first. When the address itself changed (typed, pasted, Back) the learner asked for that address:
  // the waiting write is dropped.
  const stopGuard = useRouter().beforeEach(() => {
    if (timer === undefined) return
    clearTimeout(timer)
    if (location.hash === written) flush()
    else [timer, pending] = [undefined, null]
  })
  onScopeDispose(() => {
    stopGuard()
    window.removeEventListener('hashchange', onHashChange)
    for (const type of INPUTS) window.removeEventListener(type, onInput, { capture: true })
    clearTimeout(timer)
  })
  provide(AddressKey, write)
  return { visits }
}

/** One lesson's link, provided by its view to the lesson below it. */
export interface LessonLink {
  /** The query the lesson was opened with (without `?`). */
  opened: string
  /** The query of what is on screen now ('' = the lesson's own values). */
  current: ShallowRef<string>
  /**
   * Problems with the opened link, one each (see codec.ts noticeLines to show them): a key the lesson
   * does not declare at once, a bad value when the part that reads it is created.
   */
  notices: Ref<LinkNotice[]>
  /**
   * Adds `query()` to `current` (and to the address, in the app) from now on. A lesson may publish
   * several parts (a panel and a section with its own schema); they are joined after one `v=1`.
   */
  publish: (query: () => string) => void
  /** The reactive values of a panel's schema, shared by every component that asks for them. */
  fields: Map<object, object>
  /**
   * Says that a part of the lesson reads these keys from the link (its own codec, not a schema of
   * `fields`), so no other part calls them unknown; drops the notices that already did.
   */
  claim: (keys: Iterable<string>) => void
  /** Every key of the lesson: declared up front, claimed, or a field of a schema in `fields`. */
  known: Set<string>
  /** The keys a mounted part has read (and publishes). */
  read: Set<string>
  /** The keys the lesson declared up front (empty: it declared none). */
  declared: ReadonlySet<string>
}

/**
 * Every link key a lesson has, declared up front (a lesson's `links`), so that a key of a section not
 * shown yet is neither called unknown nor cut from the address: its value waits in the link for the
 * section. A schema or a panel's fields stand for all their keys.
 */
type Keyed = readonly { readonly key: string }[]
export type LinkKeys = readonly (string | Keyed | { readonly schema: Keyed })[]

/** The keys of a {@link LinkKeys} declaration. */
export const linkKeysOf = (declared: LinkKeys): string[] =>
  declared.flatMap((d) =>
    typeof d === 'string' ? [d] : ('schema' in d ? d.schema : d).map((f) => f.key),
  )
const LinkKey: InjectionKey<LessonLink> = Symbol('lesson-link')

/**
 * Creates the link of the lesson at the current route (read once: the view is keyed per visit).
 * `declared`: every key the lesson reads, whichever of its sections is on screen.
 */
export function provideLessonLink(declared: LinkKeys = []): LessonLink {
  const route = useRoute()
  const keys = new Set(linkKeysOf(declared))
  const path = route.path
  const write = inject(AddressKey, () => {})
  const opened = splitHash(route.fullPath).query
  const parts = shallowRef<(() => string)[]>([])
  /** The published parts' queries now, each without its `v=1`. */
  const published = (): string[] =>
    parts.value.map((part) => part().replace(/^v=\d+&?/, '')).filter(Boolean)
  let fields: string[] = []
  /** The opened link's values for declared keys that no part shown yet reads: kept as they were. */
  const waiting = (): string[] =>
    opened.split('&').filter((part) => {
      const key = part.split('=')[0]
      return keys.has(key) && !link.read.has(key)
    })
  // Values in the order the lesson declares its keys, whichever part loaded first: the same values
  // always make the same link (the exercises' set, drawn before the engine loads, comes last).
  const order = [...keys]
  const rank = (pair: string): number => {
    const k = order.indexOf(pair.split('=')[0])
    return k < 0 ? order.length : k
  }
  const show = (): void => {
    const all = [...fields.flatMap((f) => f.split('&')), ...waiting()].sort(
      (a, b) => rank(a) - rank(b),
    )
    link.current.value = all.length ? [`v=${LINK_VERSION}`, ...all].join('&') : ''
    write(path, link.current.value)
  }
  const link: LessonLink = {
    opened,
    current: shallowRef(opened),
    // A key no part of the lesson reads is named at once, whatever is on screen yet.
    notices: ref(
      keys.size === 0
        ? []
        : decodeLink([], opened, {}).notices.filter(
            (n) => n.kind === 'unknown' && !keys.has(n.text),
          ),
    ),
    fields: new Map(),
    known: new Set(keys),
    read: new Set(),
    declared: keys,
    claim: (keys) => {
      for (const k of keys) {
        link.known.add(k)
        link.read.add(k)
      }
      link.notices.value = link.notices.value.filter(
        (n) => n.kind !== 'unknown' || !link.known.has(n.text),
      )
    },
    publish: (query) => (parts.value = [...parts.value, query]),
  }
  watch(published, (now) => {
    fields = now
    show()
  })
  provide(LinkKey, link)
  return link
}

/**
 * The link of the enclosing lesson view, or null (component tests, other hosts, and outside a
 * component's setup, e.g. a composable in a unit test: there the linked values are plain values).
 */
export function injectLessonLink(): LessonLink | null {
  return getCurrentInstance() ? inject(LinkKey, null) : null
}

/**
 * Adds a part's notices about the opened link to the lesson's (never replacing another part's), and
 * claims the keys that part reads (`claim`): a name is unknown only when no part of the lesson reads it.
 * Each part reads the whole query, so a problem several see (garbled, unknown, version) is said once.
 */
export function addNotices(
  link: LessonLink,
  notices: readonly LinkNotice[],
  keys: Iterable<string> = [],
): void {
  link.notices.value = [...link.notices.value, ...notices]
  link.claim(keys)
  link.notices.value = link.notices.value.filter(
    (n, k, all) => all.findIndex((m) => m.kind === n.kind && m.text === n.text) === k,
  )
}

/**
 * A panel's linked values: one reactive object with the lesson's own values `own` overwritten by the
 * link's valid ones (dropped parts become notices); every change is written back to the link. Bind the
 * panel's controls to it, and take their ranges from the schema's fields (links/limits.ts). Components
 * of one lesson that pass the same schema get the same object.
 */
export function useLinkedFields<F extends Record<string, Decl>>(
  fields: LinkedFields<F>,
): LinkedValues<F>
export function useLinkedFields<S extends object>(schema: Schema<S>, own: S): S
export function useLinkedFields(fields: object, own?: object): object {
  return own === undefined
    ? useLinkedState(
        (fields as LinkedFields<Record<string, Decl>>).schema,
        (fields as LinkedFields<Record<string, Decl>>).own,
      )
    : useLinkedState(fields as Schema<object>, own)
}

/** {@link useLinkedFields} for any schema and its own state. */
export function useLinkedState<S extends object>(schema: Schema<S>, own: S): S {
  const link = injectLessonLink()
  const known = link?.fields.get(schema) as S | undefined
  if (known) return known
  if (!link) return reactive(structuredClone(own)) as S
  // Two parts of one lesson must not share a key: the link could not tell their values apart.
  const keys = schema.map((f) => f.key)
  const taken = keys.filter((k) => link.read.has(k))
  if (taken.length > 0)
    console.error(`Link keys used twice in one lesson: ${taken.join(', ')} (links/useLink.ts).`)
  const undeclared = keys.filter((k) => link.declared.size > 0 && !link.declared.has(k))
  if (undeclared.length > 0)
    console.error(`Link keys missing from the lesson's links: ${undeclared.join(', ')}.`)
  const d = decodeLink(schema, link.opened, own)
  const state = reactive(structuredClone(d.state)) as S
  link.fields.set(schema, state)
  addNotices(link, d.notices, keys)
  // Reading every field through JSON lets the watcher follow all of them.
  link.publish(() => encodeLink(schema, JSON.parse(JSON.stringify(state)) as S, own))
  return state
}
