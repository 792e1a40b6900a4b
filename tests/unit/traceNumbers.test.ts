// The trace's numbers as text (traceSpec, which `backprop-lab trace` prints): each reads back as
// exactly the double the engine holds, and is the shortest decimal that does so, laid out as
// JavaScript lays it out.
import { beforeAll, describe, expect, it } from 'vitest'
import type { EngineModule } from '../../web/src/engine/engineModule'
import { referenceCases, stepCases } from './fixtures'
import { loadEngineNode } from './loadEngineNode'

let engine: EngineModule
const utf8 = new TextDecoder()
beforeAll(async () => {
  engine = await loadEngineNode()
})

interface Layout {
  sizes: number[]
  rows: number
  W: number[]
  b: number[]
  z: number[]
  a: number[]
  dz: number[]
}

/** rows × cols of `buffer` from `at`, row-major, as nested arrays (copied). */
const matrix = (buffer: Float64Array, at: number, rows: number, cols: number) =>
  Array.from({ length: rows }, (_, r) =>
    Array.from(buffer.subarray(at + r * cols, at + (r + 1) * cols)),
  )

/** Every number of a nested value, in order. */
const numbers = (x: unknown): number[] =>
  typeof x === 'number' ? [x] : Array.isArray(x) ? x.flatMap(numbers) : []

describe('trace numbers', () => {
  it('read back bit for bit as the engine’s values: the classic 2-2-2 example, one update', () => {
    const spec = referenceCases.find((c) => c.name === 'classic-222')!.spec
    const trace = JSON.parse(utf8.decode(engine.traceSpec(JSON.stringify(spec), 1)))
    // The same quantities from the engine's buffers, through the Network binding instead of text.
    const net = new engine.Network()
    try {
      expect(net.configure(JSON.stringify(spec))).toBe(engine.Status.ok)
      const loss = engine._nn_forward(net.handle())
      expect(net.backward()).toBe(engine.Status.ok)
      const lay = JSON.parse(net.layoutJson()) as Layout
      const { acts, dacts, grads } = net.buffers()
      const layers = lay.W.map((_, l) => {
        const [n, m] = [lay.sizes[l + 1], lay.sizes[l]]
        return {
          z: matrix(acts, lay.z[l], lay.rows, n),
          a: matrix(acts, lay.a[l], lay.rows, n),
          delta: matrix(dacts, lay.dz[l], lay.rows, n),
          dW: matrix(grads, lay.W[l], n, m),
          db: Array.from(grads.subarray(lay.b[l], lay.b[l] + n)),
        }
      })
      expect(net.update()).toBe(engine.Status.ok)
      const { params } = net.buffers()
      const weightsAfter = lay.W.map((at, l) => matrix(params, at, lay.sizes[l + 1], lay.sizes[l]))
      const biasesAfter = lay.b.map((at, l) =>
        Array.from(params.subarray(at, at + lay.sizes[l + 1])),
      )
      const engineValues = numbers([
        loss,
        layers.map((l) => [l.z, l.a, l.delta, l.dW, l.db]),
        weightsAfter,
        biasesAfter,
      ])
      const traced = numbers([
        trace.loss,
        trace.layers.map((l: Record<string, unknown>) => [l.z, l.a, l.delta, l.dW, l.db]),
        trace.weightsAfter,
        trace.biasesAfter,
      ])
      expect(traced).toHaveLength(1 + 2 * (2 + 2 + 2 + 4 + 2) + 2 * (4 + 2))
      // Object.is: the same double, bit for bit (and −0 apart from 0).
      traced.forEach((x, k) =>
        expect(Object.is(x, engineValues[k]), `number ${k}: ${x} vs ${engineValues[k]}`).toBe(true),
      )
      // And the hand-checked values of the notes (Mazur's worked example), to the digits printed there.
      expect(trace.loss.toFixed(9)).toBe('0.298371109')
      expect(trace.weightsAfter[1][0][0].toFixed(8)).toBe('0.35891648')
    } finally {
      net.delete()
    }
  })

  it('are the shortest decimals that read back exactly, written as JavaScript’s own String(x) writes them', () => {
    let checked = 0
    for (const c of stepCases) {
      const text = utf8.decode(engine.traceSpec(JSON.stringify(c.spec), 3))
      for (const token of text.match(/-?\d[\d.]*(e[-+]?\d+)?/g) ?? []) {
        const x = Number(token)
        expect(token, c.name).toBe(Object.is(x, -0) ? '-0' : String(x))
        checked++
      }
    }
    expect(checked).toBeGreaterThan(2000)
  })
})
