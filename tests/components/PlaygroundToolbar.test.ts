// The playground's counts read like every other count in the app: "2,804,370 updates", not "2804370"
// (the #11 examiner found the only ungrouped count on a screen that trains).
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { ref, shallowRef } from 'vue'
import PlaygroundToolbar from '../../web/src/lessons/playground/components/PlaygroundToolbar.vue'
import { PLAYGROUND, type Playground } from '../../web/src/lessons/playground/usePlayground'

describe('PlaygroundToolbar', () => {
  it('groups the update and epoch counts by thousands', () => {
    // The parts of the playground's state the toolbar reads: a run of 2,804,370 updates on 150 points.
    const playground = {
      training: {
        running: ref(false),
        updates: ref(2804370),
        epochs: ref(186958),
        perEpoch: () => 15,
        snapshot: shallowRef(null),
        pace: ref(10),
        loop: { waits: ref(false), resumable: ref(false) },
      },
      data: { hasData: ref(true), noPoints: ref(''), parts: ref({ train: Array(150), test: [] }) },
    } as unknown as Playground
    const w = mount(PlaygroundToolbar, { global: { provide: { [PLAYGROUND]: playground } } })
    expect(w.get('[data-testid="updates"]').text()).toBe('2,804,370')
    expect(w.get('[data-testid="epochs"]').text()).toBe('186,958')
  })
})
