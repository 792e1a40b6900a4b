// The derivation panel's state: which parameter (`W2[0][1]`, `b1[3]`: the playground store's selected
// parameter) and which training point, and the probe (chain rule, δ, numerical check) for the current
// weights. Recomputed when the selection, the point or the weights change while training is paused;
// while it runs the last probe is kept and marked stale (a KaTeX derivation per frame would cost the
// frame rate).
import { computed, ref, shallowRef, watch, type Ref } from 'vue'
import type { Params } from '../../engine/network'
import type { NetworkStore } from '../../composables/useLessonStore'
import type { NetworkSpec } from '../../engine/types'
import type { FeatureId } from './features'
import { featureSymbols, flatIndex, probeGradient, type Probe } from './probe'
import { addNotices, injectLessonLink, useLinkedState } from '../../links/useLink'
import { DERIVATION_VIEW, NO_DERIVATION } from './viewFields'

export function usePlaygroundProbe(
  store: NetworkStore,
  spec: Ref<NetworkSpec>,
  params: Ref<Params | null>,
  features: Ref<FeatureId[]>,
  running: Ref<boolean>,
) {
  const selected = store.selected
  const sample = ref(0)
  const probe = shallowRef<Probe | { message: string } | null>(null)
  const stale = ref(false)
  const rows = computed(() => spec.value.inputs.length)

  function compute(): void {
    const p = params.value
    if (!selected.value || !p) return void (probe.value = null)
    if (flatIndex(spec.value.layers, selected.value) === null) {
      selected.value = ''
      probe.value = null
      return
    }
    const k = Math.min(sample.value, rows.value - 1)
    const point = { input: spec.value.inputs[k], target: spec.value.targets[k] }
    probe.value = probeGradient(
      store.engine,
      spec.value,
      p,
      point,
      selected.value,
      featureSymbols(features.value),
    )
    stale.value = false
  }
  watch([selected, sample, params, running], () => {
    if (running.value) stale.value = probe.value !== null
    else compute()
  })

  return {
    selected,
    sample,
    probe,
    stale,
    rows,
    select: (key: string) => {
      selected.value = key
      compute()
    },
    close: () => {
      selected.value = ''
      probe.value = null
    },
  }
}

type PlaygroundProbe = ReturnType<typeof usePlaygroundProbe>

/**
 * The derivation open in the lesson's link (viewFields.ts DERIVATION_VIEW): read once, so a shared link
 * selects the same parameter and point; written on every selection (click or keyboard). A parameter the
 * network (`layers`) does not have is dropped with one notice naming it.
 */
export function useLinkedProbe(probe: PlaygroundProbe, layers: readonly number[]): void {
  const opened = useLinkedState(DERIVATION_VIEW, NO_DERIVATION)
  const link = injectLessonLink()
  if (opened.sel && flatIndex(layers, opened.sel) === null) {
    const text = `Ignored the link’s derivation shown: this network has no ${opened.sel}.`
    if (link) addNotices(link, [{ kind: 'bad', text }])
    ;[opened.sel, opened.pt] = ['', 1]
  }
  probe.sample.value = opened.pt - 1
  probe.selected.value = opened.sel
  watch([probe.selected, probe.sample], ([sel, k]) =>
    Object.assign(opened, { sel, pt: sel ? k + 1 : 1 }),
  )
}
