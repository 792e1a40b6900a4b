// A lesson's words for its numbers: plain-text names of every quantity, what check-my-work offers, the
// notes' slips with the value to type (a named slip is evaluated at the current numbers), and `say`, which
// fills the `{=key}` placeholders of lesson text with the current values (#12).
import { computed, type ComputedRef } from 'vue'
import { formatNumber } from '../math/format'
import { fillActivations, fillPlaceholders } from '../math/placeholders'
import { orderedKeys, parseKey, sharedBiasLayers } from '../math/keys'
import { buildQuantities } from '../math/quantities'
import { slipCandidates } from '../math/slips'
import { plainName } from '../lessons/notation'
import type { Lesson } from '../lessons/types'
import type { NetworkSpec, Trace } from '../engine/types'

interface SlipExample {
  key: string
  label: string
  written: string
  note: string
}

/**
 * `shown()`: the trace and spec the typeset text follows (useLesson's snapshot, which follows the
 * network at most every few frames while training: the guide's and notes' text is typeset).
 * `moving()`: whether training runs, so the filled-in values keep a steady width.
 */
export function useNotation(
  lesson: Lesson,
  shown: () => { trace: Trace | null; spec: NetworkSpec },
  opts: () => { sample: number },
  moving: () => boolean = () => false,
): {
  names: Record<string, string>
  checkable: ComputedRef<{ key: string; label: string }[]>
  slips: ComputedRef<SlipExample[]>
  say: ComputedRef<(text: string) => string>
} {
  const L = lesson.spec.layers.length - 1
  const kind = (k: string) => parseKey(k)?.kind ?? ''
  // Names of both forms (one bias per unit, and a layer's one shared bias `b1`): the learner may untie.
  const allKeys = [
    ...orderedKeys(lesson.spec.layers),
    ...orderedKeys(lesson.spec.layers, sharedBiasLayers(true, L)),
  ]
  const names = Object.fromEntries(allKeys.map((k) => [k, plainName(k, lesson.symbols)]))
  const checkable = computed(() =>
    orderedKeys(lesson.spec.layers, sharedBiasLayers(shown().spec.sharedBiases, L))
      .filter((k) => !['x', 'y', 'W', 'b'].includes(kind(k)))
      .filter((k) => !lesson.noBiases || !['db', 'bnew'].includes(kind(k)))
      .map((key) => ({ key, label: names[key] })),
  )
  /** Lesson text with every `{=key}` replaced by its current value (`eta`: the learning rate). */
  const say = computed(() => {
    const { trace: t, spec } = shown()
    const q = t ? buildQuantities(spec, t, opts()) : null
    const value = (key: string) =>
      key === 'eta' ? spec.learningRate : (q?.byKey.get(key)?.value ?? undefined)
    // `{f1(net_{h1})}`: the activation the network on screen has (tanh after a change), not the notes'.
    // While training runs, values keep the width of their longest form (math/placeholders.ts).
    const reserve = moving()
    return (text: string) =>
      fillPlaceholders(fillActivations(text, spec.activations), value, reserve)
  })
  const slips = computed(() => {
    const { trace: t, spec } = shown()
    return lesson.slips.flatMap((s) => {
      let written = s.written
      if (s.slip && t) {
        const exact = buildQuantities(spec, t, opts()).byKey.get(s.key)?.value ?? NaN
        const c = slipCandidates(spec, t, opts().sample, s.key, exact).find(
          (c) => c.id === s.slip?.id && c.message.includes(s.slip.messageIncludes ?? ''),
        )
        written = c && formatNumber(c.value, 6, { style: 'plain' })
      }
      const note = say.value(s.note)
      return written ? [{ key: s.key, label: names[s.key] ?? s.key, written, note }] : []
    })
  })
  return { names, checkable, slips, say }
}
