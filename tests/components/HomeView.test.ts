// The start page lists the registered lessons in order, each linking to its route, or says none exist yet.
import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { LessonSummary } from '../../web/src/lessons'
import { router } from '../../web/src/router'
import HomeView from '../../web/src/views/HomeView.vue'

const registry = vi.hoisted(() => ({ lessons: [] as LessonSummary[] }))
vi.mock('../../web/src/lessons', () => ({
  get lessons() {
    return registry.lessons
  },
  findLesson: (id: string) => registry.lessons.find((lesson) => lesson.id === id),
}))

describe('HomeView', () => {
  beforeEach(() => {
    registry.lessons = []
  })

  it('links every lesson to #/<id>, in registry order', async () => {
    registry.lessons = [
      { id: 'first-steps', title: 'First steps', summary: 'One neuron.', order: 1 },
      {
        id: 'step-by-step-222',
        title: 'The 2-2-2 walk-through',
        summary: 'Every number.',
        order: 2,
      },
    ]
    const wrapper = mount(HomeView, { global: { plugins: [router] } })
    await router.isReady()
    const links = wrapper.findAll('a.lesson-card')
    expect(links.map((link) => link.attributes('href'))).toEqual([
      '#/first-steps',
      '#/step-by-step-222',
    ])
    expect(links[1]?.text()).toContain('The 2-2-2 walk-through')
    expect(wrapper.find('.note').exists()).toBe(false)
  })

  it('shows a friendly note when there are no lessons', () => {
    const wrapper = mount(HomeView, { global: { plugins: [router] } })
    expect(wrapper.findAll('a.lesson-card')).toHaveLength(0)
    expect(wrapper.find('.note').text()).toContain('No lessons yet')
  })
})
