// "The maths one click away": one parameter's gradient at the current weights for one chosen point.
// A small EngineNetwork holds just that point and the current parameters; its trace gives the forward
// values and every δ, deriveGradient turns it into the chain rule, and checkParameter (with the
// regularisation penalty, as trained) gives the central-difference number beside backprop's.
import { withNetwork } from '../../composables/useLessonStore'
import type { EngineNetwork, Params } from '../../engine/network'
import type { NnModule } from '../../engine/nn'
import type { NetworkSpec, Trace } from '../../engine/types'
import {
  deriveGradient,
  numericalGradientCaption,
  type DerivationStep,
} from '../../math/derivation'
import { relativeError } from '../../math/gradientCheck'
import { parseKey } from '../../math/keys'
import { partial, symbolFor, type SymbolMap } from '../../math/symbols'
import { canonicalFeatures, feature, type FeatureId } from './features'

export interface Probe {
  heading: string
  steps: DerivationStep[]
  /** The trace of the one point without the penalty (what the chain rule explains). */
  trace: Trace
  /** λw or λ·sign(w) added to the data gradient, and the total; null without regularisation or for a bias. */
  penalty: { latex: string; value: number; total: number } | null
  check: {
    analytic: number
    numeric: number
    epsilon: number
    /** L(p), the unperturbed loss (what the quotient's shown decimals follow). */
    loss: number
    relativeError: number
    caption: string
  } | null
}

/** Index of a key's parameter in the engine's flat W1 b1 W2 b2 … order. */
export function flatIndex(layers: readonly number[], key: string): number | null {
  const r = parseKey(key)
  if (!r || r.layer === undefined || r.j === undefined || (r.kind !== 'W' && r.kind !== 'b'))
    return null
  const l = r.layer
  if (
    l < 1 ||
    l >= layers.length ||
    r.j >= layers[l] ||
    (r.kind === 'W' && (r.i ?? 0) >= layers[l - 1])
  )
    return null
  let k = 0
  for (let m = 1; m < l; m++) k += layers[m] * layers[m - 1] + layers[m]
  return r.kind === 'W' ? k + r.j * layers[l - 1] + (r.i ?? 0) : k + layers[l] * layers[l - 1] + r.j
}

/** The input units named by their features (x₁², sin x₂ …). */
export function featureSymbols(ids: readonly FeatureId[]): SymbolMap {
  return Object.fromEntries(canonicalFeatures(ids).map((id, i) => [`x[${i}]`, feature(id).latex]))
}

/**
 * Derives ∂E/∂`key` for one point (`input` feature row, `target` row) at `params`. Returns a message
 * instead when the engine refuses (it names the field).
 */
export function probeGradient(
  module: NnModule,
  spec: NetworkSpec,
  params: Params,
  point: { input: number[]; target: number[] },
  key: string,
  symbols: SymbolMap,
): Probe | { message: string } {
  const index = flatIndex(spec.layers, key)
  if (index === null) return { message: `${key} is not a parameter of this network` }
  const one: NetworkSpec = {
    ...spec,
    inputs: [point.input],
    targets: [point.target],
    weights: params.weights,
    biases: params.biases,
    batchSize: 0,
  }
  const { regularization, ...plain } = one
  return withNetwork(
    module,
    plain,
    (net) => probeWith(net, index),
    (message) => ({ message }),
  )
  function probeWith(net: EngineNetwork, index: number): Probe | { message: string } {
    const f = net.forward()
    if (!f.ok) return { message: f.message }
    const b = net.backward()
    if (!b.ok) return { message: b.message }
    const trace = net.trace()
    const steps = deriveGradient(plain, trace, key, { symbols, digits: 6 })
    const dataGrad = steps[steps.length - 1].value ?? 0
    let penalty: Probe['penalty'] = null
    const ref = parseKey(key)
    if (
      regularization &&
      regularization.name !== 'none' &&
      ref?.kind === 'W' &&
      (regularization.rate ?? 0) > 0
    ) {
      const lambda = regularization.rate ?? 0
      const w = params.weights[(ref.layer ?? 1) - 1][ref.j ?? 0][ref.i ?? 0]
      const value = regularization.name === 'l2' ? lambda * w : lambda * Math.sign(w)
      const ws = symbolFor(key, symbols)
      penalty = {
        latex:
          regularization.name === 'l2'
            ? `\\lambda ${ws} = ${lambda} \\cdot ${w.toPrecision(6)}`
            : `\\lambda \\operatorname{sign}(${ws}) = ${lambda} \\cdot ${Math.sign(w)}`,
        value,
        total: dataGrad + value,
      }
    }
    // Backprop's number (with the penalty, as trained) and the central difference of this parameter
    // alone: two more forward passes, not two per parameter.
    const epsilon = one.epsilon ?? 1e-6
    const check = withNetwork(module, one, (n): Probe['check'] => {
      const l = n.forward().ok && n.backward().ok ? n.trace().layers[(ref?.layer ?? 1) - 1] : null
      const c = n.checkParameter(index, epsilon)
      if (!l || !ref || !c.ok) return null
      const analytic = ref.kind === 'W' ? l.dW[ref.j ?? 0][ref.i ?? 0] : l.db[ref.j ?? 0]
      const numbers = { ...c, analytic, numeric: c.central, epsilon }
      const caption = numericalGradientCaption(numbers)
      return {
        analytic,
        numeric: c.central,
        epsilon,
        loss: c.loss,
        relativeError: relativeError(analytic, c.central),
        caption,
      }
    })
    return { heading: partial('E', symbolFor(key, symbols)), steps, trace, penalty, check }
  }
}
