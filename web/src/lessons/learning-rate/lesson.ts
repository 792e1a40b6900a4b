// Notes 003: "too large η: overshoot; too small η: slow learning", and Adam "adding terms that depend on
// past gradients". Live η control, a sweep of ≥ 16 rates trained at once, and three optimizers.
import { defineExercises, type Values } from '../../exercises/types'
import { formatNumber, texTerm } from '../../math/format'
import { definePanelLesson, TRAINING_LINK_KEEPS } from '../panel'
import { LANDSCAPE_FIELDS, LEARNING_RATE_FIELDS } from './fields'
import { plural } from '../../math/plural'

/** Updates of the run-it step: enough for the slowest diverging η (|1 − ηk| = 1.1) to pass the cut-off. */
const RATE_UPDATES = 100
const rates = (v: Values) => [v.e1, v.e2, v.e3, v.e4]

export default definePanelLesson({
  id: 'learning-rate',
  title: 'The learning rate: too small, too large, just right',
  summary:
    'Change η while a network trains, sweep many rates at once and see slow, converged, oscillating and diverging runs; SGD against momentum and Adam.',
  order: 90,
  learnt: [
    'Too small an η is slow, too large oscillates or diverges: on $J = \\tfrac12 k w^2$ gradient descent diverges once $\\eta > 2/k$.',
    'Momentum and Adam change how the steps add up, not the need for a sensible η.',
  ],
  notation: ['eta', 'J', 'W', 'dW', 'wnew'],
  exercises: defineExercises([
    {
      id: 'one-step',
      generate: (d) => ({
        k: d.pick([0.5, 1, 2, 4]),
        w: d.num(-2, 2, 1),
        eta: d.pick([0.1, 0.2, 0.3, 0.5]),
      }),
      prompt: (v) =>
        `$J(w) = \\tfrac12 \\cdot ${texTerm(v.k, 'w^2')}$, so $\\partial J/\\partial w = ${texTerm(v.k, 'w')}$. From $w = ${v.w}$ with $\\eta = ${v.eta}$, what is $w^{+}$ after one update?`,
      blanks: [{ key: 'wnew', label: 'w⁺', exact: (v) => v.w - v.eta * v.k * v.w }],
      slips: (v) => [
        {
          key: 'wnew',
          value: v.w + v.eta * v.k * v.w,
          message: 'The step went uphill: subtract η times the gradient.',
        },
      ],
    },
    {
      id: 'which-diverges',
      generate: (d) => {
        const k = d.pick([0.5, 1, 2, 4, 5])
        const f = d.pick([
          [0.5, 0.9, 1.1, 1.5],
          [0.3, 0.8, 1.25, 2],
          [0.6, 0.95, 1.05, 1.4],
        ])
        const eta = f.map((x) => Math.round((2 / k) * x * 1000) / 1000)
        return { k, e1: eta[0], e2: eta[1], e3: eta[2], e4: eta[3] }
      },
      prompt: (v) =>
        `Gradient descent on $J(w) = \\tfrac12 \\cdot ${texTerm(v.k, 'w^2')}$ from $w = 1$: each update is $w^{+} = w - \\eta \\cdot ${texTerm(v.k, 'w')}$. Of $\\eta = ${v.e1}$, $${v.e2}$, $${v.e3}$, $${v.e4}$, which is the smallest that diverges (w grows without bound)? Predict, then run it: the engine trains the one-weight network $\\hat y = w\\,x$ with $x = \\sqrt{${v.k}}$, target 0 and $J = \\tfrac12 \\hat y^2$ (the same $J$) for ${RATE_UPDATES} updates at each η.`,
      blanks: [
        {
          key: 'eta',
          label: 'smallest diverging η',
          choices: (v) => rates(v).map((e) => ({ value: e, label: `η = ${e}` })),
        },
      ],
      lab: (v) => ({
        candidates: rates(v).map((e) => ({
          label: `η = ${e}`,
          spec: {
            layers: [1, 1],
            activations: ['linear'],
            loss: 'half_sse',
            weights: [[[1]]],
            biases: [[0]],
            trainBiases: false,
            inputs: [[Math.sqrt(v.k)]],
            targets: [[0]],
            learningRate: e,
          },
        })),
        updates: RATE_UPDATES,
        verdict: (out) => {
          const etas = rates(v)
          const diverged = etas.filter((_, k) => out[k].divergedAt !== null)
          return {
            answers: { eta: diverged.length ? Math.min(...diverged) : NaN },
            lines: out.map((o) =>
              o.divergedAt !== null
                ? `$${o.label.replace('η', '\\eta')}$: diverged after ${plural(o.divergedAt, 'update')} (the loss passed 1000 × its first value).`
                : `$${o.label.replace('η', '\\eta')}$: after ${plural(o.updates, 'update')} $J = ${formatNumber(o.loss, 4, { style: 'latex' })}$, it did not diverge.`,
            ),
          }
        },
      }),
    },
  ]),
  notes: '003',
  intro: [
    'Every update moves each weight by $-\\eta \\, \\partial J / \\partial w$. The learning rate $\\eta$ sets the size of that step: too small and learning is slow, too large and the step overshoots the valley, bounces, or flies off.',
    'Below, the same network starts from the same weights every time. Move $\\eta$ while it trains, then let the sweep train many copies at once, one per learning rate, and read off which rates were too small and which too large.',
  ],
  linkKeeps: TRAINING_LINK_KEEPS,
  links: [
    LEARNING_RATE_FIELDS,
    LANDSCAPE_FIELDS,
    ...['livechart', 'sweepchart', 'finalchart', 'copiesopen', 'pace', 'sweeppace', 'landpace'],
  ],
  panel: () => import('./LearningRatePanel.vue'),
})
