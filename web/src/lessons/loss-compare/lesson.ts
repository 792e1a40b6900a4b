// Notes 000: "MSE → regression, cross-entropy → classification", and the two-class example with
// predictions [0.4, 0.6] and [0.1, 0.9]. The same network trained with both losses, and why they differ.
import { definePanelLesson } from '../panel'

export default definePanelLesson({
  id: 'loss-compare',
  title: 'MSE or cross-entropy? The same network trained twice',
  summary:
    'Train one classifier with MSE and with cross-entropy from the same weights, and see why the gradient of MSE vanishes when the output saturates.',
  order: 50,
  notes: '000',
  intro: [
    'The notes pair each loss with a task: mean squared error for regression, cross-entropy for classification. Here one sigmoid neuron learns to separate two classes twice, from the very same (badly chosen) weights: once with MSE, once with cross-entropy.',
    'Then the reason, drawn rather than told: the loss and its gradient at the output’s net input $z$, as functions of the predicted probability $p$ of the true class.',
  ],
  panel: () => import('./LossComparePanel.vue'),
})
