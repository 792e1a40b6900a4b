// Notes 001: one sigmoid neuron trained with binary cross-entropy, its gradient step by step, the batch
// update in matrix form, a straight decision boundary, then softmax and its two-class equivalence.
import { definePanelLesson } from '../panel'

export default definePanelLesson({
  id: 'single-neuron',
  title: 'One neuron: logistic regression',
  summary:
    'A single sigmoid neuron learns to split two clouds of points with a straight line; follow ∂J/∂z = a − y for one point, the batch update, and softmax.',
  order: 20,
  notes: '001',
  intro: [
    'One neuron computes $z = w \\cdot x + b$ and $a = \\sigma(z) = 1/(1 + e^{-z})$, read as the probability that the point belongs to class 1. It is trained with binary cross-entropy $J = -[\\,y \\ln a + (1 - y) \\ln(1 - a)\\,]$.',
    'Press Train and watch the line $w \\cdot x + b = 0$ (where $a = 0.5$) swing into place between the two classes. Pick a point to see its gradient worked out with the current numbers.',
  ],
  panel: () => import('./SingleNeuronPanel.vue'),
})
