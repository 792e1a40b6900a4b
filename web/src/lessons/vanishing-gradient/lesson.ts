// Notes 004: vanishing gradients. σ′ ≤ 0.25, so n sigmoid layers scale a gradient by at most 0.25ⁿ.
import type { ActivationName } from '../../engine/types'
import { defineExercises, type Values } from '../../exercises/types'
import { formatNumber } from '../../math/format'
import { deepSpec } from './deepNet'
import { definePanelLesson, TRAINING_LINK_KEEPS } from '../panel'
import { VANISHING_GRADIENT_FIELDS } from './fields'
import { plural } from '../../math/plural'

/** The depths and activations a prediction compares. */
const DEPTH_SETS = [
  [2, 4, 6, 8],
  [3, 5, 7, 9],
  [2, 5, 8, 10],
]
// (not ReLU: dead units give gradients of exactly 0 at several depths, a tie no prediction can win)
const ACTIVATIONS: ActivationName[] = ['sigmoid', 'tanh']
const depthsOf = (v: Values) => DEPTH_SETS[v.set]

export default definePanelLesson({
  id: 'vanishing-gradient',
  title: 'Vanishing gradients',
  summary:
    'Stack sigmoid layers and watch the gradient shrink layer by layer, up to 0.25 per layer; tanh and ReLU can keep it alive, unless ReLU units die.',
  order: 120,
  learnt: [
    "$\\sigma'(z) \\le \\tfrac14$, so through $L$ sigmoid layers the gradient shrinks by up to $(\\tfrac14)^L$.",
    'tanh and ReLU have slope up to 1 and can keep the gradient alive; a ReLU unit with $z \\le 0$ on every sample is dead and passes back nothing.',
  ],
  notation: ['sigma', 'f', 'delta', 'z', 'W'],
  exercises: defineExercises([
    {
      id: 'bound',
      generate: (d) => ({ L: d.int(3, 10) }),
      prompt: (v) =>
        `$\\sigma'(z) \\le 0.25$. By at most what factor do ${v.L} sigmoid layers scale a gradient (weights of 1)? Type it as a number, e.g. 1e-3.`,
      blanks: [{ key: 'bound', label: 'largest factor', exact: (v) => 0.25 ** v.L }],
      slips: (v) => [
        {
          key: 'bound',
          value: 0.25 * v.L,
          message: `This is ${v.L} × 0.25, the notes’ slip: the factors multiply, 0.25 to the power ${v.L}.`,
        },
      ],
    },
    {
      id: 'three-slopes',
      generate: (d) => ({ z1: d.num(-3, 3, 1), z2: d.num(-3, 3, 1), z3: d.num(-3, 3, 1) }),
      prompt: (v) =>
        `A gradient passes back through three sigmoid units with $z = ${v.z1}$, $${v.z2}$, $${v.z3}$ (weights 1). What is the product $\\sigma'(z_1)\\,\\sigma'(z_2)\\,\\sigma'(z_3)$?`,
      blanks: [
        {
          key: 'product',
          label: 'product of σ′',
          exact: (v) =>
            [v.z1, v.z2, v.z3]
              .map((z) => 1 / (1 + Math.exp(-z)))
              .reduce((acc, s) => acc * s * (1 - s), 1),
        },
      ],
    },
    {
      id: 'smallest-first-layer',
      generate: (d) => ({
        set: d.int(0, DEPTH_SETS.length - 1),
        act: d.int(0, ACTIVATIONS.length - 1),
        seed: d.int(1, 99),
      }),
      prompt: (v) =>
        `A network like the chart’s (2 inputs, hidden layers of 4 units, 1 output, all ${ACTIVATIONS[v.act]}, Xavier initialisation, seed ${v.seed}) built with ${depthsOf(v).join(', ')} weight layers. After one backward pass over the same four samples, which depth has the smallest first-layer gradient $\\lVert \\partial J / \\partial W^{[1]} \\rVert$? Predict, then run it.`,
      blanks: [
        {
          key: 'depth',
          label: 'smallest first-layer gradient',
          choices: (v) => depthsOf(v).map((n) => ({ value: n, label: plural(n, 'layer') })),
        },
      ],
      lab: (v) => ({
        candidates: depthsOf(v).map((n) => ({
          label: plural(n, 'layer'),
          spec: deepSpec(n, ACTIVATIONS[v.act], v.seed),
        })),
        updates: 0,
        verdict: (out) => {
          const norms = out.map((o) => o.gradientNorms[0])
          const k = norms.reduce((b, g, j) => (g < norms[b] ? j : b), 0)
          return {
            answers: { depth: depthsOf(v)[k] },
            lines: out.map(
              (o, j) =>
                `${o.label}: $\\lVert \\partial J / \\partial W^{[1]} \\rVert = ${formatNumber(norms[j], 4, { style: 'latex' })}$.`,
            ),
          }
        },
      }),
    },
  ]),
  notes: '004',
  intro: [
    "The sigmoid’s slope is $\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))$, and it is never larger than $0.25$ (at $z = 0$). Backpropagation multiplies one such slope per layer on the way back, so the gradient reaching the first layer of a deep sigmoid network can be tiny: the early layers barely learn.",
    'Choose a depth. The chart shows the size of the gradient $\\lVert \\partial J / \\partial W_l \\rVert$ of every layer after one backward pass through the same seeded network built with sigmoid, tanh and ReLU units. Then train all three and see how far each layer’s weights move.',
  ],
  linkKeeps: TRAINING_LINK_KEEPS,
  links: [VANISHING_GRADIENT_FIELDS, 'pace'],
  panel: () => import('./VanishingGradientPanel.vue'),
})
