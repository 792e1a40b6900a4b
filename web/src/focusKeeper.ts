// Keyboard focus is never dropped by a button that disables itself. A focused control that becomes
// disabled (Update after it is done, Undo at the end of its history, the walk-through's "Do step
// (Update)", Next at the last update of a run…) loses the focus to <body>, and the next Tab starts from
// the top of the page. Here the focus moves on instead: to the next control that can be used, in the
// same toolbar (or group) first — after Update that is Step — else the next one on the page, else the
// one before. One observer per document or shadow root (main.ts, the custom element), so every such
// button of every screen gets it without code of its own (#11).

const FOCUSABLE =
  'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])'

/** Where a disabled control looks for the control to take its focus: its toolbar or group first. */
const GROUP = '[role="toolbar"], [role="group"], fieldset, form, section'

function usable(el: Element): el is HTMLElement {
  if (!(el instanceof HTMLElement) || !el.isConnected) return false
  if ((el as HTMLButtonElement).disabled || el.closest('[inert], [hidden], fieldset:disabled'))
    return false
  if (el.matches('input[type="hidden"]')) return false
  // not drawn: display none (no client rects) or visibility hidden
  return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
}

/** The usable control after `from` in `scope` (document order), else the one before it. */
function successor(from: Element, scope: ParentNode): HTMLElement | null {
  const all = [...scope.querySelectorAll(FOCUSABLE)]
  const at = all.indexOf(from)
  if (at < 0) return null
  const after = all.slice(at + 1).find(usable)
  if (after) return after
  return all.slice(0, at).reverse().find(usable) ?? null
}

/** The control that takes the focus from `lost`, now disabled: in its group, else on the page. */
export function focusSuccessor(lost: Element, root: Document | ShadowRoot): HTMLElement | null {
  for (let group = lost.parentElement?.closest(GROUP); group;) {
    const next = successor(lost, group)
    if (next) return next
    group = group.parentElement?.closest(GROUP)
  }
  return successor(lost, root)
}

/**
 * Moves the focus on whenever the focused control in `root` becomes disabled; returns the stop.
 * Only a control that had the focus moves it, and only while nothing else took it since.
 */
export function keepFocusOnDisable(root: Document | ShadowRoot): () => void {
  let focused: Element | null = null
  const onFocusIn = (e: Event) => {
    // in a document, the element inside an open shadow root is its host: that root has its own keeper
    focused = (e.target as Element | null) ?? null
  }
  root.addEventListener('focusin', onFocusIn)
  const observer = new MutationObserver(() => {
    const lost = focused
    if (!lost || !(lost as HTMLButtonElement).disabled) return
    const active = root.activeElement
    // the browser moved the focus to <body> (or has yet to): nothing else took it
    const dropped = active === null || active === lost || active === document.body
    if (!dropped) return
    const next = focusSuccessor(lost, root)
    if (next) next.focus({ preventScroll: true })
  })
  observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['disabled'] })
  return () => {
    observer.disconnect()
    root.removeEventListener('focusin', onFocusIn)
  }
}
