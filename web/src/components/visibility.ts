// One IntersectionObserver for every element that wants to know whether it is on screen (or within
// 200 px of it): MathFormula skips typesetting off-screen formulas while training, and TrainControls
// tells its loop whether a run the learner did not start can be seen yet (autoStart) (#11).

const callbacks = new Map<Element, (visible: boolean) => void>()
const observer =
  typeof IntersectionObserver === 'undefined'
    ? null
    : new IntersectionObserver(
        (entries) => {
          for (const e of entries) callbacks.get(e.target)?.(e.isIntersecting)
        },
        { rootMargin: '200px' },
      )

/**
 * False where there is no IntersectionObserver (the component tests remove happy-dom's, a stub that
 * never calls back): {@link watchVisibility} never calls back there, so whoever waits to be on screen
 * must count itself as on screen.
 */
export const canWatchVisibility = observer !== null

/**
 * Whether `el` is near the screen now (within the observer's 200 px), read from the layout at once:
 * for a first answer before the observer's, which comes a frame or more later. Null where the
 * observer alone can tell (no IntersectionObserver, or a page in a frame, whose own window is not
 * what its reader sees). An element laid out with no size (hidden) is not near.
 */
export function nearScreenNow(el: Element): boolean | null {
  if (!observer || window.top !== window) return null
  const r = el.getBoundingClientRect()
  if (r.width === 0 && r.height === 0) return false
  const m = 200
  return r.bottom >= -m && r.top <= innerHeight + m && r.right >= -m && r.left <= innerWidth + m
}

/**
 * Calls `onChange(true|false)` whenever `el` comes near the screen or leaves it (first call after
 * the next layout). Without IntersectionObserver (tests in happy-dom) nothing is called: the caller
 * keeps its default, visible. Returns a function that stops watching.
 */
export function watchVisibility(el: Element, onChange: (visible: boolean) => void): () => void {
  if (!observer) return () => {}
  callbacks.set(el, onChange)
  observer.observe(el)
  return () => {
    callbacks.delete(el)
    observer.unobserve(el)
  }
}

// Whether the last input was the Tab key rather than a pointer: a focus that then arrives came by
// keyboard navigation, which scrolls what it reaches into view (TrainControls, #11). Read on the
// document in the capture phase, so that a custom element's shadow root is seen too.
let tabbed = false
if (typeof document !== 'undefined') {
  document.addEventListener('keydown', (e) => void (e.key === 'Tab' && (tabbed = true)), true)
  document.addEventListener('pointerdown', () => void (tabbed = false), true)
}
/** True when the focus now arriving follows a Tab press (not a click, a tap or a script's focus()). */
export const focusCameByTab = (): boolean => tabbed
