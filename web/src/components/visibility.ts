// One IntersectionObserver for every element that wants to know whether it is on screen (or within
// 200 px of it): MathFormula skips typesetting off-screen formulas while training (#11).

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
