// Sentences that state a value compute it from the current numbers (#12): lesson text writes `{=z1[0]}`
// (a quantity key of math/keys.ts, or `eta` for the learning rate), optionally `{=z1[0]:4}` for 4
// significant digits, and the player fills it in. No Vue; the values come from the caller.
import { tex } from '../engine/catalogue'
import type { ActivationName } from '../engine/types'
import { formatNumber } from './format'

/** `{=key}` or `{=key:digits}`; `{=` never occurs in LaTeX, so placeholders may sit inside `$…$`. */
const PLACEHOLDER = /\{=([^}:]+)(?::(\d+))?\}/g

/** Significant digits of a filled-in value unless the placeholder says otherwise. @default 9 */
const PLACEHOLDER_DIGITS = 9

/** Keys whose values training does not change: η, the inputs and the targets. */
const STEADY = /^(eta|[xy]\[.*)$/

/**
 * LaTeX of a number that training changes, followed by a phantom of what it lacks of its longest form
 * at `digits` significant digits (−0.ddd…: a sign, a point and digits + 1 digits; KaTeX's digits are
 * all one width): 0.3775 and −0.377512345 take the same room, so a sentence keeps its lines while
 * training (the walk-through wrapped by its numbers' length at 390 px).
 */
function reserved(tex: string, digits: number): string {
  const count = tex.match(/\d/g)?.length ?? 0
  const pad = `${tex.startsWith('-') ? '' : '-'}${tex.includes('.') ? '' : '.'}${'0'.repeat(Math.max(0, digits + 1 - count))}`
  return pad ? `${tex}\\hphantom{${pad}}` : tex
}

/** The keys the placeholders of `text` name, in order. */
export function placeholderKeys(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1].trim())
}

/**
 * Replaces every `{=key}` of `text` with `value(key)`, formatted to 9 significant digits (or the digits
 * given), as LaTeX inside `$…$` and as plain text outside. A key without a finite value becomes `?`,
 * so a sentence never states a stale number. With `moving` (training runs: the values change every few
 * frames), a value inside `$…$` that training changes (every key but η, inputs and targets) takes the
 * width of its longest form ({@link reserved}), so the lines do not jump; otherwise each value takes
 * its own width and the sentence reads without a gap ("0.3775, out", not "0.3775      , out").
 */
export function fillPlaceholders(
  text: string,
  value: (key: string) => number | undefined,
  moving = false,
): string {
  if (!text.includes('{=')) return text
  return text
    .split('$')
    .map((part, k) =>
      part.replace(PLACEHOLDER, (_, name: string, digits?: string) => {
        const key = name.trim()
        const v = value(key)
        const shown = digits ? Number(digits) : PLACEHOLDER_DIGITS
        const ok = v !== undefined && Number.isFinite(v)
        if (k % 2 === 0) return ok ? formatNumber(v, shown) : '?'
        const tex = ok ? formatNumber(v, shown, { style: 'latex' }) : '?'
        return moving && !STEADY.test(key) ? reserved(tex, shown) : tex
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
