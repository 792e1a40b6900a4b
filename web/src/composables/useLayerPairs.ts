// The network diagram at phone width (#11): the whole network drawn in a 390 px screen scaled its
// 13 px labels to about 6.6 px, and at its readable width it scrolled sideways. In a narrow box the
// diagram shows one pair of adjacent layers at a time, drawn at (at least) full size, and the learner
// chooses the pair; selecting a parameter of another pair (from a field, a step, a link) shows its pair.
import { computed, onMounted, onScopeDispose, ref, watch, type Ref } from 'vue'
import { parseKey } from '../math/keys'

/** Below this box width (CSS px) the whole diagram would scroll: one layer pair is shown instead. */
const PAIR_BELOW_PX = 480

/** The drawing width of one pair (SVG units): at a box of this width or wider, 1 unit ≥ 1 CSS px. */
export const PAIR_WIDTH = 320

/** A layer's name in the pair chooser: inputs, hidden (hidden 1, 2 … when there are several), outputs. */
export function layerName(l: number, last: number): string {
  if (l === 0) return 'inputs'
  if (l === last) return 'outputs'
  return last > 2 ? `hidden ${l}` : 'hidden'
}

/**
 * Watches `box`'s width. `narrow`: the box is narrower than {@link PAIR_BELOW_PX} (an unmeasured box,
 * width 0, counts as wide). `first`: the first layer of the pair shown while narrow (0 … last − 1);
 * `shows(l)`: whether layer l is drawn (every layer while wide). A selected parameter outside the pair
 * moves the pair to it: a weight `W{l}…` or a bias `b{l}…` shows layers l − 1 and l.
 */
export function useLayerPairs(
  box: Ref<HTMLElement | null>,
  layerCount: () => number,
  selected: () => string,
): {
  narrow: Ref<boolean>
  first: Ref<number>
  shows: (l: number) => boolean
} {
  const width = ref(0)
  const narrow = computed(() => width.value > 0 && width.value < PAIR_BELOW_PX)
  const first = ref(0)
  const shows = (l: number) => !narrow.value || l === first.value || l === first.value + 1
  const follow = (): void => {
    const l = parseKey(selected())?.layer
    if (l && !(shows(l) && shows(l - 1))) first.value = l - 1
  }
  watch([selected, narrow], follow, { immediate: true })
  watch(layerCount, (n) => {
    if (first.value > n - 2) first.value = Math.max(0, n - 2)
  })
  const measure = (): void => {
    width.value = box.value?.clientWidth ?? 0
  }
  let observer: ResizeObserver | undefined
  onMounted(() => {
    measure()
    if (box.value && typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(measure)
      observer.observe(box.value)
    }
  })
  onScopeDispose(() => observer?.disconnect())
  return { narrow, first, shows }
}
