// Notes 004: the classic 2-2-2 sigmoid walk-through (w1..w8, b1 = 0.35, b2 = 0.60, η = 0.5).
import { defineExercises } from '../../exercises/types'
import { withDerived } from '../notation'
import { defineLesson } from '../types'

export default defineLesson({
  id: 'step-by-step-222',
  title: 'The classic 2-2-2 walk-through',
  summary:
    'Two inputs, two sigmoid hidden units, two sigmoid outputs: compute every net and out, the total ' +
    'error 0.298371109, every δ, and watch w5 become 0.35891648 after one update.',
  order: 60,
  learnt: [
    'A whole forward pass, the total error, every δ and one update of all weights, by hand.',
    'A hidden unit’s δ collects the δ of both outputs, each through its weight.',
  ],
  followsNotes: '004',
  exercises: defineExercises([
    {
      id: 'total-error',
      generate: (d) => ({
        o1: d.num(0.05, 0.95, 4),
        o2: d.num(0.05, 0.95, 4),
        t1: d.pick([0.01, 0.1, 0.5]),
        t2: d.pick([0.99, 0.9, 0.5]),
      }),
      prompt: (v) =>
        `The outputs are $out_{o1} = ${v.o1}$ and $out_{o2} = ${v.o2}$, the targets $${v.t1}$ and $${v.t2}$. What is $E_{total} = \\sum \\tfrac12 (target - out)^2$?`,
      blanks: [
        {
          key: 'E',
          label: 'Eₜₒₜₐₗ',
          exact: (v) => 0.5 * (v.t1 - v.o1) ** 2 + 0.5 * (v.t2 - v.o2) ** 2,
        },
      ],
      slips: (v) => [
        {
          key: 'E',
          value: (v.t1 - v.o1) ** 2 + (v.t2 - v.o2) ** 2,
          message: 'The factor ½ of the loss is missing.',
        },
      ],
    },
    {
      id: 'update-w5',
      generate: (d) => ({
        o1: d.num(0.5, 0.9, 4),
        t1: d.pick([0.01, 0.1]),
        h1: d.num(0.5, 0.7, 4),
        w5: d.num(0.3, 0.5, 2),
        eta: d.pick([0.5, 0.25, 1]),
      }),
      prompt: (v) =>
        `$out_{o1} = ${v.o1}$, $target_{o1} = ${v.t1}$, $out_{h1} = ${v.h1}$, $w_5 = ${v.w5}$, $\\eta = ${v.eta}$. Compute $\\partial E_{total}/\\partial w_5 = (out_{o1} - target_{o1})\\,out_{o1}(1 - out_{o1})\\,out_{h1}$ and $w_5^{+}$.`,
      blanks: [
        {
          key: 'dw5',
          label: '∂Eₜₒₜₐₗ/∂w₅',
          exact: (v) => (v.o1 - v.t1) * v.o1 * (1 - v.o1) * v.h1,
        },
        {
          key: 'w5new',
          label: 'w₅⁺',
          exact: (v) => v.w5 - v.eta * (v.o1 - v.t1) * v.o1 * (1 - v.o1) * v.h1,
        },
      ],
      slips: (v) => [
        {
          key: 'dw5',
          value: (v.o1 - v.t1) * v.h1,
          message: 'The factor σ′(z) = out(1 − out) is missing.',
        },
        {
          key: 'w5new',
          value: v.w5 + v.eta * (v.o1 - v.t1) * v.o1 * (1 - v.o1) * v.h1,
          message: 'The step went uphill: subtract η times the gradient.',
        },
      ],
    },
  ]),
  spec: {
    layers: [2, 2, 2],
    activations: ['sigmoid', 'sigmoid'],
    loss: 'half_sse',
    weights: [
      [
        [0.15, 0.2],
        [0.25, 0.3],
      ],
      [
        [0.4, 0.45],
        [0.5, 0.55],
      ],
    ],
    biases: [
      [0.35, 0.35],
      [0.6, 0.6],
    ],
    inputs: [[0.05, 0.1]],
    targets: [[0.01, 0.99]],
    learningRate: 0.5,
    trainBiases: false,
    sharedBiases: true,
  },
  intro: [
    'The notes’ classic example: inputs $i_1 = 0.05$, $i_2 = 0.10$, weights $w_1 \\dots w_8$, one bias per layer ($b_1 = 0.35$, $b_2 = 0.60$) and targets $0.01$, $0.99$. Every unit uses the sigmoid $out = 1/(1 + e^{-net})$ and the error is $E_{total} = \\sum \\tfrac12 (target - out)^2$.',
    'Press Forward, Backward and Update (or Step for all three). Click any weight to see its gradient derived by the chain rule, with the current numbers.',
  ],
  // prettier-ignore
  symbols: withDerived({
    'x[0]': 'i_1', 'x[1]': 'i_2',
    'W1[0][0]': 'w_1', 'W1[0][1]': 'w_2', 'W1[1][0]': 'w_3', 'W1[1][1]': 'w_4',
    'W2[0][0]': 'w_5', 'W2[0][1]': 'w_6', 'W2[1][0]': 'w_7', 'W2[1][1]': 'w_8',
    'b1': 'b_1', 'b2': 'b_2', 'b1[0]': 'b_1', 'b1[1]': 'b_1', 'b2[0]': 'b_2', 'b2[1]': 'b_2',
    'z1[0]': 'net_{h1}', 'z1[1]': 'net_{h2}', 'a1[0]': 'out_{h1}', 'a1[1]': 'out_{h2}',
    'z2[0]': 'net_{o1}', 'z2[1]': 'net_{o2}', 'a2[0]': 'out_{o1}', 'a2[1]': 'out_{o2}',
    'y[0]': 'target_{o1}', 'y[1]': 'target_{o2}',
    'E[0]': 'E_{o1}', 'E[1]': 'E_{o2}', loss: 'E_{total}',
    'delta1[0]': '\\delta_{h1}', 'delta1[1]': '\\delta_{h2}',
    'delta2[0]': '\\delta_{o1}', 'delta2[1]': '\\delta_{o2}',
  }),
  units: [
    ['i_1', 'i_2'],
    ['h_1', 'h_2'],
    ['o_1', 'o_2'],
  ],
  sharedBiases: true,
  focus: 'W2[0][0]',
  // prettier-ignore
  highlights: [
    'z1[0]', 'a1[0]', 'a1[1]', 'z2[0]', 'a2[0]', 'a2[1]', 'E[0]', 'E[1]', 'loss',
    'delta2[0]', 'dW2[0][0]', 'Wnew2[0][0]', 'dW1[0][0]', 'Wnew1[0][0]',
  ],
  steps: [
    {
      do: 'forward',
      say: 'Forward: $net_{h1} = w_1 i_1 + w_2 i_2 + b_1 = {=z1[0]}$, $out_{h1} = {f1(net_{h1})}$, the same for $h_2$; $out_{o1} = {f2(net_{o1})}$ and $o_2$; $E_{total} = E_{o1} + E_{o2}$.',
    },
    {
      do: 'backward',
      derive: 'W2[0][0]',
      say: 'Backward: how much does $w_5$ change the error? Three factors: $\\partial E_{total}/\\partial out_{o1}$, $\\partial out_{o1}/\\partial net_{o1}$ and $\\partial net_{o1}/\\partial w_5 = out_{h1}$.',
    },
    {
      derive: 'W1[0][0]',
      say: 'A hidden weight such as $w_1$ reaches the error through both outputs: its derivation adds one bracket per path.',
    },
    {
      do: 'update',
      derive: 'W2[0][0]',
      say: 'Update with $\\eta = {=eta}$: $w_5^{+} = w_5 - \\eta\\, \\partial E_{total}/\\partial w_5$. The biases stay, as in the notes.',
    },
    {
      say: 'Now press Train to repeat this thousands of times and watch the error fall, or change any number above.',
    },
  ],
  slips: [
    {
      key: 'z1[0]',
      written: '0.377',
      note: 'The notes write netₕ₁ = 0.377; here it is {=z1[0]}.',
    },
    {
      key: 'z2[0]',
      written: '1.175',
      note: 'The notes write netₒ₁ = 1.175; here it is {=z2[0]}.',
    },
    { key: 'E[1]', written: '0.23', note: 'The notes write Eₒ₂ = 0.23; here it is {=E[1]}.' },
    { key: 'loss', written: '0.50', note: 'The notes write Eₜₒₜₐₗ = 0.50; here it is {=loss}.' },
  ],
})
