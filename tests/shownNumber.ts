// The screen's notation read back (tests only): one reader for unit, component and e2e tests, so the
// superscript table is written once.

/** '−6.18345×10⁻⁵', '−1,234.5' → a JS number (typographic minus, thousands commas, ×10 superscripts). */
export function parseShown(text: string): number {
  return Number(
    text
      .trim()
      .replace(/−/g, '-')
      .replace(/,/g, '')
      .replace(/×10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)/, (_, e: string) =>
        [...e].reduce((s, c) => s + (c === '⁻' ? '-' : String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c))), 'e'),
      ),
  )
}
