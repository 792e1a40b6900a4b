// Every quantity of one lesson step (x, W, z, a, E, loss, δ, dW, Wnew…) with the engine's exact value
// and its local formula (how the notes compute it from its direct inputs). No Vue, no engine calls.

import type { NetworkSpec, Trace } from '../engine/types'
import { activate, activateOne, derivative } from './activations'
import { orderedKeys, range, sharedBiasLayers } from './keys'
import { lossTerm, outputDelta } from './losses'

/** Reads a quantity's value by key (a student's number, or the exact one). */
type Lookup = (key: string) => number

/** One quantity: the engine's value, plus how to recompute it from its direct inputs. */
export interface Quantity {
  key: string
  /** The exact value: taken from the trace, or computed from trace numbers (E_k, Wnew, bnew). */
  value: number
  /** Keys of the direct inputs of {@link Quantity.local}; empty for givens (x, y, W, b). */
  inputs: string[]
  /** The local formula, or `null` for givens. Inputs are read through `get`. */
  local: ((get: Lookup) => number) | null
}

/** All quantities of a network for one selected sample. */
export interface Quantities {
  /** Keys in dependency order (see `orderedKeys`). */
  order: string[]
  byKey: Map<string, Quantity>
  sample: number
  /** Samples in the trace's batch; dW, db and loss are means over them. */
  batch: number
  learningRate: number
}

/** Options of {@link buildQuantities}. */
export interface QuantityOptions {
  /** The selected sample for per-sample quantities. @default 0 */
  sample?: number
  /** η of the update shown as Wnew, bnew. @default spec.learningRate */
  learningRate?: number
}

/**
 * Builds every quantity of `spec` with the numbers of `trace`, in the notes' order: forward, loss,
 * backward, update. With several samples, the local formulas of dW, db and loss use the selected
 * sample's inputs and add the other samples' contributions as constants from the trace:
 * dW = (δ_j a_i + Σ_{others})/B. With one sample this is the notes' δ_j a_i. Wnew, bnew are always
 * one plain SGD step, w − η dW, whatever optimizer trains the network; with `trainBiases: false`,
 * bnew = b. A layer with a shared bias (`spec.sharedBiases`) has the one key `b{l}`, with
 * db{l} = Σ_j δ_j (the sum over its uses) and bnew{l}.
 */
export function buildQuantities(
  spec: NetworkSpec,
  trace: Trace,
  options: QuantityOptions = {},
): Quantities {
  const s = options.sample ?? 0
  const eta = options.learningRate ?? spec.learningRate
  const B = trace.inputs.length
  if (s < 0 || s >= B) throw new RangeError(`sample ${s} is not in the batch of ${B}`)
  const byKey = new Map<string, Quantity>()
  const c: Ctx = {
    spec,
    trace,
    s,
    B,
    L: spec.layers.length - 1,
    shared: sharedBiasLayers(spec.sharedBiases, spec.layers.length - 1),
    set: (key, value, inputs = [], local = null) => byKey.set(key, { key, value, inputs, local }),
    others: (f) => range(B).reduce((acc, smp) => (smp === s ? acc : acc + f(smp)), 0),
  }
  addForward(c)
  addLoss(c)
  addBackward(c)
  addUpdate(c, eta)
  return {
    order: orderedKeys(spec.layers, c.shared),
    byKey,
    sample: s,
    batch: B,
    learningRate: eta,
  }
}

/** What the four builders share. */
interface Ctx {
  spec: NetworkSpec
  trace: Trace
  /** The selected sample and the batch size. */
  s: number
  B: number
  /** Number of weight layers. */
  L: number
  /** Per weight layer (0-based): one bias shared by all units (key `b{l}`). */
  shared: boolean[]
  set: (
    key: string,
    value: number,
    inputs?: string[],
    local?: ((g: Lookup) => number) | null,
  ) => void
  /** Σ over the samples other than the selected one. */
  others: (f: (smp: number) => number) => number
}

/** Key of unit i of the layer below weight layer l: x_i for l = 1, else a^{(l−1)}_i. */
const prevA = (l: number, i: number): string => (l === 1 ? `x[${i}]` : `a${l - 1}[${i}]`)
/** The key of the bias unit j of weight layer l uses: `b{l}` when the layer shares one. */
const biasKey = (shared: boolean[], l: number, j: number): string =>
  shared[l - 1] ? `b${l}` : `b${l}[${j}]`
const prevAValue = (t: Trace, l: number, smp: number, i: number): number =>
  l === 1 ? t.inputs[smp][i] : t.layers[l - 2].a[smp][i]

/** Givens x, y, W, b and the forward pass z = Σ w a + b, a = f(z), layer by layer. */
function addForward({ spec, trace, s, L, shared, set }: Ctx): void {
  const units = spec.layers
  range(units[0]).forEach((i) => set(`x[${i}]`, trace.inputs[s][i]))
  range(units[L]).forEach((k) => set(`y[${k}]`, trace.targets[s][k]))
  for (let l = 1; l <= L; l++) {
    const t = trace.layers[l - 1]
    const act = spec.activations[l - 1]
    const ins = range(units[l - 1])
    for (const j of range(units[l])) {
      const w = (i: number): string => `W${l}[${j}][${i}]`
      const b = biasKey(shared, l, j)
      ins.forEach((i) => set(w(i), trace.weights[l - 1][j][i]))
      set(b, trace.biases[l - 1][j])
      const inputs = [...ins.flatMap((i) => [w(i), prevA(l, i)]), b]
      set(`z${l}[${j}]`, t.z[s][j], inputs, (g) =>
        ins.reduce((acc, i) => acc + g(w(i)) * g(prevA(l, i)), g(b)),
      )
    }
    const zs = range(units[l]).map((k) => `z${l}[${k}]`)
    for (const j of range(units[l])) {
      if (act === 'softmax') {
        set(`a${l}[${j}]`, t.a[s][j], zs, (g) => activate('softmax', zs.map(g))[j])
      } else {
        set(`a${l}[${j}]`, t.a[s][j], [zs[j]], (g) => activateOne(act, g(zs[j])))
      }
    }
  }
}

