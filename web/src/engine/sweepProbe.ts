// A sweep copy's activations: its parameters (EngineEnsemble.params, flat W1 b1 W2 b2 …) loaded into a
// probe EngineNetwork of the same shape, one forward pass, the chosen layers' outputs copied out.
// Used to tell a saturated copy (sigmoid units pinned near 0/1) from a slow one. No arithmetic here.
import type { EngineEnsemble } from './ensemble'
import type { EngineNetwork } from './network'
import { paramsFromFlat } from './paramLayout'

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
  if (!probe.setParams(paramsFromFlat(ensemble.params(copy), probe.layout.sizes)).ok) return null
  if (!probe.forward().ok) return null
  return probe.trace().layers.flatMap((layer, l) => (pick(l) ? layer.a.flat() : []))
}
