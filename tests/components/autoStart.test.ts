// useTrainingLoop's autoStart (#11): a run the learner did not start plays only while its controls are
// on screen (told by setOnScreen, as TrainControls does from its IntersectionObserver), and stops
// being the loop's own once the learner touches it: a pause or a Reset by hand is never overridden.
// Counts are of updates done over animation frames, never of time.
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { effectScope, nextTick, type EffectScope } from 'vue'
import TrainControls from '../../web/src/components/TrainControls.vue'
import {
  useTrainingLoop,
  type TrainingLoopOptions,
} from '../../web/src/composables/useTrainingLoop'

const frames = async (n: number) => {
  for (let k = 0; k < n; k++) await new Promise((r) => requestAnimationFrame(() => r(null)))
}
let scope: EffectScope | undefined
afterEach(() => scope?.stop())

/** A loop whose work always does what it is asked (one "update" per step), no speed in a link. */
function loopOf(options: TrainingLoopOptions = {}) {
  scope = effectScope()
  return scope.run(() =>
    useTrainingLoop((n) => ({ done: n, progress: null }), { link: false, ...options }),
  )!
}

describe('autoStart', () => {
  it('starts at once where nothing says whether the controls are on screen (no IntersectionObserver)', async () => {
    const loop = loopOf()
    loop.autoStart()
    expect(loop.running.value).toBe(true)
    await frames(3)
    expect(loop.steps.value).toBeGreaterThan(0)
  })

  it('waits off screen, plays on screen, pauses off screen again and goes on when back', async () => {
    const loop = loopOf()
    loop.setOnScreen(false)
    loop.autoStart()
    await frames(3)
    expect([loop.running.value, loop.steps.value, loop.waitsToBeSeen.value]).toEqual([
      false,
      0,
      true,
    ])
    loop.setOnScreen(true)
    expect(loop.running.value).toBe(true)
    expect(loop.waitsToBeSeen.value).toBe(false)
    await frames(3)
    loop.setOnScreen(false)
    const away = loop.steps.value
    expect(away).toBeGreaterThan(0)
    await frames(3)
    expect(loop.steps.value).toBe(away)
    expect(loop.waitsToBeSeen.value).toBe(true)
    expect(loop.resumable.value).toBe(true)
    loop.setOnScreen(true)
    await frames(3)
    expect(loop.steps.value).toBeGreaterThan(away)
    expect(loop.autoPlays.value).toBe(true)
  })

  it('never overrides a pause or a Reset by hand', async () => {
    const loop = loopOf()
    loop.autoStart()
    await frames(2)
    loop.pause()
    const paused = loop.steps.value
    loop.setOnScreen(false)
    loop.setOnScreen(true)
    await frames(3)
    expect([loop.running.value, loop.steps.value]).toEqual([false, paused])
    // waiting off screen, then Reset: it stays paused when it comes on screen
    loop.reset()
    loop.setOnScreen(false)
    loop.autoStart()
    loop.reset()
    loop.setOnScreen(true)
    await frames(3)
    expect([loop.running.value, loop.steps.value, loop.waitsToBeSeen.value]).toEqual([
      false,
      0,
      false,
    ])
  })

  it('a run the learner started is theirs: it goes on off screen', async () => {
    const loop = loopOf()
    loop.setOnScreen(false)
    loop.autoStart()
    loop.start() // Train pressed while it waited
    expect(loop.autoPlays.value).toBe(false)
    await frames(2)
    loop.setOnScreen(false)
    const before = loop.steps.value
    await frames(3)
    expect(loop.running.value).toBe(true)
    expect(loop.steps.value).toBeGreaterThan(before)
  })

  it('ends at the planned length: coming back on screen does not plan another run', async () => {
    const loop = loopOf({ totalSteps: 5, initialSteps: 5 })
    loop.autoStart()
    await frames(3)
    expect([loop.steps.value, loop.running.value, loop.autoPlays.value]).toEqual([5, false, false])
    loop.setOnScreen(false)
    loop.setOnScreen(true)
    await frames(3)
    expect([loop.steps.value, loop.running.value]).toEqual([5, false])
  })
})

describe('TrainControls with an autoStarted run', () => {
  it('says the run starts when on screen (not Paused), then Pause while it plays, then that it goes on', async () => {
    const loop = loopOf()
    const w = mount(TrainControls, { props: { loop, run: 'sweep' } })
    loop.setOnScreen(false)
    loop.autoStart()
    await nextTick()
    const say = () => w.find('[data-testid=train-waits-seen]')
    const first = () => w.get('button').text()
    expect(say().text()).toBe('Starts when on screen.')
    expect(first()).toBe('Train')
    loop.setOnScreen(true)
    await nextTick()
    expect(say().exists()).toBe(false)
    expect(first()).toBe('Pause')
    await frames(2)
    loop.setOnScreen(false)
    await nextTick()
    expect(say().text()).toBe('Goes on when on screen.')
    expect(first()).toBe('Resume')
    await w.get('button').trigger('click') // Resume by hand: the learner's run from now on
    expect(say().exists()).toBe(false)
    expect(loop.running.value).toBe(true)
    expect(loop.autoPlays.value).toBe(false)
    w.unmount()
  })

  it('the keyboard focus moving into the lab keeps a run waiting to be seen at Train, for the learner', async () => {
    const loop = loopOf()
    const lab = document.createElement('section')
    const field = document.createElement('input')
    lab.append(field)
    document.body.append(lab)
    const w = mount(TrainControls, { props: { loop }, attachTo: lab })
    loop.setOnScreen(false)
    loop.autoStart()
    await nextTick()
    // a Tab into the lab's first field, which scrolls the lab into view
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }))
    field.focus()
    loop.setOnScreen(true)
    await frames(3)
    await nextTick()
    expect([loop.running.value, loop.steps.value, loop.autoPlays.value]).toEqual([false, 0, false])
    expect(w.get('button').text()).toBe('Train')
    expect(w.find('[data-testid=train-waits-seen]').exists()).toBe(false)
    await w.get('button').trigger('click') // Enter on Train
    await frames(2)
    expect(loop.running.value).toBe(true)
    expect(loop.steps.value).toBeGreaterThan(0)
    expect(w.get('button').text()).toBe('Pause')
    // focus arriving while the run plays leaves it playing
    loop.pause()
    field.blur()
    loop.autoStart()
    field.focus()
    expect([loop.running.value, loop.autoPlays.value]).toEqual([true, true])
    w.unmount()
    lab.remove()
  })

  it('a click into a lab waiting to be seen (a pointer, not Tab) leaves the run to start on screen', async () => {
    const loop = loopOf()
    const lab = document.createElement('section')
    const field = document.createElement('select')
    lab.append(field)
    document.body.append(lab)
    const w = mount(TrainControls, { props: { loop }, attachTo: lab })
    loop.setOnScreen(false)
    loop.autoStart()
    await nextTick()
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' })) // an earlier Tab elsewhere
    document.dispatchEvent(new PointerEvent('pointerdown'))
    field.focus()
    loop.setOnScreen(true)
    await frames(2)
    expect([loop.running.value, loop.autoPlays.value]).toEqual([true, true])
    w.unmount()
    lab.remove()
  })
})
