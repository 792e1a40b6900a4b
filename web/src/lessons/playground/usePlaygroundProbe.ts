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
