// Notes 004 (the 3-row table, E1 + E2 + E3, epochs) and notes 003 (per-sample updates are noisy; batch
// and mini-batch descent average the gradient, not the error), trained side by side.
import { definePanelLesson } from '../panel'

export default definePanelLesson({
  id: 'batch-vs-sgd',
  title: 'One sample, a mini-batch or all of them?',
  summary:
    'Per-sample SGD, mini-batch and full-batch descent on the notes’ 3-row table and on XOR: noisy against smooth, sum against mean, and why the data must be standardised.',
  order: 70,
  notes: '004 and 003',
  intro: [
    'Backpropagation gives a gradient for one sample. The notes ask when to update: after every sample (stochastic gradient descent), after a few (a mini-batch), or once per pass over all the data (an epoch, full batch). Batches average the gradients of their samples.',
    'The same network from the same weights is trained all three ways. The first chart shows the loss of the batch each update used; the second the loss over all rows after each epoch.',
  ],
  panel: () => import('./BatchPanel.vue'),
})
