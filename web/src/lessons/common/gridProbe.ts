// Evaluates a trained network on an n×n grid of points for a decision-region picture: one EngineNetwork
// of the same shape; each call copies the weights in and runs the engine's exact predict over the grid
// (bitwise the forward outputs, without copying a whole trace out of WebAssembly on every frame).
import type { NetworkStore } from '../../composables/useLessonStore'
import type { EngineNetwork, Params } from '../../engine/network'
import type { NetworkSpec } from '../../engine/types'
import { gridPoints } from '../../math/datasets'

export class GridProbe {
  private constructor(
    private readonly net: EngineNetwork,
    private readonly points: Float64Array,
    readonly n: number,
  ) {}

  /**
   * A probe for networks shaped like `spec` (layers, activations, loss; one sigmoid output) over
   * [lo, hi]² at n×n points (keep n ≤ 60); `store` holds its network (and deletes it).
   */
  static create(
    store: NetworkStore,
    spec: NetworkSpec,
    n: number,
    lo: number,
    hi: number,
  ): GridProbe | null {
    const inputs = gridPoints(n, lo, hi)
    const net = store.add({
      layers: spec.layers,
      activations: spec.activations,
      loss: spec.loss,
      inputs,
      targets: inputs.map(() => [0]),
      learningRate: 1,
    })
    return typeof net === 'string' ? null : new GridProbe(net, Float64Array.from(inputs.flat()), n)
  }

  /** The output (first unit) at every grid point for these parameters, or null if the engine refused them. */
  evaluate(params: Params): number[] | null {
    if (!this.net.setParams(params).ok) return null
    const out = this.net.predict(this.points, this.n * this.n, { exact: true })
    if (!out) return null
    const nout = out.length / (this.n * this.n)
    return Array.from({ length: this.n * this.n }, (_, k) => out[k * nout])
  }
}
