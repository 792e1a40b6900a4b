// The engine's parameter layout on the TypeScript side: one flat buffer W¹ b¹ W² b² …, each Wˡ row-major
// (nout, nin) (wasm/README.md, "The buffers"). tests/unit/paramLayout.test.ts checks these offsets
// against the engine's own layoutJson, so this is the one place that converts flat ↔ nested.
import type { Params } from './network'

/** Splits a flat W¹ b¹ W² b² … buffer into weights[l][j][i] and biases[l][j] for layer sizes `sizes`. */
export function paramsFromFlat(flat: ArrayLike<number>, sizes: readonly number[]): Params {
  const values = Array.from(flat)
  const weights: number[][][] = []
  const biases: number[][] = []
  let k = 0
  for (let l = 0; l + 1 < sizes.length; l++) {
    const nin = sizes[l]
    const nout = sizes[l + 1]
    weights.push(
      Array.from({ length: nout }, (_, j) => values.slice(k + j * nin, k + (j + 1) * nin)),
    )
    k += nin * nout
    biases.push(values.slice(k, k + nout))
    k += nout
  }
  return { weights, biases }
}

/** The inverse of {@link paramsFromFlat}: weights[l][j][i] and biases[l][j] as one flat buffer. */
export function flatFromParams(p: Params): number[] {
  return p.weights.flatMap((Wl, l) => [...Wl.flat(), ...p.biases[l]])
}
