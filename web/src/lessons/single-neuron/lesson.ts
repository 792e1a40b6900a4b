// Notes 001: one sigmoid neuron trained with binary cross-entropy, its gradient step by step, the batch
// update in matrix form, a straight decision boundary, then softmax and its two-class equivalence.
import { defineExercises, netInput, neuronAtPoint } from '../../exercises/types'
import { definePanelLesson, TRAINING_LINK_KEEPS } from '../panel'
import { SINGLE_NEURON_FIELDS } from './fields'

export default definePanelLesson({
  id: 'single-neuron',
  title: 'One neuron: logistic regression',
  summary:
    'A single sigmoid neuron learns to split two clouds of points with a straight line; follow δ = ∂J/∂z = a − y for one point, the batch update, and softmax.',
  order: 20,
  learnt: [
    'For one sigmoid neuron with cross-entropy, $\\delta = \\partial J/\\partial z = a - y$: the error itself.',
    'A batch update uses the mean over the samples: $w^{+} = w - \\eta \\cdot \\tfrac{1}{n}\\sum_i \\delta_i x_i$.',
    'Softmax turns several logits into probabilities; with cross-entropy its δ is again $a - y$.',
  ],
  notation: [
    'x',
    'y',
    'W',
    'b',
    'z',
    'a',
    'sigma',
    'J',
    'delta',
    'dW',
    'db',
    'eta',
    'n',
    'softmax',
  ],
  exercises: defineExercises([
    {
      id: 'delta',
      generate: (d) => ({ ...neuronAtPoint(d), y: d.int(0, 1) }),
      prompt: (v) =>
        `One sigmoid neuron with cross-entropy: $w = (${v.w1}, ${v.w2})$, $b = ${v.b}$, the point $x = (${v.x1}, ${v.x2})$ has label $y = ${v.y}$. Compute $z = w \\cdot x + b$, $a = \\sigma(z)$ and $\\delta = \\partial J/\\partial z$ (4 decimals).`,
      blanks: [
        { key: 'z', label: 'z', exact: netInput },
        { key: 'a', label: 'a', exact: (v) => 1 / (1 + Math.exp(-netInput(v))) },
        { key: 'delta', label: 'δ = ∂J/∂z', exact: (v) => 1 / (1 + Math.exp(-netInput(v))) - v.y },
      ],
      slips: (v) => {
        const a = 1 / (1 + Math.exp(-netInput(v)))
        return [
          {
            key: 'z',
            value: v.w1 * v.x1 + v.w2 * v.x2,
            message: 'The bias is left out of the net input.',
          },
          {
            key: 'delta',
            value: (a - v.y) * a * (1 - a),
            message:
              'With cross-entropy σ′(z) cancels: δ is just a − y, without the factor a(1 − a).',
          },
        ]
      },
    },
    {
      id: 'batch-update',
      generate: (d) => ({
        w: d.num(-1, 1, 1),
        eta: d.pick([0.1, 0.2, 0.5, 1]),
        d1: d.num(-0.9, 0.9, 2),
        d2: d.num(-0.9, 0.9, 2),
        x1: d.num(-2, 2, 1),
        x2: d.num(-2, 2, 1),
      }),
      prompt: (v) =>
        `A neuron with one input has $w = ${v.w}$ and learning rate $\\eta = ${v.eta}$. A batch of $n = 2$ samples gives $\\delta_1 = ${v.d1}$ at $x_1 = ${v.x1}$ and $\\delta_2 = ${v.d2}$ at $x_2 = ${v.x2}$. What is $w^{+}$ after one batch update?`,
      blanks: [
        {
          key: 'wnew',
          label: 'w⁺',
          exact: (v) => v.w - (v.eta * (v.d1 * v.x1 + v.d2 * v.x2)) / 2,
        },
      ],
      slips: (v) => [
        {
          key: 'wnew',
          value: v.w - v.eta * (v.d1 * v.x1 + v.d2 * v.x2),
          message: 'This uses the sum over the samples; the batch update uses their mean.',
        },
        {
          key: 'wnew',
          value: v.w - v.eta * v.d1 * v.x1,
          message: 'This is the first sample alone; the batch update uses the mean over both.',
        },
        {
          key: 'wnew',
          value: v.w + (v.eta * (v.d1 * v.x1 + v.d2 * v.x2)) / 2,
          message: 'The step went uphill: subtract η times the gradient.',
        },
      ],
    },
    {
      id: 'softmax',
      generate: (d) => ({ z1: d.num(-2, 2, 1), z2: d.num(-2, 2, 1) }),
      prompt: (v) =>
        `Two logits $z = (${v.z1}, ${v.z2})$. What is the softmax probability of class 1, $e^{z_1}/(e^{z_1} + e^{z_2})$?`,
      blanks: [
        {
          key: 'p1',
          label: 'softmax(z)₁',
          exact: (v) => Math.exp(v.z1) / (Math.exp(v.z1) + Math.exp(v.z2)),
        },
      ],
    },
  ]),
  notes: '001',
  intro: [
    'One neuron computes $z = w \\cdot x + b$ and $a = \\sigma(z) = 1/(1 + e^{-z})$, read as the probability that the point belongs to class 1. It is trained with binary cross-entropy $J = -[\\,y \\ln a + (1 - y) \\ln(1 - a)\\,]$.',
    'Press Train and watch the line $w \\cdot x + b = 0$ (where $a = 0.5$) swing into place between the two classes. Pick a point to see its gradient worked out with the current numbers.',
  ],
  linkKeeps: TRAINING_LINK_KEEPS,
  links: [SINGLE_NEURON_FIELDS, 'losschart', 'pace'],
  panel: () => import('./SingleNeuronPanel.vue'),
})
