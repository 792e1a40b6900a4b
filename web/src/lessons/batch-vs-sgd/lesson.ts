// Notes 004 (the 3-row table, E1 + E2 + E3, epochs) and notes 003 (per-sample updates are noisy; batch
// and mini-batch descent average the gradient, not the error), trained side by side.
import { defineExercises } from '../../exercises/types'
import { formatNumber } from '../../math/format'
import { batchSpec } from './batchData'
import { definePanelLesson, TRAINING_LINK_KEEPS } from '../panel'
import { BATCH_FIELDS } from './fields'
import { plural } from '../../math/plural'

/** Batch sizes raced on the notes' 3-row table (standardised). */
const SIZES = [
  { value: 1, label: 'batch size 1 (per sample)' },
  { value: 2, label: 'batch size 2 (mini-batch)' },
  { value: 3, label: 'batch size 3 (full batch)' },
]

export default definePanelLesson({
  id: 'batch-vs-sgd',
  title: 'One sample, a mini-batch or all of them?',
  summary:
    'Per-sample SGD, mini-batch and full-batch descent on the notes’ 3-row table and on XOR: noisy against smooth, sum against mean, and why the data must be standardised.',
  order: 100,
  learnt: [
    'One sample per update is noisy, the full batch is smooth and a mini-batch is in between.',
    'Averaging the batch’s gradients (not summing them) keeps η independent of the batch size.',
  ],
  notation: ['n', 'eta', 'dW', 'J'],
  exercises: defineExercises([
    {
      id: 'updates-per-epoch',
      generate: (d) => ({ N: d.int(20, 200), B: d.pick([4, 8, 16, 32]) }),
      prompt: (v) =>
        `A data set has ${v.N} samples. How many updates does one epoch of mini-batch descent with batches of ${v.B} make (the last batch may be smaller)?`,
      blanks: [
        {
          key: 'updates',
          label: 'updates per epoch',
          kind: 'whole',
          exact: (v) => Math.ceil(v.N / v.B),
        },
      ],
      slips: (v) => [
        {
          key: 'updates',
          value: Math.floor(v.N / v.B),
          message: 'The last, smaller batch is left out.',
        },
      ],
    },
    {
      id: 'mean-gradient',
      generate: (d) => ({
        g1: d.num(-1, 1, 2),
        g2: d.num(-1, 1, 2),
        g3: d.num(-1, 1, 2),
        g4: d.num(-1, 1, 2),
      }),
      prompt: (v) =>
        `A mini-batch of four samples gives the per-sample gradients $${v.g1}$, $${v.g2}$, $${v.g3}$, $${v.g4}$ for one weight. Which gradient does the update use?`,
      blanks: [
        { key: 'g', label: 'batch gradient', exact: (v) => (v.g1 + v.g2 + v.g3 + v.g4) / 4 },
      ],
      slips: (v) => [
        {
          key: 'g',
          value: v.g1 + v.g2 + v.g3 + v.g4,
          message: 'This is the sum over the samples; the batch value is their mean.',
        },
        {
          key: 'g',
          value: v.g1,
          message: 'This is the first sample alone; the batch value is the mean over all samples.',
        },
      ],
    },
    {
      id: 'lowest-after-epochs',
      generate: (d) => ({ eta: d.pick([0.05, 0.2, 0.5, 0.9]), epochs: d.pick([1, 2, 3, 5]) }),
      prompt: (v) =>
        `Notes 004's table (standardised), the chart’s linear neuron from its start weights $w = (0.1, -0.1)$, $b = 0$, $\\eta = ${v.eta}$. After ${plural(v.epochs, 'epoch')}, which batch size has the lowest loss over all three rows? (An epoch is 3 updates at batch size 1, 2 at size 2, 1 at size 3.) Predict, then run it.`,
      blanks: [{ key: 'size', label: 'lowest loss', choices: () => SIZES }],
      lab: (v) => ({
        candidates: SIZES.map((s) => ({
          label: s.label,
          spec: { ...batchSpec('table', true, v.eta), batchSize: s.value },
          updates: v.epochs * Math.ceil(3 / s.value),
        })),
        updates: 0,
        verdict: (out) => {
          const loss = (k: number) => (Number.isFinite(out[k].loss) ? out[k].loss : Infinity)
          const best = out.reduce((b, _, k) => (loss(k) < loss(b) ? k : b), 0)
          return {
            answers: { size: SIZES[best].value },
            lines: out.map((o) =>
              o.divergedAt !== null
                ? `${o.label}: diverged after ${plural(o.divergedAt, 'update')}.`
                : `${o.label}: ${plural(o.updates, 'update')}, loss over all rows $J = ${formatNumber(o.loss, 6, { style: 'latex' })}$.`,
            ),
          }
        },
      }),
    },
  ]),
  notes: '004 and 003',
  intro: [
    'Backpropagation gives a gradient for one sample. The notes ask when to update: after every sample (stochastic gradient descent), after a few (a mini-batch), or once per pass over all the data (an epoch, full batch). Batches average the gradients of their samples.',
    'The same network from the same weights is trained all three ways. The first chart shows the loss of the batch each update used; the second the loss over all rows after each epoch.',
  ],
  linkKeeps: TRAINING_LINK_KEEPS,
  links: [BATCH_FIELDS, 'upchart', 'epochchart', 'pace'],
  panel: () => import('./BatchPanel.vue'),
})
