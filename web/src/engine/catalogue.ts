// The engine's catalogue of activations, losses, optimizers and regularisers (defined once in
// wasm/engine/catalogue.h and activations.h, generated into ./generated/catalogue.ts by `npm run
// build:engine`): names, labels for the screen, and which layer or output each one fits.
import { CATALOGUE } from './generated/catalogue'

type Tables = Omit<typeof CATALOGUE, 'limits'>
type Entry<K extends keyof Tables> = Tables[K][number]

export type ActivationName = Entry<'activations'>['name']
export type HiddenActivationName = Extract<Entry<'activations'>, { hidden: true }>['name']
export type LossName = Entry<'losses'>['name']
export type OptimizerName = Entry<'optimizers'>['name']
export type PenaltyName = Entry<'regularizers'>['name']

/** An optimizer as a spec names it: its name and the fields its catalogue row lists (all optional). */
export type OptimizerSpec = {
  [N in OptimizerName]: { name: N } & Partial<
    Record<Extract<Entry<'optimizers'>, { name: N }>['params'][number], number>
  >
}[OptimizerName]

/** Every activation, in the engine's order; `hidden` = allowed in a hidden layer (softmax is not). */
export const ACTIVATIONS: readonly Entry<'activations'>[] = CATALOGUE.activations
/** Every loss; `output` names the output activation it needs, or is '' when any fits. */
export const LOSSES: readonly Entry<'losses'>[] = CATALOGUE.losses
export const OPTIMIZERS: readonly Entry<'optimizers'>[] = CATALOGUE.optimizers
const REGULARIZERS: readonly Entry<'regularizers'>[] = CATALOGUE.regularizers

export const ACTIVATION_NAMES: readonly ActivationName[] = ACTIVATIONS.map((a) => a.name)
export const HIDDEN_ACTIVATION_NAMES = ACTIVATIONS.filter((a) => a.hidden).map(
  (a) => a.name,
) as readonly HiddenActivationName[]
export const LOSS_NAMES: readonly LossName[] = LOSSES.map((l) => l.name)
export const OPTIMIZER_NAMES: readonly OptimizerName[] = OPTIMIZERS.map((o) => o.name)
export const PENALTY_NAMES: readonly PenaltyName[] = REGULARIZERS.map((r) => r.name)

const labels = new Map<string, string>(
  [...ACTIVATIONS, ...LOSSES, ...OPTIMIZERS, ...REGULARIZERS].map((e) => [e.name, e.label]),
)
/** The on-screen label of any catalogue name, e.g. 'leaky_relu' → 'leaky ReLU'. */
export function label(name: string): string {
  return labels.get(name) ?? name
}

const activationRows = new Map<string, Entry<'activations'>>(ACTIVATIONS.map((a) => [a.name, a]))
const activationRow = (name: ActivationName): Entry<'activations'> => {
  const row = activationRows.get(name)
  if (!row) throw new Error(`${name} is not in the catalogue's activations`)
  return row
}
/** f′ jumps at z = 0 (ReLU's family): the derivation states which side z is on; from the engine's definition. */
export const hasKink = (name: ActivationName): boolean => activationRow(name).kink
/** The initialisation that suits a layer of this activation ('he' for ReLU's family, else 'xavier'). */
export const suitedInit = (name: ActivationName): Entry<'activations'>['init'] =>
  activationRow(name).init

/** The placeholders of the catalogue's LaTeX: net input, output, target, output count, softmax's Σₖ e^{z_k}. */
type TexSlots = Partial<Record<'z' | 'a' | 'y' | 'K' | 'Σe^z', string>>

/**
 * A catalogue formula (`tex`: f(z) or E_k; `dtex`: f′ or ∂E/∂a_k) with its placeholders filled in,
 * e.g. tex('activations', 'sigmoid', 'tex', { z: 'z_1' }) → '\\frac{1}{1 + e^{-z_1}}'.
 */
export function tex(
  table: 'activations' | 'losses',
  name: ActivationName | LossName,
  which: 'tex' | 'dtex',
  slots: TexSlots,
): string {
  const row = (CATALOGUE[table] as readonly { name: string; tex: string; dtex: string }[]).find(
    (r) => r.name === name,
  )
  if (!row) throw new Error(`${name} is not in the catalogue's ${table}`)
  const filled = row[which].replace(
    /\{(z|a|y|K|Σe\^z)\}/g,
    (slot, key: keyof TexSlots, at: number, all) => {
      const value = slots[key] ?? slot
      // A number in scientific notation as a power's base ({{a}}^2) in brackets: 1 - {1.2 × 10^{-7}}^2
      // read as 1.2 × 10⁻⁷² (#11). Negative numbers come bracketed already (symbols.ts, num).
      const base = all.startsWith('}^', at + slot.length)
      return base && value.includes('\\times') ? `(${value})` : value
    },
  )
  // One output (K = 1): mse's 1/K and 2/K are 1 and 2, written as such: (y − a)², −2(y − a).
  return slots.K === '1'
    ? filled.replace(/\\t?frac\{1\}\{1\}/g, '').replace(/\\t?frac\{(\d+)\}\{1\}/g, '$1')
    : filled
}
