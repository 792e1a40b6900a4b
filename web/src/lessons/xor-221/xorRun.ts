// One XOR run kept update by update for the inspector (#15): the engine trains seed s of a 2-H-1 network
// for N updates (an EngineEnsemble of one copy: the very code path, and so the very numbers, of the
// 100-run experiment), and the weights after every update and the loss at every update are kept, so any
// update can be shown again without retraining. No Vue; no arithmetic on the numbers.
import type { NetworkStore } from '../../composables/useLessonStore'
import type { Params } from '../../engine/network'
import { paramsFromFlat } from '../../engine/paramLayout'
import type { NetworkSpec } from '../../engine/types'
import { plural } from '../../math/plural'

export interface XorRecord {
  /** Layer sizes, inputs first, e.g. [2, 2, 1]. */
  sizes: number[]
  /** Parameters per copy (W¹ b¹ W² b², flat). */
  paramCount: number
  /**
   * Updates kept: N, or fewer when the run diverged: those up to the engine's count in `message`,
   * less the last one when the loss after it is not a number (there is no loss to show for it).
   */
  updates: number
  /** `params[k·paramCount …]`: the parameters after k updates, k = 0 … updates. */
  params: Float64Array
  /** `losses[k]`: the batch loss with the parameters after k updates, k = 0 … updates. */
  losses: Float64Array
  /**
   * Why the run stopped early, or '': 'training diverged after N updates: …', N the engine's count
   * (EngineEnsemble `divergedAt`), the form of the engine's own divergence message.
   */
  message: string
}

/**
 * Trains `spec` from `seed` for `updates` full-batch updates in the engine, keeping every update; the
 * ensemble is taken from `store` and released before returning.
 * @param updates 1 … 10,000 (memory: (updates + 1) × parameters doubles).
 * @returns the record, or the engine's message when it refused the spec.
 */
export function recordRun(
  store: NetworkStore,
  spec: NetworkSpec,
  seed: number,
  updates: number,
): { ok: true; record: XorRecord } | { ok: false; message: string } {
  const ens = store.addEnsemble(spec, { seeds: [seed] })
  if (typeof ens === 'string') return { ok: false, message: ens }
  const start = ens.params(0)
  const n = start.length
  const params = new Float64Array((updates + 1) * n)
  const losses = new Float64Array(updates + 1)
  params.set(start, 0)
  let done = 0
  let message = ''
  try {
    for (; done < updates; done++) {
      const [s] = ens.train(1)
      if (s.losses[0] !== null) losses[done] = s.losses[0] // null: the engine stopped before the update
      // An update can go through and leave a loss that is not a number: the engine's divergence rule
      // judges a loss before the next update, so it is asked for that one, which it refuses and names.
      const stoppedAt = s.divergedAt ?? (s.finalLoss === null ? ens.train(1)[0].divergedAt : null)
      if (stoppedAt !== null) {
        message = `training diverged after ${plural(stoppedAt, 'update')}: the loss stopped being a finite number or grew past 1000 × its first value`
        break
      }
      if (s.finalLoss === null)
        throw new Error('the engine trained on from a loss that is not a number')
      losses[done + 1] = s.finalLoss
      params.set(ens.params(0), (done + 1) * n)
    }
  } finally {
    store.release(ens)
  }
  return {
    ok: true,
    record: {
      sizes: spec.layers,
      paramCount: n,
      updates: done,
      params: params.subarray(0, (done + 1) * n),
      losses: losses.subarray(0, done + 1),
      message,
    },
  }
}

/** The flat parameters after `k` updates (clamped to 0 … record.updates). */
export function flatAt(r: XorRecord, k: number): Float64Array {
  const i = Math.max(0, Math.min(r.updates, Math.round(k)))
  return r.params.subarray(i * r.paramCount, (i + 1) * r.paramCount)
}

/** The parameters after `k` updates as weights[l][j][i] and biases[l][j]. */
export function paramsAt(r: XorRecord, k: number): Params {
  return paramsFromFlat(flatAt(r, k), r.sizes)
}

/**
 * The first update after which `isDead(k)` holds, given that it holds at `hi` and not at `lo`: a dead
 * ReLU unit gets no gradient, so once dead it stays dead and the answer can be found by bisection.
 */
export function firstDead(isDead: (k: number) => boolean, lo: number, hi: number): number {
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (isDead(mid)) hi = mid
    else lo = mid
  }
  return hi
}
