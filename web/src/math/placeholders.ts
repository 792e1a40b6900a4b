// Sentences that state a value compute it from the current numbers (#12): lesson text writes `{=z1[0]}`
// (a quantity key of math/keys.ts, or `eta` for the learning rate), optionally `{=z1[0]:4}` for 4
// significant digits, and the player fills it in. No Vue; the values come from the caller.
import { tex } from '../engine/catalogue'
import type { ActivationName } from '../engine/types'
import { formatNumber } from './format'

/** `{=key}` or `{=key:digits}`; `{=` never occurs in LaTeX, so placeholders may sit inside `$…$`. */
const PLACEHOLDER = /\{=([^}:]+)(?::(\d+))?\}/g

/** Significant digits of a filled-in value unless the placeholder says otherwise. @default 9 */
export const PLACEHOLDER_DIGITS = 9

/** The keys the placeholders of `text` name, in order. */
export function placeholderKeys(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1].trim())
}

/**
 * Replaces every `{=key}` of `text` with `value(key)`, formatted to 9 significant digits (or the digits
 * given), as LaTeX inside `$…$` and as plain text outside. A key without a finite value becomes `?`,
 * so a sentence never states a stale number.
 */
export function fillPlaceholders(text: string, value: (key: string) => number | undefined): string {
  if (!text.includes('{=')) return text
  return text
    .split('$')
    .map((part, k) =>
      part.replace(PLACEHOLDER, (_, key: string, digits?: string) => {
        const v = value(key.trim())
        if (v === undefined || !Number.isFinite(v)) return '?'
        const style = k % 2 === 1 ? 'latex' : 'unicode'
        return formatNumber(v, digits ? Number(digits) : PLACEHOLDER_DIGITS, { style })
      }),
    )
    .join('$')
}

/** `{f1(net_{h1})}`: layer 1's activation applied to the LaTeX argument (closes at the first `)}`). */
const ACTIVATION = /\{f(\d)\((.*?)\)\}/g

/**
 * Text that names a layer's activation as the network on screen has it: every `{f<l>(<arg>)}` (l from
 * 1, LaTeX argument) becomes that layer's f in LaTeX: σ(arg) and ReLU(arg) as the notes write them,
 * tanh(arg), arg for linear… (the engine catalogue's formula); an unknown layer is left as written.
 */
export function fillActivations(text: string, activations: readonly ActivationName[]): string {
  return text.replace(ACTIVATION, (whole, l: string, arg: string) => {
    const f = activations[Number(l) - 1]
    if (!f) return whole
    if (f === 'sigmoid') return `\\sigma(${arg})`
    if (f === 'relu') return `\\mathrm{ReLU}(${arg})`
    return tex('activations', f, 'tex', { z: arg, 'Σe^z': `\\sum e^{${arg}}` })
  })
}
