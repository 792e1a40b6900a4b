// Notes 004: the chain rule before any network: weight → height → shoe size, then three functions.
import { definePanelLesson } from '../panel'

export default definePanelLesson({
  id: 'chain-rule',
  title: 'The chain rule, before networks',
  summary:
    'Height grows 2 cm per kg, shoe size ¼ per cm: so shoe size grows ½ per kg. Slopes of a chain multiply.',
  order: 10,
  notes: '004',
  intro: [
    'Backpropagation is the chain rule used over and over. The notes start with an everyday chain: height depends on weight, and shoe size depends on height. If height grows 2 units for every unit of weight, and shoe size grows ¼ for every unit of height, then shoe size grows $2 \\times \\tfrac14 = \\tfrac12$ for every unit of weight.',
    'Move the sliders: each arrow carries a local slope, and the slope of the whole chain is their product.',
  ],
  panel: () => import('./ChainRulePanel.vue'),
})
