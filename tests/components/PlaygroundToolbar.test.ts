// The playground's counts read like every other count in the app: "2,804,370 updates", not "2804370"
// (the #11 examiner found the only ungrouped count on a screen that trains).
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import PlaygroundToolbar from '../../web/src/lessons/playground/components/PlaygroundToolbar.vue'

describe('PlaygroundToolbar', () => {
  it('groups the update and epoch counts by thousands', () => {
    const w = mount(PlaygroundToolbar, {
      props: {
        running: false,
        canTrain: true,
        updates: 2804370,
        epochs: 186958,
        perEpoch: 15,
        trainPoints: 150,
        trainLoss: null,
        testLoss: null,
        penalty: null,
        trainTotal: null,
        trainAccuracy: null,
        testAccuracy: null,
        testPoints: 0,
        pace: 10,
      },
    })
    expect(w.get('[data-testid="updates"]').text()).toBe('2,804,370')
    expect(w.get('[data-testid="epochs"]').text()).toBe('186,958')
  })
})
