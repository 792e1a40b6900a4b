// Keeps a block from shrinking while its content changes length frame after frame (training): a line of
// the derivation that is sometimes one row and sometimes two would otherwise make everything below it,
// and an embedding page, jump several times a second. The block keeps the tallest height it has had
// (as min-height) until `resetOn` changes (another quantity, another stage), when it fits its content
// again (and once when the page's fonts are ready). One ResizeObserver.
import { onBeforeUnmount, watch, type Ref, type WatchSource } from 'vue'

/**
 * @param target the block (a template ref); its `min-height` is managed here
 * @param resetOn a primitive key (string, number); when it changes, the held height is dropped and the
 *   block fits its content again
 */
export function useHeldHeight(target: Ref<HTMLElement | null>, resetOn: WatchSource): void {
  let held = 0
  const observer =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          const el = target.value
          if (!el) return
          const h = el.getBoundingClientRect().height
          if (h > held + 0.5) {
            held = h
            el.style.minHeight = `${h}px`
          }
        })
  watch(
    target,
    (el, old) => {
      if (old) observer?.unobserve(old)
      held = 0
      if (el) {
        el.style.boxSizing = 'border-box'
        observer?.observe(el)
      }
    },
    { immediate: true },
  )
  const reset = (): void => {
    held = 0
    if (target.value) target.value.style.minHeight = ''
  }
  watch(resetOn, reset)
  // Heights measured with fallback fonts are not worth keeping once the page's fonts are ready (once:
  // a font loaded later, for a glyph that appears mid-training, must not drop the held room).
  if (typeof document !== 'undefined') void document.fonts?.ready.then(reset)
  onBeforeUnmount(() => observer?.disconnect())
}
