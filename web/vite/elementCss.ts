// PostCSS plugin of the element build (backprop-lesson.js): makes the app's CSS independent of the page
// it lands in. Inside a shadow root, `rem` still means the host page's root font size (a course site's
// `html { font-size: 30px }` would grow every lesson), and `@media (max-width: …)` asks about the page's
// width, not the element's. So every `Nrem` becomes `calc(N * var(--bl-rem))` (the element sets
// --bl-rem: 16px on its root), and every width media query becomes a container query on the element's
// root (`container-type: inline-size`, embed/element.ts). Print and preference queries stay.
import type { AtRule, Declaration, Plugin } from 'postcss'

const REM = /(-?(?:\d+\.?\d*|\.\d+))rem\b/g
const WIDTH_QUERY = /\((?:max-|min-)?width\b/

/** `1.5rem` → `calc(1.5 * var(--bl-rem, 16px))`, left alone inside url(…) and strings. */
export function remToVar(value: string): string {
  if (!value.includes('rem') || /url\(|["']/.test(value)) return value
  return value.replace(REM, (_, n: string) => `calc(${n} * var(--bl-rem, 16px))`)
}

/**
 * `@media (max-width: 900px)` → `@container (max-width: 900px)`; `screen and` is dropped. A width in
 * rem becomes px at 16 px each: a media query's rem is the browser's initial size, but a container
 * query's is the host page's root size (a course's `html { font-size: 30px }` made 40rem 1200 px and
 * gave a 700 px lesson the phone layout), and a query cannot hold var(--bl-rem).
 */
export function mediaToContainer(params: string): string | null {
  if (!WIDTH_QUERY.test(params) || /\bprint\b/.test(params)) return null
  const query = params
    .replace(/^\s*(only\s+)?(screen|all)\s+and\s+/i, '')
    .replace(REM, (_, n: string) => `${Number(n) * 16}px`)
  // A container query takes one condition list; a media query list (a, b) keeps its first part only
  // if it is a plain width condition, which is all the app uses.
  return query.includes(',') ? null : query
}

/** The PostCSS plugin (element build only). */
export function elementCss(): Plugin {
  return {
    postcssPlugin: 'backprop-lab-element-css',
    Declaration(decl: Declaration) {
      const next = remToVar(decl.value)
      if (next !== decl.value) decl.value = next
    },
    AtRule: {
      media(rule: AtRule) {
        const query = mediaToContainer(rule.params)
        if (query === null) return
        rule.name = 'container'
        rule.params = query
      },
    },
  }
}
elementCss.postcss = true as const
