// A panel's linked values, declared in one place: each value's link key, what learners call it, its
// range (or choices) and the lesson's own value. useLinkedFields(fields) (links/useLink.ts) gives one
// reactive object of the values; controls bind to it and take their ranges from the same declaration,
// so a value a slider can reach is one the link accepts, and the reverse.
import {
  bad,
  kinds,
  num,
  ok,
  preview,
  prop,
  readEnum,
  readList,
  type Field,
  type Parsed,
  type Schema,
} from './codec'
import type { FieldRefusal } from '../composables/heldFields'
import { outOfRange, rangeNumber, type Range } from './limits'

/** A number on a slider or in a field: `min…max` in stops of `step`. */
export interface NumberDecl extends Range {
  key: string
  label: string
  value: number
  /**
   * A range given as two fields: this value must be below (`<`) or at most (`<=`) the value of field
   * `than` of the same declaration, or above it (`>`). The field and the link check it alike (order).
   */
  order?: { is: '<' | '<=' | '>'; than: string }
}
/** One of a list (a select or radio buttons). */
export interface ChoiceDecl<T extends string = string> {
  key: string
  label: string
  options: readonly T[]
  value: T
}
/** A switch. */
export interface FlagDecl {
  key: string
  label: string
  value: boolean
}
/** Text a learner types (an answer being checked): any characters, up to `maxLength`. */
export interface TextDecl {
  key: string
  label: string
  value: string
  maxLength: number
}
/** One typed text per field of a row (a worked chain's answers), up to `count` of them. */
export interface TextsDecl {
  key: string
  label: string
  value: string[]
  maxLength: number
  count: number
  /** A field picked from a list (a lab's choice): `choices[k]`, the values field k takes ('' too). */
  choices?: readonly (readonly string[] | undefined)[]
}
export type Decl = NumberDecl | ChoiceDecl | FlagDecl | TextDecl | TextsDecl
type ValueOf<D> = D extends NumberDecl
  ? number
  : D extends ChoiceDecl<infer T>
    ? T
    : D extends FlagDecl
      ? boolean
      : D extends TextDecl
        ? string
        : D extends TextsDecl
          ? string[]
          : never

/** The values of a declaration, by name. */
export type LinkedValues<F extends Record<string, Decl>> = { [K in keyof F]: ValueOf<F[K]> }

/** A panel's declaration: the fields by name, and the schema and own values derived from them. */
export type LinkedFields<F extends Record<string, Decl>> = F & {
  readonly schema: Schema<LinkedValues<F>>
  readonly own: LinkedValues<F>
}

export const number = (
  key: string,
  label: string,
  value: number,
  range: Range,
  order?: NumberDecl['order'],
): NumberDecl => ({ key, label, value, ...range, order })

const ORDER_WORDS = { '<': 'below', '<=': 'at most', '>': 'above' } as const

/**
 * Why `value` of field `d` breaks its order with the other values (`values`, by field name) of its
 * declaration `fields`: "must be below the largest η of the sweep (10)"; null when it keeps it or has
 * none. The one rule of a panel's field (fieldProblem) and of the link (linkedFields).
 */
function orderProblem(
  fields: Readonly<Record<string, unknown>>,
  d: NumberDecl,
  value: number,
  values: Record<string, unknown>,
): string | null {
  if (!d.order) return null
  const { is, than } = d.order
  const other = values[than] as number
  const keeps = is === '<' ? value < other : is === '<=' ? value <= other : value > other
  return keeps
    ? null
    : `must be ${ORDER_WORDS[is]} the ${(fields[than] as Decl).label} (${rangeNumber(other)})`
}

/**
 * A NumberField's `validate` for field `name` of `fields` against the other values now: the message
 * of its range, then of its order, with the field's own label ("The smallest η of the sweep must be
 * below the largest η of the sweep (10)."). The same rules as the link's.
 */
export function fieldProblem<F extends Record<string, Decl>>(
  fields: LinkedFields<F>,
  name: keyof F & string,
  values: () => Record<string, unknown>,
): (value: number) => string | null {
  const refuse = fieldRefusal(fields, name, values)
  return (value) => refuse(value)?.message ?? null
}

