// One symbol for the loss (#16): the course writes J (the glossary); a worked example that follows its
// notes writes the notes' symbol throughout (its symbol table's `loss`: E_total, E or L). Finds every loss
// symbol written in a text, in LaTeX or in plain Unicode, so a stray L or E on a J page (or a J on an
// E page) fails. Shared by the unit test over the lesson files and the e2e scan of each page's text.

/** The loss letters that can be confused: J (course), L (notes 000, 003), E (notes 002, 004). */
const LETTERS = '[JLE]'

/** Loss symbols written as such: a gradient's numerator, a definition, E_total, a function of w or p. */
const PATTERNS: RegExp[] = [
  // ∂J/∂w, ∂Eᵢ/∂z, ∂E_total/∂w₅ (a numerator: followed, after any index, by a slash)
  new RegExp(`∂\\s*(${LETTERS})(?:[ᵢ₀-₉]|_\\w+)*\\s*/`, 'gu'),
  // \partial L / \partial w, \partial E_{total}/\partial w_5, \frac{\partial J}{\partial W}
  new RegExp(`\\\\partial\\s*(${LETTERS})(?:_\\{?[\\w,]*\\}?)?\\s*(?:/|\\})`, 'g'),
  // J = ½ …, L = −ln …, E = \tfrac12 …
  new RegExp(
    `(?<![\\w\\\\])(${LETTERS})\\s*=\\s*(?:\\\\tfrac|\\\\frac|\\\\sum|−|-\\s*\\\\ln|-\\s*ln|½|\\\\mathrm)`,
    'g',
  ),
  // E_total, E_{total}, E_{o1}
  /(?<![\w\\])(E)_\{?(?:total|o\d)/g,
  // J(w), L(p), E(w, b), J(θ)
  new RegExp(`(?<![\\w\\\\])(${LETTERS})\\((?:w|p|θ|\\\\theta)\\b`, 'g'),
]

/** Every loss letter written in `text`, with a few characters of context each. */
export function lossSymbolsIn(text: string): { letter: string; at: string }[] {
  const found: { letter: string; at: string }[] = []
  for (const pattern of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const k = m.index ?? 0
      found.push({ letter: m[1], at: text.slice(Math.max(0, k - 20), k + 30) })
    }
  }
  return found
}

/** The loss letter a page must use: its symbol table's `loss` when it follows notes, else J. */
export function lossLetterOf(lesson: { symbols?: Record<string, string> }): string {
  return lesson.symbols?.loss?.trim()[0] ?? 'J'
}
