// The network store through the real .wasm (#11): what it replaces and what its scope leaves is deleted,
// a refused spec leaves nothing held, each store keeps one loss history, and the lint rule keeps
// EngineNetwork.create / EngineEnsemble.create out of the screens. Undo says what it takes back.
import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'
import { effectScope, watch } from 'vue'
import { describe, expect, it } from 'vitest'
import {
  createLessonStore,
  undoLabel,
  undoneWhat,
  useNetworkStore,
  withNetwork,
  type UndoPoint,
} from '../../web/src/composables/useLessonStore'
import { updateWaitsFor, useNetwork } from '../../web/src/composables/useNetwork'
import type { EngineNetwork } from '../../web/src/engine/network'
import type { NnModule } from '../../web/src/engine/nn'
import type { NetworkSpec } from '../../web/src/engine/types'
import { loadEngineNode } from './loadEngineNode'

const load = () => loadEngineNode() as unknown as Promise<NnModule>

/**
 * One linear unit, ŷ = 2x + 1 on x = 1: the ½-SSE loss against y = 0 is ½·3² = 4.5 (by hand). Its w
 * and b get the same gradient s = w + b, so w − b stays 1 and s ← s(1 − 2η) per update: after n
 * updates at η, s = 3(1 − 2η)ⁿ, w = (s + 1)/2, b = (s − 1)/2.
 */
const line: NetworkSpec = {
  layers: [1, 1],
  activations: ['linear'],
  loss: 'half_sse',
  weights: [[[2]]],
  biases: [[1]],
  inputs: [[1]],
  targets: [[0]],
  learningRate: 0.1,
}
const deleted = (net: EngineNetwork) => expect(() => net.params()).toThrow(/after dispose/)

