// The worked lesson's numerical check through the real .wasm (#11): only the selected parameter is
// checked, on demand, at the weights of the derivation shown; the ε sweep only while its plot is open.
// The reference is notes 004's classic 2-2-2 example: ∂E/∂w5 = 0.082167041, w5⁺ = 0.35891648.
import { createApp, effectScope } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useLesson } from '../../web/src/composables/useLesson'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NnModule } from '../../web/src/engine/nn'
import lesson from '../../web/src/lessons/step-by-step-222/lesson'
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
