// Every quantity of one lesson step (x, W, z, a, E, loss, δ, dW, Wnew…) with the engine's exact value
// and its local formula (how the notes compute it from its direct inputs). No Vue, no engine calls.

import type { NetworkSpec, Trace } from '../engine/types'
import { activate, activateOne, derivative } from './activations'
import { orderedKeys } from './keys'
import { lossTerm, outputDelta } from './losses'

/** Reads a quantity's value by key (a student's number, or the exact one). */
export type Lookup = (key: string) => number

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
 * Builds every quantity of `spec` with the numbers of `trace`.
 * With several samples, the local formulas of dW, db and loss use the selected sample's inputs and
 * add the other samples' contributions as constants from the trace: dW = (δ_j a_i + Σ_{others})/B.
 * With one sample this is the notes' δ_j a_i. Wnew, bnew are always one plain SGD step, w − η dW,
 * whatever optimizer trains the network; with `trainBiases: false`, bnew = b.
 */
export function buildQuantities(
  spec: NetworkSpec,
  trace: Trace,
  options: QuantityOptions = {},
): Quantities {
  const s = options.sample ?? 0
  const eta = options.learningRate ?? spec.learningRate
  const units = spec.layers
  const L = units.length - 1
  const B = trace.inputs.length
  if (s < 0 || s >= B) throw new RangeError(`sample ${s} is not in the batch of ${B}`)
  const byKey = new Map<string, Quantity>()
  const given = (key: string, value: number): void => {
    byKey.set(key, { key, value, inputs: [], local: null })
  }
  const derived = (key: string, value: number, inputs: string[], local: (g: Lookup) => number) => {
    byKey.set(key, { key, value, inputs, local })
  }
  const prevA = (l: number, i: number): string => (l === 1 ? `x[${i}]` : `a${l - 1}[${i}]`)
  const prevAValue = (l: number, smp: number, i: number): number =>
    l === 1 ? trace.inputs[smp][i] : trace.layers[l - 2].a[smp][i]
  const range = (n: number): number[] => Array.from({ length: n }, (_, v) => v)
  const others = (f: (smp: number) => number): number =>
    range(B)
      .filter((smp) => smp !== s)
      .reduce((acc, smp) => acc + f(smp), 0)

  range(units[0]).forEach((i) => given(`x[${i}]`, trace.inputs[s][i]))
  range(units[L]).forEach((k) => given(`y[${k}]`, trace.targets[s][k]))
  for (let l = 1; l <= L; l++) {
    const t = trace.layers[l - 1]
    const act = spec.activations[l - 1]
    for (const j of range(units[l])) {
      range(units[l - 1]).forEach((i) => given(`W${l}[${j}][${i}]`, trace.weights[l - 1][j][i]))
      given(`b${l}[${j}]`, trace.biases[l - 1][j])
      const zIn = range(units[l - 1]).flatMap((i) => [`W${l}[${j}][${i}]`, prevA(l, i)])
      derived(`z${l}[${j}]`, t.z[s][j], [...zIn, `b${l}[${j}]`], (g) =>
        range(units[l - 1]).reduce(
          (acc, i) => acc + g(`W${l}[${j}][${i}]`) * g(prevA(l, i)),
          g(`b${l}[${j}]`),
        ),
      )
    }
    for (const j of range(units[l])) {
      if (act === 'softmax') {
        const zs = range(units[l]).map((k) => `z${l}[${k}]`)
        derived(`a${l}[${j}]`, t.a[s][j], zs, (g) => activate('softmax', zs.map(g))[j])
      } else {
        derived(`a${l}[${j}]`, t.a[s][j], [`z${l}[${j}]`], (g) =>
          activateOne(act, g(`z${l}[${j}]`)),
        )
      }
    }
  }

  const K = units[L]
  const aL = trace.layers[L - 1].a[s]
  for (const k of range(K)) {
    derived(
      `E[${k}]`,
      lossTerm(spec.loss, aL[k], trace.targets[s][k], K),
      [`a${L}[${k}]`, `y[${k}]`],
      (g) => lossTerm(spec.loss, g(`a${L}[${k}]`), g(`y[${k}]`), K),
    )
  }
  const eKeys = range(K).map((k) => `E[${k}]`)
  const otherLosses = others((smp) => trace.sampleLosses[smp])
  derived(
    'loss',
    trace.loss,
    eKeys,
    (g) => (eKeys.reduce((acc, e) => acc + g(e), 0) + otherLosses) / B,
  )

  addBackward(spec, trace, s, derived, others, prevA, prevAValue)

  const trainBiases = spec.trainBiases ?? true
  for (let l = 1; l <= L; l++) {
    const t = trace.layers[l - 1]
    for (const j of range(units[l])) {
      for (const i of range(units[l - 1])) {
        const w = `W${l}[${j}][${i}]`
        const d = `dW${l}[${j}][${i}]`
        derived(
          `Wnew${l}[${j}][${i}]`,
          trace.weights[l - 1][j][i] - eta * t.dW[j][i],
          [w, d],
          (g) => g(w) - eta * g(d),
        )
      }
      const b = `b${l}[${j}]`
      const d = `db${l}[${j}]`
      if (trainBiases)
        derived(
          `bnew${l}[${j}]`,
          trace.biases[l - 1][j] - eta * t.db[j],
          [b, d],
          (g) => g(b) - eta * g(d),
        )
      else derived(`bnew${l}[${j}]`, trace.biases[l - 1][j], [b], (g) => g(b))
    }
  }
  return { order: orderedKeys(units), byKey, sample: s, batch: B, learningRate: eta }
}

