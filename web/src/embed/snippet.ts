// The code a teacher pastes into a course page: an <iframe> with a unique id, `allow="clipboard-write"`
// (Share and Copy work inside a cross-origin frame) and its own small resize listener, so several
// lessons on one page each follow their own height; or one line with the <backprop-lesson> element.
// README ("Hosting and embedding") and web/public/embed-example.* show the same code.

/** Escapes text for a double-quoted HTML attribute. */
const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A fresh id such as `backprop-lab-k3v9q2`: unique enough for the frames of one page. */
export function frameId(random: () => number = Math.random): string {
  return `backprop-lab-${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}`
}

/**
 * The listener that follows one frame's height: it accepts only `backprop-lab:resize` messages whose
 * source is that frame's window, and caps the height at 20,000 px. Plain ES5 inside an IIFE, so it runs
 * in any page and never clashes with another copy of itself.
 */
function resizeScript(id: string): string {
  return (
    `<script>(function(f){addEventListener('message',function(e){var d=e.data;` +
    `if(f&&e.source===f.contentWindow&&d&&d.type==='backprop-lab:resize'&&d.height>0)` +
    `f.style.height=Math.min(Math.ceil(d.height),20000)+'px'})})` +
    `(document.getElementById('${id}'))</script>`
  )
}

/**
 * The iframe snippet for `src` (an app URL with `?embed=1` before the `#`).
 * @param title the lesson's title (the frame's accessible name is "Backprop Lab: <title>")
 * @param id the frame's id; pass {@link frameId}() so every copy differs
 */
export function iframeSnippet(src: string, title: string, id: string): string {
  return (
    `<iframe id="${escapeAttr(id)}" src="${escapeAttr(src)}" title="Backprop Lab: ${escapeAttr(title)}" ` +
    `width="100%" height="720" style="border:0;width:100%;max-width:100%" loading="lazy" ` +
    `allow="clipboard-write"></iframe>\n${resizeScript(id)}`
  )
}

/**
 * One line with the custom element: its module script next to the app (`backprop-lesson.js`) and the
 * lesson, with the values (`state`) and embed options (attributes such as `answers="0"`) given.
 */
export function elementSnippet(
  scriptUrl: string,
  lesson: string,
  state = '',
  options: Record<string, string> = {},
): string {
  const attrs = [
    `lesson="${escapeAttr(lesson)}"`,
    ...(state ? [`state="${escapeAttr(state)}"`] : []),
    ...Object.entries(options).map(([k, v]) => `${k}="${escapeAttr(v)}"`),
  ]
  return `<script type="module" src="${escapeAttr(scriptUrl)}"></script><backprop-lesson ${attrs.join(' ')}></backprop-lesson>`
}
