// The address of one of the app's pages as the full app, from a link inside an embed (#11): links that
// leave the lesson (the answer key, another lesson, the glossary) open it in a new tab there, not in
// place of the lesson on the course page.

/**
 * `href` (what the embed's router writes for a route) as the full app's address: resolved against the
 * page the embed runs in, without the query before the `#`. An iframe's router writes `#/<route>`, so
 * it resolves to the frame's own address, whose query holds only the embed flag and options
 * (`?embed=1&answers=0`), dropped so the tab opens the app, not another embed. A `<backprop-lesson>`
 * element's router writes the app's own address already (element.ts), never the host page's.
 */
export function appHref(href: string, page: string = globalThis.location?.href ?? ''): string {
  const url = new URL(href, page)
  url.search = ''
  return url.href
}
