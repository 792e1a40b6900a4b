// Notes 001: matrix shapes in the vectorised forward and backward pass, in both layouts the notes mention.
import { defineExercises } from '../../exercises/types'
import { definePanelLesson, VALUES_LINK_KEEPS } from '../panel'
import { SHAPES_FIELDS } from './fields'

export default definePanelLesson({
  id: 'shapes',
  title: 'Matrix shapes: Z = WX + b',
  summary:
    'Every quantity of a layer as a matrix with its shape: W, X, Z, A, δ and ∂J/∂W, with samples as columns (Z = WX + b) or as rows (Z = XWᵀ + bᵀ).',
  order: 30,
  learnt: [
    'Forward, $Z = WX + b$: $W$ is (units × inputs), $X$ is (inputs × samples), $Z$ and $A$ are (units × samples).',
    'Backward, δ has the shape of $Z$, $\\partial J/\\partial W$ the shape of $W$, and $\\partial J/\\partial b$ sums δ over the samples.',
  ],
  notation: ['x', 'W', 'b', 'z', 'a', 'delta', 'dW', 'db', 'n', 'hadamard', 'J'],
  exercises: defineExercises([
    {
      id: 'product-shape',
      generate: (d) => ({ k: d.int(2, 6), m: d.int(2, 6), n: d.int(3, 9) }),
      prompt: (v) =>
        `A layer has $W$ of shape ${v.k} × ${v.m} and the batch $X$ has shape ${v.m} × ${v.n} (samples as columns). What is the shape of $Z = WX + b$?`,
      blanks: [
        { key: 'rows', label: 'rows of Z', kind: 'whole', exact: (v) => v.k },
        { key: 'cols', label: 'columns of Z', kind: 'whole', exact: (v) => v.n },
      ],
      slips: (v) => [
        {
          key: 'cols',
          value: v.m,
          message: 'That is the inner size, which the product sums away.',
        },
        {
          key: 'rows',
          value: v.m,
          message: 'That is the inner size, which the product sums away.',
        },
      ],
    },
    {
      id: 'gradient-shape',
      generate: (d) => ({ k: d.int(2, 6), m: d.int(2, 6), n: d.int(3, 9) }),
      prompt: (v) =>
        `A layer with ${v.m} inputs and ${v.k} units sees a batch of $n = ${v.n}$ samples. $\\delta$ has the shape of $Z$. What is the shape of $\\partial J/\\partial W = \\tfrac1n\\,\\delta X^{\\top}$?`,
      blanks: [
        { key: 'rows', label: 'rows of ∂J/∂W', kind: 'whole', exact: (v) => v.k },
        { key: 'cols', label: 'columns of ∂J/∂W', kind: 'whole', exact: (v) => v.m },
      ],
      slips: (v) => [
        {
          key: 'cols',
          value: v.n,
          message: 'The samples are summed over in δXᵀ: the gradient has the shape of W.',
        },
      ],
    },
    {
      id: 'bias-gradient',
      generate: (d) => ({
        d1: d.num(-0.5, 0.5, 2),
        d2: d.num(-0.5, 0.5, 2),
        d3: d.num(-0.5, 0.5, 2),
      }),
      prompt: (v) =>
        `One unit’s row of $\\delta$ over a batch of $n = 3$ samples is $(${v.d1}, ${v.d2}, ${v.d3})$. What is $\\partial J/\\partial b$ for that unit (the batch mean)?`,
      blanks: [{ key: 'db', label: '∂J/∂b', exact: (v) => (v.d1 + v.d2 + v.d3) / 3 }],
      slips: (v) => [
        {
          key: 'db',
          value: v.d1 + v.d2 + v.d3,
          message: 'This is the sum over the samples; the batch value is their mean.',
        },
      ],
    },
  ]),
  notes: '001',
  intro: [
    'Written for one sample at a time, a layer is a handful of sums. Written for a whole batch, it is one matrix product: with $d$ inputs, $k$ units and $n$ samples, $Z = WX + b$ is $(k \\times d)(d \\times n) + (k \\times 1)$, and the bias column is added to every one of the $n$ columns, giving $k \\times n$.',
    'The notes say “both layouts are correct, depending on the initial shape”: stack the samples as columns ($Z = WX + b$) or as rows ($Z = XW^\\top + b^\\top$, which is how the engine stores them). Pick a network and a layout; every matrix holds the engine’s numbers after one forward and backward pass.',
    "The network shown first (2-4-1, 3 samples) is the three-row table of notes 004 ($x_1, x_2 \\to y$: 90, 40 → 10; 30, 50 → 25; 20, 60 → 36, divided by 100), so the batch has $n = 3$ samples and you can see it as the columns. Backward, the shapes repeat: $\\delta$ has the shape of $Z$ (a hidden layer’s is $W^{[2]\\top}\\delta^{[2]} \\odot f'(Z^{[1]})$), $\\partial J/\\partial W$ the shape of $W$, and $\\partial J/\\partial b$ adds $\\delta$ over the $n$ samples (then divides by $n$).",
  ],
  linkKeeps: VALUES_LINK_KEEPS,
  links: [SHAPES_FIELDS],
  panel: () => import('./ShapesPanel.vue'),
})
