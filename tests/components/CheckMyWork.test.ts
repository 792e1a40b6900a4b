// Check my work emits what was typed (one value, a worked chain, or a slip of the notes) and shows the marks
// in the lesson's notation, naming the first wrong quantity.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import CheckMyWork from '../../web/src/components/CheckMyWork.vue'
import type { CheckResult } from '../../web/src/math/checkWork'

const options = [
  { key: 'z1[0]', label: 'netₕ₁' },
  { key: 'z2[0]', label: 'netₒ₁' },
  { key: 'loss', label: 'Eₜₒₜₐₗ' },
]
const slips = [{ key: 'z1[0]', label: 'netₕ₁', written: '0.377', note: 'The notes write 0.377.' }]
const base = { options, chain: options.slice(0, 2), slips, result: null }

describe('CheckMyWork', () => {
  it('emits one typed value under the chosen key', async () => {
    const wrapper = mount(CheckMyWork, { props: base })
    await wrapper.get('select').setValue('z2[0]')
    await wrapper.get('input[type="text"]').setValue('1.175')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('check')).toEqual([[{ 'z2[0]': '1.175' }]])
  })

  it('emits the filled fields of the worked chain, and a slip of the notes in one click', async () => {
    const wrapper = mount(CheckMyWork, { props: base })
    await wrapper.findAll('input[type="radio"]')[1].setValue(true)
    const fields = wrapper.findAll('input[type="text"]')
    expect(fields).toHaveLength(2)
    await fields[0].setValue('0.3775')
    await wrapper.get('form').trigger('submit')
    await wrapper.get('.check__slip').trigger('click')
    expect(wrapper.emitted('check')).toEqual([[{ 'z1[0]': '0.3775' }], [{ 'z1[0]': '0.377' }]])
  })

  it('a Check’s marks belong to its mode: the worked chain’s empty fields do not show the one value’s verdict', async () => {
    const wrapper = mount(CheckMyWork, { props: base })
    await wrapper.get('input[type="text"]').setValue('0.3775')
    await wrapper.get('form').trigger('submit')
    const mark = {
      key: 'z1[0]',
      status: 'correct',
      typed: '0.3775',
      exact: 0.3775,
      decimals: 4,
      message: 'Exactly this value.',
    } as const
    const result: CheckResult = { marks: [mark], byKey: { 'z1[0]': mark }, firstWrong: null }
    await wrapper.setProps({ result })
    expect(wrapper.findAll('.check__mark')).toHaveLength(1)
    await wrapper.findAll('input[type="radio"]')[1].setValue(true) // a worked chain
    expect(wrapper.findAll('.check__mark')).toHaveLength(0)
    await wrapper.findAll('input[type="radio"]')[0].setValue(true) // back: the verdict is its own again
    expect(wrapper.get('.check__mark').text()).toContain('netₕ₁ = 0.3775')
  })

  it('shows each mark with its status, in the lesson’s notation, and names the first wrong quantity', () => {
    const result: CheckResult = {
      marks: [
        {
          key: 'z1[0]',
          status: 'truncated',
          typed: '0.377',
          exact: 0.3775,
          decimals: 3,
          message: '0.377 is 0.3775 cut off after 3 decimal places; rounded it is 0.378.',
        },
        {
          key: 'z2[0]',
          status: 'wrong',
          typed: '1.175',
          exact: 1.105905967,
          decimals: 3,
          message: 'The exact value is 1.105905967.',
        },
        {
          key: 'loss',
          status: 'consistent',
          typed: '0.3',
          exact: 0.298,
          decimals: 1,
          message: 'It follows from your own z2[0]: an error carried forward.',
        },
      ],
      byKey: {},
      firstWrong: 'z2[0]',
    }
    const wrapper = mount(CheckMyWork, { props: { ...base, result } })
    const marks = wrapper.findAll('.check__mark')
    expect(marks.map((m) => m.get('.check__badge').text())).toEqual([
      'Truncated',
      'Wrong',
      'Consistent',
    ])
    expect(marks[0].text()).toContain('0.378')
    expect(marks[2].text()).toContain('your own netₒ₁')
    expect(wrapper.get('.check__first').text()).toContain('netₒ₁')
  })

  it('a slip’s note states the current numbers, like the mark above it ', async () => {
    // The mark is worked out from the current state; the note must follow the same state, not the
    // one of the click (E_total: 0.298371109 at the notes' weights, 0.0230219256 after training).
    const at = (value: string) => [
      {
        key: 'loss',
        label: 'Eₜₒₜₐₗ',
        written: '0.50',
        note: `The notes write 0.50; here it is ${value}.`,
      },
    ]
    const result: CheckResult = {
      marks: [
        {
          key: 'loss',
          typed: '0.50',
          status: 'wrong',
          message: 'The exact value is 0.298371109.',
          exact: 0.2983711087600027,
          decimals: 2,
        },
      ],
      firstWrong: 'loss',
      byKey: {},
    }
    const wrapper = mount(CheckMyWork, { props: { ...base, slips: at('0.298371109'), result } })
    await wrapper.get('.check__slip').trigger('click')
    expect(wrapper.get('.check__note').text()).toBe('The notes write 0.50; here it is 0.298371109.')
    await wrapper.setProps({ slips: at('0.0230219256') })
    expect(wrapper.get('.check__note').text()).toBe(
      'The notes write 0.50; here it is 0.0230219256.',
    )
  })

  it('one value checked: its mark, and no “first wrong quantity” (there is no second)', () => {
    const result: CheckResult = {
      marks: [
        {
          key: 'loss',
          status: 'wrong',
          typed: '0.4',
          exact: 0.298,
          decimals: 1,
          message: 'The exact value is 0.298.',
        },
      ],
      byKey: {},
      firstWrong: 'loss',
    }
    const wrapper = mount(CheckMyWork, { props: { ...base, result } })
    expect(wrapper.find('.check__mark--wrong').exists()).toBe(true)
    expect(wrapper.find('.check__first').exists()).toBe(false)
  })

  it('shows a phone digits only for a whole-number answer, in one-value and chain modes (#11)', async () => {
    const counts = [
      { key: 'rows', label: 'rows of Z', kind: 'whole' as const },
      { key: 'loss', label: 'E' },
    ]
    const wrapper = mount(CheckMyWork, { props: { ...base, options: counts, chain: counts } })
    const one = () => wrapper.get('input[type="text"]').attributes('inputmode')
    await wrapper.get('select').setValue('rows')
    expect(one()).toBe('numeric')
    await wrapper.get('select').setValue('loss')
    expect(one()).toBe('decimal')
    await wrapper.get('input[value="chain"]').setValue(true)
    const modes = wrapper.findAll('input[type="text"]').map((i) => i.attributes('inputmode'))
    expect(modes).toEqual(['numeric', 'decimal'])
  })

  it('Check on an empty field says so at the field, in the lesson’s notation, and checks nothing (#11)', async () => {
    const wrapper = mount(CheckMyWork, { props: base })
    await wrapper.get('select').setValue('z2[0]')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('check')).toBeUndefined()
    const said = wrapper.get('[role="alert"]')
    expect(said.text()).toBe('Type your value first: netₒ₁ is empty.')
    const field = wrapper.get('input[type="text"]')
    expect(field.attributes('aria-describedby')).toBe(said.attributes('id'))
    await field.setValue('1.1') // typing takes the message back
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    // a worked chain with every field empty: the same, in the chain's words
    await wrapper.findAll('input[type="radio"]')[1].setValue(true)
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('check')).toBeUndefined()
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'Type your values first: every field of the chain is empty.',
    )
  })
})
