// Keeps a block from shrinking while its content changes length frame after frame (training): a line of
// the derivation that is sometimes one row and sometimes two would otherwise make everything below it,
// and an embedding page, jump several times a second. The block keeps the tallest height it has had
// (as min-height) until `resetOn` changes (another quantity, another stage), when it fits its content
// again (and when web fonts finish loading). One ResizeObserver.
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
  // Heights measured with fallback fonts are not worth keeping once the real ones arrive.
  const fonts = typeof document === 'undefined' ? undefined : document.fonts
  fonts?.addEventListener?.('loadingdone', reset)
  onBeforeUnmount(() => {
    observer?.disconnect()
    fonts?.removeEventListener?.('loadingdone', reset)
  })
}
