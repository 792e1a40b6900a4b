// EngineEnsemble: many copies of one network trained side by side inside the engine, for the
// learning-rate sweep (one rate per copy, same start) and the many-seeds experiment (one seed per
// copy). Copies out of wasm memory; owns the embind object's lifetime. No arithmetic here.
import type { NnEnsemble, NnModule } from './nn'
import type { NetworkSpec } from './types'
import { screenNumbers } from '../math/format'

export interface CopyState {
  learningRate: number
  seed?: number
  /** Loss of each update of the last train call; null where the copy was not trained (stopped). */
  losses: (number | null)[]
  firstLoss: number | null
  /** Loss over all rows after the last train call; null once diverged. */
  finalLoss: number | null
  /** Share of rows classified right; null for regression or once diverged. */
  accuracy: number | null
  /** Index of the update at which the copy was stopped (non-finite, or 1000 × its first loss). */
  divergedAt: number | null
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null)

/**
 * `count` learning rates spaced evenly on a log scale from `min` to `max` inclusive; the two ends are
 * `min` and `max` themselves (10^log10(5) is 4.999999999999999, and the sweep said "η from 0.001 to
 * 4.999999999999999" for a typed 5). min, max > 0; count ≥ 1.
 */
export function logSpaced(min: number, max: number, count: number): number[] {
  if (count === 1) return [min]
  const a = Math.log10(min)
  const b = Math.log10(max)
  const last = count - 1
  return Array.from({ length: count }, (_, k) =>
    k === 0 ? min : k === last ? max : 10 ** (a + ((b - a) * k) / last),
  )
}

export class EngineEnsemble {
  private raw: NnEnsemble | null

  private constructor(
    raw: NnEnsemble,
    readonly spec: NetworkSpec,
    readonly learningRates: number[],
    readonly seeds: number[],
  ) {
    this.raw = raw
  }

  /**
   * One copy per learning rate (same initial weights) and/or per seed (random starts).
   * With both, they are paired and must have equal lengths.
   */
  static create(
    module: NnModule,
    spec: NetworkSpec,
    copies: { learningRates?: number[]; seeds?: number[] },
  ): { ok: true; ensemble: EngineEnsemble } | { ok: false; message: string } {
    const rates = copies.learningRates ?? []
    const seeds = copies.seeds ?? []
    const raw = new module.Ensemble()
    const status = raw.configure(JSON.stringify(spec), JSON.stringify(rates), JSON.stringify(seeds))
    if (status !== module.Status.ok) {
      const message = screenNumbers(raw.error())
      raw.delete()
      return { ok: false, message }
    }
    return { ok: true, ensemble: new EngineEnsemble(raw, spec, rates, seeds) }
  }

  private get ens(): NnEnsemble {
    if (!this.raw) throw new Error('EngineEnsemble used after dispose()')
    return this.raw
  }

  get size(): number {
    return this.ens.copies()
  }

  /**
   * `steps` updates for every healthy copy, in one call; returns each copy's state afterwards.
   * @param losses whose per-update losses are copied out of wasm memory: every copy's, or the first
   *   copy's only (the others then have `losses: []`): a screen that shows one copy's losses need not
   *   copy a hundred every frame (#11). @default 'all'
   */
  train(steps: number, losses: 'all' | 'first' = 'all'): CopyState[] {
    this.ens.train(steps)
    const b = this.ens.buffers()
    const n = this.ens.copies()
    const per = n > 0 ? b.losses.length / n : 0
    return Array.from({ length: n }, (_, c) => ({
      learningRate: this.learningRates[c] ?? this.spec.learningRate,
      seed: this.seeds[c],
      losses:
        losses === 'all' || c === 0
          ? Array.from(b.losses.subarray(c * per, (c + 1) * per), finiteOrNull)
          : [],
      firstLoss: finiteOrNull(b.firstLoss[c]),
      finalLoss: finiteOrNull(b.finalLoss[c]),
      accuracy: finiteOrNull(b.accuracy[c]),
      divergedAt: b.divergedAt[c] >= 0 ? b.divergedAt[c] : null,
    }))
  }

  /** One copy's parameters in W1 b1 W2 b2 … order (a copy). */
  params(copy: number): number[] {
    const p = this.ens.params(copy)
    return p ? Array.from(p) : []
  }

  /** ‖∂L/∂W_l‖ per layer of one copy, from a fresh forward + backward over all rows. */
  gradientNorms(copy: number): number[] {
    const g = this.ens.gradientNorms(copy)
    return g ? Array.from(g) : []
  }

  dispose(): void {
    if (this.raw && !this.raw.isDeleted()) this.raw.delete()
    this.raw = null
  }
}
