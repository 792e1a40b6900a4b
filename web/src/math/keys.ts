// Quantity keys such as `W2[0][1]`, `z1[0]`, `E[1]`, `loss`: parse, build and order them.
// Only names; the values and formulas live in quantities.ts.

/** What a key names; `layer` counts weight layers from 1, `j` and `i` count from 0. */
export type QuantityKind =
  'x' | 'y' | 'W' | 'b' | 'z' | 'a' | 'delta' | 'dW' | 'db' | 'E' | 'loss' | 'Wnew' | 'bnew'

/**
 * A parsed key: `W2[0][1]` is `{ kind: 'W', layer: 2, j: 0, i: 1 }`; `x[1]` is `{ kind: 'x', j: 1 }`.
 * The shared-bias form has no unit index: `b1`, `db1`, `bnew1` name the ONE bias of layer 1 that every
 * unit uses (`{ kind: 'b', layer: 1, shared: true }`).
 */
interface QuantityRef {
  kind: QuantityKind
  layer?: number
  j?: number
  i?: number
  /** The layer's one shared bias (kinds b, db, bnew only; no `j`). */
  shared?: boolean
}

/** Which weight layers (0-based) share one bias, from a spec's `sharedBiases` (`true` = all). */
export function sharedBiasLayers(
  sharedBiases: boolean | readonly boolean[] | undefined,
  weightLayers: number,
): boolean[] {
  return Array.from({ length: weightLayers }, (_, l) =>
    Array.isArray(sharedBiases) ? !!sharedBiases[l] : sharedBiases === true,
  )
}

const KEY = /^(x|y|E|loss|Wnew|bnew|W|b|z|a|delta|dW|db)(\d*)((?:\[\d+\])*)$/

/** Parses a key; returns `null` for anything that is not one. */
export function parseKey(key: string): QuantityRef | null {
  const m = KEY.exec(key.trim())
  if (!m) return null
  const kind = m[1] as QuantityKind
  const layer = m[2] === '' ? undefined : Number(m[2])
  const idx = [...m[3].matchAll(/\[(\d+)\]/g)].map((g) => Number(g[1]))
  const layered = !['x', 'y', 'E', 'loss'].includes(kind)
  const arity = kind === 'loss' ? 0 : kind === 'W' || kind === 'dW' || kind === 'Wnew' ? 2 : 1
  if (layered !== (layer !== undefined) || layer === 0) return null
  if (idx.length === 0 && (kind === 'b' || kind === 'db' || kind === 'bnew'))
    return { kind, layer, shared: true }
  if (idx.length !== arity) return null
  return { kind, layer, j: idx[0], i: idx[1] }
}

/** Builds the key of a reference (the inverse of {@link parseKey}). */
export function makeKey(ref: QuantityRef): string {
  const idx = [ref.j, ref.i]
    .filter((v): v is number => v !== undefined)
    .map((v) => `[${v}]`)
    .join('')
  return `${ref.kind}${ref.layer ?? ''}${idx}`
}

/** 0, 1, …, n − 1. */
export const range = (n: number): number[] => Array.from({ length: n }, (_, v) => v)

/**
 * Every key of a network with units `layers` (inputs first), in dependency order:
 * givens (x, y, W, b), the forward pass layer by layer (z then a), E_k, loss,
 * the backward pass from the last layer down (δ, dW, db per layer), then Wnew, bnew. A layer flagged in
 * `shared` (0-based weight layers) has the one key `b{l}` (`db{l}`, `bnew{l}`) instead of one per unit.
 */
export function orderedKeys(layers: readonly number[], shared: readonly boolean[] = []): string[] {
  const L = layers.length - 1
  const keys: string[] = []
  const perUnit = (kind: QuantityKind, l: number, withInputs: boolean): void => {
    if (shared[l - 1] && (kind === 'b' || kind === 'db' || kind === 'bnew')) {
      keys.push(`${kind}${l}`)
      return
    }
    for (const j of range(layers[l])) {
      if (withInputs) for (const i of range(layers[l - 1])) keys.push(`${kind}${l}[${j}][${i}]`)
      else keys.push(`${kind}${l}[${j}]`)
    }
  }
  for (const i of range(layers[0])) keys.push(`x[${i}]`)
  for (const k of range(layers[L])) keys.push(`y[${k}]`)
  for (let l = 1; l <= L; l++) {
    perUnit('W', l, true)
    perUnit('b', l, false)
  }
  for (let l = 1; l <= L; l++) {
    perUnit('z', l, false)
    perUnit('a', l, false)
  }
  for (const k of range(layers[L])) keys.push(`E[${k}]`)
  keys.push('loss')
  for (let l = L; l >= 1; l--) {
    perUnit('delta', l, false)
    perUnit('dW', l, true)
    perUnit('db', l, false)
  }
  for (let l = 1; l <= L; l++) {
    perUnit('Wnew', l, true)
    perUnit('bnew', l, false)
  }
  return keys
}
