// The playground's settings and how they become the engine's spec. Pure TypeScript: the one place that
// decides the output layer (sigmoid for two classes, K softmax units for K ≥ 3, linear for regression) and which
// losses fit it, so the page, the link, the JSON export and the command line's SPEC.json agree.
import {
  HIDDEN_ACTIVATION_NAMES,
  OPTIMIZER_NAMES,
  PENALTY_NAMES,
  suitedInit,
  type HiddenActivationName,
  type OptimizerName as EngineOptimizerName,
  type PenaltyName,
} from '../../engine/catalogue'
import type { ActivationName, LossName, NetworkSpec, OptimizerSpec } from '../../engine/types'
import {
  MAX_CLASSES,
  datasetInfo,
  type DataPoint,
  type DatasetName,
  type ProblemKind,
} from '../../math/datasets'
import { canonicalFeatures, featureRows, type FeatureId } from './features'

export type HiddenActivation = HiddenActivationName
export type OptimizerName = EngineOptimizerName
export type Penalty = PenaltyName

export interface PlaygroundConfig {
  dataset: DatasetName
  /** Share of the plane's half-width, 0 to 0.5. */
  noise: number
  /** Points generated (ignored by `custom`). */
  points: number
  /** Share of points held out for testing, 0 to 0.9. */
  testShare: number
  /** Seeds the data, the split and the initial weights. */
  seed: number
  features: FeatureId[]
  /** Neurons per hidden layer: 0 to 6 layers of 1 to 8. */
  hidden: number[]
  activation: HiddenActivation
  loss: LossName
  optimizer: OptimizerName
  learningRate: number
  /** 0 = all training points. */
  batchSize: number
  regularization: Penalty
  regularizationRate: number
}

export const HIDDEN_ACTIVATIONS = HIDDEN_ACTIVATION_NAMES
export const OPTIMIZERS = OPTIMIZER_NAMES
export const PENALTIES = PENALTY_NAMES

export const DEFAULT_CONFIG: PlaygroundConfig = {
  dataset: 'circle',
  noise: 0,
  points: 300,
  testShare: 0.5,
  seed: 1,
  features: ['x1', 'x2'],
  hidden: [4, 2],
  activation: 'tanh',
  loss: 'bce',
  optimizer: 'sgd',
  learningRate: 0.03,
  batchSize: 10,
  regularization: 'none',
  regularizationRate: 0,
}

/** What is learned: the kind and K, the classes (2 binary, 3…{@link MAX_CLASSES} multiclass, 1 regression). */
export interface Problem {
  kind: ProblemKind
  /** Output units are K for multiclass (softmax), else 1. */
  classes: number
}

/**
 * The problem of a dataset; for the learner's own points, from the labels: whole numbers 0…K−1 with
 * K ≤ 2 are two classes, with 3 ≤ K ≤ {@link MAX_CLASSES} K classes (K from the largest label, so a
 * class without points still has its output), anything else regression. csv.ts's notice says the same.
 */
export function problemOf(dataset: DatasetName, points: readonly DataPoint[]): Problem {
  if (dataset !== 'custom') {
    const { kind, classes } = datasetInfo(dataset)
    return { kind, classes }
  }
  if (!points.every((p) => Number.isInteger(p.label) && p.label >= 0 && p.label < MAX_CLASSES))
    return { kind: 'regression', classes: 1 }
  const K = points.reduce((m, p) => Math.max(m, p.label + 1), 2)
  return K <= 2 ? { kind: 'binary', classes: 2 } : { kind: 'multiclass', classes: K }
}

/** Losses that fit the output layer of a problem; the first is the default. */
export function lossesFor(kind: ProblemKind): LossName[] {
  return kind === 'multiclass'
    ? ['cross_entropy']
    : kind === 'binary'
      ? ['bce', 'mse', 'half_sse']
      : ['mse', 'half_sse']
}

function outputActivation(kind: ProblemKind): ActivationName {
  return kind === 'multiclass' ? 'softmax' : kind === 'binary' ? 'sigmoid' : 'linear'
}

/** The loss to use: the chosen one when it fits the problem, else the problem's default. */
export function fittingLoss(config: PlaygroundConfig, kind: ProblemKind): LossName {
  const ok = lossesFor(kind)
  return ok.includes(config.loss) ? config.loss : ok[0]
}

/** Target rows: one-hot of length K for multiclass (label k → 1 in column k), the label itself otherwise. */
export function targetRows(points: readonly DataPoint[], problem: Problem): number[][] {
  const K = problem.classes
  return problem.kind === 'multiclass'
    ? points.map((p) => Array.from({ length: K }, (_, k) => (p.label === k ? 1 : 0)))
    : points.map((p) => [p.label])
}

function optimizerSpec(name: OptimizerName): OptimizerSpec {
  return name === 'momentum' ? { name: 'momentum', momentum: 0.9 } : { name }
}

/** Units per layer, inputs first; the output layer has K units for multiclass, else 1. */
function layerSizes(config: PlaygroundConfig, problem: Problem): number[] {
  const nin = Math.max(1, canonicalFeatures(config.features).length)
  return [nin, ...config.hidden, problem.kind === 'multiclass' ? problem.classes : 1]
}

/**
 * The engine's spec for training on `points` (random initial weights from the seed, He for ReLU-like
 * hidden units, Xavier otherwise). A batch size above the number of points means "all of them".
 */
export function buildSpec(
  config: PlaygroundConfig,
  problem: Problem,
  points: readonly DataPoint[],
): NetworkSpec {
  const { kind } = problem
  const layers = layerSizes(config, problem)
  const rows = Math.max(1, points.length)
  const spec: NetworkSpec = {
    layers,
    activations: [...config.hidden.map(() => config.activation), outputActivation(kind)],
    loss: fittingLoss(config, kind),
    inputs: featureRows(points, config.features),
    targets: targetRows(points, problem),
    learningRate: config.learningRate,
    optimizer: optimizerSpec(config.optimizer),
    batchSize: config.batchSize >= rows ? 0 : config.batchSize,
    seed: config.seed,
    init: suitedInit(config.activation),
  }
  if (config.regularization !== 'none' && config.regularizationRate > 0) {
    spec.regularization = { name: config.regularization, rate: config.regularizationRate }
  }
  return spec
}
