// Colours for chart series: the design tokens (read from CSS at run time, so charts follow tokens.css)
// and a blue→orange ramp for ordered series such as the copies of a learning-rate sweep (small η blue).

/**
 * The value of a CSS custom property on `el` (default :root), or `fallback` when it is unset or there is
 * no browser. The app's one reader of design tokens at run time.
 */
export function cssVar(name: string, fallback: string, el?: Element | null): string {
  if (typeof document === 'undefined') return fallback
  return (
    getComputedStyle(el ?? document.documentElement)
      .getPropertyValue(name)
      .trim() || fallback
  )
}

/** Colour k of n on a ramp from blue (k = 0) through violet to orange-red (k = n − 1). */
export function rampColour(k: number, n: number): string {
  const t = n > 1 ? k / (n - 1) : 0
  const hue = 220 + t * 165 // 220 (blue) → 385 ≡ 25 (orange), through purple and red
  return `hsl(${Math.round(hue % 360)} 75% ${Math.round(45 - 8 * Math.sin(Math.PI * t))}%)`
}

/**
 * The colours of classes 0…7 (the playground's classes): 0 and 1 are the two-class sets' orange and blue
 * (--neg, --pos), then the pass colours teal and purple, then --class-4 … --class-7 (tokens.css). `name`
 * is what the page calls the colour.
 */
export const CLASS_COLOURS: readonly { token: string; fallback: string; name: string }[] = [
  { token: '--neg', fallback: '#ea580c', name: 'orange' },
  { token: '--pos', fallback: '#2563eb', name: 'blue' },
  { token: '--forward', fallback: '#0d9488', name: 'teal' },
  { token: '--backward', fallback: '#7c3aed', name: 'purple' },
  { token: '--class-4', fallback: '#db2777', name: 'pink' },
  { token: '--class-5', fallback: '#65a30d', name: 'green' },
  { token: '--class-6', fallback: '#ca8a04', name: 'yellow' },
  { token: '--class-7', fallback: '#475569', name: 'grey' },
]

/** The hex colour of every class in {@link CLASS_COLOURS}, read from the tokens on `el`. */
export function classColours(el?: Element | null): string[] {
  return CLASS_COLOURS.map((c) => cssVar(c.token, c.fallback, el))
}

/** Token colours of the sweep verdicts (math/sweepVerdict.ts). */
export function verdictColours(): Record<
  | 'diverged'
  | 'oscillating'
  | 'saturated'
  | 'converged'
  | 'stalled'
  | 'slow'
  | 'unsettled'
  | 'chaotic',
  string
> {
  return {
    converged: cssVar('--success', '#15803d'),
    stalled: cssVar('--text-muted', '#6b7280'),
    slow: cssVar('--pos', '#2563eb'),
    unsettled: cssVar('--forward', '#0d9488'),
    oscillating: cssVar('--neg', '#ea580c'),
    saturated: cssVar('--backward', '#7c3aed'),
    diverged: cssVar('--danger', '#b91c1c'),
    chaotic: cssVar('--gray-900', '#111827'),
  }
}
