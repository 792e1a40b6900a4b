// What the live run says after a copy diverged must be true for that copy (#11). Adam with β₂ = 0
// divides each step by the last gradient alone (v̂ = g²): on the lesson's regression it diverges at
// η = 0.05 and at 0.2 (later than at 0.05: a lower η is no cure), and with β₂ = 0.999 at no η up to 2.
// Checked here on the real engine, then the words: raise β₂, not only "lower η".
import { describe, expect, it } from 'vitest'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NnModule } from '../../web/src/engine/nn'
import {
  allDivergedAdvice,
  divergedAdvice,
  divergedCure,
} from '../../web/src/composables/divergedAdvice'
import { rateProblems } from '../../web/src/lessons/learning-rate/learningRateProblems'
import { loadEngineNode } from './loadEngineNode'

async function divergedAt(lr: number, beta2: number): Promise<number | null> {
  const engine = (await loadEngineNode()) as unknown as NnModule
  const made = EngineNetwork.create(engine, {
    ...rateProblems.regression.spec,
    learningRate: lr,
    optimizer: { name: 'adam', beta1: 0.9, beta2, epsilon: 1e-8 },
  })
  if (!made.ok) throw new Error(made.message)
  const t = made.network.train(3000)
  made.network.dispose()
  return t.divergedAt
}

describe('advice after a divergence', () => {
  it('Adam with β₂ = 0: a lower η need not help, a larger β₂ does', async () => {
    const at05 = await divergedAt(0.05, 0)
    const at02 = await divergedAt(0.2, 0)
    expect(at05).not.toBeNull()
    expect(at02).not.toBeNull()
    expect(at02!).toBeGreaterThan(at05!) // the larger η went on longer
    for (const lr of [0.05, 0.2, 2]) expect(await divergedAt(lr, 0.999)).toBeNull()
    const words = divergedAdvice(divergedCure('adam', 0))
    expect(words).toMatch(/Raise β₂/)
    expect(words).toMatch(/lower η may not help/)
    expect(words).not.toMatch(/^.*Lower η and press Reset/)
  })

  it('SGD, momentum and Adam with β₂ > 0: lower η', () => {
    for (const kind of ['sgd', 'momentum'] as const)
      expect(divergedAdvice(divergedCure(kind, 0))).toMatch(/Lower η and press Reset\.$/)
    expect(divergedAdvice(divergedCure('adam', 0.999))).toMatch(/Lower η and press Reset\.$/)
  })

  // #11: the status said "lower η" when every copy diverged, while Adam's line (β₂ = 0) said a lower η
  // may not help and to raise β₂. The status now says each copy's own step, from the same cures.
  it('the status when every copy diverged gives the steps the copies’ own lines give', () => {
    const run = (name: string, kind: 'sgd' | 'momentum' | 'adam', beta2: number) => ({
      name,
      cure: divergedCure(kind, beta2),
    })
    expect(
      allDivergedAdvice([
        run('SGD', 'sgd', 0),
        run('Momentum (μ = 0.9)', 'momentum', 0),
        run('Adam', 'adam', 0),
      ]),
    ).toBe(
      "Every run diverged. SGD and Momentum: lower η; Adam: raise β₂ (PyTorch's default is 0.999). Then press Reset.",
    )
    expect(
      allDivergedAdvice([
        run('SGD', 'sgd', 0.999),
        run('Momentum (μ = 0.9)', 'momentum', 0.999),
        run('Adam', 'adam', 0.999),
      ]),
    ).toBe('Every run diverged. Lower η and press Reset.')
  })

  // #11: loss-compare's race said "Every run diverged: lower η and start again." where every other
  // screen says the sentence below; its runs carry no cure of their own (one optimizer, SGD).
  it('runs without a cure of their own get the same words as every other race', () => {
    expect(
      allDivergedAdvice([
        { name: 'MSE (sigmoid + mean squared error)' },
        { name: 'Cross-entropy (sigmoid + binary cross-entropy)' },
      ]),
    ).toBe('Every run diverged. Lower η and press Reset.')
  })
})
