// The parsing rules every link codec shares (engine/urlState.ts for lessons, playground/
// playgroundState.ts): untrusted text is checked for syntax before `Number()` ever sees it, and
// every rejection is a plain-text reason for a visible notice.

/** A parsed value, or why the text was refused. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }
export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
export const bad = (reason: string): Parsed<never> => ({ ok: false, reason })

const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i

/** Up to 24 printable characters of untrusted text, for a notice (rendered as text, never as HTML). */
export function preview(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?')
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean
}

/** A decimal written the plain way (no hex, no `Infinity`, ≤ 32 characters); may still be ±∞ (1e999). */
export function readDecimal(text: string): Parsed<number> {
  if (text.length > 32 || !DECIMAL.test(text)) return bad(`“${preview(text)}” is not a number`)
  return ok(Number(text))
}

export function parseEnum<T extends string>(text: string, allowed: readonly T[]): Parsed<T> {
  return (allowed as readonly string[]).includes(text)
    ? ok(text as T)
    : bad(`“${preview(text)}” is not one of ${allowed.join(', ')}`)
}

/** `sep`-separated items, each parsed by `item`; `count` demands exactly so many, `max` at most. */
export function parseList<T>(
  text: string,
  sep: string,
  item: (t: string) => Parsed<T>,
  limits: { count?: number; max?: number } = {},
): Parsed<T[]> {
  const parts = text === '' ? [] : text.split(sep)
  const { count, max } = limits
  if (count !== undefined && parts.length !== count) {
    return bad(`expected ${count} value${count === 1 ? '' : 's'}, got ${parts.length}`)
  }
  if (max !== undefined && parts.length > max) return bad(`more than ${max} values`)
  const out: T[] = []
  for (const p of parts) {
    const r = item(p)
    if (!r.ok) return r
    out.push(r.value)
  }
  return ok(out)
}

/** Numbers written so they read back exactly and need no escaping (`1e21`, never `1e+21`). */
export const num = (x: number): string => String(x).replace('e+', 'e')
