// The playground (issue 8): any small network on 2-D data, trained live, with the maths of every weight
// one click away. Everything it uses lives in this folder (data, features, engine session, components, tests).
import { defineExercises, netInput, neuronAtPoint } from '../../exercises/types'
import { definePanelLesson } from '../panel'
import { PLAYGROUND_SCHEMA } from '../../links/playgroundLink'
import { DERIVATION_VIEW, PLAYGROUND_VIEW } from './viewFields'

export default definePanelLesson({
  id: 'playground',
  title: 'Playground: train any small network',
  summary:
    'Circles, XOR, spirals (also with three classes) or your own points: pick features, layers and optimiser, watch every neuron learn, and click any weight to see its gradient worked out.',
  order: 130,
  learnt: [
    'Features, width, depth and the optimiser all change what a network can learn and how fast.',
    'Every weight’s gradient is the same chain of local slopes you derived by hand.',
  ],
  notation: ['x', 'W', 'b', 'z', 'a', 'yhat', 'J', 'eta', 'f'],
  exercises: defineExercises([
    {
      id: 'parameter-count',
      generate: (d) => ({ i: d.int(2, 6), h1: d.int(2, 8), h2: d.int(2, 8), o: d.int(1, 3) }),
      prompt: (v) =>
        `A ${v.i}-${v.h1}-${v.h2}-${v.o} network, every unit with a bias. How many weights and biases does it train?`,
      blanks: [
        {
          key: 'count',
          label: 'parameters',
          kind: 'whole',
          exact: (v) => (v.i + 1) * v.h1 + (v.h1 + 1) * v.h2 + (v.h2 + 1) * v.o,
        },
      ],
      slips: (v) => [
        {
          key: 'count',
          value: v.i * v.h1 + v.h1 * v.h2 + v.h2 * v.o,
          message: 'The biases are left out.',
        },
      ],
    },
    {
      id: 'relu-unit',
      generate: neuronAtPoint,
      prompt: (v) =>
        `A ReLU unit with $w = (${v.w1}, ${v.w2})$, $b = ${v.b}$ at the point $(${v.x1}, ${v.x2})$: what is its activation $a = \\max(0, z)$?`,
      blanks: [{ key: 'a', label: 'a', exact: (v) => Math.max(0, netInput(v)) }],
      slips: (v) => [
        {
          key: 'a',
          value: netInput(v),
          message: 'That is z; ReLU makes a negative z zero.',
        },
      ],
    },
  ]),
  notes: '000–004',
  intro: [
    'Press Train and watch the network carve up the plane. Every number comes from the same engine as the lessons; click a connection or the output to see the chain rule for its gradient with the current weights, checked against a numerical derivative, and a hidden neuron to see its map large.',
  ],
  // checked in links.e2e: a link opened fresh shows update 0 and the same first losses
  linkKeeps:
    'it keeps the settings, the data and your answers; training starts again from update 0 with the same seeded first weights (weights trained or set by hand are not in the link).',
  links: [
    PLAYGROUND_SCHEMA,
    PLAYGROUND_VIEW,
    DERIVATION_VIEW,
    ...['losschart', 'epschart', 'epsopen', 'forwardopen', 'pace'],
  ],
  panel: () => import('./PlaygroundPanel.vue'),
})
