// The diagram draws weights by sign (colour class and dash), shows gradients only after Backward, and
// emits the parameter key when an edge or a unit is clicked or activated from the keyboard.
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import NetworkDiagram from '../../web/src/components/NetworkDiagram.vue'
import type { Trace } from '../../web/src/engine/types'

const params = {
  weights: [
    [
      [0.15, -0.2],
      [0.25, 0.3],
    ],
    [
      [0.4, 0.45],
      [-0.5, 0.55],
    ],
  ],
  biases: [
    [0.35, 0.35],
    [0.6, 0.6],
  ],
}
const layer = (v: number) => ({
  z: [[v, v]],
  a: [[v, v]],
  delta: [[v, v]],
  dW: [
    [v, v],
    [v, v],
  ],
  db: [v, v],
})
const trace: Trace = {
  loss: 0.3,
  sampleLosses: [0.3],
  inputs: [[0.05, 0.1]],
  targets: [[0.01, 0.99]],
  weights: params.weights,
  biases: params.biases,
  layers: [layer(0.125), layer(0.0821670406)],
}
const props = {
  layers: [2, 2, 2],
  params,
  previous: null,
  trace,
  stage: 'forward' as const,
  sample: 0,
  selected: 'W2[0][0]',
  names: { 'W2[0][0]': 'w₅', 'W1[0][1]': 'w₂' },
  units: [
    ['i1', 'i2'],
    ['h1', 'h2'],
    ['o1', 'o2'],
  ],
  hasBiases: true,
}

