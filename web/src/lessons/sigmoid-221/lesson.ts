// Notes 002: a 2-2-1 network, sigmoid everywhere, no biases, E = ½(A3 − yt)²; all six weight gradients and
// the output layer's gradients in matrix form. The notes are symbolic: the numbers are our editable defaults.
import { defineExercises } from '../../exercises/types'
import { withDerived } from '../notation'
import { defineLesson } from '../types'

export default defineLesson({
  id: 'sigmoid-221',
  title: 'A 2-2-1 sigmoid network, all six gradients',
  summary:
    'No biases, sigmoid everywhere, one output: derive the gradient of all six weights term by term, and the ' +
    'output layer’s gradients in matrix form.',
  order: 50,
  learnt: [
    "Each gradient is a product of local slopes along a path: error, $\\sigma'$ of the output, a weight, $\\sigma'$ of the hidden unit, the input.",
    'The output layer’s gradients in matrix form are $\\delta A^{\\top}$.',
  ],
  followsNotes: '002',
  fromNotes: [
    {
      heading: 'Notes 002’s matrix form and δ₃Aᵀ',
      paragraphs: [
        'Notes 002 write the output weights’ gradients together: $\\frac{\\partial E}{\\partial W_3} = \\big[\\tfrac{\\partial E}{\\partial w_{31}} \\; \\tfrac{\\partial E}{\\partial w_{32}}\\big] = (A_3 - y_t)\\,A_3(1 - A_3)\\,\\big[A_1 \\; A_2\\big]$.',
        'The first two factors are $\\delta_3 = \\partial E/\\partial z_3$, and $[A_1 \\; A_2] = A^{\\top}$: so it is the derivation panel’s $\\frac{\\partial E}{\\partial W_3} = \\delta_3 A^{\\top}$. With several outputs, $A_3(1 - A_3)$ becomes the diagonal matrix $\\operatorname{diag}\\big(A_3(1 - A_3)\\big)$: $\\delta_3 = \\operatorname{diag}\\big(A_3(1 - A_3)\\big)(A_3 - y_t)$, which is the element-wise product $(A_3 - y_t) \\odot A_3(1 - A_3)$.',
      ],
    },
  ],
  exercises: defineExercises([
    {
      id: 'hidden-unit',
      generate: (d) => ({
        x1: d.num(0, 1, 2),
        x2: d.num(0, 1, 2),
        w11: d.num(-1, 1, 2),
        w12: d.num(-1, 1, 2),
      }),
      prompt: (v) =>
        `No biases, sigmoid hidden units: $x = (${v.x1}, ${v.x2})$, $w_{11} = ${v.w11}$, $w_{12} = ${v.w12}$. Compute $z_1 = x_1 w_{11} + x_2 w_{12}$ and $A_1 = \\sigma(z_1)$.`,
      blanks: [
        { key: 'z1', label: 'z₁', exact: (v) => v.x1 * v.w11 + v.x2 * v.w12 },
        {
          key: 'A1',
          label: 'A₁',
          exact: (v) => 1 / (1 + Math.exp(-(v.x1 * v.w11 + v.x2 * v.w12))),
        },
      ],
    },
    {
      id: 'output-delta',
      generate: (d) => ({ A3: d.num(0.05, 0.95, 3), yt: d.pick([0, 1, 0.2, 0.8]) }),
      prompt: (v) =>
        `The output is $A_3 = ${v.A3}$ and the target $y_t = ${v.yt}$, with $E = \\tfrac12 (A_3 - y_t)^2$. What is $\\delta_3 = \\partial E/\\partial z_3 = (A_3 - y_t)\\,A_3(1 - A_3)$?`,
      blanks: [{ key: 'delta3', label: 'δ₃', exact: (v) => (v.A3 - v.yt) * v.A3 * (1 - v.A3) }],
      slips: (v) => [
        {
          key: 'delta3',
          value: v.A3 - v.yt,
          message: 'The factor σ′(z) = A₃(1 − A₃) is missing.',
        },
      ],
    },
  ]),
  spec: {
    layers: [2, 2, 1],
    activations: ['sigmoid', 'sigmoid'],
    loss: 'half_sse',
    weights: [
      [
        [0.3, 0.6],
        [-0.4, 0.2],
      ],
      [[0.7, -0.5]],
    ],
    biases: [[0, 0], [0]],
    inputs: [[0.5, 0.8]],
    targets: [[1]],
    learningRate: 0.5,
    trainBiases: false,
  },
  intro: [
    'The notes’ network: $z_1 = x_1 w_{11} + x_2 w_{12}$, $z_2 = x_1 w_{21} + x_2 w_{22}$, $A_i = \\sigma(z_i)$, $z_3 = A_1 w_{31} + A_2 w_{32}$, $A_3 = \\sigma(z_3)$ and $E = \\tfrac12 (A_3 - y_t)^2$. There are no biases.',
    'The notes work symbolically; the inputs, target and weights here are our own defaults. Change any of them.',
  ],
  // prettier-ignore
  symbols: withDerived({
    'x[0]': 'x_1', 'x[1]': 'x_2', 'y[0]': 'y_t',
    'W1[0][0]': 'w_{11}', 'W1[0][1]': 'w_{12}', 'W1[1][0]': 'w_{21}', 'W1[1][1]': 'w_{22}',
    'W2[0][0]': 'w_{31}', 'W2[0][1]': 'w_{32}',
    'z1[0]': 'z_1', 'z1[1]': 'z_2', 'a1[0]': 'A_1', 'a1[1]': 'A_2', 'z2[0]': 'z_3', 'a2[0]': 'A_3',
    'E[0]': 'E', loss: 'E',
    'delta1[0]': '\\delta_1', 'delta1[1]': '\\delta_2', 'delta2[0]': '\\delta_3',
    a1: 'A', delta2: '\\delta_3', W2: 'W_3',
  }),
  units: [['x_1', 'x_2'], ['1', '2'], ['3']],
  noBiases: true,
  matrixForm: true,
  focus: 'W2[0][0]',
  highlights: [
    'z1[0]',
    'a1[0]',
    'z2[0]',
    'a2[0]',
    'loss',
    'delta2[0]',
    'dW2[0][0]',
    'dW2[0][1]',
    'dW1[0][0]',
  ],
  steps: [
    {
      do: 'forward',
      say: 'Forward: $z_1, z_2$, then $A_1, A_2$, then $z_3$ and the prediction $A_3$; the error is $E = \\tfrac12 (A_3 - y_t)^2$.',
    },
    {
      do: 'backward',
      derive: 'W2[0][0]',
      say: '$\\partial E/\\partial w_{31} = (A_3 - y_t)\\, A_3 (1 - A_3)\\, A_1$: three factors, as in the notes’ equations (1) to (5).',
    },
    {
      derive: 'W2[0][1]',
      say: '$\\partial E/\\partial w_{32}$ differs only in the last factor, $A_2$. Below the derivation: both output gradients at once, in matrix form.',
    },
    {
      derive: 'W1[0][0]',
      say: '$\\partial E/\\partial w_{11} = (A_3 - y_t)\\, A_3(1 - A_3)\\, w_{31}\\, A_1(1 - A_1)\\, x_1$: five factors through the hidden unit 1.',
    },
    {
      derive: 'W1[1][1]',
      say: 'And $w_{22}$ goes through unit 2: $\\dots w_{32}\\, A_2(1 - A_2)\\, x_2$. Click the other weights for the rest.',
    },
    { do: 'update', say: 'Update all six weights at once with $\\eta = {=eta}$.' },
  ],
  slips: [],
})
