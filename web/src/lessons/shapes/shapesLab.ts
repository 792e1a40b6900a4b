// The shapes lesson's networks and its one forward + backward pass: the trace the matrices show, and
// the dead ReLU units of that batch named by the app's one detector (math/reluHealth, #12). The engine
// does the maths; this file only picks and names.
import type { NnModule } from '../../engine/nn'
import { withNetwork } from '../../composables/useLessonStore'
import type { NetworkSpec, Trace } from '../../engine/types'
import { XOR_INPUTS, XOR_TARGETS } from '../../math/datasets'
import { deadReluOf } from '../../math/reluHealth'
import classic from '../step-by-step-222/lesson'

/**
 * The classic lesson's network, data and η, with one bias per unit (the lesson draws b as a column of
 * the layer's width; the classic lesson ties them, which the shapes lesson leaves out).
 */
function classicSpec(): NetworkSpec {
  const { layers, activations, loss, weights, biases, inputs, targets, learningRate } = classic.spec
  return { layers, activations, loss, weights, biases, inputs, targets, learningRate }
}

/**
 * The networks the lesson offers (ids as in its link, fields.ts). `label` is the select's option, short
 * enough to show whole at phone width; `note`, when present, says more under the select.
 */
export const SHAPES_NETWORKS: { id: string; label: string; note?: string; spec: NetworkSpec }[] = [
  {
    id: '222',
    label: 'Classic 2-2-2, 1 sample (notes 004)',
    spec: classicSpec(),
  },
  {
    id: '231',
    label: '2-3-1, 4 samples (XOR, ReLU + sigmoid)',
    spec: {
      layers: [2, 3, 1],
      activations: ['relu', 'sigmoid'],
      loss: 'bce',
      seed: 4,
      init: 'he',
      inputs: XOR_INPUTS,
      targets: XOR_TARGETS,
      learningRate: 0.5,
    },
  },
  {
    id: '241',
    label: '2-4-1, 3 samples (tanh + linear)',
    note: 'Inputs and targets: the table of notes 004, divided by 100.',
    spec: {
      layers: [2, 4, 1],
      activations: ['tanh', 'linear'],
      loss: 'mse',
      seed: 2,
      // notes 004: x₁, x₂ → y is 90, 40 → 10; 30, 50 → 25; 20, 60 → 36, divided by 100 so that tanh
      // does not saturate
      inputs: [
        [0.9, 0.4],
        [0.3, 0.5],
        [0.2, 0.6],
      ],
      targets: [[0.1], [0.25], [0.36]],
      learningRate: 0.1,
    },
  },
]

/**
 * One forward and backward pass over the whole batch of `spec`, as the lesson shows it.
 * @returns the engine's trace and, when the network has ReLU units with z ≤ 0 on every sample of the
 *   batch, the same sentence every ReLU screen uses (reluVerdict; null when none is dead); or the
 *   engine's message for a spec it refuses.
 */
export function shapesPass(
  engine: NnModule,
  spec: NetworkSpec,
): { ok: true; trace: Trace; deadRelu: string | null } | { ok: false; message: string } {
  return withNetwork(
    engine,
    spec,
    (net) => {
      net.forward()
      net.backward()
      const trace = net.trace()
      return { ok: true as const, trace, deadRelu: deadReluOf(spec.activations, trace) }
    },
    (message) => ({ ok: false as const, message }),
  )
}