/** δ, dW and db of every layer, last layer first (the backward pass read as local formulas). */
function addBackward(
  spec: NetworkSpec,
  trace: Trace,
  s: number,
  derived: (key: string, value: number, inputs: string[], local: (g: Lookup) => number) => void,
  others: (f: (smp: number) => number) => number,
  prevA: (l: number, i: number) => string,
  prevAValue: (l: number, smp: number, i: number) => number,
): void {
  const units = spec.layers
  const L = units.length - 1
  const B = trace.inputs.length
  const range = (n: number): number[] => Array.from({ length: n }, (_, v) => v)
  const act = spec.activations[L - 1]
  for (let l = L; l >= 1; l--) {
    const t = trace.layers[l - 1]
    for (const j of range(units[l])) {
      const key = `delta${l}[${j}]`
      if (l === L) {
        const coupled = act === 'softmax'
        const ks = coupled ? range(units[L]) : [j]
        const inputs = ks.flatMap((k) => [`a${L}[${k}]`, `y[${k}]`, `z${L}[${k}]`])
        derived(key, t.delta[s][j], inputs, (g) => {
          const pick = (kind: string, exact: readonly number[]): number[] =>
            exact.map((v, k) => (ks.includes(k) ? g(`${kind}[${k}]`) : v))
          const a = pick(`a${L}`, t.a[s])
          const y = pick('y', trace.targets[s])
          const z = pick(`z${L}`, t.z[s])
          return outputDelta(act, spec.loss, a, y, z)[j]
        })
      } else {
        const f = spec.activations[l - 1]
        const next = range(units[l + 1])
        const inputs = [
          `z${l}[${j}]`,
          ...next.flatMap((k) => [`W${l + 1}[${k}][${j}]`, `delta${l + 1}[${k}]`]),
        ]
        derived(
          key,
          t.delta[s][j],
          inputs,
          (g) =>
            derivative(f, g(`z${l}[${j}]`)) *
            next.reduce((acc, k) => acc + g(`W${l + 1}[${k}][${j}]`) * g(`delta${l + 1}[${k}]`), 0),
        )
      }
      for (const i of range(units[l - 1])) {
        const rest = others((smp) => t.delta[smp][j] * prevAValue(l, smp, i))
        derived(
          `dW${l}[${j}][${i}]`,
          t.dW[j][i],
          [key, prevA(l, i)],
          (g) => (g(key) * g(prevA(l, i)) + rest) / B,
        )
      }
      const rest = others((smp) => t.delta[smp][j])
      derived(`db${l}[${j}]`, t.db[j], [key], (g) => (g(key) + rest) / B)
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
