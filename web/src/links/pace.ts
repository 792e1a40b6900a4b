// The speed of a training loop in the link: `pace=10` (updates or epochs per second) or `pace=max` (as
// fast as it goes). The values a link accepts are the ones the speed control offers: the usual steps
// and the screen's own default (e.g. 20 epochs/s), so a pace the select shows is one the link keeps.
import { computed, onScopeDispose, reactive, type Ref } from 'vue'
import { choice, linkedFields, type LinkedFields } from './fields'
import { injectLessonLink, useLinkedFields, type LessonLink } from './useLink'

/** How a pace is written in a link and in the speed control's options: `10`, `max`. */
export const paceText = (pace: number): string => (Number.isFinite(pace) ? String(pace) : 'max')
const paceOf = (text: string): number => (text === 'max' ? Infinity : Number(text))

/** The speeds a loop offers: the usual steps and its own default, in ascending order. */
export const pacesWith = (paces: readonly number[], own: number): readonly number[] =>
  paces.includes(own) ? paces : [...paces, own].sort((a, b) => a - b)

type PaceFields = LinkedFields<{ pace: ReturnType<typeof choice<string>> }>
/** One declaration per key and default: a lesson's parts that ask for the same get the same value. */
const declared = new Map<string, PaceFields>()
function paceFields(key: string, own: number, paces: readonly number[]): PaceFields {
  const id = `${key}:${paceText(own)}:${paces.map(paceText).join(',')}`
  let fields = declared.get(id)
  if (!fields) {
    const options = pacesWith(paces, own).map(paceText)
    fields = linkedFields({ pace: choice(key, 'speed of training', paceText(own), options) })
    declared.set(id, fields)
  }
  return fields
}

const loopKeys = new WeakMap<LessonLink, Set<string>>()

/**
 * A loop's pace, read from the lesson's link under `key` and written back on every change (outside a
 * component, e.g. in a unit test, a plain ref). `paces` are the speeds offered; `own` the default.
 */
export function useLinkedPace(key: string, own: number, paces: readonly number[]): Ref<number> {
  const link = injectLessonLink()
  if (link) {
    // Two loops of one screen under one key would move together: each needs its own.
    const keys = loopKeys.get(link) ?? new Set<string>()
    if (keys.has(key))
      console.error(`Two training loops share the link key “${key}” (links/pace.ts).`)
    loopKeys.set(link, keys.add(key))
    onScopeDispose(() => keys.delete(key))
  }
  const state = link
    ? useLinkedFields(paceFields(key, own, paces))
    : reactive({ pace: paceText(own) })
  return computed({
    get: () => paceOf(state.pace),
    set: (p: number) => void (state.pace = paceText(p)),
  })
}