describe('network store', () => {
  it('deletes the networks a spec change replaces, and keeps the new ones working', async () => {
    const store = useNetworkStore(await load())
    const before = store.replace([line, line])
    if (typeof before === 'string') throw new Error(before)
    expect(store.size).toBe(2)
    const after = store.replace([{ ...line, weights: [[[0]]] }])
    if (typeof after === 'string') throw new Error(after)
    before.forEach(deleted)
    expect(store.size).toBe(1)
    expect(after[0].forward().loss).toBe(0.5) // ŷ = 0·1 + 1 = 1: ½·1² by hand
    store.clear()
    deleted(after[0])
    expect(store.size).toBe(0)
  })

  it('deletes everything it holds when its scope is disposed', async () => {
    const engine = await load()
    const scope = effectScope()
    const held = scope.run(() => {
      const store = useNetworkStore(engine)
      const net = store.add(line)
      const ens = store.addEnsemble(line, { learningRates: [0.1, 0.2] })
      if (typeof net === 'string' || typeof ens === 'string') throw new Error('refused')
      return { store, net, ens }
    })!
    expect(held.net.forward().loss).toBe(4.5)
    expect(held.ens.size).toBe(2)
    scope.stop()
    deleted(held.net)
    expect(() => held.ens.size).toThrow(/after dispose/)
    expect(held.store.size).toBe(0)
  })

  it('holds nothing after a refused spec and names the variant in the message', async () => {
    const store = useNetworkStore(await load())
    const first = store.add(line)
    if (typeof first === 'string') throw new Error(first)
    const r = store.replace([line, { ...line, learningRate: -1 }], ['good', 'bad η'])
    expect(typeof r).toBe('string')
    expect(r as string).toMatch(/^bad η: .*learning/i)
    deleted(first)
    expect(store.size).toBe(0)
    expect(store.addEnsemble({ ...line, layers: [] }, { seeds: [1] })).toEqual(expect.any(String))
    expect(store.size).toBe(0)
  })

  it('release deletes one network and leaves the others', async () => {
    const store = useNetworkStore(await load())
    const [a, b] = [store.add(line), store.add(line)] as EngineNetwork[]
    store.release(a)
    store.release(a)
    deleted(a)
    expect(b.forward().loss).toBe(4.5)
    expect(store.size).toBe(1)
    store.clear()
  })

  it('keeps one loss history per store, emptied by a spec change', async () => {
    const engine = await load()
    const [s1, s2] = [useNetworkStore(engine), useNetworkStore(engine)]
    s1.record(0, [4.5, null])
    s1.record(10, [1, 2])
    s2.record(0, [7])
    expect(s1.history.value).toEqual([
      { x: [0, 10], y: [4.5, 1] },
      { x: [0, 10], y: [null, 2] },
    ])
    expect(s2.history.value).toEqual([{ x: [0], y: [7] }])
    s1.replace([line])
    expect(s1.history.value).toEqual([])
    s2.forgetHistory()
    expect(s2.history.value).toEqual([])
    s1.clear()
  })

  it('replaces the points from a re-recorded update on, trims them, and thins a long history', async () => {
    const store = useNetworkStore(await load(), { maxPoints: 4 })
    for (const u of [0, 1, 2]) store.record(u, [10 - u])
    // after Undo to update 1 the run goes on from there: its new losses replace the old ones
    store.record(1, [5])
    expect(store.history.value).toEqual([{ x: [0, 1], y: [10, 5] }])
    for (const u of [2, 3, 4]) store.record(u, [5 - u])
    // 5 points > 4: every second one is kept, and the last: updates 0, 2, 4
    expect(store.history.value).toEqual([{ x: [0, 2, 4], y: [10, 3, 1] }])
    store.trimHistory(2)
    expect(store.history.value).toEqual([{ x: [0], y: [10] }])
    // a second curve that starts later has its own x
    store.record(1, [9, 7])
    expect(store.history.value).toEqual([
      { x: [0, 1], y: [10, 9] },
      { x: [1], y: [7] },
    ])
    store.clear()
  })

  it('extends one curve alone (races: each lane at its own count), and publishes when asked', async () => {
    const store = useNetworkStore(await load())
    store.extend(1, 1, [0.5, 0.25]) // curve 1 first: curve 0 is there, empty
    store.extend(0, 1, [0.9])
    store.extend(1, 2, [0.2, 0.1]) // update 2 again: its new loss replaces 0.25
    expect(store.history.value).toEqual([
      { x: [1], y: [0.9] },
      { x: [1, 2, 3], y: [0.5, 0.2, 0.1] },
    ])
    let seen = 0
    const stop = watch(store.history, () => seen++, { flush: 'sync' })
    store.record(4, [0.8, 0.05], false) // a chart redrawn less often: nothing seen yet
    expect(seen).toBe(0)
    store.publishHistory()
    expect(seen).toBe(1)
    expect(store.history.value.map((c) => c.x.at(-1))).toEqual([4, 4])
    expect(store.curve(2)).toEqual({ x: [], y: [] }) // a curve not recorded yet: empty
    stop()
    store.clear()
  })

  it('appends in place and tells watchers once per task, however many points came in it', async () => {
    const store = useNetworkStore(await load())
    store.extend(0, 1, [0.9])
    const curve = store.curve(0)
    const [xs, ys] = [curve.x, curve.y]
    let seen = 0
    const stop = watch(store.history, () => seen++, { flush: 'sync' })
    // a training frame of a sweep: 40 copies × 2 train calls, 25 updates each
    for (let call = 0; call < 2; call++)
      for (let k = 0; k < 40; k++) store.extend(k, 2 + 25 * call, Array<number>(25).fill(k))
    expect(seen).toBe(0) // nothing redrawn in the middle of the frame
    await Promise.resolve()
    expect(seen).toBe(1)
    // the points were appended to the same arrays: no copy of the history per call
    expect(store.curve(0)).toBe(curve)
    expect(store.curve(0).x).toBe(xs)
    expect(store.curve(0).y).toBe(ys)
    expect(xs).toEqual(Array.from({ length: 51 }, (_, i) => i + 1))
    expect(store.history.value).toHaveLength(40)
    store.record(51, [0.5]) // update 51 again: replaced in place
    await Promise.resolve()
    expect(seen).toBe(2)
    expect([xs.length, ys.at(-1), store.curve(0).x]).toEqual([51, 0.5, xs])
    stop()
    store.clear()
  })

  it('keeps the last 20 Undo points and the selected parameter', async () => {
    const store = useNetworkStore(await load(), { selected: 'W2[0][0]' })
    expect(store.selected.value).toBe('W2[0][0]')
    expect(store.canUndo.value).toBe(false)
    expect(store.undo()).toBeUndefined()
    for (let n = 0; n < 25; n++)
      store.checkpoint({ spec: line, stage: 'ready', trained: false, updates: n, kind: 'update' })
    store.dropCheckpoint() // the change taken for update 24 was refused
    const back: number[] = []
    while (store.canUndo.value) back.push(store.undo()!.updates)
    // 25 taken, the oldest 5 dropped past 20, the last dropped: 23 down to 5
    expect(back).toEqual(Array.from({ length: 19 }, (_, k) => 23 - k))
    store.checkpoint({ spec: line, stage: 'forward', trained: false, updates: 1, kind: 'update' })
    store.forgetUndo()
    expect(store.canUndo.value).toBe(false)
    store.clear()
  })

  it('withNetwork deletes the network after use, also when the use throws', async () => {
    const engine = await load()
    let kept: EngineNetwork | null = null
    expect(withNetwork(engine, line, (n) => ((kept = n), n.forward().loss))).toBe(4.5)
    deleted(kept!)
    expect(() =>
      withNetwork(engine, line, (n) => {
        kept = n
        throw new Error('boom')
      }),
    ).toThrow('boom')
    deleted(kept!)
    expect(withNetwork(engine, { ...line, learningRate: -1 }, () => 1)).toBeNull()
    expect(
      withNetwork(
        engine,
        { ...line, learningRate: -1 },
        () => 1,
        (m) => `no: ${m}`,
      ),
    ).toMatch(/^no: .*learning/i)
  })
})

