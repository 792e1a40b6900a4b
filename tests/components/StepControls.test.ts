// The step bar's Undo button (#13): its text is the short label it is given (no update count, so the
// button keeps its width while a run counts), its title and accessible name the whole label, with the
// count. Both come from the lesson's network (useNetwork undoLabel / undoShortLabel); the component
// shows them as they are. With nothing to undo it says 'Undo' and is disabled.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import StepControls from '../../web/src/components/StepControls.vue'

const base = {
  stage: 'backward',
  running: false,
  waits: { update: '', step: '' },
} as const

describe('StepControls Undo', () => {
  it('shows the short label; its title and accessible name are the whole label', () => {
    const w = mount(StepControls, {
      props: {
        ...base,
        canUndo: true,
        undoLabel: 'Undo training run (26 updates)',
        undoShortLabel: 'Undo training run',
      },
    })
    const undo = w.get('[data-testid="undo"]')
    expect(undo.text()).toBe('Undo training run')
    expect(undo.attributes('title')).toBe('Undo training run (26 updates)')
    expect(undo.attributes('aria-label')).toBe('Undo training run (26 updates)')
    expect(undo.attributes('disabled')).toBeUndefined()
  })

  it('a label with brackets of its own is shown whole: the component does not cut text', () => {
    const w = mount(StepControls, {
      props: {
        ...base,
        canUndo: true,
        undoLabel: 'Undo settings change (η and ε)',
        undoShortLabel: 'Undo settings change (η and ε)',
      },
    })
    expect(w.get('[data-testid="undo"]').text()).toBe('Undo settings change (η and ε)')
  })

  it('with nothing to undo: "Undo", disabled', async () => {
    const w = mount(StepControls, {
      props: { ...base, canUndo: false, undoLabel: 'Undo', undoShortLabel: 'Undo' },
    })
    const undo = w.get('[data-testid="undo"]')
    expect(undo.text()).toBe('Undo')
    expect(undo.attributes('aria-label')).toBe('Undo')
    expect(undo.attributes('disabled')).toBeDefined()
    await undo.trigger('click')
    expect(w.emitted('undo')).toBeUndefined()
  })

  it('emits undo when pressed', async () => {
    const w = mount(StepControls, {
      props: { ...base, canUndo: true, undoLabel: 'Undo update', undoShortLabel: 'Undo update' },
    })
    await w.get('[data-testid="undo"]').trigger('click')
    expect(w.emitted('undo')).toEqual([[]])
  })
})