/**
 * {@link fieldProblem} with the training bar's phrase as well (FieldRefusal): the value and the rule
 * it breaks, as the link's notice says it ("0.01 must be above the smallest η of the sweep (1)"), so
 * a field whose refused value holds training up names the rule there too.
 */
export function fieldRefusal<F extends Record<string, Decl>>(
  fields: LinkedFields<F>,
  name: keyof F & string,
  values: () => Record<string, unknown>,
): (value: number) => FieldRefusal | null {
  const d = fields[name] as NumberDecl
  return (value) => {
    const why = outOfRange(value, d) ?? orderProblem(fields, d, value, values())
    return why
      ? { message: `The ${d.label} ${why}.`, problem: `${rangeNumber(value)} ${why}` }
      : null
  }
}
export const choice = <T extends string>(
  key: string,
  label: string,
  value: NoInfer<T>,
  options: readonly T[],
): ChoiceDecl<T> => ({ key, label, value, options })
export const flag = (key: string, label: string, value: boolean): FlagDecl => ({
  key,
  label,
  value,
})

export const text = (key: string, label: string, maxLength: number): TextDecl => ({
  key,
  label,
  value: '',
  maxLength,
})
export const texts = (
  key: string,
  label: string,
  maxLength: number,
  count: number,
  choices?: TextsDecl['choices'],
): TextsDecl => ({ key, label, value: [], maxLength, count, choices })

/** Typed text up to `max` characters, as typed (the box's `maxlength` is the same limit). */
function readText(t: string, max: number): Parsed<string> {
  return t.length > max ? bad(`“${preview(t)}” is longer than ${max} characters`) : ok(t)
}
/**
 * A row of typed texts in one value: each text URI-escaped (so a `;` typed stays in its text), joined
 * by `;`; the empty ones at the end are left out, so nothing typed writes nothing. A field with
 * `choices` takes one of them or nothing.
 */
const textsKind = (d: TextsDecl) => ({
  key: d.key,
  label: d.label,
  read: (t: string): Parsed<string[]> => {
    let k = 0
    return readList(
      t,
      ';',
      (item) => {
        const options = d.choices?.[k++]
        try {
          const typed = readText(decodeURIComponent(item), d.maxLength)
          return typed.ok && typed.value && options ? readEnum(typed.value, options) : typed
        } catch {
          return bad(`“${preview(item)}” is garbled`)
        }
      },
      { max: d.count },
    )
  },
  write: (v: string[]) => {
    const row = [...v]
    while (row.length > 0 && !row.at(-1)) row.pop()
    return row.map((x) => encodeURIComponent(x ?? '')).join(';')
  },
})

/** How field `name` of a panel's `fields` is read from the link and written to it. */
function kindOf(fields: Record<string, Decl>, name: string, d: Decl) {
  if ('options' in d) return kinds.oneOf(d.key, d.label, d.options)
  if ('count' in d) return textsKind(d)
  if ('maxLength' in d) {
    const read = (t: string) => readText(t, d.maxLength)
    return { key: d.key, label: d.label, read, write: String }
  }
  if (typeof d.value === 'boolean') return kinds.flag(d.key, d.label)
  const n = d as NumberDecl
  const check = (s: Record<string, unknown>) => {
    const why = orderProblem(fields, n, s[name] as number, s)
    return why && `${num(s[name] as number)} ${why}`
  }
  return { ...kinds.number(n.key, n.label, n), check }
}

/** Declares a panel's linked fields (see the top of this file). */
export function linkedFields<F extends Record<string, Decl>>(fields: F): LinkedFields<F> {
  type V = LinkedValues<F>
  const schema = Object.entries(fields).map(([name, d]): Field<V, unknown> =>
    prop<V, keyof V>(name as keyof V, kindOf(fields, name, d) as never),
  )
  const own = Object.fromEntries(Object.entries(fields).map(([name, d]) => [name, d.value])) as V
  return { ...fields, schema, own }
}

/** A number declaration's slider props: `<RangeSlider v-bind="stops(F.rate)" …>`. */
export const stops = (d: NumberDecl): { min: number; max: number; step?: number } => ({
  min: d.min,
  max: d.max,
  step: d.step,
})
