// The playground's settings and data as reactive state: the config (one reactive object, what the URL
// holds), the learner's own points, and what follows from them: the points, the problem kind, the
// train/test split and the engine's spec. No engine calls here.
import { computed, reactive, ref, shallowRef } from 'vue'
import type { NetworkSpec } from '../../engine/types'
import { generate, split, type DataPoint } from '../../math/datasets'
import { featureRows } from './features'
import { buildSpec, problemOf, targetRows, type PlaygroundConfig } from './model'
import type { PlaygroundState } from '../../links/playgroundLink'

/** Stands in for the data while the learner's own set is empty (training stays off). */
const PLACEHOLDER: DataPoint[] = [{ x1: 0, x2: 0, label: 0 }]

export function usePlaygroundData(initial: PlaygroundState) {
  const config = reactive<PlaygroundConfig>({ ...initial.config })
  const custom = shallowRef<DataPoint[]>(initial.points)
  /** How many of the last own points were clicked: training points, never held out. */
  const clicked = ref(Math.min(initial.clicked ?? 0, initial.points.length))

  const points = computed(() =>
    config.dataset === 'custom'
      ? custom.value
      : generate(config.dataset, config.points, config.noise, config.seed),
  )
  /** The kind and the number of classes K (from the labels for the learner's own points). */
  const problem = computed(() => problemOf(config.dataset, points.value))
  const kind = computed(() => problem.value.kind)
  const parts = computed(() =>
    split(
      points.value,
      config.testShare,
      config.seed,
      config.dataset === 'custom' ? clicked.value : 0,
    ),
  )
  const hasData = computed(() => parts.value.train.length > 0)
  /** Why there is nothing to train on, said at the data and on the training bar; '' with points. */
  const noPoints = computed(() =>
    hasData.value ? '' : 'No training points yet: click the plane or import a CSV.',
  )
  const spec = computed<NetworkSpec>(() =>
    buildSpec({ ...config }, problem.value, hasData.value ? parts.value.train : PLACEHOLDER),
  )
  const test = computed(() =>
    parts.value.test.length === 0
      ? null
      : {
          inputs: featureRows(parts.value.test, config.features),
          targets: targetRows(parts.value.test, problem.value),
        },
  )

  /** Switches to the learner's own data, starting from the points on screen. */
  function useOwnPoints(): void {
    if (config.dataset !== 'custom') {
      custom.value = points.value.map((p) => ({ ...p }))
      clicked.value = 0
    }
    config.dataset = 'custom'
  }
  /** A clicked point: always a training point (drawn, and in the next update's data). */
  function addPoint(p: DataPoint): void {
    useOwnPoints()
    custom.value = [...custom.value, p]
    clicked.value += 1
  }
  /** Replaces the own points (an imported file): they are split into train and test like a set's. */
  function setPoints(ps: DataPoint[]): void {
    custom.value = ps
    clicked.value = 0
    config.dataset = 'custom'
  }
  function clearPoints(): void {
    setPoints([])
  }
  /** Replaces everything (an imported JSON file or a link). */
  function load(state: PlaygroundState): void {
    Object.assign(config, state.config)
    custom.value = state.points
    clicked.value = Math.min(state.clicked ?? 0, state.points.length)
  }
  /** What the link and the JSON file keep. */
  const state = (): PlaygroundState => ({
    config: { ...config },
    points: custom.value,
    clicked: clicked.value,
  })

  return {
    config,
    custom,
    clicked,
    state,
    points,
    problem,
    kind,
    parts,
    hasData,
    noPoints,
    spec,
    test,
    addPoint,
    setPoints,
    clearPoints,
    load,
  }
}

export type PlaygroundData = ReturnType<typeof usePlaygroundData>
