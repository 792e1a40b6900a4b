// Check my work in the link: what is being checked comes back from a shared link, as every other
// value a learner changes (#11). Each Check my work of a lesson has its own name (`check` in the worked
// example, `ex1`, `ex2`… in the exercises) and four fields under it: `<name>mode=chain` (a worked
// chain, not one value), `<name>q=z2[1]` (the quantity), `<name>v=1.2` (the value typed),
// `<name>c=0.1;0.2` (the chain's values, in its order). Only what differs from an empty box is written.
import { reactive } from 'vue'
import { choice, linkedFields, text, texts } from './fields'
import { LIMITS } from './limits'
import { injectLessonLink, useLinkedFields } from './useLink'

const MODES = ['one', 'chain'] as const

/** The four keys under a Check my work's name (declare them with the lesson's keys). */
export const checkLinkKeys = (name: string): string[] =>
  ['mode', 'q', 'v', 'c'].map((k) => `${name}${k}`)

/** The Check my work names of a lesson's exercises: `ex1`, `ex2`… (one per exercise, in order). */
export const exerciseCheckName = (k: number): string => `ex${k + 1}`

/** The four fields of the Check my work named `name` (see the top of this file). */
export const checkLinkFields = (
  name: string,
  where: string,
  quantities: string[],
  own: string,
  chain: number,
) =>
  linkedFields({
    mode: choice(`${name}mode`, `mode of ${where}`, 'one', MODES),
    key: choice(`${name}q`, `quantity of ${where}`, own, quantities),
    typed: text(`${name}v`, `value typed in ${where}`, LIMITS.answerLength),
    chain: texts(`${name}c`, `worked chain typed in ${where}`, LIMITS.answerLength, chain),
  })
type CheckFields = ReturnType<typeof checkLinkFields>
const declared = new Map<string, CheckFields>()

/** What a Check my work holds: its mode, quantity, the value typed and the chain's values. */
export interface CheckState {
  mode: (typeof MODES)[number]
  key: string
  typed: string
  chain: string[]
}

/** The Check my work boxes of each lesson's link, by name. */
const live = new WeakMap<object, Map<string, { state: CheckState; own: CheckState }>>()

/**
 * A Check my work's mode, quantity and typed values, read from the lesson's link under `name` and
 * written back on every change (outside a lesson, or without a name: plain values). `where` names it
 * in notices ("Check my work", "Check my work of exercise 2"); `quantities` are the keys it offers,
 * `own` the one it starts on; `chain` the number of the chain's fields.
 */
export function useLinkedCheck(
  name: string | undefined,
  where: string,
  quantities: string[],
  own: string,
  chain: number,
): CheckState {
  const link = injectLessonLink()
  if (!name || !link) return reactive({ mode: 'one', key: own, typed: '', chain: [] })
  const id = `${name}:${own}:${chain}:${quantities.join(';')}`
  let fields = declared.get(id)
  if (!fields) {
    fields = checkLinkFields(name, where, quantities, own, chain)
    declared.set(id, fields)
  }
  const state = useLinkedFields(fields)
  const shown = live.get(link) ?? new Map<string, { state: CheckState; own: CheckState }>()
  live.set(link, shown.set(name, { state, own: fields.own }))
  return state
}

/**
 * Empties this lesson's Check my work boxes named `names` (their values, and so the link's): new
 * exercise numbers make the answers typed for the old ones meaningless. Call in setup.
 */
export function useEmptyChecks(): (names: string[]) => void {
  const link = injectLessonLink()
  return (names) => {
    for (const name of names) {
      const box = link && live.get(link)?.get(name)
      if (box) Object.assign(box.state, structuredClone(box.own))
    }
  }
}

/** The Check my work keys of a lesson's `count` exercises (declare them with the lesson's keys). */
export const exerciseCheckKeys = (count: number): string[] =>
  Array.from({ length: count }, (_, k) => checkLinkKeys(exerciseCheckName(k))).flat()
