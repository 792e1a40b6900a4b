// The playground's one state, made once by its panel (usePlayground) and provided to every part under
// it: each part reads it and changes it directly (injectPlayground), with no props or events between
// them. It owns the session's composables: the data and settings (usePlaygroundData), the training
// (usePlaygroundTraining), the derivation (usePlaygroundProbe), the files and the link.
import { computed, inject, nextTick, provide, ref, watch, type InjectionKey } from 'vue'
import type { NnModule } from '../../engine/nn'
import { PLAYGROUND_SCHEMA, decodePlayground, encodePlayground } from '../../links/playgroundLink'
import { addNotices, injectLessonLink, useLinkedFields } from '../../links/useLink'
import { canonicalFeatures, feature } from './features'
import { fittingLoss } from './model'
import { paramValue, withParam } from './paramValue'
import { usePlaygroundData } from './usePlaygroundData'
import { usePlaygroundFiles } from './usePlaygroundFiles'
import { useLinkedProbe, usePlaygroundProbe } from './usePlaygroundProbe'
import { usePlaygroundTraining } from './usePlaygroundTraining'
import { PLAYGROUND_VIEW } from './viewFields'

function createPlayground(module: NnModule) {
  // The settings and own points in the link (links/playgroundLink.ts), read once, written on every change.
  const lessonLink = injectLessonLink()
  const start = decodePlayground(lessonLink?.opened ?? '')
  if (lessonLink)
    addNotices(
      lessonLink,
      start.notices,
      PLAYGROUND_SCHEMA.map((f) => f.key),
    )
  const data = usePlaygroundData(start)
  const { config } = data
  const features = computed(() => config.features)
  const training = usePlaygroundTraining(module, data.spec, data.test, features, data.hasData)
  const params = computed(() => training.detail.value?.params ?? null)
  const probe = usePlaygroundProbe(training.store, data.spec, params, features, training.running)
  useLinkedProbe(probe, data.spec.value.layers)
  lessonLink?.publish(() => encodePlayground(data.state()))
  const files = usePlaygroundFiles(data, training)
  // How it is looked at (test points, discretized output, the neuron shown large): in the link too.
  const view = useLinkedFields(PLAYGROUND_VIEW)
  const layers = computed(() => data.spec.value.layers)

  /** The hidden neuron shown large in the output area, if the link's one exists in this network. */
  const focus = computed(() => {
    const [l, j] = [view.mapLayer, view.mapUnit - 1]
    return l > 0 && l < layers.value.length - 1 && j < layers.value[l] ? { l, j } : null
  })
  watch(
    focus,
    (f) => {
      training.focusLayer.value = f?.l ?? 0
      // A neuron the network no longer has (a layer removed, a link's): the output again, link included.
      if (!f && view.mapLayer > 0) [view.mapLayer, view.mapUnit] = [0, 1]
    },
    { immediate: true },
  )
  /** Shows hidden neuron j (from 0) of layer l large, or the output again when it already is. */
  function enlarge(l: number, j: number): void {
    const same = focus.value?.l === l && focus.value.j === j
    ;[view.mapLayer, view.mapUnit] = same ? [0, 1] : [l, j + 1]
  }
  const focusName = computed(() =>
    focus.value ? `neuron ${focus.value.j + 1} of hidden layer ${focus.value.l}` : '',
  )

  /** The panel's element: the derivation and the sticky toolbar are found in it. */
  const root = ref<HTMLElement | null>(null)
  /** The control that opened the derivation: Close gives it the focus back. */
  let opener: HTMLElement | null = null
  /**
   * A parameter clicked in the diagram (or Enter on it): its maths, brought into view when it opened out
   * of sight, with the focus on its heading, so a keyboard user goes on there (#11: the focus stayed on
   * the weight, 1,100 px above the maths).
   */
  function selectParam(key: string): void {
    const active = (root.value?.getRootNode() as Document | ShadowRoot | undefined)?.activeElement
    if (active instanceof HTMLElement && !active.closest('.pg-derivation')) opener = active
    probe.select(key)
    void nextTick(() => {
      const el = root.value?.querySelector<HTMLElement>('.pg-derivation')
      if (!el) return
      el.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true })
      const top = el.getBoundingClientRect().top
      const bar = root.value?.querySelector<HTMLElement>('.pg-toolbar')?.offsetHeight ?? 0
      if (top >= bar && top <= window.innerHeight - 120) return
      const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches
      el.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' })
    })
  }
  /** Closes the derivation; the focus goes back to what opened it, if it is still there. */
  function closeParam(): void {
    probe.close()
    const back = opener
    opener = null
    if (back?.isConnected) void nextTick(() => back.focus())
  }
  /** Sets one weight or bias in the training network (the learner typed it); returns why not, or ''. */
  function editParam(key: string, value: number): string {
    const p = training.params()
    const next = p && withParam(p, key, value)
    return next ? training.apply(next) : 'There is no such parameter in this network.'
  }
  /** A click on the output plane: adds a point there, or picks the nearest training point for the maths. */
  function plane(x1: number, x2: number): void {
    if (view.clickMode === 'add') return data.addPoint({ x1, x2, label: view.addClass })
    let [best, d] = [-1, Infinity]
    data.parts.value.train.forEach((p, k) => {
      const e = (p.x1 - x1) ** 2 + (p.x2 - x2) ** 2
      if (e < d) [best, d] = [k, e]
    })
    if (best < 0) return
    probe.sample.value = best
    if (!probe.selected.value) probe.select(`b${layers.value.length - 1}[0]`)
  }

  return {
    data,
    config,
    training,
    probe,
    files,
    view,
    layers,
    /** The current weights and biases as last drawn (every DETAIL_MS while training). */
    params,
    focus,
    focusName,
    enlarge,
    root,
    selectParam,
    closeParam,
    editParam,
    plane,
    /** The loss trained on: the config's, or the first that fits the data's kind. */
    loss: computed(() => fittingLoss(config, data.kind.value)),
    /** The input features' names in the network's order (x₁, x₂, x₁², …). */
    inputNames: computed(() => canonicalFeatures(config.features).map((id) => feature(id).label)),
    /** The training point of the derivation open, ringed on the plane. */
    selectedPoint: computed(() =>
      probe.selected.value ? (data.parts.value.train[probe.sample.value] ?? null) : null,
    ),
    /** The selected parameter's value, for the derivation. */
    paramNow: computed(() => paramValue(params.value, probe.selected.value)),
  }
}

export type Playground = ReturnType<typeof createPlayground>
export const PLAYGROUND: InjectionKey<Playground> = Symbol('playground')

/** Makes the playground's state for this panel and provides it to every part under it. */
export function usePlayground(module: NnModule): Playground {
  const playground = createPlayground(module)
  provide(PLAYGROUND, playground)
  return playground
}

/** The playground's state, in a part of its panel (or a test that provides it under PLAYGROUND). */
export function injectPlayground(): Playground {
  const playground = inject(PLAYGROUND)
  if (!playground)
    throw new Error('injectPlayground() outside the playground: no usePlayground above.')
  return playground
}
