// The factors of a chain-rule derivation (∂E/∂out, ∂out/∂net, ∂net/∂w…) for one sample: symbol,
// formula in symbols, formula with numbers, value. Assembled into steps by derivation.ts.

import type { NetworkSpec, Trace } from '../engine/types'
import { hasKink } from '../engine/catalogue'
import { derivative, derivativeLatex } from './activations'
import { isFused, lossGradient, lossGradientLatex } from './losses'
import { inputSymbol, num, partial, symbolFor, type SymbolMap } from './symbols'

/** One factor of a chain: ∂A/∂B, its formula, the formula with numbers, and its value. */
export interface Factor {
  symbol: string
  formula: string
  numbers: string
  value: number
  /** A side condition shown after the number, e.g. `z = 0.3 > 0` for ReLU. */
  note?: string
}

/** What every factor needs: the network, its trace, the selected sample and the notation. */
interface FactorContext {
  spec: NetworkSpec
  trace: Trace
  sample: number
  symbols: SymbolMap
  digits: number
}

/** Creates the factor builders for one context. */
export function factorsOf(c: FactorContext) {
  const L = c.spec.layers.length - 1
  const K = c.spec.layers[L]
  const s = c.sample
  const sym = (key: string): string => symbolFor(key, c.symbols)
  const n = (x: number): string => num(x, c.digits)
  const E = sym('loss')
  const out = c.trace.layers[L - 1]

  /** ∂E/∂a^{(L)}_k: the loss's own derivative, e.g. −(target − out) for ½ Σ (target − out)². */
  const lossGrad = (k: number): Factor => {
    const a = out.a[s][k]
    const y = c.trace.targets[s][k]
    return {
      symbol: partial(E, sym(`a${L}[${k}]`)),
      formula: lossGradientLatex(c.spec.loss, sym(`a${L}[${k}]`), sym(`y[${k}]`), K),
      numbers: lossGradientLatex(c.spec.loss, n(a), n(y), K),
      value: lossGradient(c.spec.loss, a, y, K),
    }
  }

  /** ∂a^{(l)}_j/∂z^{(l)}_j = f′(z), e.g. out(1 − out) for the sigmoid. */
  const actGrad = (l: number, j: number): Factor => {
    const act = c.spec.activations[l - 1]
    const z = c.trace.layers[l - 1].z[s][j]
    const a = c.trace.layers[l - 1].a[s][j]
    const aSym = sym(`a${l}[${j}]`)
    const zSym = sym(`z${l}[${j}]`)
    const kink = hasKink(act)
    return {
      symbol: partial(aSym, zSym),
      formula: derivativeLatex(act, aSym, zSym),
      numbers: kink ? n(derivative(act, z)) : derivativeLatex(act, n(a), n(z)),
      value: derivative(act, z),
      ...(kink && { note: `${zSym} = ${n(z)} ${z > 0 ? '>' : '\\le'} 0` }),
    }
  }

  /** ∂E/∂z^{(L)}_k when the output's f′ cancels (softmax + cross-entropy, sigmoid + bce) or couples. */
  const outDelta = (k: number): Factor => {
    const act = c.spec.activations[L - 1]
    const a = out.a[s][k]
    const y = c.trace.targets[s][k]
    const aSym = sym(`a${L}[${k}]`)
    const ySym = sym(`y[${k}]`)
    const value = out.delta[s][k]
    const symbol = partial(E, sym(`z${L}[${k}]`))
    if (!isFused(act, c.spec.loss)) {
      const formula = `\\sum_m ${partial(E, `a_m`)}\\, ${aSym}\\,([m = ${k + 1}] - a_m)`
      return { symbol, formula, numbers: n(value), value }
    }
    return { symbol, formula: `${aSym} - ${ySym}`, numbers: `${n(a)} - ${n(y)}`, value }
  }

  /** The output head of path k: [∂E/∂a, ∂a/∂z], or [∂E/∂z] when fused or softmax. */
  const head = (k: number): Factor[] => {
    const act = c.spec.activations[L - 1]
    if (isFused(act, c.spec.loss) || act === 'softmax') return [outDelta(k)]
    return [lossGrad(k), actGrad(L, k)]
  }

  /** ∂z^{(l)}_j/∂w^{(l)}_{ji} = a^{(l−1)}_i, or ∂z/∂b = 1. */
  const netToParam = (param: string, l: number, j: number, i: number | undefined): Factor => {
    const symbol = partial(sym(`z${l}[${j}]`), sym(param))
    if (i === undefined) return { symbol, formula: '1', numbers: '1', value: 1 }
    const v = l === 1 ? c.trace.inputs[s][i] : c.trace.layers[l - 2].a[s][i]
    return { symbol, formula: inputSymbol(l, i, c.symbols), numbers: n(v), value: v }
  }

  /** ∂z^{(l+1)}_k/∂a^{(l)}_j = w^{(l+1)}_{kj}. */
  const netToPrev = (l: number, k: number, j: number): Factor => {
    const w = `W${l + 1}[${k}][${j}]`
    const v = c.trace.weights[l][k][j]
    return {
      symbol: partial(sym(`z${l + 1}[${k}]`), sym(`a${l}[${j}]`)),
      formula: sym(w),
      numbers: n(v),
      value: v,
    }
  }

  return { lossGrad, actGrad, outDelta, head, netToParam, netToPrev, E, L, K }
}
