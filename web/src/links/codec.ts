// The link codec of every lesson: `#/<id>?v=1&key=value&…`. Pure TypeScript, no Vue, no DOM.
// A lesson declares its linked values once, as a schema: an ordered list of fields, each with a short
// key, the name learners use, how its text is read (syntax and range checked before `Number()` sees
// it, with the ranges of links/limits.ts) and written, and where it lives in the lesson's state.
// Decoding always starts from the lesson's own state (a link replaces the state, it is never merged
// into the one on screen); only values that differ from the lesson's own are written.
// No schema library: the values are comma lists and matrices whose lengths depend on earlier fields
// (layer sizes), which a generic object schema does not describe; what is shared is in this file.
import { LIMITS, outOfRange, type Range } from './limits'
import { plural, pluralWord } from '../math/plural'

/** Written as `v=1`; bump when a field's meaning changes and keep reading the old one. */
export const LINK_VERSION = 1

/** A parsed value, or why the text was refused. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }
export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
export const bad = (reason: string): Parsed<never> => ({ ok: false, reason })
export const map = <T, U>(r: Parsed<T>, f: (v: T) => U): Parsed<U> => (r.ok ? ok(f(r.value)) : r)

/** One problem with a link, for the notice under the lesson's title (plain text: render as text). */
export interface LinkNotice {
  /** `unknown` names are grouped into one line; the others are listed one per part. */
  kind: 'unknown' | 'bad'
  text: string
  /** The playground's route, offered when the lesson player cannot show what the link asks for. */
  to?: '/playground'
}

/** One linked value of a lesson's state `S`. */
export interface Field<S, T = unknown> {
  /** Name in the link, short because links get pasted into chats. */
  key: string
  /** What learners call it, for notices. */
  label: string
  get: (state: S) => T | undefined
  /** The state with this value (may refit other values, e.g. new layer sizes). */
  set: (state: S, value: T) => S
  /** Reads the text against the state built so far (earlier fields first). */
  read: (text: string, state: S) => Parsed<T>
  write: (value: T) => string
  /** The playground is offered next to the notice when the value is refused. */
  help?: '/playground'
  /**
   * A rule between this value and others (the smallest η of a sweep below its largest), checked once
   * every field is read: why the value breaks it, or null. A value from the link that breaks it goes
   * back to the lesson's own, with a notice.
   */
  check?: (state: S) => string | null
}
export type Schema<S> = readonly Field<S, unknown>[]

/** A field of a plain object state: `state[prop]`. */
export function prop<S, K extends keyof S>(
  name: K,
  kind: Pick<Field<S, S[K]>, 'key' | 'label' | 'read' | 'write' | 'help' | 'check'>,
): Field<S, unknown> {
  return {
    ...kind,
    get: (s) => s[name],
    set: (s, v) => ({ ...s, [name]: v }),
  } as Field<S, unknown>
}

const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i

/** Up to 24 printable characters of untrusted text, for a notice (rendered as text, never as HTML). */
export function preview(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?')
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean
}

/** Numbers written so they read back exactly and need no escaping (`1e21`, never `1e+21`). */
export const num = (x: number): string => (Object.is(x, -0) ? '-0' : String(x).replace('e+', 'e'))

/** A decimal in `r` (links/limits.ts), written the plain way: no hex, no `Infinity`, ≤ 32 characters. */
export function readNumber(text: string, r: Range): Parsed<number> {
  if (text.length > 32 || !DECIMAL.test(text)) return bad(`“${preview(text)}” is not a number`)
  const value = Number(text)
  const why = outOfRange(value, r)
  return why ? bad(`${preview(text)} ${why}`) : ok(value)
}

export function readEnum<T extends string>(text: string, allowed: readonly T[]): Parsed<T> {
  return (allowed as readonly string[]).includes(text)
    ? ok(text as T)
    : bad(`“${preview(text)}” is not one of ${allowed.join(', ')}`)
}

/** `sep`-separated items, each read by `item`; `count` demands exactly so many, `min`/`max` bound it. */
export function readList<T>(
  text: string,
  sep: string,
  item: (t: string) => Parsed<T>,
  limits: { count?: number; min?: number; max?: number } = {},
): Parsed<T[]> {
  const parts = text === '' ? [] : text.split(sep)
  const { count, min, max } = limits
  if (count !== undefined && parts.length !== count)
    return bad(`expected ${plural(count, 'value')}, got ${parts.length}`)
  if (max !== undefined && parts.length > max) return bad(`more than ${plural(max, 'value')}`)
  if (min !== undefined && parts.length < min) return bad(`at least ${plural(min, 'value')} needed`)
  const out: T[] = []
  for (const p of parts) {
    const r = item(p)
    if (!r.ok) return r
    out.push(r.value)
  }
  return ok(out)
}

/** Field kinds for plain values: a number in a range, one of a list, a switch. */
export const kinds = {
  number: (key: string, label: string, r: Range) => ({
    key,
    label,
    range: r,
    read: (t: string) => readNumber(t, r),
    write: num,
  }),
  oneOf: <T extends string>(key: string, label: string, allowed: readonly T[]) => ({
    key,
    label,
    read: (t: string) => readEnum(t, allowed),
    write: String,
  }),
  flag: (key: string, label: string) => ({
    key,
    label,
    read: (t: string): Parsed<boolean> =>
      t === '1' ? ok(true) : t === '0' ? ok(false) : bad('expected 0 or 1'),
    write: (b: boolean) => (b ? '1' : '0'),
  }),
}

