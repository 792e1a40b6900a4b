// Notes 000: a 2-2-2 network, ReLU hidden layer sharing b1 = 0.1, sigmoid outputs sharing b2 = 0.2,
// x = (0.7, 0.5), y = (0.3, 0.7), L = ½ Σ (y − ŷ)². The notes' weights are illegible: the defaults are ours.
import { formatNumber } from '../../math/format'
import { defineExercises } from '../../exercises/types'
import { withDerived } from '../notation'
import { defineLesson } from '../types'

/** Three significant figures, as the notes write them. */
const f3 = (x: number) => formatNumber(x, 3)

export default defineLesson({
  id: 'relu-sigmoid-222',
  title: 'ReLU, then sigmoid: the gradient of w¹₁₁ through both outputs',
  summary:
    'A ReLU hidden layer and sigmoid outputs with shared biases. The gradient of the first weight adds ' +
    'one chain per output, and the notes flip a sign in the second one: find it.',
  order: 70,
  learnt: [
    'ReLU’s slope is 1 for $z > 0$ and 0 otherwise: a unit with $z < 0$ passes no gradient back.',
    'A first-layer weight’s gradient adds one chain per output; one flipped sign gives a wrong total.',
  ],
  followsNotes: '000',
  fromNotes: [
    {
      heading: 'From notes 000: which loss, and −ln 0.7',
      paragraphs: [
        'The notes end with a remark on losses. This walk-through uses the squared error $L = \\tfrac12[(y_1 - \\hat y_1)^2 + (y_2 - \\hat y_2)^2]$ (MSE), the usual choice for regression, where the targets are numbers. For classification, where the target is a class, they use cross-entropy, $L = -\\ln \\hat y_{\\text{true class}}$: with a sigmoid output its gradient does not fade when the output is badly wrong.',
        `Their two-class example, true class 2: the prediction [0.4, 0.6] costs −ln 0.6 = ${f3(-Math.log(0.6))}, the surer [0.1, 0.9] costs −ln 0.9 = ${f3(-Math.log(0.9))}: the more probability on the right class, the smaller the loss.`,
        `And −ln 0.7 = ${f3(-Math.log(0.7))}. The notes write −log 0.7 ≈ 0.15: that is the base-10 logarithm, −log₁₀ 0.7 = ${f3(-Math.log10(0.7))}, the slip check-my-work names “log₁₀ was used where the natural logarithm ln belongs”. Cross-entropy uses ln.`,
      ],
      link: {
        to: '/loss-compare',
        text: 'See both losses train the same network: MSE or cross-entropy? →',
      },
    },
  ],
  exercises: defineExercises([
    {
      id: 'relu-delta',
      generate: (d) => ({
        z: d.num(-1, 1, 2),
        w1: d.num(-1, 1, 2),
        w2: d.num(-1, 1, 2),
        d1: d.num(-0.3, 0.3, 3),
        d2: d.num(-0.3, 0.3, 3),
      }),
      prompt: (v) =>
        `A ReLU hidden unit has $z = ${v.z}$. Its weights to the two outputs are $${v.w1}$ and $${v.w2}$, whose δ are $${v.d1}$ and $${v.d2}$. What is the hidden unit’s $\\delta = \\mathrm{ReLU}'(z)\\,(w_1\\delta_1 + w_2\\delta_2)$?`,
      blanks: [
        {
          key: 'delta',
          label: 'δ',
          exact: (v) => (v.z > 0 ? 1 : 0) * (v.w1 * v.d1 + v.w2 * v.d2),
        },
      ],
      slips: (v) =>
        v.z > 0
          ? [
              {
                key: 'delta',
                value: v.w1 * v.d1 - v.w2 * v.d2,
                message: 'The sign of the second output’s term is flipped.',
              },
            ]
          : [
              {
                key: 'delta',
                value: v.w1 * v.d1 + v.w2 * v.d2,
                message: 'For z < 0, ReLU′(z) = 0: nothing passes back.',
              },
            ],
    },
    {
      id: 'cross-entropy',
      generate: (d) => ({ p: d.num(0.05, 0.95, 2) }),
      prompt: (v) =>
        `The network gives the true class the probability $${v.p}$. What is its cross-entropy loss $-\\ln ${v.p}$?`,
      blanks: [{ key: 'loss', label: '−ln p', exact: (v) => -Math.log(v.p) }],
      slips: (v) => [
        {
          key: 'loss',
          value: -Math.log10(v.p),
          message: 'log₁₀ was used where the natural logarithm ln belongs.',
        },
      ],
    },
  ]),
  spec: {
    layers: [2, 2, 2],
    activations: ['relu', 'sigmoid'],
    loss: 'half_sse',
    weights: [
      [
        [0.5, 0.3],
        [-0.2, 0.6],
      ],
      [
        [0.4, -0.3],
        [0.7, 0.2],
      ],
    ],
    biases: [
      [0.1, 0.1],
      [0.2, 0.2],
    ],
    inputs: [[0.7, 0.5]],
    targets: [[0.3, 0.7]],
    learningRate: 0.5,
    trainBiases: false,
    sharedBiases: true,
  },
  intro: [
    'From the notes: inputs $X_1 = 0.7$, $X_2 = 0.5$, targets $y_1 = 0.3$, $y_2 = 0.7$, a ReLU hidden layer sharing $b_1 = 0.1$ and sigmoid outputs sharing $b_2 = 0.2$, with $L = \\tfrac12[(0.3 - \\hat y_1)^2 + (0.7 - \\hat y_2)^2]$.',
    'The notes’ weights are not legible, so the weights here are our own defaults (one of them negative, to show a dashed edge). Every one of them is editable below.',
  ],
  // prettier-ignore
  symbols: withDerived({
    'x[0]': 'X_1', 'x[1]': 'X_2', 'y[0]': 'y_1', 'y[1]': 'y_2',
    'W1[0][0]': 'w^1_{11}', 'W1[0][1]': 'w^1_{12}', 'W1[1][0]': 'w^1_{21}', 'W1[1][1]': 'w^1_{22}',
    'W2[0][0]': 'w^2_{11}', 'W2[0][1]': 'w^2_{12}', 'W2[1][0]': 'w^2_{21}', 'W2[1][1]': 'w^2_{22}',
    'b1': 'b_1', 'b2': 'b_2', 'b1[0]': 'b_1', 'b1[1]': 'b_1', 'b2[0]': 'b_2', 'b2[1]': 'b_2',
    'z1[0]': 'net^1_1', 'z1[1]': 'net^1_2', 'a1[0]': 'O^1_1', 'a1[1]': 'O^1_2',
    'z2[0]': 'net^2_1', 'z2[1]': 'net^2_2', 'a2[0]': '\\hat{y}_1', 'a2[1]': '\\hat{y}_2',
    'E[0]': 'L_1', 'E[1]': 'L_2', loss: 'L',
    'delta1[0]': '\\delta^1_1', 'delta1[1]': '\\delta^1_2', 'delta2[0]': '\\delta^2_1', 'delta2[1]': '\\delta^2_2',
  }),
  units: [
    ['X_1', 'X_2'],
    ['h_1', 'h_2'],
    ['o_1', 'o_2'],
  ],
  sharedBiases: true,
  focus: 'W1[0][0]',
  highlights: [
    'z1[0]',
    'a1[0]',
    'z2[0]',
    'a2[0]',
    'a2[1]',
    'loss',
    'delta2[0]',
    'delta2[1]',
    'delta1[0]',
    'dW1[0][0]',
  ],
  steps: [
    {
      do: 'forward',
      say: 'Forward: $net^1_1 = w^1_{11} X_1 + w^1_{12} X_2 + b_1$, $O^1_1 = {f1(net^1_1)}$; then $net^2_k$ and $\\hat y_k = {f2(net^2_k)}$.',
    },
    {
      do: 'backward',
      derive: 'W1[0][0]',
      say: 'Backward: $w^1_{11}$ feeds $O^1_1$, which feeds both outputs, so $\\partial L/\\partial w^1_{11}$ is a sum of two bracketed chains, one per output, times $\\partial O^1_1/\\partial net^1_1 \\cdot \\partial net^1_1/\\partial w^1_{11}$.',
    },
    {
      derive: 'W1[0][0]',
      say: 'ReLU’s derivative is 1 where $net > 0$ and 0 where $net < 0$ (undefined at 0; the engine takes 0). Make $net^1_1$ negative by editing $w^1_{11}$ and watch the whole gradient vanish.',
    },
    {
      do: 'update',
      say: 'Update: $w^{1}_{11} \\leftarrow w^1_{11} - \\eta\\, \\partial L/\\partial w^1_{11}$ with $\\eta = {=eta}$ (the notes write α).',
    },
  ],
  slips: [
    {
      key: 'dW1[0][0]',
      slip: { id: 'flipped-sign', messageIncludes: 'output 2' },
      note: 'With the notes’ sign in the second bracket, (y₂ − ŷ₂) instead of (ŷ₂ − y₂), the gradient comes out as this value.',
    },
  ],
  derivationNotes: {
    'W1[0][0]':
      'A slip in the notes: the second bracket starts with $(y_2 - \\hat y_2)$, but $\\partial L/\\partial \\hat y_2 = -({=y[1]} - \\hat y_2) = (\\hat y_2 - y_2)$, just as the first bracket correctly has $(\\hat y_1 - y_1)$.',
  },
})
