// Typesets long pages (the answer key of a 2-8-8-2 network has about 2,000 formulas) without freezing
// them: formulas on screen (and 300 px around it) first, as they scroll into view, the rest a dozen per
// task in the background, so the page answers input from the first paint. Printing typesets all first.

const waiting = new Map<Element, () => void>()
const PER_TASK = 12
let timer: ReturnType<typeof setTimeout> | undefined

const observer =
  typeof IntersectionObserver === 'undefined'
    ? null
    : new IntersectionObserver(
        (entries) => {
          for (const e of entries) if (e.isIntersecting) show(e.target)
        },
        { rootMargin: '300px' },
      )

function show(el: Element): void {
  const f = waiting.get(el)
  waiting.delete(el)
  observer?.unobserve(el)
  f?.()
}

function task(): void {
  timer = undefined
  for (const el of [...waiting.keys()].slice(0, PER_TASK)) show(el)
  if (waiting.size > 0) timer = setTimeout(task, 0)
}

/** Calls `render` when `el` comes near the screen, or in the background soon after; returns a cancel. */
export function renderLazily(el: Element, render: () => void): () => void {
  waiting.set(el, render)
  observer?.observe(el)
  timer ??= setTimeout(task, 0)
  return () => {
    waiting.delete(el)
    observer?.unobserve(el)
  }
}

/** Renders every waiting formula now (before printing). */
export function renderAll(): void {
  for (const el of [...waiting.keys()]) show(el)
}

if (typeof window !== 'undefined') window.addEventListener('beforeprint', renderAll)
