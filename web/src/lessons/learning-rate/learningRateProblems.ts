// The two problems of the learning-rate lesson (notes 003): a regression with a linear output (its loss
// has no ceiling, so a large η really diverges) and a small sigmoid classifier (bounded loss: a large η
// saturates or oscillates instead). Data only; the engine does the training.
import type { NetworkSpec } from '../../engine/types'

export type ProblemId = 'regression' | 'classifier'

export interface RateProblem {
  id: ProblemId
  label: string
  /** One sentence on what the network learns. */
  about: string
  spec: NetworkSpec
  /** Sweep range that shows every regime for this problem. */
  sweep: { min: number; max: number }
  /** η the live run starts with. */
  learningRate: number
}

/** 12 points of y = sin(2.5x) on [−1, 1], rounded to 4 decimals (fixed data, not computed here). */
const curveX = [
  -1, -0.8182, -0.6364, -0.4545, -0.2727, -0.0909, 0.0909, 0.2727, 0.4545, 0.6364, 0.8182, 1,
]
const curveY = [
  -0.5985, -0.8894, -0.9998, -0.9071, -0.6302, -0.2253, 0.2253, 0.6302, 0.9071, 0.9998, 0.8894,
  0.5985,
]

/** Two classes in the plane with two points on the "wrong" side (as real labels have), inputs ×3. */
const points: [number, number, number][] = [
  [-6, 4.5, 1],
  [-3, 6, 1],
  [-4.5, 1.5, 1],
  [1.5, 7.5, 1],
  [3, 3, 1],
  [4.5, -6, 0],
  [6, -1.5, 0],
  [1.5, -4.5, 0],
  [-1.5, -3, 0],
  [-6, -6, 0],
  [3, -3, 1],
  [-3, 3, 0],
  [0.9, 0.6, 0],
  [-0.6, -1.2, 1],
]

export const rateProblems: Record<ProblemId, RateProblem> = {
  regression: {
    id: 'regression',
    label: 'Regression: fit a curve (linear output, MSE)',
    about: 'A 1-4-1 network (tanh hidden, linear output) fits 12 points of a sine wave; loss MSE.',
    spec: {
      layers: [1, 4, 1],
      activations: ['tanh', 'linear'],
      loss: 'mse',
      inputs: curveX.map((x) => [x]),
      targets: curveY.map((y) => [y]),
      learningRate: 0.1,
      seed: 3,
    },
    sweep: { min: 1e-4, max: 10 },
    learningRate: 0.05,
  },
  classifier: {
    id: 'classifier',
    label: 'Classifier: two classes (sigmoid output, cross-entropy)',
    about:
      'A 2-3-1 network (sigmoid hidden and output) separates 14 labelled points; loss binary cross-entropy.',
    spec: {
      layers: [2, 3, 1],
      activations: ['sigmoid', 'sigmoid'],
      loss: 'bce',
      inputs: points.map(([a, b]) => [a, b]),
      targets: points.map(([, , y]) => [y]),
      learningRate: 0.1,
      seed: 2,
    },
    sweep: { min: 1e-3, max: 10 },
    learningRate: 0.3,
  },
}
