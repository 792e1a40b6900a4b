// Notes 004: vanishing gradients. σ′ ≤ 0.25, so n sigmoid layers scale a gradient by at most 0.25ⁿ.
import { definePanelLesson } from '../panel'

export default definePanelLesson({
  id: 'vanishing-gradient',
  title: 'Vanishing gradients',
  summary:
    'Stack sigmoid layers and watch the gradient shrink layer by layer, up to 0.25 per layer; tanh and ReLU keep it alive.',
  order: 100,
  notes: '004',
  intro: [
    "The sigmoid’s slope is $\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))$, and it is never larger than $0.25$ (at $z = 0$). Backpropagation multiplies one such slope per layer on the way back, so the gradient reaching the first layer of a deep sigmoid network can be tiny: the early layers barely learn.",
    'Choose a depth. The chart shows the size of the gradient $\\lVert \\partial L / \\partial W_l \\rVert$ of every layer after one backward pass through the same seeded network built with sigmoid, tanh and ReLU units. Then train all three and see how far each layer’s weights move.',
  ],
  panel: () => import('./VanishingGradientPanel.vue'),
})
