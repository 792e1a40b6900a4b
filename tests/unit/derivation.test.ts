// Chain-rule derivations as KaTeX data (math/derivation.ts): notes 004's w5 and w1, the δ recursion,
// batch means, matrix form; every final value is the fixture's dW / db, every string renders in KaTeX.

import katex from 'katex'
import { describe, expect, it } from 'vitest'
import {
  deriveGradient,
  numericalGradientCaption,
  outputLayerMatrixForm,
  PRODUCT_NOTE,
} from '../../web/src/math/derivation'
import { classicCase, stepCases, traceOf, type StepCase } from './fixtures'

type Case = StepCase
const cases = stepCases
const classic = classicCase
const trace = traceOf(classic)
const symbols = {
  'W1[0][0]': 'w_1',
  'W2[0][0]': 'w_5',
  'W2[1][0]': 'w_7',
  'z1[0]': 'net_{h1}',
  'a1[0]': 'out_{h1}',
  'z2[0]': 'net_{o1}',
  'a2[0]': 'out_{o1}',
  'y[0]': 'target_{o1}',
  'x[0]': 'i_1',
  loss: 'E_{total}',
  'E[0]': 'E_{o1}',
}
const all = (steps: { latex: string }[]): string => steps.map((s) => s.latex).join('\n')