describe("a lesson's one store", () => {
  it('holds every section of a lesson: each replaces its own, all share Undo and the selection', async () => {
    const engine = await load()
    const scope = effectScope()
    const lesson = createLessonStore()
    const [live, sweep] = [
      useNetworkStore(engine, { lesson, selected: 'W1[0][0]' }),
      useNetworkStore(engine, { lesson }),
    ]
    const lab = scope.run(() => useNetworkStore(engine, { lesson }))!
    const [a] = live.replace([line]) as EngineNetwork[]
    const [b] = sweep.replace([line, line]) as EngineNetwork[]
    const c = lab.add(line) as EngineNetwork
    expect([lesson.sections, lesson.size]).toEqual([3, 4])
    // the sweep's new spec deletes its own networks only
    sweep.replace([{ ...line, weights: [[[0]]] }])
    deleted(b)
    expect(a.forward().loss).toBe(4.5)
    expect(lesson.size).toBe(3)
    // one Undo and one selected parameter, whichever section changes them
    live.checkpoint({ spec: line, stage: 'ready', trained: false, updates: 3, kind: 'run' })
    expect(lab.canUndo.value).toBe(true)
    expect(lab.undo()?.updates).toBe(3)
    expect(live.canUndo.value).toBe(false)
    expect(sweep.selected.value).toBe('W1[0][0]')
    lab.selected.value = 'b2[0]'
    expect(live.selected.value).toBe('b2[0]')
    // one loss history: the sections' curves, in the order the sections were made
    live.record(0, [4.5])
    sweep.record(0, [0.5, 1])
    lab.record(0, [2])
    expect(lesson.history().map((c) => c.y[0])).toEqual([4.5, 0.5, 1, 2])
    // a lab leaving (its component unmounted) deletes its networks and curves, not the lesson's
    scope.stop()
    deleted(c)
    expect([lesson.sections, lesson.size]).toEqual([2, 2])
    expect(lesson.history().map((c) => c.y[0])).toEqual([4.5, 0.5, 1])
    // the lesson's view going deletes everything
    lesson.clear()
    deleted(a)
    expect([lesson.size, lesson.history()]).toEqual([0, []])
  })
})

