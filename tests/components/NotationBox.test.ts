// The notation box's switch says what it does: it orders the table's two columns, course and notes
// (the page's own text keeps its notation). A newcomer read "Course notation first" as a switch for the
// whole page (#11).
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import NotationBox from '../../web/src/course/NotationBox.vue'

describe('NotationBox', () => {
  it('names its switch as the order of the table columns, and orders them', async () => {
    const wrapper = mount(NotationBox, {
      props: { lessonId: 'step-by-step-222' },
      global: { stubs: { RouterLink: { template: '<a><slot /></a>' } } },
    })
    const group = wrapper.get('[role="radiogroup"]')
    const label = wrapper.get(`#${group.attributes('aria-labelledby')}`)
    expect(label.text()).toBe('Table columns:')
    const radios = group.findAll('label').map((l) => l.text())
    expect(radios).toEqual(['Course first', 'Notes 004 first'])
    const headers = () => wrapper.findAll('thead th').map((th) => th.text())
    expect(headers()).toEqual(['Course', 'Notes 004', 'Meaning'])
    await group.findAll('input')[1].setValue(true)
    expect(headers()).toEqual(['Notes 004', 'Course', 'Meaning'])
  })
})
