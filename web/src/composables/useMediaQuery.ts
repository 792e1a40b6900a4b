// Whether a CSS media query matches, as a ref that follows the window (a phone turned on its side, a
// window made narrower). For the few layouts whose DOM order, and so the reading and Tab order, has to
// change with the width: CSS can move boxes, but only the DOM moves the keyboard with them.
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/**
 * @param query a media query, e.g. '(max-width: 40rem)' (the same text as the stylesheet's @media)
 * @returns true while the query matches; false before mount and where matchMedia is missing
 */
export function useMediaQuery(query: string): Ref<boolean> {
  const matches = ref(false)
  let list: MediaQueryList | null = null
  const update = () => (matches.value = list?.matches ?? false)
  onMounted(() => {
    if (typeof window === 'undefined' || !window.matchMedia) return
    list = window.matchMedia(query)
    update()
    list.addEventListener('change', update)
  })
  onBeforeUnmount(() => list?.removeEventListener('change', update))
  return matches
}
