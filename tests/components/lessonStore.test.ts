// One store per lesson (#11): a panel lesson mounted as its view mounts it (under provideLessonStore)
// holds every engine network and ensemble it made in that one store, one section per part that trains,
// and leaves nothing behind when it goes. Real .wasm; Chart.js mocked (happy-dom has no canvas).
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, markRaw, type Component } from 'vue'
import { loadEngineNode } from '../unit/loadEngineNode'
import { EngineEnsemble } from '../../web/src/engine/ensemble'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NnModule } from '../../web/src/engine/nn'
import { provideLessonStore, type LessonStore } from '../../web/src/composables/useLessonStore'

vi.mock('chart.js', () => import('./fakeChartJs'))
afterEach(() => vi.restoreAllMocks())

const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)))

/** Everything EngineNetwork.create / EngineEnsemble.create made from now on, and which were deleted. */
function watchCreations() {
  const made: (EngineNetwork | EngineEnsemble)[] = []
  const gone = new Set<object>()
  const spyCreate = (cls: { create: (...a: never[]) => unknown }) => {
    const create = cls.create.bind(cls) as (...a: unknown[]) => {
      network?: EngineNetwork
      ensemble?: EngineEnsemble
    }
    vi.spyOn(cls, 'create').mockImplementation(((...args: unknown[]) => {
      const r = create(...args)
      const x = r.network ?? r.ensemble
      if (x) {
        made.push(x)
        const dispose = x.dispose.bind(x)
        x.dispose = () => (gone.add(x), dispose())
      }
      return r
    }) as never)
  }
  spyCreate(EngineNetwork)
  spyCreate(EngineEnsemble)
  return { alive: () => made.filter((x) => !gone.has(x)).length, made }
}

/** Mounts `panel` as LessonView does: under the lesson’s one store. */
async function mountLesson(panel: Component, engine: NnModule) {
  let lesson!: LessonStore
  const View = defineComponent({
    setup() {
      lesson = provideLessonStore()
      return () => h(panel, { engine })
    },
  })
  const wrapper = mount(View)
  for (let k = 0; k < 5; k++) await frame()
  return { wrapper, lesson }
}

describe('a panel lesson has one store', () => {
  it.each([
    ['learning-rate', () => import('../../web/src/lessons/learning-rate/LearningRatePanel.vue'), 3],
    ['xor-221', () => import('../../web/src/lessons/xor-221/XorPanel.vue'), 3],
  ])('%s: every network it holds is in its one store', async (_, load, parts) => {
    const engine = markRaw((await loadEngineNode()) as unknown as NnModule)
    const panel = (await load()).default
    const created = watchCreations()
    const { wrapper, lesson } = await mountLesson(panel, engine)
    // the parts that train (learning rate: live run, sweep, landscape; XOR: experiments, failed run,
    // run maps) are sections of the lesson's store, not stores of their own
    expect(lesson.sections).toBe(parts)
    expect(created.made.length).toBeGreaterThan(0)
    expect(lesson.size).toBe(created.alive())
    wrapper.unmount()
    expect(created.alive()).toBe(0)
    expect(lesson.size).toBe(0)
  })
})
