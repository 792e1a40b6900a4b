// Everything one mounted lesson needs: its network and training session, the selected parameter and
// sample, the derivation of that parameter, and check-my-work.
import { computed, onScopeDispose, ref, shallowRef, toRef, watch } from 'vue'
import { injectEmbedSink } from '../embed/protocol'
import { injectEmbedOptions } from '../embed/options'
import type { NnModule } from '../engine/nn'
import {
  WORKED_SCHEMA,
  decodeWorked,
  encodeWorked,
  workedBase,
  type WorkedState,
} from '../links/workedLink'
import { useLinkedOpen } from '../links/disclosure'
import { injectLessonLink } from '../links/useLink'
import { checkWork } from '../math/checkWork'
import { deriveGradient, outputLayerMatrixForm } from '../math/derivation'
import {
  checkVerdict,
  numericalGradientCaption,
  relativeError,
  SWEEP_EPSILONS,
  type CheckNumbers,
  type CheckVerdict,
} from '../math/gradientCheck'
import { inLessonWords } from '../math/fieldWords'
import { parseKey } from '../math/keys'
import { plainName } from '../lessons/notation'
import type { Lesson } from '../lessons/types'
import { useNetworkStore, withNetwork } from './useLessonStore'
import { useNotation } from './useNotation'
import { updateWaitsFor, useNetwork } from './useNetwork'
import { useTraining } from './useTraining'

/** The central-difference check of the selected parameter (one-sided slopes shown at a kink). */
interface SelectedCheck extends CheckNumbers {
  verdict: CheckVerdict
  relativeError: number
  caption: string
}

/** One point of the error-against-ε plot of the selected parameter. */
interface EpsilonPoint {
  epsilon: number
  /** |backprop − central difference| (0 plotted as a gap on a log axis). */
  error: number
}

/** Milliseconds between re-typesettings while training runs. */
const TYPESET_MS = 250

/**
 * The session of one mounted worked example: its network and training, the selected parameter and sample,
 * what is typeset for them, check-my-work, and the actions of the step bar and the walk-through.
 */
