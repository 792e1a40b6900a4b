// Puts new HTML into an element by changing only what differs from what it holds (#11). A formula
// typeset again while training differs from the last one in a few numbers: replacing all of it (v-html)
// removed and added about a thousand nodes on the landscape's rules every few frames, and the browser
// laid all of them out again; patched, only the changed text (and the boxes around it) is.

const parser = typeof document === 'undefined' ? null : document.createElement('template')

/** Makes `el`'s content `html`, keeping every node that is the same kind at the same place. */
export function patchHtml(el: Element, html: string): void {
  if (!parser) {
    el.innerHTML = html
    return
  }
  parser.innerHTML = html
  patchChildren(el, parser.content)
  parser.innerHTML = ''
}

function patchChildren(to: Node, from: Node): void {
  const want = [...from.childNodes]
  const have = [...to.childNodes]
  want.forEach((w, k) => {
    const h = have[k]
    if (!h) to.appendChild(w)
    else if (h.nodeType !== w.nodeType || h.nodeName !== w.nodeName) to.replaceChild(w, h)
    else if (h instanceof Element) {
      patchAttributes(h, w as Element)
      patchChildren(h, w)
    } else if (h.nodeValue !== w.nodeValue) h.nodeValue = w.nodeValue
  })
  for (const h of have.slice(want.length)) to.removeChild(h)
}

function patchAttributes(to: Element, from: Element): void {
  for (const { name } of [...to.attributes]) if (!from.hasAttribute(name)) to.removeAttribute(name)
  for (const { name, value } of from.attributes)
    if (to.getAttribute(name) !== value) to.setAttribute(name, value)
}
