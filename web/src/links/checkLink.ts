// Check my work in the link: what is being checked comes back from a shared link, as every other
// value a learner changes (#11). Each Check my work of a lesson has its own name (`check` in the worked
// example, `ex1`, `ex2`… in the exercises) and five fields under it: `<name>mode=chain` (a worked
// chain, not one value), `<name>q=z2[1]` (the quantity), `<name>v=1.2` (the value typed for it),
// `<name>o=0.3;;0.5` (the values typed for the other quantities, in the order of the quantities, the
// one shown left empty: each quantity keeps its own value when another is chosen), `<name>c=0.1;0.2`
// (the chain's values, in its order). Only what differs from an empty box is written.
// A lab's prediction is kept the same way, under its exercise's name: `<name>p=0.45` (each field's
// value in the lab's order, `;` between, as a chain's).
import { reactive } from 'vue'
import {
  choice,
  linkedFields,
  text,
  texts,
  type Decl,
  type LinkedFields,
  type LinkedValues,
} from './fields'
import { LIMITS } from './limits'
import { injectLessonLink, useLinkedFields } from './useLink'

const MODES = ['one', 'chain'] as const

/** The five keys under a Check my work's name (declare them with the lesson's keys). */
export const checkLinkKeys = (name: string): string[] =>
  ['mode', 'q', 'v', 'o', 'c'].map((k) => `${name}${k}`)

/** The Check my work names of a lesson's exercises: `ex1`, `ex2`… (one per exercise, in order). */
export const exerciseCheckName = (k: number): string => `ex${k + 1}`

/** The five fields of the Check my work named `name` (see the top of this file). */
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
    others: texts(
      `${name}o`,
      `values typed for other quantities in ${where}`,
      LIMITS.answerLength,
      quantities.length,
    ),
    chain: texts(`${name}c`, `worked chain typed in ${where}`, LIMITS.answerLength, chain),
  })
type CheckFields = ReturnType<typeof checkLinkFields>
const declared = new Map<string, CheckFields>()

/**
 * What a Check my work holds: its mode, quantity, the value typed for it, the values typed for the
 * other quantities (in the order of its quantities; the one shown is `typed`) and the chain's values.
 */
export interface CheckState {
  mode: (typeof MODES)[number]
  key: string
  typed: string
  others: string[]
  chain: string[]
}

/** The Check my work boxes and lab predictions of each lesson's link, by name. */
const live = new WeakMap<object, Map<string, { state: object; own: object }>>()

/** The values of `fields` in `link` (useLinkedFields), remembered under `name` for New numbers. */
function remember<D extends Record<string, Decl>>(
  link: object,
  name: string,
  fields: LinkedFields<D>,
): LinkedValues<D> {
  const state = useLinkedFields(fields)
  const shown = live.get(link) ?? new Map<string, { state: object; own: object }>()
  live.set(link, shown.set(name, { state, own: fields.own }))
  return state
}

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
  if (!name || !link) return reactive({ mode: 'one', key: own, typed: '', others: [], chain: [] })
  const id = `${name}:${own}:${chain}:${quantities.join(';')}`
  let fields = declared.get(id)
  if (!fields) {
    fields = checkLinkFields(name, where, quantities, own, chain)
    declared.set(id, fields)
  }
  return remember(link, name, fields)
}

/** The field of a lab's prediction named `name`: `options[k]`, the choices of its field k (or none). */
export const predictionFields = (
  name: string,
  where: string,
  options: readonly (readonly string[] | undefined)[],
) =>
  linkedFields({
    typed: texts(`${name}p`, where, LIMITS.answerLength, options.length, options),
  })

/**
 * A lab's prediction (what is chosen or typed in each of its fields, in order), read from the lesson's
 * link under `name` and written back on every change (outside a lesson: a plain value). New numbers
 * give other choices but keep the fields read from the link at first (the link is read once).
 */
export function useLinkedPrediction(
  name: string,
  where: string,
  options: readonly (readonly string[] | undefined)[],
): { typed: string[] } {
  const link = injectLessonLink()
  if (!link) return reactive({ typed: [] })
  const known = live.get(link)?.get(name)?.state as { typed: string[] } | undefined
  return known ?? remember(link, name, predictionFields(name, where, options))
}

/**
 * Empties this lesson's Check my work boxes and lab predictions named `names` (their values, and so
 * the link's): new exercise numbers make the answers typed for the old ones meaningless. Call in setup.
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

/** The Check my work and lab keys of a lesson's `count` exercises (declare them with the lesson's keys). */
export const exerciseCheckKeys = (count: number): string[] =>
  Array.from({ length: count }, (_, k) => {
    const name = exerciseCheckName(k)
    return [...checkLinkKeys(name), `${name}p`]
  }).flat()
