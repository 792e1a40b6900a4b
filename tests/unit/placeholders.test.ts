// Lesson text states values computed from the current numbers (#12): `{=key}` placeholders are filled in,
// every placeholder of every lesson names a real quantity, and no worked example states a bare number
// where a placeholder belongs.
import { describe, expect, it } from 'vitest'
import { orderedKeys } from '../../web/src/math/keys'
import { fillActivations, fillPlaceholders, placeholderKeys } from '../../web/src/math/placeholders'
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
    expect(fillPlaceholders('$η = {=eta}$, η = {=eta}', v)).toBe('$η = 0.25$, η = 0.25')
    expect(fillPlaceholders('$x = {=tiny}$ or {=tiny}', v)).toContain('$x = 1.5 \\times 10^{-7}')
    expect(fillPlaceholders('$x = {=tiny}$ or {=tiny}', v)).toContain('$ or 1.5×10⁻⁷')
    expect(fillPlaceholders('{=z1[0]:2}', v)).toBe('0.38')
  })

  it('while training runs, gives a value that training changes, inside $…$, the room of its longest form: −0. and the digits', () => {
    // 9 significant digits: −0.123456789 has a sign, a point and 10 digits; what 0.3825 lacks of
    // them is drawn invisible after it (KaTeX's digits are all one width).
    const v = (k: string) => ({ 'z1[0]': 0.3825, 'a1[0]': -0.125, 'y[0]': 0.01 })[k]
    const moving = (text: string) => fillPlaceholders(text, v, true)
    expect(moving('$net = {=z1[0]}$')).toBe('$net = 0.3825\\hphantom{-00000}$')
    expect(moving('$out = {=a1[0]}$')).toBe('$out = -0.125\\hphantom{000000}$')
    expect(moving('$out = {=a1[0]:3}$')).toBe('$out = -0.125$')
    expect(moving('$net = {=nothing}$')).toBe('$net = ?\\hphantom{-.0000000000}$')
    // what training does not change keeps its own width, and plain text is left as it is
    expect(moving('$y = {=y[0]}$, net = {=z1[0]}')).toBe('$y = 0.01$, net = 0.3825')
    expect(moving('no placeholders: $a_{1}$')).toBe('no placeholders: $a_{1}$')
  })

  it('when nothing trains, gives every value its own width: no gap after a short value', () => {
    // the walk-through read "netₕ₁ = 0.3775      , outₕ₁" at rest (#11)
    const v = (k: string) => ({ 'z1[0]': 0.3775, 'a1[0]': -0.125 })[k]
    expect(fillPlaceholders('$net_{h1} = {=z1[0]}$, $out = {=a1[0]}$', v)).toBe(
      '$net_{h1} = 0.3775$, $out = -0.125$',
    )
    expect(fillPlaceholders('$net = {=nothing}$', v, false)).toBe('$net = ?$')
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

describe('the walk-through names the activation the network has (newcomer: tanh, text said σ)', () => {
  const forward = (id: string) =>
    full.find((l) => l.id === id)!.steps.find((s) => s.do === 'forward')!.say

  it('step-by-step-222 with tanh hidden units writes tanh for out_h1 and σ for out_o1', () => {
    const text = fillActivations(forward('step-by-step-222'), ['tanh', 'sigmoid'])
    expect(text).toContain('out_{h1} = \\tanh(net_{h1})')
    expect(text).toContain('out_{o1} = \\sigma(net_{o1})')
    expect(text).not.toContain('\\sigma(net_{h1})')
    expect(text).not.toMatch(/\{f\d/)
  })

  it('the notes’ own network reads as the notes write it', () => {
    expect(fillActivations(forward('step-by-step-222'), ['sigmoid', 'sigmoid'])).toContain(
      'out_{h1} = \\sigma(net_{h1})',
    )
    const relu = fillActivations(forward('relu-sigmoid-222'), ['relu', 'sigmoid'])
    expect(relu).toContain('O^1_1 = \\mathrm{ReLU}(net^1_1)')
    expect(relu).toContain('\\hat y_k = \\sigma(net^2_k)')
    expect(fillActivations(forward('relu-sigmoid-222'), ['linear', 'sigmoid'])).toContain(
      'O^1_1 = net^1_1',
    )
  })

  it('no lesson text names σ or ReLU of a net input by hand', () => {
    for (const l of full)
      for (const s of l.steps) expect(s.say, l.id).not.toMatch(/\\(sigma|mathrm\{ReLU\})\(net/)
  })
})
