// Notes 003: a 2-2-1 network (ReLU hidden, sigmoid output) on XOR, with MSE and then BCE, and the notes'
// question "this network won't reach 100 % on XOR — why?", answered by running it from 100 random starts.
import { defineExercises, type Values } from '../../exercises/types'
import { XOR_STEPS, xorSpec } from './xorExperiment'
import { definePanelLesson } from '../panel'
import { XOR_FIELDS } from './fields'
import { XOR_INPUTS } from '../../math/datasets'
import { plural } from '../../math/plural'

/** Random starts of the run-it step. */
const XOR_RUNS = 5
const seedsOf = (v: Values) => [v.s1, v.s2, v.s3, v.s4, v.s5]

export default definePanelLesson({
  id: 'xor-221',
  title: 'XOR with 2-2-1: why it does not always reach 100 %',
  summary:
    'Train the notes’ 2-2-1 ReLU network on XOR from 100 random starts: count the runs that solve it, see the dead ReLUs in the ones that fail, and how a wider layer fixes it.',
  order: 110,
  learnt: [
    'A 2-2-1 network can solve XOR, but not from every start: a ReLU with $z < 0$ for every sample is dead and stops learning.',
    'A wider hidden layer solves XOR from many more starts.',
  ],
  notation: ['x', 'W', 'b', 'z', 'a', 'yhat', 'sigma', 'eta'],
  exercises: defineExercises([
    {
      id: 'step-network',
      generate: (d) => ({ x1: d.int(0, 1), x2: d.int(0, 1) }),
      prompt: (v) =>
        `A 2-2-1 network of step units (1 when its input is > 0, else 0) solves XOR: $h_1 = \\mathrm{step}(x_1 + x_2 - 0.5)$, $h_2 = \\mathrm{step}(x_1 + x_2 - 1.5)$, $\\hat y = \\mathrm{step}(h_1 - h_2 - 0.5)$. For $x = (${v.x1}, ${v.x2})$, what are $h_1$, $h_2$ and $\\hat y$?`,
      blanks: [
        { key: 'h1', label: 'h₁', kind: 'whole', exact: (v) => (v.x1 + v.x2 - 0.5 > 0 ? 1 : 0) },
        { key: 'h2', label: 'h₂', kind: 'whole', exact: (v) => (v.x1 + v.x2 - 1.5 > 0 ? 1 : 0) },
        { key: 'yhat', label: 'ŷ', kind: 'whole', exact: (v) => (v.x1 !== v.x2 ? 1 : 0) },
      ],
    },
    {
      id: 'dead-relu',
      generate: (d) => ({
        w1: d.num(-1, 1, 1),
        w2: d.num(-1, 1, 1),
        b: Math.round((d.num(-1.5, 0.5, 1) + 0.05) * 100) / 100,
      }),
      prompt: (v) =>
        `A ReLU hidden unit has $w = (${v.w1}, ${v.w2})$ and $b = ${v.b}$. On how many of the four XOR points (0,0), (0,1), (1,0), (1,1) is its $z > 0$? (None means the unit is dead: it passes no gradient and never learns.)`,
      blanks: [
        {
          key: 'alive',
          label: 'points with z > 0',
          kind: 'whole',
          exact: (v) => XOR_INPUTS.filter(([p, q]) => v.w1 * p + v.w2 * q + v.b > 0).length,
        },
      ],
    },
    {
      id: 'how-many-solve',
      generate: (d) => {
        const seeds: number[] = []
        while (seeds.length < XOR_RUNS) {
          const s = d.int(1, 999)
          if (!seeds.includes(s)) seeds.push(s)
        }
        return Object.fromEntries(seeds.map((s, k) => [`s${k + 1}`, s]))
      },
      prompt: (v) =>
        `The notes' 2-2-1 network (ReLU hidden, sigmoid output, cross-entropy, He initialisation, $\\eta = 0.5$) trained ${XOR_STEPS} full-batch updates on XOR from the ${XOR_RUNS} random starts with seeds ${seedsOf(v).join(', ')}. How many of them classify all four rows right? Predict, then run it.`,
      blanks: [
        {
          key: 'solved',
          label: 'runs that solve XOR',
          choices: () =>
            Array.from({ length: XOR_RUNS + 1 }, (_, n) => ({
              value: n,
              label: `${n} of ${XOR_RUNS}`,
            })),
        },
      ],
      lab: (v) => ({
        candidates: seedsOf(v).map((seed) => ({
          label: `seed ${seed}`,
          spec: { ...xorSpec([2], 'bce'), seed },
        })),
        updates: XOR_STEPS,
        verdict: (out) => ({
          answers: { solved: out.filter((o) => o.accuracy === 1).length },
          lines: out.map((o) =>
            o.accuracy === null
              ? `${o.label}: diverged after ${plural(o.updates, 'update')}.`
              : `${o.label}: ${Math.round(o.accuracy * 4)} of 4 rows right${o.accuracy === 1 ? ': solved' : ''}.`,
          ),
        }),
      }),
    },
  ]),
  notes: '003',
  intro: [
    'XOR outputs 1 when exactly one input is 1: $(0,0) \\to 0$, $(0,1) \\to 1$, $(1,0) \\to 1$, $(1,1) \\to 0$. No straight line separates the ones from the zeros, so a hidden layer is needed. The notes use two ReLU hidden units and a sigmoid output, first with mean squared error, then with binary cross-entropy “since it is a classification problem”, and ask: this network won’t reach 100 % on XOR, but why?',
    'One run proves little: whether it works depends on the random starting weights. So the engine trains the same network from 100 different seeds (He initialisation, learning rate 0.5, 2000 full-batch updates each) and counts how many classify all four rows right.',
  ],
  linkKeeps:
    'it opens the lesson with these settings, the update shown and your answers; the 100 starts per network train again when you run them.',
  links: [XOR_FIELDS, 'losschart', 'runpace', 'pace'],
  panel: () => import('./XorPanel.vue'),
})
