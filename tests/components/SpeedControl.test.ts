// SpeedControl shows the pace in use: a lesson default that is not one of the usual steps is listed
// and selected (it was a blank select at batch-vs-sgd's 20 epochs/s), and choosing an option emits it.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import SpeedControl from '../../web/src/components/SpeedControl.vue'

describe('SpeedControl', () => {
  it('selects a default pace that is not one of the usual steps', () => {
    const w = mount(SpeedControl, { props: { modelValue: 20, unit: 'epoch' } })
    const select = w.get('select').element as HTMLSelectElement
    expect(select.value).toBe('20')
    expect(select.selectedOptions[0].textContent?.trim()).toBe('20 epochs/s')
    const values = [...select.options].map((o) => o.value)
    expect(values.indexOf('20')).toBe(values.indexOf('10') + 1)
  })

  it('emits the chosen pace, with "max" as as fast as it goes', async () => {
    const w = mount(SpeedControl, { props: { modelValue: 1 } })
    expect(
      (w.get('select').element as HTMLSelectElement).selectedOptions[0].textContent?.trim(),
    ).toBe('1 update/s')
    await w.get('select').setValue('5')
    await w.get('select').setValue('max')
    expect(w.emitted('update:modelValue')).toEqual([[5], [Infinity]])
  })
})
