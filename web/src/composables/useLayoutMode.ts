// Which form a layout's stylesheet gives it (wide, middle, narrow…), as a ref, for the few layouts whose
// DOM order, and so the reading and Tab order, has to change with the width: CSS can move boxes, but
// only the DOM moves the keyboard with them. The stylesheet decides, in one place: its width queries
// set the custom property `--layout` on the layout's root, and this reads it whenever the root's width
// changes. So the app (where the queries ask the window) and the <backprop-lesson> element (where the
// build turns them into container queries on the element, vite/elementCss.ts) both get the DOM order
// that matches the boxes: asking the window (matchMedia) gave a playground in a 500 px course column on a
// wide screen the one-column CSS with the desktop order (#11).
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/**
 * @param root the layout's root element (a template ref); its stylesheet sets `--layout` on it
 * @param fallback the form before mount and where the property or ResizeObserver is missing
 * @returns the root's `--layout`, following its width
 */
export function useLayoutMode<T extends string>(
  root: Ref<HTMLElement | null>,
  fallback: T,
): Ref<T> {
  const mode = ref(fallback) as Ref<T>
  let observer: ResizeObserver | null = null
  let frame = 0
  const read = () => {
    frame = 0
    const el = root.value
    const value = el ? getComputedStyle(el).getPropertyValue('--layout').trim() : ''
    mode.value = (value || fallback) as T
  }
  onMounted(() => {
    read()
    if (typeof ResizeObserver === 'undefined' || !root.value) return
    let width = -1
    // Read in the next frame: changing the DOM order inside the observer's callback would resize what it
    // observes within the same frame (the browser's "ResizeObserver loop" error).
    observer = new ResizeObserver(([entry]) => {
      if (entry.contentRect.width === width) return
      width = entry.contentRect.width
      if (!frame) frame = requestAnimationFrame(read)
    })
    observer.observe(root.value)
  })
  onBeforeUnmount(() => {
    observer?.disconnect()
    cancelAnimationFrame(frame)
  })
  return mode
}
