// A sweep copy's activations: its parameters (EngineEnsemble.params, flat W1 b1 W2 b2 …) loaded into a
// probe EngineNetwork of the same shape, one forward pass, the chosen layers' outputs copied out.
// Used to tell a saturated copy (sigmoid units pinned near 0/1) from a slow one. No arithmetic here.
import type { EngineEnsemble } from './ensemble'
import type { EngineNetwork, Params } from './network'

/** Flat parameters in engine order into weights/biases of the given layer sizes. */
export function unflatten(flat: readonly number[], sizes: readonly number[]): Params {
  const weights: number[][][] = []
  const biases: number[][] = []
  let o = 0
  for (let l = 1; l < sizes.length; l++) {
    const nin = sizes[l - 1]
    weights.push(
      Array.from({ length: sizes[l] }, (_, j) => flat.slice(o + j * nin, o + (j + 1) * nin)),
    )
    o += sizes[l] * nin
    biases.push(flat.slice(o, o + sizes[l]))
    o += sizes[l]
  }
  return { weights, biases }
}

/**
 * Every activation (all samples) of the layers where `pick(l)` is true, for copy `copy` of the
 * ensemble; null when the copy's parameters cannot be loaded or the forward pass fails.
 */
export function copyActivations(
  ensemble: EngineEnsemble,
  probe: EngineNetwork,
  copy: number,
  pick: (layer: number) => boolean,
): number[] | null {
  if (!probe.setParams(unflatten(ensemble.params(copy), probe.layout.sizes)).ok) return null
  if (!probe.forward().ok) return null
  return probe.trace().layers.flatMap((layer, l) => (pick(l) ? layer.a.flat() : []))
}
