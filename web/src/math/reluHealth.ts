// One detector of dead ReLU units and dead networks for every screen that uses ReLU (#12). A ReLU unit
// whose pre-activation z is ≤ 0 on every sample outputs 0 and has slope 0 there (the engine's convention
// at 0, as PyTorch's): nothing flows back through it, so on these samples it can never recover. When a
// whole layer is dead the output no longer depends on the input and no gradient reaches the layers below.
import type { ActivationName } from '../engine/types'
import { plural, pluralWord } from './plural'

/** A ReLU unit over a batch: dead (z ≤ 0 on every sample), active on every sample, or mixed. */
type UnitState = 'dead' | 'active' | 'mixed'

/** What the detector found. */
interface ReluHealth {
  /** Per weight layer (index 0 = layer 1) the state of each unit; [] for layers that are not ReLU. */
  units: UnitState[][]
  /** Dead ReLU units, all layers together. */
  deadCount: number
  /** The first layer (1-based) whose every unit is a dead ReLU; null when there is none. */
  deadLayer: number | null
  /** True when the network has ReLU units and every one is active on every sample: it is linear here. */
  allActive: boolean
}

/**
 * Classifies every ReLU unit of a network from its pre-activations over a batch.
 * @param activations one per weight layer; only `relu` layers are examined (leaky ReLU never dies).
 * @param z `z[l][sample][unit]`, e.g. `trace.layers.map((t) => t.z)`; at least one sample.
 */
export function reluHealth(
  activations: readonly ActivationName[],
  z: readonly (readonly (readonly number[])[])[],
): ReluHealth {
  const units = activations.map((act, l): UnitState[] => {
    const rows = z[l]
    if (act !== 'relu' || !rows || rows.length === 0) return []
    return rows[0].map((_, j) => {
      if (rows.every((r) => r[j] <= 0)) return 'dead'
      return rows.every((r) => r[j] > 0) ? 'active' : 'mixed'
    })
  })
  const all = units.flat()
  const deadCount = all.filter((s) => s === 'dead').length
  const first = units.findIndex((u) => u.length > 0 && u.every((s) => s === 'dead'))
  return {
    units,
    deadCount,
    deadLayer: first < 0 ? null : first + 1,
    allActive: all.length > 0 && all.every((s) => s === 'active'),
  }
}

/** `h1, h3` style names of the dead units of one layer (1-based unit numbers). */
function deadNames(states: readonly UnitState[], prefix = 'unit '): string[] {
  return states.flatMap((s, j) => (s === 'dead' ? [`${prefix}${j + 1}`] : []))
}

/** One plain sentence naming a dead network or the dead units (null when every ReLU unit is alive). */
export function reluVerdict(h: ReluHealth): string | null {
  if (h.deadLayer !== null) {
    const k = h.deadLayer
    const below = k === 1 ? 'layer 1' : `layers 1 to ${k}`
    return `Dead network: every ReLU unit of layer ${k} has z ≤ 0 on every sample, so it outputs 0 whatever the input. The output is the same for every sample and no gradient reaches ${below}: training cannot bring it back.`
  }
  if (h.deadCount === 0) return null
  const where = h.units
    .map((u, l) => (deadNames(u).length ? `layer ${l + 1}: ${deadNames(u).join(', ')}` : ''))
    .filter(Boolean)
    .join('; ')
  const n = h.deadCount
  return `${plural(n, 'dead ReLU unit')} (${where}): z ≤ 0 on every sample, so ${pluralWord(n, 'it outputs', 'they output')} 0 and ${pluralWord(n, 'passes', 'pass')} back no gradient.`
}

/** reluVerdict of a trace's pre-activations (every screen's dead-ReLU sentence from one pass). */
export function deadReluOf(
  activations: readonly ActivationName[],
  trace: { layers: readonly { z: number[][] }[] },
): string | null {
  const z = trace.layers.map((t) => t.z)
  return reluVerdict(reluHealth(activations, z))
}
