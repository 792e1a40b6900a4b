// A lesson's words for its numbers: plain-text names of every quantity, what check-my-work offers, and the
// notes' slips with the value to type (a named slip is evaluated at the current numbers).
import { computed, type ComputedRef } from 'vue'
import { formatNumber } from '../math/format'
import { orderedKeys, parseKey } from '../math/keys'
import { buildQuantities } from '../math/quantities'
import { slipCandidates } from '../math/slips'
import { plainName } from '../lessons/notation'
import type { Lesson } from '../lessons/types'
import type { NetworkState } from './useNetwork'

export interface SlipExample {
  key: string
  label: string
  written: string
  note: string
}

export function useNotation(
  lesson: Lesson,
  network: NetworkState,
  opts: () => { sample: number },
): {
  names: Record<string, string>
  checkable: { key: string; label: string }[]
  slips: ComputedRef<SlipExample[]>
} {
  const keys = orderedKeys(lesson.spec.layers)
  const kind = (k: string) => parseKey(k)?.kind ?? ''
  const names = Object.fromEntries(keys.map((k) => [k, plainName(k, lesson.symbols)]))
  const checkable = keys
    .filter((k) => !['x', 'y', 'W', 'b'].includes(kind(k)))
    .filter((k) => !lesson.noBiases || !['db', 'bnew'].includes(kind(k)))
    .map((key) => ({ key, label: names[key] }))
  const slips = computed(() => {
    const t = network.trace.value
    const spec = network.spec.value
    return lesson.slips.flatMap((s) => {
      let written = s.written
      if (s.slip && t) {
        const exact = buildQuantities(spec, t, opts()).byKey.get(s.key)?.value ?? NaN
        const c = slipCandidates(spec, t, opts().sample, s.key, exact).find(
          (c) => c.id === s.slip?.id && c.message.includes(s.slip.messageIncludes ?? ''),
        )
        written = c && formatNumber(c.value, 6, { style: 'plain' })
      }
      return written ? [{ key: s.key, label: names[s.key] ?? s.key, written, note: s.note }] : []
    })
  })
  return { names, checkable, slips }
}
