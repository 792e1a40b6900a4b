// How an embedded lesson talks to the page around it (docs/embedding.md). In an <iframe> (`?embed=1`)
// the messages go to `window.parent` with postMessage; in the <backprop-lesson> custom element they are
// DOM CustomEvents on the element. Lessons only call the sink they are given (injectEmbedSink).
import { inject, provide, type InjectionKey } from 'vue'

/** Every message type starts with this prefix, so a host can ignore everyone else's messages. */
export const MESSAGE_PREFIX = 'backprop-lab:'

/** The batch loss counts as converged the first time it falls below this. */
export const CONVERGED_BELOW = 1e-3

export type EmbedMessage =
  /** The lesson is on screen and its engine is ready. */
  | { type: 'backprop-lab:loaded'; lesson: string }
  /** The height of the lesson's content in CSS pixels: set the iframe's height to it. */
  | { type: 'backprop-lab:resize'; height: number }
  /** Weights changed by one update or a chunk of training; `loss` is the batch loss before the last one. */
  | { type: 'backprop-lab:step'; lesson: string; updates: number; loss: number }
  /** The loss fell below {@link CONVERGED_BELOW} for the first time since the lesson (re)started. */
  | { type: 'backprop-lab:converged'; lesson: string; updates: number; loss: number }

/** Where a lesson's messages go. */
export type EmbedSink = (message: EmbedMessage) => void

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
export const RESIZE_QUIET_MS = 150
export const RESIZE_MAX_WAIT_MS = 600

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

/** A lesson's one source of `step` and `converged` messages (see {@link progressReporter}). */
export interface ProgressReporter {
  /** The run is at `updates` with batch loss `loss` (after a Step, an edit or a chunk). */
  (updates: number, loss: number | null): void
  /**
   * A chunk of training: `losses[k]` is the loss after `from + k` updates (so `converged` names the
   * exact update), then the run is at `updates` with `loss`.
   */
  chunk: (from: number, losses: ArrayLike<number>, updates: number, loss: number | null) => void
}

/**
 * Turns a lesson's progress into `step` and `converged` messages: call it with the update count and
 * the current batch loss whenever either changes, and `chunk` with every loss of a chunk of training.
 * `converged` comes once, at the first update whose loss is below {@link CONVERGED_BELOW}; going back
 * to update 0 (Reset) or before the last count (Undo) re-arms it.
 */
export function progressReporter(lesson: string, sink: EmbedSink): ProgressReporter {
  let lastUpdates = 0
  let converged = false
  function converge(updates: number, loss: number): void {
    if (converged || !Number.isFinite(loss) || loss >= CONVERGED_BELOW) return
    converged = true
    sink({ type: 'backprop-lab:converged', lesson, updates, loss })
  }
  const report = ((updates: number, loss: number | null): void => {
    if (updates < lastUpdates || updates === 0) converged = false
    if (updates > lastUpdates && loss !== null && Number.isFinite(loss)) {
      sink({ type: 'backprop-lab:step', lesson, updates, loss })
      converge(updates, loss)
    }
    lastUpdates = updates
  }) as ProgressReporter
  report.chunk = (from, losses, updates, loss) => {
    if (from < lastUpdates || from === 0) converged = false
    for (let k = 0; k < losses.length && !converged; k++) converge(from + k, losses[k])
    report(updates, loss)
  }
  return report
}

const ProgressKey: InjectionKey<ProgressReporter> = Symbol('progress')

/** Creates the lesson's reporter (to the enclosing embed's sink) and provides it to the subtree. */
export function provideProgress(lesson: string): ProgressReporter {
  const report = progressReporter(lesson, injectEmbedSink())
  provide(ProgressKey, report)
  return report
}

/** The reporter of the enclosing lesson view, or null (outside a lesson). Call during setup. */
export function injectProgress(): ProgressReporter | null {
  return inject(ProgressKey, null)
}
