// Data and engine look-ups of the loss-compare lesson (notes 000). Every loss and δ shown comes from the
// engine: a [1,1] sigmoid network with weight 1 and bias 0 whose inputs are the logits ln(p/(1−p)) gives
// a = p, the loss for target 1 and δ = ∂L/∂z for every p in one forward + backward pass.
import { withNetwork } from '../../composables/useLessonStore'
import type { NnModule } from '../../engine/nn'
import type { NetworkSpec } from '../../engine/types'

/** p = 0.01, 0.02, …, 0.99: the probabilities the curves are drawn at (and the slider's steps). */
export const probabilities = Array.from({ length: 99 }, (_, k) => (k + 1) / 100)

export interface LossCurve {
  /** The predicted probability the engine computed (σ of the logit). */
  p: number[]
  loss: number[]
  /** δ = ∂Lᵢ/∂z at the output's net input, per sample. */
  delta: number[]
}

/** Loss and δ at each p for true label 1, with a sigmoid output and the given loss. */
export function lossCurve(
  engine: NnModule,
  loss: 'mse' | 'bce',
  ps: readonly number[] = probabilities,
): LossCurve | string {
  const spec: NetworkSpec = {
    layers: [1, 1],
    activations: ['sigmoid'],
    loss,
    weights: [[[1]]],
    biases: [[0]],
    inputs: ps.map((p) => [Math.log(p / (1 - p))]),
    targets: ps.map(() => [1]),
    learningRate: 0.1,
  }
  return withNetwork(
    engine,
    spec,
    (net) => {
      net.forward()
      net.backward()
      const t = net.trace()
      return {
        p: t.layers[0].a.map((r) => r[0]),
        loss: t.sampleLosses,
        delta: t.layers[0].delta.map((r) => r[0]),
      }
    },
    String,
  )
}

/** The notes' two-class predictions for true class 2, through softmax + cross-entropy (logits ln p). */
export const notesPredictions = [
  { p: [0.4, 0.6], notes: '0.51', right: true },
  { p: [0.1, 0.9], notes: '0.105', right: true },
  { p: [0.3, 0.7], notes: '≈ 0.15', right: false },
]

export function notesCrossEntropy(engine: NnModule): number[] | string {
  const spec: NetworkSpec = {
    layers: [2, 2],
    activations: ['softmax'],
    loss: 'cross_entropy',
    weights: [
      [
        [1, 0],
        [0, 1],
      ],
    ],
    biases: [[0, 0]],
    inputs: notesPredictions.map((r) => r.p.map(Math.log)),
    targets: notesPredictions.map(() => [0, 1]),
    learningRate: 0.1,
  }
  return withNetwork(engine, spec, (net) => (net.forward(), net.trace().sampleLosses), String)
}

/** Two classes in the plane; the start weights point the wrong way, so the sigmoid output is saturated. */
export const points: [number, number, number][] = [
  [2, 1, 1],
  [1, 2, 1],
  [1.5, 1.5, 1],
  [0.5, 1, 1],
  [1, 0.2, 1],
  [2, -0.5, 1],
  [-2, -1, 0],
  [-1, -2, 0],
  [-1.5, -1.5, 0],
  [-0.5, -1, 0],
  [-1, -0.2, 0],
  [-2, 0.5, 0],
]
/** The training problem: 12 points, start w = (−4, −4), b = 0.5, full batch; η > 0 (default 0.5). */
export function trainingSpec(loss: 'mse' | 'bce', learningRate = 0.5): NetworkSpec {
  return {
    layers: [2, 1],
    activations: ['sigmoid'],
    loss,
    weights: [[[-4, -4]]],
    biases: [[0.5]],
    inputs: points.map(([a, b]) => [a, b]),
    targets: points.map(([, , y]) => [y]),
    learningRate,
  }
}

/** The first forward + backward pass from the start weights: what the first update is made of. */
interface FirstGradient {
  /** Output a = σ(z) per sample. */
  a: number[]
  /** σ′(z) = a(1 − a) per sample: the factor MSE's δ carries and cross-entropy's cancels. */
  sigmaPrime: number[]
  /** δ = ∂Lᵢ/∂z per sample (engine). */
  delta: number[]
  /** Batch-mean ∂L/∂w₁, ∂L/∂w₂ (engine). */
  dW: [number, number]
  /** Batch-mean ∂L/∂b (engine). */
  db: number
}

/** The engine's trace at the start weights of `trainingSpec(loss)`; a message if the spec is refused. */
export function firstGradient(engine: NnModule, loss: 'mse' | 'bce'): FirstGradient | string {
  const t = withNetwork(
    engine,
    trainingSpec(loss),
    (n) => (n.forward(), n.backward(), n.trace()),
    String,
  )
  if (typeof t === 'string') return t
  const layer = t.layers[0]
  const a = layer.a.map((r) => r[0])
  return {
    a,
    sigmaPrime: a.map((v) => v * (1 - v)),
    delta: layer.delta.map((r) => r[0]),
    dW: [layer.dW[0][0], layer.dW[0][1]],
    db: layer.db[0],
  }
}
