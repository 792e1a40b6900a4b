// What a teacher chose to show in an embedded lesson. In an <iframe> they are query parameters before
// the `#` (`index.html?embed=1&answers=0&sections=diagram,derivation#/step-by-step-222`), kept apart from
// the lesson's values after the `#`; on the <backprop-lesson> element they are attributes of the same
// names (`answers="0"`). README, "Embed options", has the table.
import { inject, ref, type InjectionKey, type Ref } from 'vue'
import type { Router } from 'vue-router'
import { fullPrecisionTitle } from '../math/format'

/** The parts of a worked-example lesson that `sections` can keep, in page order. */
const SECTIONS = [
  'notation',
  'intro',
  'controls',
  'diagram',
  'guide',
  'derivation',
  'chart',
  'check',
  'numbers',
  'exercises',
] as const
type SectionName = (typeof SECTIONS)[number]

export interface EmbedOptions {
  /** Offer the answer key (`answers=0` hides the link and refuses the answer-key page). @default true */
  answers: boolean
  /** Show the Share link / Copy embed code bar (`share=0` hides it). @default true */
  share: boolean
  /** Only these sections are shown (`sections=diagram,derivation`); null = all. Unknown names are ignored. */
  sections: SectionName[] | null
  /**
   * `fixed=1`: every load starts from the values in the embed's address; the learner's changes are
   * not written back into the frame's address. @default false
   */
  fixed: boolean
}

export const DEFAULT_OPTIONS: EmbedOptions = {
  answers: true,
  share: true,
  sections: null,
  fixed: false,
}

const OFF = new Set(['0', 'false', 'no', 'off'])
const ON = new Set(['1', 'true', 'yes', 'on', ''])

/**
 * Reads embed options from a getter of raw values (a URLSearchParams' `get`, or an element's
 * `getAttribute`). Missing or unreadable values keep the default.
 */
export function readEmbedOptions(get: (name: string) => string | null): EmbedOptions {
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = get(name)?.trim().toLowerCase()
    if (raw === undefined || raw === null) return fallback
    if (OFF.has(raw)) return false
    if (ON.has(raw)) return true
    return fallback
  }
  const rawSections = get('sections')
  let sections: SectionName[] | null = null
  if (rawSections !== null && rawSections.trim() !== '') {
    const wanted = rawSections
      .split(/[\s,]+/)
      .map((s) => s.trim().toLowerCase())
      .filter((s): s is SectionName => (SECTIONS as readonly string[]).includes(s))
    sections = wanted.length ? wanted : null
  }
  return {
    answers: flag('answers', true),
    share: flag('share', true),
    sections,
    fixed: flag('fixed', false),
  }
}

/** Options of an iframe embed, from the query before the `#`. */
export function optionsFromSearch(
  search: string = globalThis.location?.search ?? '',
): EmbedOptions {
  const params = new URLSearchParams(search)
  return readEmbedOptions((name) => params.get(name))
}

/** Classes for the embed's root element: `embed-hide-<section>` for every section not kept. */
export function sectionClasses(options: EmbedOptions): string[] {
  if (!options.sections) return []
  const keep = new Set(options.sections)
  return ['embed-sections', ...SECTIONS.filter((s) => !keep.has(s)).map((s) => `embed-hide-${s}`)]
}

export const EmbedOptionsKey: InjectionKey<EmbedOptions> = Symbol('embed-options')

/** The enclosing embed's options, or the defaults (everything shown) in the normal app. */
export function injectEmbedOptions(): EmbedOptions {
  return inject(EmbedOptionsKey, DEFAULT_OPTIONS)
}

/** True inside an iframe embed or a `<backprop-lesson>` element. */
export function injectEmbedded(): boolean {
  return inject(EmbedOptionsKey, null) !== null
}

const refusals = new WeakMap<Router, Ref<boolean>>()
/**
 * True on the lesson page that an answer-key address was sent back to (`guardAnswerKey`), until the
 * next navigation: the page says why instead of quietly showing the lesson (EmbedNotice.vue).
 */
export function answerKeyRefused(router: Router): Ref<boolean> {
  let r = refusals.get(router)
  if (!r) refusals.set(router, (r = ref(false)))
  return r
}

/** With `answers=0`, the answer-key route goes back to its lesson instead (and says so, answerKeyRefused). */
export function guardAnswerKey(router: Router, options: () => EmbedOptions): void {
  const refused = answerKeyRefused(router)
  let redirecting = false
  router.beforeEach((to) => {
    if (to.name === 'answer-key' && !options().answers) {
      redirecting = true
      return { path: `/${String(to.params.id)}`, query: to.query, replace: true }
    }
    refused.value = redirecting
    redirecting = false
    return true
  })
}

/**
 * The hover title of a number shown rounded ("full precision: …", math/format.ts), or none in graded
 * work (`answers=0`): there the exact value of a quantity the learner is asked for is never on screen.
 */
export function usePrecisionTitle(): (x: number) => string | undefined {
  const options = injectEmbedOptions()
  return (x) => (options.answers ? fullPrecisionTitle(x) : undefined)
}
