// The reference cases every unit test shares (tests/fixtures/reference-cases.json: numbers from PyTorch
// and the notes, never from the code under test), and the notes' classic 2-2-2 network built from them.
import { readFileSync } from 'node:fs'
import type { NetworkSpec, Trace } from '../../web/src/engine/types'

export interface ReferenceCase {
  name: string
  spec: NetworkSpec
  steps?: number
  expected: {
    loss?: number
    layers?: Trace['layers']
    losses?: number[]
    lossesHead?: number[]
    lossesTail?: number[]
    weightsAfter: number[][][]
    biasesAfter: number[][]
  }
}

/** A case with one traced step: its loss and every layer's z, a, δ, dW and db (step-*, classic-222). */
export type StepCase = ReferenceCase & { expected: { loss: number; layers: Trace['layers'] } }

export const referenceCases = JSON.parse(
  readFileSync(new URL('../fixtures/reference-cases.json', import.meta.url), 'utf8'),
) as ReferenceCase[]

export const stepCases = referenceCases.filter((c) => c.expected.layers !== undefined) as StepCase[]

/** Notes 004's 2-2-2 example (E_total = 0.298371109 before the first update). */
export const classicCase = stepCases.find((c) => c.name === 'classic-222') as StepCase

/** The classic example as the notes train it: biases fixed. */
export const classicSpec: NetworkSpec = { ...classicCase.spec, trainBiases: false }

/** The trace a case's expected numbers describe (the fixture has only the mean loss). */
export function traceOf(c: StepCase, sampleLosses: number[] = []): Trace {
  return {
    loss: c.expected.loss,
    sampleLosses,
    inputs: c.spec.inputs,
    targets: c.spec.targets,
    weights: c.spec.weights ?? [],
    biases: c.spec.biases ?? [],
    layers: c.expected.layers,
  }
}

/**
 * One linear unit ŷ = w·x + b with w = 1, b = 0 and ½-SSE on the one row x = 1, t = 0, η = 0.1: a
 * network small enough to work out by hand in the test. `patch` replaces any field.
 */
export const oneUnit = (patch: Partial<NetworkSpec> = {}): NetworkSpec => ({
  layers: [1, 1],
  activations: ['linear'],
  loss: 'half_sse',
  weights: [[[1]]],
  biases: [[0]],
  inputs: [[1]],
  targets: [[0]],
  learningRate: 0.1,
  ...patch,
})