export function useLesson(module: NnModule, lesson: Lesson) {
  // A shared link (#/<id>?v=1&…) may start the lesson from other values (links/workedLink.ts).
  const link = injectLessonLink()
  const own = workedBase(lesson.spec, lesson.focus)
  const start = startState(module, own, link?.opened ?? '', (key) => plainName(key, lesson.symbols))
  if (link) link.notices.value = [...link.notices.value, ...start.notices]
  link?.claim(WORKED_SCHEMA.map((f) => f.key))
  // One store: the network's lifetime, the loss history, Undo and the selected parameter.
  const store = useNetworkStore(module, { selected: start.state.selected })
  const network = useNetwork(store, start.state.spec)
  const training = useTraining(network, store)
  const selected = store.selected
  const sample = ref(start.state.sample)
  const answers = ref<Record<string, string> | null>(null)
  const worked = new Set(WORKED_SCHEMA.map((f) => f.key))
  /**
   * Null when the run started from the lesson's own example; else (a link's other values became its
   * start) the route back to that example, keeping every value of the link now that is not the
   * example's: the exercises' seed, chart views, pace, notation, and the derivation and sample shown
   * where the example has them.
   */
  const ownExample =
    encodeWorked({ ...own, spec: start.state.spec }, own) === ''
      ? null
      : computed(() => {
          const others = (link?.current.value ?? '')
            .split('&')
            .filter((part) => part && !/^v=/.test(part) && !worked.has(part.split('=')[0]))
          const view = decodeWorked(`sel=${selected.value}&s=${sample.value + 1}`, own).state
          const query = [encodeWorked(view, own), ...others].filter(Boolean).join('&')
          return `/${lesson.id}${query ? `?${query}` : ''}`
        })
  // Graded work (embed option `answers=0`): Check my work never states the exact value.
  const reveal = injectEmbedOptions().answers
  const guideIndex = ref(-1)
  const opts = () => ({ symbols: lesson.symbols, sample: Math.min(sample.value, rows() - 1) })
  const rows = () => shown.value.trace?.inputs.length ?? 1

  // What is typeset (derivation, matrix form, check-my-work) follows the trace at most every
  // TYPESET_MS while training runs: KaTeX costs more than a frame. Paused, it follows at once.
  const snap = () => ({ trace: network.trace.value, spec: network.spec.value })
  const shown = shallowRef(snap())
  let shownAt = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  function show(): void {
    timer = undefined
    shownAt = performance.now()
    shown.value = snap()
  }
  watch(network.trace, () => {
    if (!training.running.value) return show()
    if (timer === undefined)
      timer = setTimeout(show, Math.max(0, TYPESET_MS - (performance.now() - shownAt)))
  })
  watch(training.running, (on) => !on && show())
  onScopeDispose(() => clearTimeout(timer))

  const derivation = computed(() => {
    const { trace: t, spec } = shown.value
    return t ? deriveGradient(spec, t, selected.value, opts()) : []
  })
  const matrixForm = computed(() => {
    const { trace: t, spec } = shown.value
    return t && lesson.matrixForm ? outputLayerMatrixForm(spec, t, opts()) : []
  })
  /** Index of the selected parameter in the engine's W1 b1 W2 b2 … buffer (a shared bias: its first copy). */
  const selectedIndex = (): number | null => {
    const r = parseKey(selected.value)
    if (!r?.layer || (r.kind !== 'W' && r.kind !== 'b')) return null
    const { sizes, W, b } = network.net.layout
    return r.kind === 'W'
      ? W[r.layer - 1] + (r.j ?? 0) * sizes[r.layer - 1] + (r.i ?? 0)
      : b[r.layer - 1] + (r.j ?? 0)
  }
  /**
   * Runs `check` with the engine at the weights of the trace shown (the derivation's), then puts the
   * current weights back: after an update, or while training, the engine is further on.
   */
  function atShownWeights<T>(check: (k: number) => T): T | null {
    const { trace: t } = shown.value
    const k = selectedIndex()
    if (!t || k === null) return null
    const now = network.net.params()
    network.net.setParams({ weights: t.weights, biases: t.biases })
    try {
      return check(k)
    } finally {
      network.net.setParams(now)
    }
  }
  /** ∂E/∂(selected) by backprop, from the trace shown. */
  const analytic = (): number | null => {
    const r = parseKey(selected.value)
    const l = shown.value.trace?.layers[(r?.layer ?? 0) - 1]
    if (!l || !r) return null
    return r.kind === 'W' ? l.dW[r.j ?? 0][r.i ?? 0] : l.db[r.j ?? 0]
  }
  // The selected parameter only (two forward passes), and only when the derivation shows it: the
  // computed is lazy and follows the typeset snapshot, so while training it runs at most every TYPESET_MS.
  const gradientCheck = computed<SelectedCheck | null>(() => {
    const eps = shown.value.spec.epsilon ?? 1e-6
    const g = analytic()
    const c = atShownWeights((k) => network.net.checkParameter(k, eps))
    if (g === null || !c?.ok) return null
    const { central: numeric, left, right, kink, loss } = c
    const numbers = { analytic: g, numeric, left, right, kink, loss, epsilon: eps }
    return {
      ...numbers,
      relativeError: relativeError(g, numeric),
      verdict: checkVerdict(numbers),
      // the loss in the lesson's own symbol (E_total in notes 004's example), as in its derivation
      caption: numericalGradientCaption(numbers, plainName('loss', lesson.symbols)),
    }
  })
  /** Sets ε of the numerical check (0 < ε ≤ 0.1); returns the engine's message when it refuses. */
  function setEpsilon(eps: number): string {
    const r = network.configure({ epsilon: eps })
    return r.ok ? '' : r.message
  }
  /** The ε plot is open: only then is the sweep worked out. */
  const sweepOpen = toRef(useLinkedOpen('epsopen', 'ε plot open'), 'open')
  /** |backprop − numerical| of the selected parameter for ε from 1e-12 to 0.1 (the V); [] while closed. */
  const epsilonSweep = computed<EpsilonPoint[]>(() => {
    const g = analytic()
    if (!sweepOpen.value || g === null) return []
    const points = atShownWeights((k) =>
      SWEEP_EPSILONS.flatMap((eps) => {
        const p = network.net.checkParameter(k, eps)
        return p.ok ? [{ epsilon: eps, error: Math.abs(g - p.central) }] : []
      }),
    )
    return points ?? []
  })
  const checkResult = computed(() => {
    const { trace: t, spec } = shown.value
    return t && answers.value ? checkWork(spec, t, answers.value, opts(), reveal) : null
  })

  const { names, checkable, slips, say } = useNotation(
    lesson,
    () => shown.value,
    opts,
    () => training.running.value,
  )

  /**
   * Why an action of the step bar or the walk-through cannot be done now ('' = it can): one rule for
   * both (#11). Update waits for Backward; Update, Step and Train wait for a field holding a value it
   * refused ("Fix η first."; the training loop's `waits` says why, at the bar).
   */
  const waits = computed(() => {
    const field = training.loop.heldField.value
    const held = field ? `Fix ${field.name} first.` : '' // the bar says what is wrong, once
    return { update: held || updateWaitsFor(network.stage.value), step: held }
  })
  /** The loss after the last update made by Step/Update, with its count (an embedding page's `loss`). */
  let lossAfter: { updates: number; loss: number } | null = null
  function update(): void {
    const loss = network.update()
    if (loss === null) return
    const n = network.updates.value - 1
    training.record(n, loss)
    // The curve's last point is the loss after this update, so it reads the status's count (#12).
    const after = network.net.forward()
    if (after.ok) training.record(n + 1, after.loss)
    lossAfter = after.ok ? { updates: n + 1, loss: after.loss } : null
  }
  const actions = {
    forward: network.forward,
    backward: network.backward,
    update: () => waits.value.update || update(),
    step: () => waits.value.step || update(),
    train: () => (training.running.value || !training.loop.waits.value) && training.toggle(),
    reset: () => {
      training.reset()
      network.reset()
      store.forgetHistory()
      sample.value = 0
      selected.value = lesson.focus
      guideIndex.value = -1
    },
    undo: () => {
      training.reset()
      network.undo()
      store.trimHistory(network.updates.value + 1)
    },
    /** Does walk-through step `index` and shows it. */
    guide: (index: number) => {
      const s = lesson.steps[index]
      const why = s?.do === 'update' || s?.do === 'step' ? waits.value[s.do] : ''
      if (!s || why) return
      guideIndex.value = index
      if (s.do) actions[s.do]()
      if (s.derive) selected.value = s.derive
    },
  }
  link?.publish(() =>
    encodeWorked({ spec: network.spec.value, selected: selected.value, sample: sample.value }, own),
  )
  // Steps, Undo and Reset reach an embedding page through the training loop's reporter: one run.
  // `loss` is the loss after `n` updates, as the loss chart's last point (the trace still shows the
  // forward pass before the update, at the weights it was made with).
  watch(network.updates, (n) =>
    training.loop.report({
      from: n,
      losses: [],
      updates: n,
      loss: lossAfter?.updates === n ? lossAfter.loss : (network.trace.value?.loss ?? null),
    }),
  )
  injectEmbedSink()({ type: 'backprop-lab:loaded', lesson: lesson.id })
  return {
    network,
    training,
    selected,
    sample,
    derivation,
    matrixForm,
    gradientCheck,
    setEpsilon,
    epsilonSweep,
    sweepOpen,
    answers,
    checkResult,
    guideIndex,
    waits,
    ownExample,
    actions,
    // Plain-text names of every quantity key, what check-my-work offers, the slips, `say` (useNotation).
    names,
    checkable,
    slips,
    say,
  }
}

/** The link's state, or the lesson's own (with a notice) when the engine refuses that combination. */
function startState(
  module: NnModule,
  own: WorkedState,
  query: string,
  name: (key: string) => string,
) {
  const d = decodeWorked(query, own)
  if (d.applied.length === 0) return d
  const refused = withNetwork(module, d.state.spec, () => '', String)
  if (!refused) return d
  const spec = d.state.spec
  const said = inLessonWords(refused, name, spec.layers.length - 1, spec.inputs.length).text
  const text = `The link’s values do not make a network the engine can run (${said}); the lesson starts with its own.`
  return { ...d, state: own, notices: [...d.notices, { kind: 'bad' as const, text }] }
}
