// PlaneMap, the one map of the input plane (lessons' decision regions, the playground's output): its
// ticks sit where their values are on the plane, and a click reads the point clicked back off the plane.
// Expected places worked by hand from the plane's ends, e.g. −1 on [−2.5, 2.5] is 1.5/5 = 30 % across.
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import PlaneMap from '../../web/src/components/charts/PlaneMap.vue'

const base = { label: 'a map' }
/** Each tick's label and its place along its axis in %, from the inline style. */
function ticks(w: ReturnType<typeof mount>, axis: 'x1' | 'x2') {
  return w
    .get(`[data-testid="axis-${axis}"]`)
    .findAll('span')
    .map((s) => {
      const style = (s.element as HTMLElement).style
      return [s.text(), Math.round(1000 * parseFloat(style.left || style.top)) / 1000]
    })
}

describe('PlaneMap', () => {
  it('puts whole-number ticks at their places: x₁ from the left, x₂ from the top', () => {
    const w = mount(PlaneMap, { props: { ...base, lo: -2.5, hi: 2.5, tickCount: 6 } })
    expect(ticks(w, 'x1')).toEqual([
      ['−2', 10],
      ['−1', 30],
      ['0', 50],
      ['1', 70],
      ['2', 90],
    ])
    // x₂ is up: −2 is 10 % above the bottom, so 90 % from the top
    expect(ticks(w, 'x2')).toEqual([
      ['−2', 90],
      ['−1', 70],
      ['0', 50],
      ['1', 30],
      ['2', 10],
    ])
    // XOR's square −0.5 … 1.5: only 0 and 1, a quarter in from each end
    const xor = mount(PlaneMap, { props: { ...base, lo: -0.5, hi: 1.5, tickCount: 3 } })
    expect(ticks(xor, 'x1')).toEqual([
      ['0', 25],
      ['1', 75],
    ])
  })

  it('a click gives the point of the plane under it; no crosshair without a listener', async () => {
    const onPlane = vi.fn()
    const w = mount(PlaneMap, { props: { ...base, lo: -6, hi: 6, onPlane } })
    const plane = w.get('[data-testid="plane-map"]')
    expect(plane.classes()).toContain('plane-map__plane--click')
    vi.spyOn(plane.element, 'getBoundingClientRect').mockReturnValue({
      left: 100,
      top: 50,
      width: 200,
      height: 200,
    } as DOMRect)
    // a quarter across and a quarter down: x₁ = −6 + 12/4 = −3, x₂ = 6 − 12/4 = 3
    await plane.trigger('click', { clientX: 150, clientY: 100 })
    // the bottom-right corner: (6, −6); a third across: −6 + 4 = −2 (to 0.001)
    await plane.trigger('click', { clientX: 300, clientY: 250 })
    await plane.trigger('click', { clientX: 100 + 200 / 3, clientY: 150 })
    expect(onPlane.mock.calls).toEqual([
      [-3, 3],
      [6, -6],
      [-2, 0],
    ])
    const still = mount(PlaneMap, { props: { ...base, lo: -6, hi: 6 } })
    expect(still.get('[data-testid="plane-map"]').classes()).not.toContain(
      'plane-map__plane--click',
    )
  })
})
