// Counted nouns for every sentence on screen: "1 update", "2 updates", "1 copy", "3 copies". One helper so
// no label says "1 updates" (a newcomer's report). English only, like the rest of the course.

/**
 * The noun that goes with the count `n`: `one` for exactly 1 (and −1), `many` otherwise (0, 2, 0.5, …).
 * @param n the count; any finite number (1.0 is one).
 * @param one the singular, e.g. 'update'.
 * @param many the plural. @default `${one}s`
 */
export function pluralWord(n: number, one: string, many = `${one}s`): string {
  return Math.abs(n) === 1 ? one : many
}

/** One en-US formatter, made once: `toLocaleString('en-US')` makes one per call (#11). */
const EN_US = new Intl.NumberFormat('en-US')

/**
 * `n` with thousands separators, as `n.toLocaleString('en-US')` writes it ('2,000', '1,234.568'),
 * without building a formatter each time: a chart's count axis and a loop's status write counts
 * every frame while a run trains, and building one per call was a tenth of a millisecond each (#11).
 */
export const grouped = (n: number): string => EN_US.format(n)

/**
 * The count and its noun: plural(1, 'update') → '1 update', plural(2000, 'update') → '2000 updates',
 * plural(3, 'copy', 'copies') → '3 copies'.
 * @param n the count; any finite number.
 * @param one the singular.
 * @param many the plural. @default `${one}s`
 * @param options.grouped write the count with thousands separators (2,000). @default false
 */
export function plural(
  n: number,
  one: string,
  many = `${one}s`,
  options: { grouped?: boolean } = {},
): string {
  const shown = options.grouped ? grouped(n) : String(n)
  return `${shown} ${pluralWord(n, one, many)}`
}
