// Colours for chart series: the design tokens (read from CSS at run time, so charts follow tokens.css)
// and a blue→orange ramp (--pos → --neg) for ordered series such as the copies of a learning-rate sweep
// (small η blue).
import type { Verdict } from '../../math/sweepVerdict'
import type { Palette, Rgb } from './heatmap'

/**
 * The tokens read, per element (:root under `document`): they never change while the page runs, and
 * reading a computed style again after the page changed forced a style recalculation in every frame of
 * a chart or picture that picks its colours as it draws (#11).
 */
const known = new WeakMap<object, Map<string, string>>()

/**
 * The value of a CSS custom property on `el` (default :root), or `fallback` when it is unset or there is
 * no browser. The app's one reader of design tokens at run time; each token is read once per element.
 */
export function cssVar(name: string, fallback: string, el?: Element | null): string {
  if (typeof document === 'undefined') return fallback
  const target = el ?? document
  const tokens = known.get(target) ?? new Map<string, string>()
  known.set(target, tokens)
  const cached = tokens.get(name)
  if (cached) return cached
  const value = getComputedStyle(el ?? document.documentElement)
    .getPropertyValue(name)
    .trim()
  if (value) tokens.set(name, value)
  return value || fallback
}

/**
 * The two ends of the ramp for ordered series (rampColours): the design tokens --pos (blue, first
 * series) and --neg (orange, last series). `name` is what a caption calls the colour, so the words on a
 * chart come from the same place as its colours.
 */
export const RAMP_ENDS = {
  first: { token: '--pos', fallback: '#2563eb', name: 'blue' },
  last: { token: '--neg', fallback: '#ea580c', name: 'orange' },
} as const

/** [r, g, b] (0–255) of a '#rgb' or '#rrggbb' colour, or null for any other form. */
function hexChannels(hex: string): number[] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex)
  if (!m) return null
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1]
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16))
}

/**
 * n colours from RAMP_ENDS.first (series 0, exactly the token's value) to RAMP_ENDS.last (series
 * n − 1, exactly the token's value), mixed linearly in sRGB in between; read from the tokens on `el`.
 * A token that is not a hex colour falls back to its default.
 */
export function rampColours(n: number, el?: Element | null): string[] {
  const ends = [RAMP_ENDS.first, RAMP_ENDS.last].map((e) => {
    const v = cssVar(e.token, e.fallback, el)
    return hexChannels(v) ? v : e.fallback
  })
  const [a, b] = ends.map((v) => hexChannels(v) as number[])
  return Array.from({ length: n }, (_, k) => {
    if (k === 0) return ends[0]
    if (k === n - 1) return ends[1]
    const t = k / (n - 1)
    return `#${a
      .map((c, i) =>
        Math.round(c + t * (b[i] - c))
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`
  })
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
function classColours(el?: Element | null): string[] {
  return CLASS_COLOURS.map((c) => cssVar(c.token, c.fallback, el))
}

/**
 * The heatmap palette (heatmap.ts) from the tokens on `el`: --pos, --neg and the class colours, so
 * canvases use the same colours as the rest of the app; a token that is not a hex colour gives grey.
 */
export function readPalette(el?: Element | null): Palette {
  const rgb = (hex: string) => (hexChannels(hex.trim()) ?? [100, 116, 139]) as unknown as Rgb
  return {
    pos: rgb(cssVar('--pos', '', el)),
    neg: rgb(cssVar('--neg', '', el)),
    classes: classColours(el).map(rgb),
  }
}

/** Token colours of the sweep verdicts (math/sweepVerdict.ts). */
export function verdictColours(): Record<Verdict, string> {
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
