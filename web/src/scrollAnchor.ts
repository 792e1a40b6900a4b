// Back returns the learner to what they were reading (#11), not to a pixel offset: a lesson's sections
// below the first screen are skipped while off screen (content-visibility: auto, 400 px estimated
// until rendered), so on the way back the sections above the old offset had their estimates, not the
// heights the learner had scrolled past, and the same scrollY showed content 30–330 px away. Leaving a
// page records the element under a reading point and where it was on the screen; coming back, once the
// page has loaded, scrolls that element to the same place and keeps it there while anything around it
// changes size (sections rendered, formulas typeset late), until the learner scrolls, types or clicks.

/** One element on the way from `body` to the element read: child indices, and its top in the page. */
interface Level {
  path: number[]
  /** Tag and class, so an element of another page at the same place is not taken for it. */
  name: string
  /** px from the top of the document (not of the screen), as laid out when the learner left. */
  y: number
}

/** What the learner was reading: its elements from `body` down, and the page's scrollY (px) then. */
interface Anchor {
  levels: Level[]
  scrollY: number
}

/** Where on the screen the learner reads: a third of the way down (below any sticky bar). */
const READ_AT = 1 / 3

/** A page still loading says so in a note (LessonView's engine and player, the answer key's numbers). */
const LOADING = '.note[aria-busy="true"]'

/** What the learner will do that ends the hold: then the page is theirs. */
const INPUTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const

const anchors = new Map<string, Anchor>()
let release = (): void => {}

const nameOf = (el: Element) => `${el.tagName}.${el.getAttribute('class') ?? ''}`

function pathOf(el: Element): number[] {
  const path: number[] = []
  for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
    if (!e.parentElement) return []
    path.unshift([...e.parentElement.children].indexOf(e))
  }
  return path
}

/** The element at the reading point with its ancestors, their tops in the page, and the scroll now. */
function readingPoint(): Anchor | null {
  const y = window.innerHeight * READ_AT
  let el = document.elementFromPoint(window.innerWidth / 2, y)
  const levels: Level[] = []
  for (; el && el !== document.body; el = el.parentElement)
    levels.unshift({ path: pathOf(el), name: nameOf(el), y: pageY(el) })
  return levels.length ? { levels, scrollY: window.scrollY } : null
}

/**
 * Records, under `key` (the path of the page being left), the element at the reading point and its
 * ancestors with their tops in the page, and the scroll; ends any hold of the page being left.
 */
export function saveAnchor(key: string): void {
  release()
  const anchor = readingPoint()
  if (anchor) anchors.set(key, anchor)
  else anchors.delete(key)
}

/**
 * Keeps what the learner is reading where it is on the screen while a button they pressed changes the
 * page above it (a first Step or Train reveals the derivation above the loss chart at phone width,
 * 780 px, and the chart they were watching went off screen), until their next scroll, key or click.
 * The browser's own scroll anchoring picks the first element partly on screen, often one inside the
 * section that grows, and so does not keep the chart in place.
 */
export function holdReadingPoint(): void {
  const anchor = readingPoint()
  if (anchor) hold(anchor, true)
}

const pageY = (el: Element) => el.getBoundingClientRect().top + window.scrollY

/** The deepest recorded element that exists now, with where it was in the page; null if none. */
function deepest(levels: Level[]): { el: Element; y: number } | null {
  let found: { el: Element; y: number } | null = null
  for (const level of levels) {
    let el: Element | undefined = document.body
    for (const i of level.path) el = el?.children[i]
    if (!el || nameOf(el) !== level.name) break
    found = { el, y: level.y }
  }
  return found
}

/**
 * The scrollY that puts `at`'s element where it was on the screen: the one left, moved by as much
 * (whole px) as the element has moved in the page, so an unchanged page gets back its very offset.
 */
const scrollFor = (anchor: Anchor, at: { el: Element; y: number }) =>
  Math.max(0, anchor.scrollY + Math.round(pageY(at.el) - at.y))

/** Resolves at the first animation frame at which no part of the page says it is still loading. */
function loaded(): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (document.querySelector(LOADING)) requestAnimationFrame(check)
      else resolve()
    }
    check()
  })
}

/**
 * Where Back or Forward to the page `key` scrolls, once the page has loaded (a lesson renders after its
 * engine and its player's code): the position that puts the element recorded by `saveAnchor` where it
 * was on the screen (the deepest part of it that exists, if a part renders later), held there from
 * then on; without a record (the page was left before a reload), `saved`, the browser's offset.
 */
export async function restoreScroll(
  key: string,
  saved: { left: number; top: number },
): Promise<{ left: number; top: number }> {
  await loaded()
  const anchor = anchors.get(key)
  const at = anchor && deepest(anchor.levels)
  if (!anchor || !at) return saved
  hold(anchor)
  return { left: 0, top: scrollFor(anchor, at) }
}

/**
 * Keeps the recorded element in place whenever anything that can move it changes size (every child
 * of its ancestors: the sections above it rendered at their real heights, a formula typeset late),
 * until the learner's input or the next page. With `scrolled`, a scroll the hold did not make (a
 * script's scrollIntoView, find in page) ends it too: the page was taken somewhere else on purpose.
 */
function hold(anchor: Anchor, scrolled = false): void {
  release()
  const start = deepest(anchor.levels)
  let expected = start ? scrollFor(anchor, start) : window.scrollY
  const align = (): void => {
    const at = deepest(anchor.levels)
    if (!at) return release()
    expected = scrollFor(anchor, at)
    if (Math.abs(expected - window.scrollY) >= 1) window.scrollTo({ top: expected })
  }
  const moved = (): void => {
    if (Math.abs(window.scrollY - expected) <= 1) return
    // The browser scrolled because the page above changed size (its own scroll anchoring, at a layout a
    // script forced before the resize was observed: Reset, which empties the derivation above the loss
    // chart): the element moved in the page, so the hold puts it back. Else the page was taken
    // somewhere else on purpose.
    const at = deepest(anchor.levels)
    if (at && Math.abs(scrollFor(anchor, at) - expected) >= 1) align()
    else release()
  }
  const sizes = new ResizeObserver(align)
  for (let el = start?.el; el && el !== document.body; el = el.parentElement ?? undefined)
    for (const sibling of el.parentElement?.children ?? []) sizes.observe(sibling)
  release = (): void => {
    sizes.disconnect()
    for (const type of INPUTS) window.removeEventListener(type, release, true)
    window.removeEventListener('scroll', moved)
    release = () => {}
  }
  for (const type of INPUTS)
    window.addEventListener(type, release, { capture: true, passive: true })
  if (scrolled) window.addEventListener('scroll', moved, { passive: true })
}
