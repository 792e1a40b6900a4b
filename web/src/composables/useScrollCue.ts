// Whether a horizontally scrolling box hides content to its right, so a screen can say so ("scroll
// sideways") instead of leaving layers silently out of sight (the 2-2-2 diagram at phone width).
import { onMounted, onScopeDispose, ref, type Ref } from 'vue'

/**
 * Watches `box` (an element with `overflow-x: auto`). `wider`: its content is wider than the box (more
 * than 2 px, so sub-pixel rounding is not a cue); it changes only on resize, so a caption shown by it
 * does not make the page jump while scrolling. `hidden`: part of the content lies beyond the right edge
 * now (changes on scroll too; for a shade, not for anything that takes space). Without ResizeObserver
 * (old browsers, unit tests) it checks once on mount and on scroll.
 */
export function useScrollCue(box: Ref<HTMLElement | null>): {
  wider: Ref<boolean>
  hidden: Ref<boolean>
} {
  const wider = ref(false)
  const hidden = ref(false)
  const check = (): void => {
    const el = box.value
    const extra = el ? el.scrollWidth - el.clientWidth : 0
    wider.value = extra > 2
    hidden.value = !!el && extra - el.scrollLeft > 2
  }
  let observer: ResizeObserver | undefined
  onMounted(() => {
    const el = box.value
    if (!el) return
    el.addEventListener('scroll', check, { passive: true })
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(check)
      observer.observe(el)
      if (el.firstElementChild) observer.observe(el.firstElementChild)
    }
    check()
  })
  onScopeDispose(() => {
    observer?.disconnect()
    box.value?.removeEventListener('scroll', check)
  })
  return { wider, hidden }
}
