// Notes 004: the chain rule before any network: weight → height → shoe size, then three functions.
import { texTerm } from '../../math/format'
import { defineExercises } from '../../exercises/types'
import { definePanelLesson, VALUES_LINK_KEEPS } from '../panel'
import { CHAIN_RULE_FIELDS } from './fields'

export default definePanelLesson({
  id: 'chain-rule',
  title: 'The chain rule, before networks',
  summary:
    'Height grows 2 cm per kg, shoe size ¼ per cm: so shoe size grows ½ per kg. Slopes of a chain multiply.',
  order: 10,
  learnt: [
    'The slope of a chain is the product of the slopes of its links: 2 cm per kg times ¼ shoe size per cm is ½ shoe size per kg.',
    'A negative link flips the sign of the whole chain, a zero link stops it: backpropagation multiplies such local slopes.',
  ],
  notation: ['slope'],
  exercises: defineExercises([
    {
      id: 'product-of-slopes',
      generate: (d) => ({ a: d.pick([1.5, 2, 2.5, 3, 3.5]), b: d.num(0.1, 0.5, 2) }),
      prompt: (v) =>
        `Height grows ${v.a} cm per kg of weight, and shoe size grows ${v.b} per cm of height. How much does shoe size grow per kg of weight?`,
      blanks: [{ key: 'dshoe', label: 'shoe size per kg', exact: (v) => v.a * v.b }],
      slips: (v) => [
        {
          key: 'dshoe',
          value: v.a + v.b,
          message: 'The slopes were added; along a chain they multiply.',
        },
        {
          key: 'dshoe',
          value: v.b / v.a,
          message: 'One slope was divided by the other; along a chain they multiply.',
        },
      ],
    },
    {
      id: 'three-links',
      generate: (d) => ({ p: d.num(-3, 3, 1), q: d.num(-2, 2, 1), r: d.num(-3, 3, 1) }),
      prompt: (v) =>
        `$u = ${texTerm(v.p, 'x')}$, $v = ${texTerm(v.q, 'u')}$ and $y = ${texTerm(v.r, 'v')}$. What is the slope $dy/dx$ of the whole chain?`,
      blanks: [{ key: 'dydx', label: 'dy/dx', exact: (v) => v.p * v.q * v.r }],
      slips: (v) => [
        {
          key: 'dydx',
          value: v.p + v.q + v.r,
          message: 'The slopes were added; along a chain they multiply.',
        },
      ],
    },
  ]),
  notes: '004',
  intro: [
    'Backpropagation is the chain rule used over and over. The notes start with an everyday chain: height depends on weight, and shoe size depends on height. If height grows 2 cm for every kg of weight, and shoe size grows ¼ for every cm of height, then shoe size grows $2 \\times \\tfrac14 = \\tfrac12$ for every kg of weight: cm per kg times shoe size per cm is shoe size per kg.',
    'Move the sliders: each arrow carries a local slope, and the slope of the whole chain is their product.',
  ],
  linkKeeps: VALUES_LINK_KEEPS,
  links: [CHAIN_RULE_FIELDS],
  panel: () => import('./ChainRulePanel.vue'),
})