describe('deriveGradient', () => {
  it('derives ∂E_total/∂w5 as three factors 0.741365070, 0.186815602, 0.593269992 giving 0.082167041', () => {
    const steps = deriveGradient(classic.spec, trace, 'W2[0][0]', { symbols })
    expect(steps).toHaveLength(4)
    expect(steps[0].latex).toBe(
      '\\frac{\\partial E_{total}}{\\partial w_5} = \\frac{\\partial E_{total}}{\\partial out_{o1}} \\cdot \\frac{\\partial out_{o1}}{\\partial net_{o1}} \\cdot \\frac{\\partial net_{o1}}{\\partial w_5}',
    )
    expect(steps[1].latex).toContain('-(target_{o1} - out_{o1})')
    expect(steps[1].latex).toContain('out_{o1}\\,(1 - out_{o1})')
    for (const f of ['0.74136507', '0.186815602', '0.593269992'])
      expect(steps[3].latex).toContain(f)
    expect(steps[3].latex).toContain('0.0821670406')
    expect(steps[3].value).toBe(classic.expected.layers[1].dW[0][0])
    expect(steps[3].value).toBeCloseTo(0.082167041, 9)
  })

  it('sums one bracketed path per output for ∂E_total/∂w1, giving 0.000438568', () => {
    const steps = deriveGradient(classic.spec, trace, 'W1[0][0]', { symbols })
    const chain = steps[0].latex
    expect(chain.match(/\\big\[/g)).toHaveLength(2)
    expect(chain).toContain('\\frac{\\partial net_{o1}}{\\partial out_{h1}}')
    expect(chain).toContain('\\frac{\\partial net_{h1}}{\\partial w_1}')
    expect(steps[1].latex).toContain('&= w_7')
    const last = steps[steps.length - 1]
    expect(last.value).toBe(classic.expected.layers[0].dW[0][0])
    expect(last.value).toBeCloseTo(0.000438568, 9)
    expect(last.latex).toContain('0.000438567734')
    // the second path carries (out_o2 − target_o2) = 0.772928465 − 0.99 < 0
    expect(all(steps)).toContain('(-0.217071535)')
  })

  it('uses ∂net/∂b = 1 for a bias', () => {
    const steps = deriveGradient(classic.spec, trace, 'b2[1]')
    expect(steps[1].latex).toContain('&= 1')
    expect(steps[steps.length - 1].value).toBe(classic.expected.layers[1].db[1])
  })

  it('falls back to the default notation w^{(l)}_{ji} with 1-based indices', () => {
    const steps = deriveGradient(classic.spec, trace, 'W2[1][0]')
    expect(steps[0].latex).toContain('\\partial w^{(2)}_{21}')
    expect(steps[0].latex).toContain('\\partial a^{(2)}_{2}')
    expect(steps[0].latex).toContain('\\partial z^{(2)}_{2}')
  })

  it('uses the δ recursion for a deep layer and ends on the engine’s gradient', () => {
    const c = cases.find((x) => x.name === 'step-12') as Case // 5-5-3-4, leaky ReLU, one sample
    const steps = deriveGradient(c.spec, traceOf(c), 'W1[2][3]')
    expect(all(steps)).toContain('\\odot')
    expect(all(steps)).toContain('\\delta^{(1)}_{3}')
    expect(steps[steps.length - 1].value).toBe(c.expected.layers[0].dW[2][3])
  })

  it('shows the selected sample and then the batch mean from the trace', () => {
    const c = cases.find((x) => x.name === 'step-5') as Case // 2-5-4-4, 3 samples
    const steps = deriveGradient(c.spec, traceOf(c), 'W3[1][2]', { sample: 2 })
    expect(steps[0].caption).toContain('Sample 3 of 3')
    const last = steps[steps.length - 1]
    expect(last.latex).toContain('\\frac{1}{3}')
    expect(last.value).toBe(c.expected.layers[2].dW[1][2])
    const perSample = steps[steps.length - 2].value ?? NaN
    const layer = c.expected.layers[2]
    expect(perSample).toBeCloseTo(layer.delta[2][1] * c.expected.layers[1].a[2][2], 15)
  })

  it('writes δ = a − y when softmax meets cross-entropy', () => {
    const c = cases.find((x) => x.name === 'step-22') as Case // 3-2 softmax, one sample
    const steps = deriveGradient(c.spec, traceOf(c), 'W1[0][1]')
    expect(steps[1].latex).toContain('a^{(1)}_{1} - y_{1}')
    expect(steps[steps.length - 1].value).toBe(c.expected.layers[0].dW[0][1])
  })

  it('ends on the engine’s value for every parameter of every single-step reference case', () => {
    for (const c of cases.filter((x) => x.name.startsWith('step-'))) {
      const t = traceOf(c)
      c.expected.layers.forEach((layer, l) => {
        layer.dW.forEach((row, j) => {
          const w = deriveGradient(c.spec, t, `W${l + 1}[${j}][${row.length - 1}]`)
          expect(w[w.length - 1].value, c.name).toBe(row[row.length - 1])
          const b = deriveGradient(c.spec, t, `b${l + 1}[${j}]`)
          expect(b[b.length - 1].value, c.name).toBe(layer.db[j])
          // the same lines whatever the numbers (a line that came and went made the page jump):
          // the rounded factors' product, then the exact value, even where they agree (0 for ReLU)
          for (const steps of [w, b])
            expect(
              steps.filter((s) => s.caption === PRODUCT_NOTE && s.latex.includes('\\approx')),
              c.name,
            ).toHaveLength(1)
        })
      })
    }
  })

  it('states which side of the kink z is on for ReLU and leaky ReLU outputs, for no other', () => {
    // f′ of ReLU and leaky ReLU jumps at z = 0 (listed by hand); the side is the fixture's z.
    const kinked = ['relu', 'leaky_relu']
    let seen = 0
    for (const c of cases.filter((x) => x.name.startsWith('step-'))) {
      const L = c.spec.layers.length - 1
      const all = deriveGradient(c.spec, traceOf(c), `W${L}[0][0]`)
        .map((s) => s.latex)
        .join('\n')
      const z = c.expected.layers[L - 1].z[0][0]
      if (kinked.includes(c.spec.activations[L - 1])) {
        expect(all, c.name).toContain(z > 0 ? '> 0)' : '\\le 0)')
        seen++
      } else expect(all, c.name).not.toContain('\\quad (')
    }
    expect(seen).toBeGreaterThan(2)
  })

  it('rejects a key that is not a parameter', () => {
    expect(() => deriveGradient(classic.spec, trace, 'z1[0]')).toThrow()
  })
})

describe('outputLayerMatrixForm', () => {
  it('writes ∂E/∂W² = δ² (a¹)ᵀ with the classic numbers', () => {
    const steps = outputLayerMatrixForm(classic.spec, trace)
    expect(steps[0].latex).toContain('\\delta^{(2)} \\, (a^{(1)})^\\top')
    expect(steps[1].latex).toContain(
      '\\begin{bmatrix} 0.138498562 \\\\ (-0.0380982365) \\end{bmatrix} \\begin{bmatrix} 0.593269992 & 0.596884378 \\end{bmatrix}',
    )
    expect(steps[1].latex).toContain('0.0821670406 & 0.0826676278')
  })

  it('averages over the batch as (1/B) Δ Aᵀ', () => {
    const c = cases.find((x) => x.name === 'step-17') as Case // 3-2 linear, 3 samples
    const steps = outputLayerMatrixForm(c.spec, traceOf(c))
    expect(steps[0].latex).toContain('\\frac{1}{3}')
  })
})

describe('numericalGradientCaption', () => {
  it('reports the relative error and whether the gradients agree', () => {
    const dw5 = classic.expected.layers[1].dW[0][0]
    const at = (analytic: number, numeric: number) =>
      numericalGradientCaption({
        analytic,
        numeric,
        left: numeric,
        right: numeric,
        kink: false,
        loss: classic.expected.loss,
        epsilon: 1e-6,
      })
    expect(at(dw5, dw5 * (1 + 1e-10))).toContain('they agree')
    // 10⁻¹⁰ is below what ε = 10⁻⁶ resolves at this loss (about 10⁻⁸ relative): not shown as a figure
    expect(at(dw5, dw5 * (1 + 1e-10))).toContain('within the check’s precision, about 1×10⁻⁸')
    expect(at(dw5, dw5 * (1 + 1e-10))).not.toContain('1×10⁻¹⁰')
    expect(at(dw5, dw5 * 1.5)).toContain('bug')
    expect(at(0, 0)).toContain('agree')
    expect(at(1e-15, 0)).toContain('too small to check')
  })
})

describe('derivation LaTeX', () => {
  it('renders with KaTeX for every parameter of every single-step reference case', () => {
    for (const c of cases.filter((x) => x.name.startsWith('step-') || x.name === 'classic-222')) {
      const t = traceOf(c)
      const steps = [...outputLayerMatrixForm(c.spec, t)]
      c.expected.layers.forEach((layer, l) =>
        layer.dW.forEach((row, j) => {
          steps.push(
            ...deriveGradient(c.spec, t, `W${l + 1}[${j}][0]`, {
              sample: c.spec.inputs.length - 1,
            }),
          )
          steps.push(...deriveGradient(c.spec, t, `b${l + 1}[${j}]`))
        }),
      )
      for (const s of steps) {
        expect(
          () => katex.renderToString(s.latex, { throwOnError: true }),
          `${c.name}: ${s.latex}`,
        ).not.toThrow()
      }
    }
  }, 60_000) // hundreds of KaTeX renders: slow on a loaded 2-core machine
})