/** Keeps the parts of the query that look like `key=value`; counts the garbled %-escapes. */
function readPairs(query: string): { pairs: [string, string][]; broken: number } {
  const pairs: [string, string][] = []
  let broken = 0
  for (const part of query.replace(/^\?/, '').split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    try {
      const key = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '))
      const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '))
      pairs.push([key, value])
    } catch {
      broken++
    }
  }
  return { pairs, broken }
}

/** Result of {@link decodeLink}. */
export interface Decoded<S> {
  /** The lesson's own state with every valid value of the link applied. */
  state: S
  /** Keys of the fields taken from the link, in schema order. */
  applied: string[]
  notices: LinkNotice[]
}

/**
 * Reads `query` (after `?` in the hash) on top of the lesson's own state `base`. Never throws: each
 * field is applied only when it reads and fits what came before; the rest become notices.
 */
export function decodeLink<S>(schema: Schema<S>, query: string, base: S): Decoded<S> {
  const notices: LinkNotice[] = []
  const applied: string[] = []
  const refuse = (text: string, to?: '/playground') => notices.push({ kind: 'bad', text, to })
  if (query.length > LIMITS.queryLength) {
    refuse('The link’s settings are too long to be read; the lesson starts with its own values.')
    return { state: base, applied, notices }
  }
  const known = new Set(['v', ...schema.map((f) => f.key)])
  const { pairs, broken } = readPairs(query)
  if (broken > 0) refuse(`${broken} garbled part${broken === 1 ? ' was' : 's were'} ignored.`)
  const values = new Map<string, string>()
  for (const [key, value] of pairs) {
    if (!known.has(key)) notices.push({ kind: 'unknown', text: preview(key) })
    else if (values.has(key)) refuse(`The setting “${key}” appeared twice; the first one was used.`)
    else values.set(key, value)
  }
  const version = values.get('v')
  if (version !== undefined && version !== String(LINK_VERSION))
    refuse(
      `The link was made by another version of Backprop Lab (“${preview(version)}”); settings that still fit were applied.`,
    )
  let state = base
  for (const f of schema) {
    const text = values.get(f.key)
    if (text === undefined) continue
    const r = f.read(text, state)
    if (!r.ok) {
      refuse(`Ignored the link’s ${f.label}: ${r.reason}.`, f.help)
      continue
    }
    state = f.set(state, r.value)
    applied.push(f.key)
  }
  for (const f of schema) {
    const why = applied.includes(f.key) ? f.check?.(state) : null
    if (!why) continue
    refuse(`Ignored the link’s ${f.label}: ${why}.`, f.help)
    state = f.set(state, f.get(base))
    applied.splice(applied.indexOf(f.key), 1)
  }
  return { state, applied, notices }
}

/** Our values only use [0-9a-z._:,;-]; `,` `;` `:` stay readable (they are legal in a query). */
function encodeValue(text: string): string {
  return encodeURIComponent(text).replace(/%2C/g, ',').replace(/%3B/g, ';').replace(/%3A/g, ':')
}

/** The query for `state`: `v=1` and the fields that differ from `base`; '' when none do. */
export function encodeLink<S>(schema: Schema<S>, state: S, base: S): string {
  const parts: string[] = []
  for (const f of schema) {
    const value = f.get(state)
    if (value === undefined) continue
    const text = f.write(value)
    const own = f.get(base)
    if (own !== undefined && f.write(own) === text) continue
    parts.push(`${f.key}=${encodeValue(text)}`)
  }
  return parts.length === 0 ? '' : [`v=${LINK_VERSION}`, ...parts].join('&')
}

const count = (n: number): string => n.toLocaleString('en-US')

/**
 * The notices as lines to show: unknown names grouped into one line, then one line per other problem,
 * at most `cap` lines in all, the rest counted ("and 1,297 more").
 */
export function noticeLines(notices: readonly LinkNotice[], cap = 6): LinkNotice[] {
  const unknown = notices.filter((n) => n.kind === 'unknown').map((n) => `“${n.text}”`)
  const lines: LinkNotice[] = []
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).join(', ')
    const more = unknown.length > 5 ? ` and ${count(unknown.length - 5)} more` : ''
    lines.push({
      kind: 'unknown',
      text: `Unknown ${pluralWord(unknown.length, 'setting')} ${shown}${more} ${pluralWord(unknown.length, 'was', 'were')} ignored.`,
    })
  }
  const others = notices.filter((n) => n.kind !== 'unknown')
  const room = Math.max(1, cap - lines.length)
  lines.push(...others.slice(0, room))
  if (others.length > room)
    lines.push({ kind: 'bad', text: `… and ${count(others.length - room)} more.` })
  return lines
}

/** Splits a location hash `#/id?query` into the route path and the query (without `?`). */
export function splitHash(hash: string): { path: string; query: string } {
  const h = hash.replace(/^#/, '')
  const q = h.indexOf('?')
  return q < 0 ? { path: h, query: '' } : { path: h.slice(0, q), query: h.slice(q + 1) }
}
