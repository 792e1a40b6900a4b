// Notes 001: a single neuron draws a straight boundary; a hidden layer bends it. Both trained side by side.
import { definePanelLesson } from '../panel'

export default definePanelLesson({
  id: 'hidden-layer',
  title: 'Why a hidden layer: curved boundaries',
  summary:
    'On a circle or XOR-like data one neuron is stuck with a straight line; a 2-H-1 network with a hidden layer bends its boundary around the classes as it trains.',
  order: 80,
  notes: '001',
  intro: [
    'A single neuron decides by the sign of $w \\cdot x + b$, so its boundary is always a straight line. Some data cannot be split by any line: the points inside a circle against those outside, or the four corners of XOR.',
    'A hidden layer of $H$ units computes $H$ such lines, bends each one through $\\tanh$, and the output neuron combines them, so the boundary can curve. Press Train and watch both models: the shading is each network’s output, computed by the engine on a 40 × 40 grid every frame.',
  ],
  panel: () => import('./HiddenLayerPanel.vue'),
})
