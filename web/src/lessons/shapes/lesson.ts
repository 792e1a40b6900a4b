// Notes 001: matrix shapes in the vectorised forward and backward pass, in both layouts the notes mention.
import { definePanelLesson } from '../panel'

export default definePanelLesson({
  id: 'shapes',
  title: 'Matrix shapes: Z = WX + b',
  summary:
    'Every quantity of a layer as a matrix with its shape: W, X, Z, A, δ and ∂L/∂W, with samples as columns (Z = WX + b) or as rows (Z = XWᵀ + bᵀ).',
  order: 40,
  notes: '001',
  intro: [
    'Written for one sample at a time, a layer is a handful of sums. Written for a whole batch, it is one matrix product: with $d$ inputs, $k$ units and $n$ samples, $Z = WX + b$ is $(k \\times d)(d \\times n) + (k \\times 1)$, and the bias column is added to every one of the $n$ columns, giving $k \\times n$.',
    'The notes say “both layouts are correct, depending on the initial shape”: stack the samples as columns ($Z = WX + b$) or as rows ($Z = XW^\\top + b^\\top$, which is how the engine stores them). Pick a network and a layout; every matrix holds the engine’s numbers after one forward and backward pass.',
  ],
  panel: () => import('./ShapesPanel.vue'),
})