describe('NetworkDiagram', () => {
  it('styles every edge by the sign of its weight', () => {
    const wrapper = mount(NetworkDiagram, { props })
    const edges = wrapper.findAll('g.edge')
    expect(edges).toHaveLength(8)
    expect(wrapper.findAll('g.edge.edge--neg')).toHaveLength(2)
    expect(wrapper.findAll('g.edge-stroke.edge--neg')).toHaveLength(2)
    expect(wrapper.find('[data-param="W1[0][1]"]').classes()).toContain('edge--neg')
    expect(wrapper.find('[data-param="W2[0][0]"]').classes()).toContain('edge--pos')
    expect(wrapper.find('[data-param="W2[0][0]"]').attributes('aria-pressed')).toBe('true')
    expect(wrapper.find('[data-param="W2[0][0]"]').attributes('aria-label')).toContain(
      'w₅ 0.4. Select',
    )
  })

  it('draws every line before any label, so no line crosses a weight or its gradient', () => {
    const wrapper = mount(NetworkDiagram, { props: { ...props, stage: 'backward' } })
    const parts = [...wrapper.find('svg').element.children].map((g) =>
      g.classList.contains('edge-stroke') ? 'line' : g.querySelector('text') ? 'label' : 'other',
    )
    expect(parts.filter((p) => p === 'line')).toHaveLength(8)
    expect(parts.lastIndexOf('line')).toBeLessThan(parts.indexOf('label'))
    // the drawn lines take no clicks and say nothing to a screen reader: their labels' groups do
    expect(wrapper.findAll('g.edge-stroke[aria-hidden="true"]')).toHaveLength(8)
    expect(wrapper.findAll('g.edge-stroke text')).toHaveLength(0)
  })

  it('shows gradients only once the backward pass ran', async () => {
    const wrapper = mount(NetworkDiagram, { props })
    expect(wrapper.findAll('g.edge.edge--back')).toHaveLength(0)
    await wrapper.setProps({ stage: 'backward' })
    expect(wrapper.findAll('g.edge.edge--back')).toHaveLength(8)
    expect(wrapper.find('[data-param="W2[0][0]"]').text()).toContain('0.08217')
    // the label starts with the text the line shows (label in name, WCAG 2.5.3): w₅ = 0.4 and the
    // gradient 0.0821670406 to 4 significant digits
    const w5 = wrapper.find('[data-param="W2[0][0]"]')
    expect(w5.attributes('aria-label')).toMatch(/^\S+ 0\.4 ∂ 0\.08217 \(its gradient ∂E\/∂/)
  })

  it('labels a unit with δ only after Backward, as shown (4 digits, typographic minus)', async () => {
    const negative: Trace = { ...trace, layers: [layer(-0.0380982365), layer(0.0821670406)] }
    const wrapper = mount(NetworkDiagram, {
      props: { ...props, trace: negative, names: { 'delta1[0]': 'δₕ₁', 'z1[0]': 'netₕ₁' } },
    })
    const unit = () => wrapper.find('[data-param="b1[0]"]')
    expect(unit().attributes('aria-label')).toContain('netₕ₁ = −0.0381')
    expect(unit().attributes('aria-label')).not.toContain('δ')
    expect(unit().find('title').text()).not.toContain('δ')
    await wrapper.setProps({ stage: 'backward' })
    expect(unit().attributes('aria-label')).toContain('δₕ₁ = −0.0381,')
    expect(unit().attributes('aria-label')).not.toContain('-')
  })

  it('emits the key of a clicked edge, and of a unit’s bias on Enter or Space', async () => {
    const wrapper = mount(NetworkDiagram, { props })
    await wrapper.find('[data-param="W1[0][1]"]').trigger('click')
    await wrapper.find('[data-param="b1[1]"]').trigger('keydown', { key: 'Enter' })
    await wrapper.find('[data-param="W2[1][0]"]').trigger('keydown', { key: ' ' })
    expect(wrapper.emitted('select')).toEqual([['W1[0][1]'], ['b1[1]'], ['W2[1][0]']])
  })

  // At phone width the whole 640-unit drawing scaled its 13 px labels to about 6.6 px (or scrolled
  // sideways): a narrow box shows one layer pair at a time, drawn 320 units wide (#11).
  describe('in a box narrower than 480 px', () => {
    const width = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth')!
    beforeEach(() =>
      Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
        get: () => 358,
        configurable: true,
      }),
    )
    afterEach(() => Object.defineProperty(HTMLElement.prototype, 'clientWidth', width))
    const drawn = (w: ReturnType<typeof mount>) =>
      w.findAll('[data-param]').map((e) => e.attributes('data-param') ?? '')

    it('shows the pair of the selected weight, 320 units wide, and the learner picks another', async () => {
      const wrapper = mount(NetworkDiagram, { props })
      await nextTick()
      expect(wrapper.find('svg').attributes('viewBox')).toMatch(/^0 0 320 /)
      const buttons = wrapper.findAll('[aria-label="Layers shown in the diagram"] button')
      expect(buttons.map((b) => [b.text(), b.attributes('aria-pressed')])).toEqual([
        ['inputs → hidden', 'false'],
        ['hidden → outputs', 'true'],
      ])
      expect(drawn(wrapper)).toEqual(
        expect.arrayContaining(['W2[0][0]', 'W2[1][1]', 'b1[0]', 'b2[1]']),
      )
      expect(drawn(wrapper).filter((k) => k.startsWith('W1'))).toEqual([])
      // units of both layers, nothing of the inputs
      expect(wrapper.text()).toContain('o2')
      expect(wrapper.text()).not.toContain('i1')
      await buttons[0].trigger('click')
      expect(drawn(wrapper).filter((k) => k.startsWith('W'))).toEqual([
        'W1[0][0]',
        'W1[0][1]',
        'W1[1][0]',
        'W1[1][1]',
      ])
      // every drawn part stays a tab stop that selects by keyboard
      const w2 = wrapper.find('[data-param="W1[0][1]"]')
      expect(w2.attributes('tabindex')).toBe('0')
      await w2.trigger('keydown', { key: 'Enter' })
      expect(wrapper.emitted('select')).toEqual([['W1[0][1]']])
    })

    it('follows a selection made elsewhere to its pair', async () => {
      const wrapper = mount(NetworkDiagram, { props: { ...props, selected: 'W1[1][0]' } })
      await nextTick()
      expect(drawn(wrapper)).toContain('W1[1][0]')
      await wrapper.setProps({ selected: 'b2[0]' })
      expect(drawn(wrapper)).toContain('W2[0][0]')
      expect(drawn(wrapper)).not.toContain('W1[1][0]')
    })
  })

  it('draws every layer, without a pair chooser, in a wide box', async () => {
    const wrapper = mount(NetworkDiagram, { props })
    await nextTick()
    expect(wrapper.find('svg').attributes('viewBox')).toMatch(/^0 0 640 /)
    expect(wrapper.find('[aria-label="Layers shown in the diagram"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-param^="W"]')).toHaveLength(8)
  })
})
