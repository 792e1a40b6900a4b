// Notes 003: "too large η: overshoot; too small η: slow learning", and Adam "adding terms that depend on
// past gradients". Live η control, a sweep of ≥ 16 rates trained at once, and three optimizers.
import { definePanelLesson } from '../panel'

export default definePanelLesson({
  id: 'learning-rate',
  title: 'The learning rate: too small, too large, just right',
  summary:
    'Change η while a network trains, sweep many rates at once and see slow, converged, oscillating and diverging runs; SGD against momentum and Adam.',
  order: 60,
  notes: '003',
  intro: [
    'Every update moves each weight by $-\\eta \\, \\partial L / \\partial w$. The learning rate $\\eta$ sets the size of that step: too small and learning is slow, too large and the step overshoots the valley, bounces, or flies off.',
    'Below, the same network starts from the same weights every time. Move $\\eta$ while it trains, then let the sweep train many copies at once, one per learning rate, and read off which rates were too small and which too large.',
  ],
  panel: () => import('./LearningRatePanel.vue'),
})
