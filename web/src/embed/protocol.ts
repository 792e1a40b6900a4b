// How an embedded lesson talks to the page around it (docs/embedding.md). In an <iframe> (`?embed=1`)
// the messages go to `window.parent` with postMessage; in the <backprop-lesson> custom element they are
// DOM CustomEvents on the element. Lessons only call the sink they are given (injectEmbedSink). Every
// message type starts with 'backprop-lab:', so a host can ignore everyone else's messages.
import { inject, provide, type InjectionKey } from 'vue'

/** The batch loss counts as converged the first time it falls below this. */
const CONVERGED_BELOW = 1e-3

export type EmbedMessage =
  /** The lesson is on screen and its engine is ready. */
  | { type: 'backprop-lab:loaded'; lesson: string }
  /** The height of the lesson's content in CSS pixels: set the iframe's height to it. */
  | { type: 'backprop-lab:resize'; height: number }
  /**
   * Weights changed by one update or a chunk of training: `updates` counted from the start of the run,
   * `loss` the batch loss there. `run` names the training run on a screen with several (e.g. `sweep`).
   */
  | { type: 'backprop-lab:step'; lesson: string; updates: number; loss: number; run?: string }
  /**
   * The run's loss fell below {@link CONVERGED_BELOW} for the first time since it (re)started:
   * `updates` is that exact update (the loss after that many updates).
   */
  | { type: 'backprop-lab:converged'; lesson: string; updates: number; loss: number; run?: string }

/** Where a lesson's messages go. */
type EmbedSink = (message: EmbedMessage) => void

export const EmbedSinkKey: InjectionKey<EmbedSink> = Symbol('embed-sink')

/** True when the page was opened as `…/?embed=1#/<lesson>` (query before the hash). */
export function isEmbedMode(search: string = globalThis.location?.search ?? ''): boolean {
  return new URLSearchParams(search).get('embed') === '1'
}

/**
 * Sends to the parent window when the page is framed. The target origin is `*`: the messages carry
 * only the lesson id and numbers the learner sees, and any page may embed a lesson.
 */
export function postToParent(message: EmbedMessage): void {
  if (typeof window === 'undefined' || window.parent === window) return
  window.parent.postMessage(message, '*')
}

/** Dispatches each message as a bubbling, composed CustomEvent (`type`, with the message as `detail`). */
export function dispatchOn(target: EventTarget): EmbedSink {
  return (message) =>
    target.dispatchEvent(
      new CustomEvent(message.type, { detail: message, bubbles: true, composed: true }),
    )
}

const ignore: EmbedSink = () => {}

/** The sink of the enclosing embed (iframe or custom element), or a no-op in the normal app. */
export function injectEmbedSink(): EmbedSink {
  return inject(EmbedSinkKey, ignore)
}

/** Quiet time before a new height is posted, and the longest a changed height waits (ms). */
const RESIZE_QUIET_MS = 150
const RESIZE_MAX_WAIT_MS = 600

/**
 * Reports the height of `content` (its bottom edge in the document, in CSS px) whenever it changes.
 * Measuring the content, not the document, lets the frame shrink as well as grow. Posts are debounced
 * (a height is sent once it has held for {@link RESIZE_QUIET_MS}, or after {@link RESIZE_MAX_WAIT_MS} of
 * continuous change), so training that changes the layout every frame does not flood the host, and
 * changes of a pixel or less are not sent. Returns a stop function.
 */
export function reportHeight(content: Element, sink: EmbedSink): () => void {
  let last = -1
  let quiet: ReturnType<typeof setTimeout> | undefined
  let deadline: ReturnType<typeof setTimeout> | undefined
  const height = (): number => {
    const bottom = content.getBoundingClientRect().bottom + (globalThis.scrollY ?? 0)
    const style = getComputedStyle(content)
    return Math.ceil(bottom + (parseFloat(style.marginBottom) || 0))
  }
  const post = (): void => {
    clearTimeout(quiet)
    clearTimeout(deadline)
    quiet = deadline = undefined
    const h = height()
    if (h > 0 && Math.abs(h - last) > 1) {
      last = h
      sink({ type: 'backprop-lab:resize', height: h })
    }
  }
  const changed = (): void => {
    if (last < 0) return post() // the first height goes out at once
    clearTimeout(quiet)
    quiet = setTimeout(post, RESIZE_QUIET_MS)
    deadline ??= setTimeout(post, RESIZE_MAX_WAIT_MS)
  }
  const observer = new ResizeObserver(changed)
  observer.observe(content)
  post()
  return () => {
    observer.disconnect()
    clearTimeout(quiet)
    clearTimeout(deadline)
  }
}

/**
 * What a run did since update `from`: `losses[k]` is the batch loss after `from + k` updates (so
 * `converged` can name the exact update); the run is now at `updates` (counted from its start) with
 * batch loss `loss` (null when there is none to tell, e.g. after a divergence).
 */
export interface Progress {
  from: number
  losses: ArrayLike<number>
  updates: number
  loss: number | null
}

/** One run's source of `step` and `converged` messages (see {@link progressReporter}). */
type ProgressReporter = (progress: Progress) => void

/**
 * Turns one run's progress into `step` and `converged` messages: call it after every Step, edit or
 * chunk of training. `step` goes out when the update count grew (with a finite loss); `converged`
 * once, at the first update whose loss is below {@link CONVERGED_BELOW}. Going back to update 0
 * (Reset) or below the last count (Undo, a new run) re-arms it.
 * @param run names the run in the messages when a screen has several; omitted when undefined.
 */
export function progressReporter(lesson: string, sink: EmbedSink, run?: string): ProgressReporter {
  let lastUpdates = 0
  let converged = false
  const named = run === undefined ? {} : { run }
  function converge(updates: number, loss: number): void {
    if (converged || !Number.isFinite(loss) || loss >= CONVERGED_BELOW) return
    converged = true
    sink({ type: 'backprop-lab:converged', lesson, updates, loss, ...named })
  }
  return ({ from, losses, updates, loss }) => {
    if (from < lastUpdates || from === 0) converged = false
    for (let k = 0; k < losses.length && !converged; k++) converge(from + k, losses[k])
    if (updates < lastUpdates || updates === 0) converged = false
    if (updates > lastUpdates && loss !== null && Number.isFinite(loss)) {
      sink({ type: 'backprop-lab:step', lesson, updates, loss, ...named })
      converge(updates, loss)
    }
    lastUpdates = updates
  }
}

/** Makes the reporter of one run (`run`: its name on a screen with several, see {@link progressReporter}). */
type ProgressSource = (run?: string) => ProgressReporter

export const ProgressKey: InjectionKey<ProgressSource> = Symbol('progress')

/** Lets every training loop below report to the enclosing embed's sink as `lesson`. */
export function provideProgress(lesson: string): ProgressSource {
  const sink = injectEmbedSink()
  const source: ProgressSource = (run) => progressReporter(lesson, sink, run)
  provide(ProgressKey, source)
  return source
}

/** The enclosing lesson view's source of reporters, or null (outside a lesson). Call during setup. */
export function injectProgress(): ProgressSource | null {
  return inject(ProgressKey, null)
}
