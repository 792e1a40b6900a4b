// The numerical check through the real .wasm (#11): only the selected parameter is checked, on demand,
// at the weights of the derivation shown; the ε sweep only while its plot is open. The worked lesson's
// reference is notes 004's classic 2-2-2 example: ∂E/∂w5 = 0.082167041, w5⁺ = 0.35891648; the
// playground's is worked out in its test.
import { createApp, effectScope, nextTick, ref, shallowRef } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useLesson } from '../../web/src/composables/useLesson'
import { useNetworkStore } from '../../web/src/composables/useLessonStore'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NnModule } from '../../web/src/engine/nn'
import type { NetworkSpec } from '../../web/src/engine/types'
import lesson from '../../web/src/lessons/step-by-step-222/lesson'
import { usePlaygroundProbe } from '../../web/src/lessons/playground/usePlaygroundProbe'
import { SWEEP_EPSILONS } from '../../web/src/math/gradientCheck'
import { loadEngineNode } from './loadEngineNode'

const load = () => loadEngineNode() as unknown as Promise<NnModule>

/** useLesson inside an app context (its injections fall back to their defaults) and an effect scope. */
async function mounted() {
  const engine = await load()
  const scope = effectScope()
  const L = createApp({}).runWithContext(() => scope.run(() => useLesson(engine, lesson))!)
  return { L, stop: () => scope.stop() }
}

describe('worked lesson gradient check', () => {
  afterEach(() => vi.restoreAllMocks())

  it('checks the selected parameter only, at the derivation’s weights after an update', async () => {
    const all = vi.spyOn(EngineNetwork.prototype, 'gradientCheck')
    const one = vi.spyOn(EngineNetwork.prototype, 'checkParameter')
    const { L, stop } = await mounted()
    expect(L.selected.value).toBe('W2[0][0]') // w5
    L.actions.backward()
    const before = L.gradientCheck.value!
    expect(before.analytic).toBeCloseTo(0.082167041, 9)
    expect(before.numeric).toBeCloseTo(0.082167041, 9)
    expect(one).toHaveBeenCalledTimes(1)

    L.actions.update()
    expect(L.network.params.value.weights[1][0][0]).toBeCloseTo(0.35891648, 8)
    // The derivation shown is of the update just made: the check is at w5 = 0.4, not at w5⁺.
    const after = L.gradientCheck.value!
    expect(after.analytic).toBeCloseTo(0.082167041, 9)
    expect(after.numeric).toBeCloseTo(0.082167041, 9)
    // …and the engine is back at the updated weights.
    expect(L.network.net.params().weights[1][0][0]).toBeCloseTo(0.35891648, 8)

    L.selected.value = 'W1[0][0]' // w1: ∂E/∂w1 = 0.000438568 in the notes
    expect(L.gradientCheck.value!.analytic).toBeCloseTo(0.000438568, 9)
    expect(all).not.toHaveBeenCalled()
    stop()
  })

  it('works out the ε sweep only while its plot is open', async () => {
    const one = vi.spyOn(EngineNetwork.prototype, 'checkParameter')
    const { L, stop } = await mounted()
    L.actions.backward()
    expect(L.epsilonSweep.value).toEqual([])
    expect(one).not.toHaveBeenCalled()
    L.sweepOpen.value = true
    const sweep = L.epsilonSweep.value
    expect(sweep.map((p) => p.epsilon)).toEqual([...SWEEP_EPSILONS])
    expect(one).toHaveBeenCalledTimes(SWEEP_EPSILONS.length)
    // At ε = 1e-4 the central difference of a smooth loss is within O(ε²) of backprop.
    expect(sweep.find((p) => p.epsilon === 1e-4)!.error).toBeLessThan(1e-8)
    stop()
  })
})

describe('playground gradient check', () => {
  afterEach(() => vi.restoreAllMocks())

  it('checks the selected parameter only, when selected and when paused, in the store', async () => {
    const all = vi.spyOn(EngineNetwork.prototype, 'gradientCheck')
    const one = vi.spyOn(EngineNetwork.prototype, 'checkParameter')
    // ŷ = w x + b with x = 2, y = 1, w = 0.5, b = 0.25: ŷ = 1.25, E = ½(ŷ − y)² + (λ/2) w², so by hand
    // ∂E/∂w = (ŷ − y) x + λ w = 0.25 · 2 + 0.1 · 0.5 = 0.55.
    const spec = ref<NetworkSpec>({
      layers: [1, 1],
      activations: ['linear'],
      loss: 'half_sse',
      inputs: [[2]],
      targets: [[1]],
      learningRate: 0.1,
      regularization: { name: 'l2', rate: 0.1 },
    })
    const params = shallowRef({ weights: [[[0.5]]], biases: [[0.25]] })
    const running = ref(false)
    const store = useNetworkStore(await load())
    const scope = effectScope()
    const probe = scope.run(() => usePlaygroundProbe(store, spec, params, ref(['x1']), running))!
    expect(one).not.toHaveBeenCalled() // nothing selected: nothing checked
    probe.select('W1[0][0]')
    expect(store.selected.value).toBe('W1[0][0]') // the store's selected parameter
    const check = (probe.probe.value as { check: { analytic: number; numeric: number } }).check
    expect(check.analytic).toBeCloseTo(0.55, 12)
    expect(check.numeric).toBeCloseTo(0.55, 8)
    expect(one).toHaveBeenCalledTimes(1)
    // while training the weights change every frame: no check until it pauses
    running.value = true
    await nextTick()
    for (const w of [0.4, 0.3]) {
      params.value = { weights: [[[w]]], biases: [[0.25]] }
      await nextTick()
    }
    expect(one).toHaveBeenCalledTimes(1)
    expect(probe.stale.value).toBe(true)
    running.value = false
    await nextTick()
    expect(one).toHaveBeenCalledTimes(2)
    expect(all).not.toHaveBeenCalled()
    scope.stop()
    store.clear()
  })
})