describe('only the store creates engine networks', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url))
  const lint = async (filePath: string, code: string) => {
    const [r] = await new ESLint({ cwd: root }).lintText(code, { filePath: `${root}${filePath}` })
    return r.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length
  }
  const code = [
    "import { EngineNetwork } from '../../engine/network'",
    "import { EngineEnsemble } from '../../engine/ensemble'",
    'export const a = (e: never, s: never) => EngineNetwork.create(e, s)',
    'export const b = (e: never, s: never) => EngineEnsemble.create(e, s, {})',
  ].join('\n')

  it('flags a panel or composable that calls create', async () => {
    expect(await lint('web/src/lessons/demo/demoPanel.ts', code)).toBe(2)
    expect(await lint('web/src/composables/useDemo.ts', code)).toBe(2)
  }, 30_000)

  it('allows the engine wrappers, the store and tests', async () => {
    expect(await lint('web/src/engine/demo.ts', code)).toBe(0)
    expect(await lint('web/src/composables/useLessonStore.ts', code)).toBe(0)
    expect(await lint('web/src/lessons/demo/demo.test.ts', code)).toBe(0)
  }, 30_000)
})

// Undo takes back exactly what its label says (#11): one update, one change (η), or one training run;
// a change made during a run splits it, so Undo never takes a stretch of training back together with
// the change; a field committed twice, or a run paused before its first update, is no step at all.
// Runs are a fixed number of updates, as useTraining does them (net.train, then refresh), never wall time.
async function setUp() {
  const network = useNetwork(useNetworkStore(await load()), line)
  let running = false
  network.beforeChange(
    () => {},
    () => running,
  )
  /** A run of exactly `n` updates, as useTraining does it; `changes` runs after `first` of them. */
  function run(n: number, first = n, change = () => {}): void {
    network.checkpoint() // Train
    running = true
    const a = network.net.train(first)
    network.refresh(a.done)
    change()
    const b = network.net.train(n - first)
    network.refresh(b.done)
    running = false // Pause
    network.dropEmptyRun()
  }
  const w = () => network.params.value.weights[0][0][0]
  const b = () => network.params.value.biases[0][0]
  return { network, run, w, b }
}

