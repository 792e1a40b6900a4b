// Exercise prompts are formulas built from drawn numbers; a coefficient of 1 is left out and −1 is a minus
// sign (#11): lesson 1 asked about "y = 1v" and lesson 9 wrote "J(w) = ½·1w², ∂J/∂w = 1w". The expected
// prompts are written out here by hand for the numbers given.
import { describe, expect, it } from 'vitest'
import { course } from '../../web/src/course/course'
import { valuesOf } from '../../web/src/exercises/exercises'
import type { Exercise } from '../../web/src/exercises/types'

const find = (lessonId: string, exerciseId: string): Exercise =>
  course.find((l) => l.id === lessonId)!.exercises!.find((e) => e.id === exerciseId)!

describe('exercise prompts write no coefficient of 1', () => {
  it('the chain rule: u = x, v = −u, y = 2.5 v', () => {
    const p = find('chain-rule', 'three-links').prompt({ p: 1, q: -1, r: 2.5 })
    expect(p).toContain('$u = x$, $v = -u$ and $y = 2.5\\,v$.')
  })

  it('the learning rate: J(w) = ½·w², ∂J/∂w = w, w⁺ = w − η·w at k = 1', () => {
    const one = find('learning-rate', 'one-step').prompt({ k: 1, w: 1.4, eta: 0.5 })
    expect(one).toContain('$J(w) = \\tfrac12 \\cdot w^2$, so $\\partial J/\\partial w = w$.')
    const lab = find('learning-rate', 'which-diverges').prompt({
      k: 1,
      e1: 1,
      e2: 1.6,
      e3: 2.5,
      e4: 4,
    })
    expect(lab).toContain('$J(w) = \\tfrac12 \\cdot w^2$ from $w = 1$')
    expect(lab).toContain('$w^{+} = w - \\eta \\cdot w$.')
    const two = find('learning-rate', 'one-step').prompt({ k: 2, w: 1.4, eta: 0.5 })
    expect(two).toContain(
      '$J(w) = \\tfrac12 \\cdot 2\\,w^2$, so $\\partial J/\\partial w = 2\\,w$.',
    )
  })

  it('a neuron’s line: x₁ − x₂ − 0.5 = 0, signs as operators', () => {
    const v = { w1: 1, w2: -1, b: -0.5, x1: 0.2, x2: 0.3 }
    expect(find('hidden-layer', 'side-of-line').prompt(v)).toContain(
      'line is $x_1 - x_2 - 0.5 = 0$.',
    )
    const w = { w1: -0.7, w2: 1.3, b: 0.4, x1: 0.2, x2: 0.3 }
    expect(find('hidden-layer', 'side-of-line').prompt(w)).toContain(
      'line is $-0.7\\,x_1 + 1.3\\,x_2 + 0.4 = 0$.',
    )
  })

  it('no prompt of any lesson, at 200 numbers sets, writes 1 or −1 times a symbol', () => {
    // a bare 1 (not part of 0.1, 21 or \tfrac12) followed by a product with a symbol
    const ones = /(?<![\d.])-?1(?:\\,|\s*\\cdot\s*|·)\s*[a-zA-Z\\]/
    for (const lesson of course)
      for (const exercise of lesson.exercises ?? [])
        for (let seed = 1; seed <= 200; seed++) {
          const prompt = exercise.prompt(valuesOf(exercise, seed, lesson.id))
          expect(ones.exec(prompt)?.[0], `${lesson.id}/${exercise.id} seed ${seed}`).toBeUndefined()
        }
  })
})
