// The loss landscape of a two-parameter problem and the path each optimizer takes over it (#15): one
// linear neuron ŷ = w·x + b under ½-SSE on four points, full batch, so the loss is a long, narrow bowl
// over the (w, b) plane. The engine computes every loss, gradient and update; this file only asks it.
import { withNetwork, type NetworkStore } from '../../composables/useLessonStore'
import type { EngineNetwork } from '../../engine/network'
import type { NnModule } from '../../engine/nn'
import type { NetworkSpec, OptimizerSpec } from '../../engine/types'

/** Four points near y = 2x − 1: x is not centred, which makes the bowl narrow (condition ≈ 56). */
export const LANDSCAPE_DATA = {
  inputs: [[1], [2], [3], [4]],
  targets: [[1.2], [2.9], [5.1], [7.0]],
}
/** Where every optimizer starts, and the part of the plane that is drawn. */
export const START = { w: -1, b: 5 }
export const VIEW = { w: [-2, 4], b: [-4, 8] } as const

/** A point of a path: parameters after `update` updates, the loss there and its gradient. */
export interface PathPoint {
  update: number
  w: number
  b: number
  loss: number
  /** ∂E/∂w and ∂E/∂b at (w, b): what the next update uses. */
  gw: number
  gb: number
  /** η the update that led here used (NaN at the start). */
  eta: number
}

/** The spec of the landscape's network at (w, b). */
function landscapeSpec(
  w: number,
  b: number,
  learningRate: number,
  optimizer: OptimizerSpec = { name: 'sgd' },
): NetworkSpec {
  return {
    layers: [1, 1],
    activations: ['linear'],
    loss: 'half_sse',
    weights: [[[w]]],
    biases: [[b]],
    ...LANDSCAPE_DATA,
    learningRate,
    optimizer,
  }
}

/**
 * The loss on an n × n grid over VIEW: `values[r * n + c]` at w = column c (left to right) and
 * b = row r (top = VIEW.b[1] down to VIEW.b[0]); cell centres. One engine network, moved point by point.
 */
export function lossGrid(engine: NnModule, n: number): { values: Float64Array; n: number } {
  const values = new Float64Array(n * n)
  const fill = (net: EngineNetwork) => {
    for (let r = 0; r < n; r++) {
      const b = VIEW.b[1] - ((r + 0.5) / n) * (VIEW.b[1] - VIEW.b[0])
      for (let c = 0; c < n; c++) {
        const w = VIEW.w[0] + ((c + 0.5) / n) * (VIEW.w[1] - VIEW.w[0])
        net.setParams({ weights: [[[w]]], biases: [[b]] })
        values[r * n + c] = net.forward().loss
      }
    }
  }
  const refused = withNetwork(engine, landscapeSpec(START.w, START.b, 0.1), fill, String)
  if (refused) throw new Error(refused)
  return { values, n }
}

/**
 * The most updates a path keeps (and the plot draws): Resume after Resume, at "as fast as it goes",
 * grew every path by about 3,000 points a second without end, and the plot redrew them all (#11).
 */
export const KEPT_UPDATES = 1000

/**
 * One optimizer's walk from START: `step()` makes one engine update and records where it led.
 * Stops (with `stopped` saying why and at which update) when the loss stops being finite or the
 * point leaves a box 100 times the drawn one (the run is diverging: |1 − η·λ| > 1).
 * `points` holds the last KEPT_UPDATES updates and the point they start from: at most
 * KEPT_UPDATES + 1 points, `points[0].update` > 0 once the start has been dropped.
 */
export class OptimizerPath {
  readonly points: PathPoint[] = []
  stopped = ''
  private constructor(private readonly net: EngineNetwork) {}

  /** A path whose network `store` holds (and deletes). */
  static create(store: NetworkStore, eta: number, optimizer: OptimizerSpec): OptimizerPath {
    const net = store.add(landscapeSpec(START.w, START.b, eta, optimizer))
    if (typeof net === 'string') throw new Error(net)
    const path = new OptimizerPath(net)
    path.record(0, NaN)
    return path
  }

  get last(): PathPoint {
    return this.points[this.points.length - 1]
  }

  /** One update at learning rate `eta`; false once the path has stopped. */
  step(eta: number): boolean {
    if (this.stopped) return false
    this.net.setLearningRate(eta)
    const update = this.last.update + 1
    const r = this.net.update()
    if (!r.ok) return this.stop(update, r.message)
    this.record(update, eta)
    const p = this.last
    const far = 100 * Math.max(VIEW.w[1] - VIEW.w[0], VIEW.b[1] - VIEW.b[0])
    if (!Number.isFinite(p.loss)) return this.stop(update, 'the loss is no longer a finite number')
    if (Math.abs(p.w) > far || Math.abs(p.b) > far)
      return this.stop(update, 'the weights ran far off the landscape')
    return true
  }

  /** Forward + backward at the current parameters, then the point with its loss and gradient. */
  private record(update: number, eta: number): void {
    const { loss } = this.net.forward()
    this.net.backward()
    // the parameters and gradients only: a trace() would also copy every sample's z, a and δ
    const p = this.net.params()
    const g = this.net.gradients()
    this.points.push({
      update,
      w: p.weights[0][0][0],
      b: p.biases[0][0],
      loss,
      gw: g.weights[0][0][0],
      gb: g.biases[0][0],
      eta,
    })
    if (this.points.length > KEPT_UPDATES + 1) this.points.shift()
  }

  /** The points after updates `from` … `to` − 1 (update numbers; those no longer kept are left out). */
  between(from: number, to: number): PathPoint[] {
    const first = this.points[0].update
    return this.points.slice(Math.max(0, from - first), Math.max(0, to - first))
  }

  private stop(update: number, why: string): false {
    this.stopped = `diverged at update ${update}: ${why}`
    return false
  }
}
