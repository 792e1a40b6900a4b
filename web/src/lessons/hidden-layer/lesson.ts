// Notes 001: a single neuron draws a straight boundary; a hidden layer bends it. Both trained side by side.
import { texLinear } from '../../math/format'
import { defineExercises, netInput, neuronAtPoint, type Values } from '../../exercises/types'
import { makeDataset } from '../../math/datasets'
import { definePanelLesson, TRAINING_LINK_KEEPS } from '../panel'
import { HIDDEN_LAYER_FIELDS } from './fields'
import { plural } from '../../math/plural'

/** Hidden sizes a prediction compares, and the run's length. */
const SIZES = [1, 2, 3, 4]
const HIDDEN_UPDATES = 1000

/** The neuron's line w₁x₁ + w₂x₂ + b in LaTeX, signs as operators, no coefficient of 1 ('x_1 - 0.5\\,x_2 + 0.2'). */
const lineOf = (v: Values): string =>
  texLinear(
    [
      [v.w1, 'x_1'],
      [v.w2, 'x_2'],
    ],
    v.b,
  )

export default definePanelLesson({
  id: 'hidden-layer',
  title: 'Why a hidden layer: curved boundaries',
  summary:
    'On a circle or XOR-like data one neuron is stuck with a straight line; a 2-H-1 network with a hidden layer bends its boundary around the classes as it trains.',
  order: 40,
  learnt: [
    'One neuron separates the plane with one straight line.',
    'A hidden layer combines several lines, so the boundary can bend around a class.',
  ],
  notation: ['x', 'W', 'b', 'z', 'a', 'sigma', 'eta'],
  exercises: defineExercises([
    {
      id: 'side-of-line',
      generate: neuronAtPoint,
      prompt: (v) =>
        `One neuron’s line is $${lineOf(v)} = 0$. For the point $(${v.x1}, ${v.x2})$, what is $z$? (Its sign says on which side of the line the point lies.)`,
      blanks: [{ key: 'z', label: 'z', exact: netInput }],
      slips: (v) => [
        {
          key: 'z',
          value: v.w1 * v.x1 + v.w2 * v.x2,
          message: 'The bias is left out of the net input.',
        },
      ],
    },
    {
      id: 'parameter-count',
      generate: (d) => ({ h: d.int(2, 12) }),
      prompt: (v) =>
        `A 2-${v.h}-1 network (2 inputs, ${v.h} hidden units, 1 output), each unit with a bias. How many weights and biases does it train?`,
      blanks: [
        { key: 'count', label: 'parameters', kind: 'whole', exact: (v) => 2 * v.h + v.h + v.h + 1 },
      ],
      slips: (v) => [{ key: 'count', value: 3 * v.h, message: 'The biases are left out.' }],
    },
    {
      id: 'smallest-h',
      generate: (d) => ({ data: d.int(0, 1), init: d.int(1, 9) }),
      prompt: (v) =>
        `The lesson’s ${v.data === 0 ? 'circle' : 'XOR'} data (the chart’s “${v.data === 0 ? 'circle' : 'xor'}”, 80 points). A 2-H-1 network (tanh hidden units, sigmoid output, cross-entropy, $\\eta = 1$, initial weights from seed ${v.init}) is trained ${HIDDEN_UPDATES} full-batch updates for H = ${SIZES.join(', ')}. Which is the smallest H that classifies every point right? Predict, then run it.`,
      blanks: [
        {
          key: 'h',
          label: 'smallest H at 100 %',
          choices: () => [
            ...SIZES.map((h) => ({ value: h, label: `H = ${h}` })),
            { value: 0, label: 'none of them' },
          ],
        },
      ],
      lab: (v) => {
        const data = makeDataset(v.data === 0 ? 'circle' : 'xor', 80, 5)
        return {
          candidates: SIZES.map((h) => ({
            label: `H = ${h}`,
            spec: {
              layers: [2, h, 1],
              activations: ['tanh', 'sigmoid'],
              loss: 'bce',
              inputs: data.inputs,
              targets: data.targets,
              learningRate: 1,
              seed: v.init,
            },
          })),
          updates: HIDDEN_UPDATES,
          verdict: (out) => {
            const k = out.findIndex((o) => o.accuracy === 1)
            return {
              answers: { h: k < 0 ? 0 : SIZES[k] },
              lines: out.map(
                (o) =>
                  `${o.label}: ${o.accuracy === null ? 'diverged' : `${Math.round(o.accuracy * 80)} of 80 points right`} after ${plural(o.updates, 'update')}.`,
              ),
            }
          },
        }
      },
    },
  ]),
  notes: '001',
  intro: [
    'A single neuron decides by the sign of $w \\cdot x + b$, so its boundary is always a straight line. Some data cannot be split by any line: the points inside a circle against those outside, or the four corners of XOR.',
    'A hidden layer of $H$ units computes $H$ such lines, bends each one through $\\tanh$, and the output neuron combines them, so the boundary can curve. Press Train and watch both models: the shading is each network’s output, computed by the engine on a 40 × 40 grid every frame.',
  ],
  linkKeeps: TRAINING_LINK_KEEPS,
  links: [HIDDEN_LAYER_FIELDS, 'losschart', 'pace'],
  panel: () => import('./HiddenLayerPanel.vue'),
})
