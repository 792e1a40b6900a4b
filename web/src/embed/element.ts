// Entry of dist/backprop-lesson.js: defines <backprop-lesson lesson="…" state="…"> (BackpropLesson.ce.vue).
//   <script type="module" src="backprop-lesson.js"></script>
//   <backprop-lesson lesson="step-by-step-222"></backprop-lesson>
// The app's global styles and KaTeX's rules go into each shadow root; KaTeX's @font-face rules go into the
// page's <head> once, because fonts declared inside a shadow root are not used. Isolation from the host
// page: the page's selectors cannot reach into the shadow root, but inherited properties (font, colour,
// line height…) cross it, so the element's root (.bl-root) starts from `all: initial` and the app's page
// rules (html, body, :root) apply to that root. rem and width media queries are rewritten by the build
// (vite/elementCss.ts) to the root's --bl-rem and container queries: it lays out by its own width.
import katexCssModule from 'katex/dist/katex.min.css?inline'
import { defineCustomElement } from 'vue'
import { createMemoryHistory, type RouterHistory } from 'vue-router'
import { createAppRouter } from '../routes'
import playgroundCss from '../lessons/playground/playground.css?inline'
import baseCss from '../styles/base.css?inline'
import lossLabCss from '../styles/loss-lab.css?inline'
import panelsCss from '../styles/panels.css?inline'
import printCss from '../styles/print.css?inline'
import tokensCss from '../styles/tokens.css?inline'
import BackpropLesson from './BackpropLesson.ce.vue'
import embedCss from './embed.css?inline'

// String(): Vite writes the CSS as a concatenation with `new URL(font, import.meta.url)`; calling a method
// on the import directly gets mis-parenthesised by the bundler (`a + b + c.match(…)`).
const katexCss = String(katexCssModule)
const FONT_FACE = /@font-face\s*\{[^}]*\}/g

/** Declares KaTeX's fonts at document level (once per page). */
function declareFonts(): void {
  const id = 'backprop-lesson-katex-fonts'
  if (document.getElementById(id)) return
  const style = document.createElement('style')
  style.id = id
  style.textContent = (katexCss.match(FONT_FACE) ?? []).join('\n')
  document.head.append(style)
}

/** Page-level selectors of the app's CSS, pointed at the element's root inside the shadow root. */
const forShadow = (css: string): string =>
  css.replace(/:root\b/g, '.bl-root').replace(/(^|[\s,}])(html|body)(?=[\s,{])/g, '$1.bl-root')

/** Cuts every inherited property the host page sets (before the app's own rules re-set them). */
const isolation = `:host{display:block}
.bl-root{all:initial;display:block;--bl-rem:16px;container-type:inline-size;container-name:backprop-lesson}`

/**
 * The app's stylesheets in the order the app loads them: its global ones (styles/index.css), then those
 * the lessons' components import as plain CSS (panels.css, loss-lab.css, playground.css), which in this
 * build load empty (vite/plugins.ts, elementPlainCss) because a shadow root never sees a page's CSS. A
 * unit test (tests/unit/elementStyles.test.ts) fails when a component imports a stylesheet not listed.
 */
const shadowCss = [
  isolation,
  forShadow(tokensCss),
  forShadow(baseCss),
  `@media print{${forShadow(printCss)}}`,
  '.bl-root{min-height:0;background:transparent}',
  katexCss.replace(FONT_FACE, ''),
  panelsCss,
  lossLabCss,
  playgroundCss,
  embedCss,
]

/**
 * The app's own address: index.html beside this script (the build puts backprop-lesson.js in the app's
 * folder; under `npm start` the dev server's root serves the app).
 */
const APP_URL = import.meta.env.DEV
  ? `${location.origin}/`
  : new URL(/* @vite-ignore */ './', import.meta.url).href

/**
 * The element's router history: in memory (it never reads or writes the host page's URL), with every
 * link's href written as the app's own address of that route (`<app>/#/step-by-step-222?exseed=38515`).
 * A click stays inside the element (RouterLink navigates the memory history); opening a link in a new
 * tab or copying its address opens the lesson in the app, not a path on the host page's site (#11).
 */
export function elementHistory(appUrl: string = APP_URL): RouterHistory {
  const history = createMemoryHistory()
  history.createHref = (location) => `${appUrl.split('#')[0]}#${location}`
  return history
}

// The compiled SFC carries its own `styles` (custom-element mode); the app's go first.
const component = BackpropLesson as unknown as { styles?: string[] }
export const BackpropLessonElement = defineCustomElement(
  {
    ...component,
    styles: [...shadowCss, ...(component.styles ?? [])],
  } as unknown as typeof BackpropLesson,
  { configureApp: (app) => app.use(createAppRouter(elementHistory())) },
)

if (!customElements.get('backprop-lesson')) {
  declareFonts()
  customElements.define('backprop-lesson', BackpropLessonElement)
}