/** E_k of the selected sample and the batch loss (mean over samples of Σ_k E_k). */
function addLoss({ spec, trace, s, B, L, set, others }: Ctx): void {
  const K = spec.layers[L]
  const aL = trace.layers[L - 1].a[s]
  const eKeys = range(K).map((k) => `E[${k}]`)
  for (const k of range(K)) {
    const exact = lossTerm(spec.loss, aL[k], trace.targets[s][k], K)
    set(eKeys[k], exact, [`a${L}[${k}]`, `y[${k}]`], (g) =>
      lossTerm(spec.loss, g(`a${L}[${k}]`), g(`y[${k}]`), K),
    )
  }
  const rest = others((smp) => trace.sampleLosses[smp])
  set('loss', trace.loss, eKeys, (g) => (eKeys.reduce((acc, e) => acc + g(e), 0) + rest) / B)
}

/** Wnew = W − η dW and bnew = b − η db (or b when biases are frozen). */
function addUpdate({ spec, trace, L, shared, set }: Ctx, eta: number): void {
  const units = spec.layers
  const trainBiases = spec.trainBiases ?? true
  for (let l = 1; l <= L; l++) {
    const t = trace.layers[l - 1]
    for (const j of range(units[l])) {
      for (const i of range(units[l - 1])) {
        const w = `W${l}[${j}][${i}]`
        const d = `dW${l}[${j}][${i}]`
        const exact = trace.weights[l - 1][j][i] - eta * t.dW[j][i]
        set(`Wnew${l}[${j}][${i}]`, exact, [w, d], (g) => g(w) - eta * g(d))
      }
      const b = biasKey(shared, l, j)
      const d = `d${b}`
      const bnew = `bnew${b.slice(1)}`
      const b0 = trace.biases[l - 1][j]
      if (trainBiases) set(bnew, b0 - eta * t.db[j], [b, d], (g) => g(b) - eta * g(d))
      else set(bnew, b0, [b], (g) => g(b))
    }
  }
}

/** δ, dW and db of every layer, last layer first (the backward pass read as local formulas). */
function addBackward({ spec, trace, s, B, L, shared, set, others }: Ctx): void {
  const units = spec.layers
  const act = spec.activations[L - 1]
  for (let l = L; l >= 1; l--) {
    const t = trace.layers[l - 1]
    for (const j of range(units[l])) {
      const key = `delta${l}[${j}]`
      if (l === L) {
        const ks = act === 'softmax' ? range(units[L]) : [j]
        const inputs = ks.flatMap((k) => [`a${L}[${k}]`, `y[${k}]`, `z${L}[${k}]`])
        set(key, t.delta[s][j], inputs, (g) => {
          const pick = (kind: string, exact: readonly number[]): number[] =>
            exact.map((v, k) => (ks.includes(k) ? g(`${kind}[${k}]`) : v))
          const a = pick(`a${L}`, t.a[s])
          return outputDelta(act, spec.loss, a, pick('y', trace.targets[s]), pick(`z${L}`, t.z[s]))[
            j
          ]
        })
      } else {
        const f = spec.activations[l - 1]
        const next = range(units[l + 1])
        const w = (k: number): string => `W${l + 1}[${k}][${j}]`
        const d = (k: number): string => `delta${l + 1}[${k}]`
        const inputs = [`z${l}[${j}]`, ...next.flatMap((k) => [w(k), d(k)])]
        set(
          key,
          t.delta[s][j],
          inputs,
          (g) =>
            derivative(f, g(`z${l}[${j}]`)) * next.reduce((acc, k) => acc + g(w(k)) * g(d(k)), 0),
        )
      }
      for (const i of range(units[l - 1])) {
        const rest = others((smp) => t.delta[smp][j] * prevAValue(trace, l, smp, i))
        set(
          `dW${l}[${j}][${i}]`,
          t.dW[j][i],
          [key, prevA(l, i)],
          (g) => (g(key) * g(prevA(l, i)) + rest) / B,
        )
      }
      if (shared[l - 1]) continue
      const rest = others((smp) => t.delta[smp][j])
      set(`db${l}[${j}]`, t.db[j], [key], (g) => (g(key) + rest) / B)
    }
    if (shared[l - 1]) {
      // One bias used by every unit: ∂E/∂b = Σ_j ∂E/∂net_j · 1 = Σ_j δ_j (batch mean).
      const ds = range(units[l]).map((j) => `delta${l}[${j}]`)
      const rest = others((smp) => t.delta[smp].reduce((acc, d) => acc + d, 0))
      set(`db${l}`, t.db[0], ds, (g) => (ds.reduce((acc, d) => acc + g(d), 0) + rest) / B)
    }
  }
}

/**
 * Evaluates the local formula of `key` on `values` where given, exact values otherwise.
 * Returns the exact value for givens.
 */
export function evaluateLocal(
  q: Quantities,
  key: string,
  values: ReadonlyMap<string, number>,
): number {
  const quantity = q.byKey.get(key)
  if (!quantity) throw new Error(`unknown quantity ${key}`)
  if (!quantity.local) return quantity.value
  return quantity.local((k) => values.get(k) ?? exactValue(q, k))
}

/** The exact value of `key`; throws for an unknown key. */
export function exactValue(q: Quantities, key: string): number {
  const quantity = q.byKey.get(key)
  if (!quantity) throw new Error(`unknown quantity ${key}`)
  return quantity.value
}
