// A bar that sticks to the top of the window (the worked examples' step bar, the playground's
// toolbar) covers what scrolls under it: without room reserved for it, Tab, Shift+Tab and
// scroll-into-view park the focused control underneath the bar, where nobody can see it (WCAG 2.4.11,
// "focus not obscured"). The bar's height goes to `--sticky-bar-h` on the lesson's root, and base.css
// gives every control under `[data-sticky-root]` (outside the bar) that much `scroll-margin-top`, which
// the browser keeps clear when it scrolls the control into view. The bar's own buttons have none, so
// pressing Pause never scrolls the page. One ResizeObserver: the room follows the bar as it wraps.
import { onBeforeUnmount, onMounted, type Ref } from 'vue'

/**
 * @param root the lesson's root element (a template ref) carrying `data-sticky-root`; its bar is the
 *   element inside it carrying `data-sticky-bar`, stuck at `top: 0` of the window
 */
export function useStickyBar(root: Ref<HTMLElement | null>): void {
  let observer: ResizeObserver | null = null
  onMounted(() => {
    const bar = root.value?.querySelector<HTMLElement>('[data-sticky-bar]')
    if (!bar || typeof ResizeObserver === 'undefined') return
    observer = new ResizeObserver(() =>
      root.value?.style.setProperty('--sticky-bar-h', `${bar.offsetHeight}px`),
    )
    observer.observe(bar)
  })
  onBeforeUnmount(() => observer?.disconnect())
}
