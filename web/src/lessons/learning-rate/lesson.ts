// Notes 003: "too large η: overshoot; too small η: slow learning", and Adam "adding terms that depend on
// past gradients". Live η control, a sweep of ≥ 16 rates trained at once, and three optimizers.
import { defineExercises } from '../../exercises/types'
import { definePanelLesson } from '../panel'

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
        `Gradient descent on $J(w) = \\tfrac12 \\cdot ${v.k}\\, w^2$ from $w = 1$: each update is $w^{+} = w - \\eta \\cdot ${v.k}\\, w$. Of $\\eta = ${v.e1}$, $${v.e2}$, $${v.e3}$, $${v.e4}$, which is the smallest that diverges (w grows without bound)? Predict, type it, then run it.`,
      blanks: [
        {
          key: 'eta',
          label: 'smallest diverging η',
          exact: (v) =>
            Math.min(...[v.e1, v.e2, v.e3, v.e4].filter((e) => Math.abs(1 - e * v.k) > 1)),
        },
      ],
      slips: (v) => [
        {
          key: 'eta',
          value: Math.max(...[v.e1, v.e2, v.e3, v.e4].filter((e) => Math.abs(1 - e * v.k) <= 1)),
          message:
            'That η oscillates or converges: it needs |1 − η·k| > 1 to diverge, that is η > 2/k.',
        },
      ],
      run: (v) =>
        [v.e1, v.e2, v.e3, v.e4].map((e) => {
          let w = 1
          for (let t = 0; t < 10; t++) w -= e * v.k * w
          const verdict = Math.abs(1 - e * v.k) > 1 ? 'diverges' : 'does not diverge'
          return `$\\eta = ${e}$: after 10 updates $w = ${Number(w.toPrecision(4))}$, it ${verdict}.`
        }),
    },
    {
      id: 'one-step',
      generate: (d) => ({
        k: d.pick([0.5, 1, 2, 4]),
        w: d.num(-2, 2, 1),
        eta: d.pick([0.1, 0.2, 0.3, 0.5]),
      }),
      prompt: (v) =>
        `$J(w) = \\tfrac12 \\cdot ${v.k}\\, w^2$, so $\\partial J/\\partial w = ${v.k}\\, w$. From $w = ${v.w}$ with $\\eta = ${v.eta}$, what is $w^{+}$ after one update?`,
      blanks: [{ key: 'wnew', label: 'w⁺', exact: (v) => v.w - v.eta * v.k * v.w }],
      slips: (v) => [
        {
          key: 'wnew',
          value: v.w + v.eta * v.k * v.w,
          message: 'The step went uphill: subtract η times the gradient.',
        },
      ],
    },
  ]),
  notes: '003',
  intro: [
    'Every update moves each weight by $-\\eta \\, \\partial L / \\partial w$. The learning rate $\\eta$ sets the size of that step: too small and learning is slow, too large and the step overshoots the valley, bounces, or flies off.',
    'Below, the same network starts from the same weights every time. Move $\\eta$ while it trains, then let the sweep train many copies at once, one per learning rate, and read off which rates were too small and which too large.',
  ],
  panel: () => import('./LearningRatePanel.vue'),
})