describe('Undo', () => {
  it('names what it takes back once, for the button and for the message after it (#11)', () => {
    const at = (kind: UndoPoint['kind'], change?: string): UndoPoint =>
      ({ kind, change, updates: 117 }) as UndoPoint
    const cases: [UndoPoint | undefined, number | null, string][] = [
      [at('update'), 118, 'update'],
      [at('run'), 245, 'training run (128 updates)'],
      [at('run'), null, 'training run'],
      [at('change', 'η change'), 117, 'η change'],
      [at('change', 'Undo limit change'), 117, 'Undo limit change'], // not read back out of a label
      [at('change'), 117, 'change'],
    ]
    for (const [point, updates, what] of cases) {
      expect(undoneWhat(point, updates)).toBe(what)
      expect(undoLabel(point, updates)).toBe(`Undo ${what}`)
    }
    expect([undoneWhat(undefined, 3), undoLabel(undefined, 3)]).toEqual(['', 'Undo'])
  })

  it('after η changed during a run: the rest of the run, then the η change, then the run before it', async () => {
    const { network, run, w, b } = await setUp()
    let at117 = { w: NaN, b: NaN }
    run(245, 117, () => {
      at117 = { w: w(), b: b() }
      network.configure({ learningRate: 0.2 })
      network.configure({ learningRate: 0.2 }) // Enter, then the field's change event: the same η
    })
    const s117 = 3 * 0.8 ** 117
    expect(at117.w).toBeCloseTo((s117 + 1) / 2, 12)
    expect(at117.b).toBeCloseTo((s117 - 1) / 2, 12)
    expect(network.updates.value).toBe(245)
    expect(network.undoLabel.value).toBe('Undo training run (128 updates)')
    expect(network.undoShortLabel.value).toBe('Undo training run') // the button's text

    network.undo()
    expect([network.updates.value, network.spec.value.learningRate]).toEqual([117, 0.2])
    expect({ w: w(), b: b() }).toEqual(at117)
    expect(network.undone.value).toBe('Undone: training run (128 updates); back at 117 updates.')
    expect(network.undoLabel.value).toBe('Undo η change')
    expect(network.undoShortLabel.value).toBe('Undo η change')

    network.undo()
    expect([network.updates.value, network.spec.value.learningRate]).toEqual([117, 0.1])
    expect({ w: w(), b: b() }).toEqual(at117)
    expect(network.undone.value).toBe('Undone: η change; back at 117 updates, η = 0.1 again.')
    expect(network.undoLabel.value).toBe('Undo training run (117 updates)')

    network.undo()
    expect([network.updates.value, w(), b()]).toEqual([0, 2, 1])
    expect(network.canUndo.value).toBe(false)
    expect(network.undoLabel.value).toBe('Undo')
    expect(network.undoShortLabel.value).toBe('Undo')
  })

  it('one update at a time; an edit before training; a run paused before its first update is none', async () => {
    const { network, run, w } = await setUp()
    network.setParam('W1[0][0]', 4)
    expect(network.undoLabel.value).toBe('Undo weight edit')
    network.configure({ learningRate: 0.1 }) // the η in force: nothing to undo
    expect(network.undoLabel.value).toBe('Undo weight edit')
    network.update()
    network.update()
    expect(network.undoLabel.value).toBe('Undo update')
    run(0)
    expect(network.undoLabel.value).toBe('Undo update')
    network.undo()
    expect(network.updates.value).toBe(1)
    expect(network.undone.value).toBe('Undone: update; back at 1 update.')
    network.undo()
    // w = 4, b = 1 again: the edit's own value
    expect([network.updates.value, w()]).toEqual([0, 4])
    network.undo()
    expect(w()).toBe(2)
    expect(network.canUndo.value).toBe(false)
    // an edit says nothing was undone any more
    network.setParam('W1[0][0]', 3)
    expect(network.undone.value).toBe('')
  })
})

describe('Update waits for the first step missing (#11)', () => {
  it('Forward when nothing is computed for the weights now (ready, after an update, saying so), else Backward', () => {
    const both = 'Press Forward, then Backward, first to compute the gradients.'
    expect(updateWaitsFor('ready')).toBe(both)
    // after an update the hint says it is done, as the status does ("After Update")
    expect(updateWaitsFor('updated')).toBe(
      'Updated. For the next update, press Forward, then Backward, at the new weights.',
    )
    expect(updateWaitsFor('forward')).toBe('Press Backward first to compute the gradients.')
    expect(updateWaitsFor('backward')).toBe('')
  })
})

describe('Reset (#11)', () => {
  it('returns to update 0: the weights and η before the first update, not an edit made after it', async () => {
    const { network, w } = await setUp()
    network.setParam('W1[0][0]', 3) // before the first update: the run starts here
    network.update()
    network.setParam('W1[0][0]', 5)
    network.configure({ learningRate: 0.2 })
    network.reset()
    expect([w(), network.spec.value.learningRate, network.updates.value]).toEqual([3, 0.1, 0])
    expect(network.stage.value).toBe('ready')
  })
})
