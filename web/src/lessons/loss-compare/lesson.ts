// Notes 000: "MSE → regression, cross-entropy → classification", and the two-class example with
// predictions [0.4, 0.6] and [0.1, 0.9]. The same network trained with both losses, and why they differ.
import { defineExercises } from '../../exercises/types'
import { trainingSpec } from './lossCompareData'
import { definePanelLesson, TRAINING_LINK_KEEPS } from '../panel'
import { LOSS_COMPARE_FIELDS } from './fields'
import { plural } from '../../math/plural'

/** Updates of the run-it step. */
const RACE_UPDATES = 300
/** The run's verdicts, as the prediction's choices. */
const RACE = [
  { value: 1, label: 'MSE first' },
  { value: 2, label: 'cross-entropy first' },
  { value: 3, label: 'both after the same update' },
  { value: 4, label: `neither within ${RACE_UPDATES} updates` },
]

export default definePanelLesson({
  id: 'loss-compare',
  title: 'MSE or cross-entropy? The same network trained twice',
  summary:
    'Train one classifier with MSE and with cross-entropy from the same weights, and see why the gradient of MSE vanishes when the output saturates.',
  order: 80,
  learnt: [
    "With a sigmoid output, the MSE gradient carries $\\sigma'(z)$ and vanishes when the output saturates; cross-entropy’s $\\delta = a - y$ does not.",
    'Cross-entropy is $-\\ln p$ of the right class, with the natural logarithm: $-\\ln 0.7 = 0.357$.',
  ],
  notation: ['yhat', 'y', 'J', 'sigma', 'delta', 'z', 'eta'],
  exercises: defineExercises([
    {
      id: 'two-class',
      generate: (d) => {
        const p2 = d.num(0.1, 0.95, 2)
        return { p1: Math.round((1 - p2) * 100) / 100, p2 }
      },
      prompt: (v) =>
        `The true class is class 2 and the network predicts $[${v.p1}, ${v.p2}]$. Compute the cross-entropy $-\\ln p_2$ and the squared error $(p_1 - 0)^2 + (p_2 - 1)^2$.`,
      blanks: [
        { key: 'ce', label: 'cross-entropy', exact: (v) => -Math.log(v.p2) },
        { key: 'se', label: 'squared error', exact: (v) => v.p1 ** 2 + (v.p2 - 1) ** 2 },
      ],
      slips: (v) => [
        {
          key: 'ce',
          value: -Math.log10(v.p2),
          message: 'log₁₀ was used where the natural logarithm ln belongs.',
        },
      ],
    },
    {
      id: 'saturated-gradient',
      generate: (d) => ({ a: d.num(0.01, 0.1, 3) }),
      prompt: (v) =>
        `A sigmoid output is $a = ${v.a}$ for a sample with $y = 1$ (badly wrong, and saturated). Compute $\\delta = \\partial J/\\partial z$ for $J = \\tfrac12(a - y)^2$ and for cross-entropy.`,
      blanks: [
        { key: 'mse', label: 'δ with MSE', exact: (v) => (v.a - 1) * v.a * (1 - v.a) },
        { key: 'ce', label: 'δ with cross-entropy', exact: (v) => v.a - 1 },
      ],
      slips: (v) => [
        { key: 'mse', value: v.a - 1, message: 'With MSE the factor σ′(z) = a(1 − a) stays.' },
        {
          key: 'mse',
          value: 2 * (v.a - 1) * v.a * (1 - v.a),
          message:
            'That is δ for J = (a − y)², the loss the race on this page trains; for J = ½(a − y)² the ½ cancels the 2 of the square.',
        },
        {
          key: 'ce',
          value: (v.a - 1) * v.a * (1 - v.a),
          message: 'With cross-entropy σ′(z) cancels: δ = a − y.',
        },
      ],
    },
    {
      id: 'first-to-100',
      generate: (d) => ({ eta: d.pick([0.1, 0.2, 0.5, 1, 2]) }),
      prompt: (v) =>
        `The race on this page, from the same badly chosen weights $w = (-4, -4)$, $b = 0.5$, on the same 12 points: one sigmoid neuron trained with MSE and with cross-entropy at $\\eta = ${v.eta}$, full batch. Which reaches 100 % accuracy first? Predict, then run it: the engine trains both for up to ${RACE_UPDATES} updates.`,
      blanks: [{ key: 'first', label: 'first to 100 %', choices: () => RACE }],
      lab: (v) => ({
        candidates: [
          { label: 'MSE', spec: trainingSpec('mse', v.eta) },
          { label: 'cross-entropy', spec: trainingSpec('bce', v.eta) },
        ],
        updates: RACE_UPDATES,
        watchAccuracy: true,
        verdict: ([mse, ce]) => {
          const [m, c] = [mse.firstFullAccuracy, ce.firstFullAccuracy]
          const first =
            m === null && c === null
              ? 4
              : c === null
                ? 1
                : m === null
                  ? 2
                  : m < c
                    ? 1
                    : c < m
                      ? 2
                      : 3
          return {
            answers: { first },
            lines: [mse, ce].map((o) =>
              o.firstFullAccuracy === null
                ? `${o.label}: not every point right within ${RACE_UPDATES} updates (accuracy ${Math.round((o.accuracy ?? 0) * 100)} % at the end).`
                : `${o.label}: every point right after ${plural(o.firstFullAccuracy, 'update')}.`,
            ),
          }
        },
      }),
    },
  ]),
  notes: '000',
  intro: [
    'The notes pair each loss with a task: mean squared error for regression, cross-entropy for classification. Here one sigmoid neuron learns to separate two classes twice, from the very same (badly chosen) weights: once with MSE, once with cross-entropy.',
    'Then the reason, drawn rather than told: the loss and its gradient at the output’s net input $z$, as functions of the predicted probability $p$ of the true class.',
  ],
  linkKeeps: TRAINING_LINK_KEEPS,
  links: [LOSS_COMPARE_FIELDS, ...['trainchart', 'accchart', 'pchart', 'deltachart', 'pace']],
  panel: () => import('./LossComparePanel.vue'),
})
