// Lesson text states values computed from the current numbers (#12): `{=key}` placeholders are filled in,
// every placeholder of every lesson names a real quantity, and no worked example states a bare number
// where a placeholder belongs.
import { describe, expect, it } from 'vitest'
import { orderedKeys } from '../../web/src/math/keys'
import { fillPlaceholders, placeholderKeys } from '../../web/src/math/placeholders'
import { lessons } from '../../web/src/lessons'
import { isLesson, type Lesson } from '../../web/src/lessons/types'

const full = lessons.filter(isLesson) as Lesson[]
const texts = (l: Lesson): string[] => [
  ...l.steps.map((s) => s.say),
  ...l.slips.map((s) => s.note),
  ...Object.values(l.derivationNotes ?? {}),
]

describe('placeholders', () => {
  it('fills values as LaTeX inside $…$ and as text outside, with the digits asked for', () => {
    const v = (k: string) => ({ 'z1[0]': 0.3825, eta: 0.25, tiny: 1.5e-7 })[k]
    expect(fillPlaceholders('$net = {=z1[0]}$, η = {=eta}', v)).toBe('$net = 0.3825$, η = 0.25')
    expect(fillPlaceholders('$x = {=tiny}$ or {=tiny}', v)).toBe(
      '$x = 1.5 \\times 10^{-7}$ or 1.5×10⁻⁷',
    )
    expect(fillPlaceholders('{=z1[0]:2}', v)).toBe('0.38')
    expect(fillPlaceholders('$net_{h1} = {=nothing}$', v)).toBe('$net_{h1} = ?$')
    expect(fillPlaceholders('no placeholders: $a_{1}$', v)).toBe('no placeholders: $a_{1}$')
  })

  it.each(full.map((l) => [l.id, l] as const))(
    '%s: every placeholder names a quantity of the lesson (or eta)',
    (_, lesson) => {
      const known = new Set([...orderedKeys(lesson.spec.layers), 'eta'])
      for (const text of texts(lesson))
        for (const key of placeholderKeys(text))
          expect(known.has(key), `${key} in ${text}`).toBe(true)
    },
  )

  it.each(full.map((l) => [l.id, l] as const))(
    '%s: the walk-through, slip notes and derivation notes state no learning rate or computed value by hand',
    (_, lesson) => {
      for (const text of texts(lesson)) {
        expect(text, text).not.toMatch(/\\eta = \d/)
        expect(text, text).not.toMatch(/\bit is \d/)
      }
    },
  )
})
