// One rule for a solved exercise (#11): every blank checked correct, whether the blanks were checked one
// value at a time or as a worked chain. The shapes lesson's rows and columns of Z, each checked correct
// on its own, left the exercise unsolved ("solved": [] and 0 of 3 on the home page), while lesson 1's one
// blank solved its exercise at once. The answers come from the question's own numbers: Z = WX + b with
// W of shape k × m and X of shape m × n is k × n.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import { course } from '../../web/src/course/course'
import ExerciseList from '../../web/src/exercises/ExerciseList.vue'
import { progress } from '../../web/src/progress/progress'
import { router } from '../../web/src/router'

const shapes = course.find((l) => l.id === 'shapes')!

async function list(): Promise<VueWrapper> {
  const wrapper = mount(ExerciseList, {
    props: { lessonId: 'shapes', exercises: shapes.exercises! },
    global: { plugins: [router] },
  })
  await router.isReady()
  await flushPromises()
  return wrapper
}
/** The first exercise (the shape of Z), its numbers as the question states them, and its form. */
function productShape(wrapper: VueWrapper) {
  const article = wrapper.get('[data-exercise="product-shape"]')
  const v = JSON.parse(article.attributes('data-values') ?? '{}') as {
    k: number
    m: number
    n: number
  }
  expect(article.text()).toContain(`W of shape ${v.k} × ${v.m}`)
  expect(article.text()).toContain(`X has shape ${v.m} × ${v.n}`)
  return { article, rows: String(v.k), cols: String(v.n) }
}
const solved = () => progress.value.solved.filter((s) => s.startsWith('shapes/'))

describe('an exercise is solved once every blank is checked correct', () => {
  beforeEach(async () => {
    const { forgetProgress } = await import('../../web/src/progress/progress')
    forgetProgress()
  })

  it('rows of Z, then columns of Z, each checked as one value', async () => {
    const wrapper = await list()
    const { article, rows, cols } = productShape(wrapper)
    const checkOne = async (key: string, typed: string) => {
      await article.get('select').setValue(key)
      await article.get('input[type="text"]').setValue(typed)
      await article.get('form').trigger('submit')
      await flushPromises()
    }
    await checkOne('rows', rows)
    expect(article.get('.check__badge').text()).toBe('Correct')
    expect(solved()).toEqual([]) // the columns are not checked yet
    await checkOne('cols', String(Number(cols) + 1))
    expect(solved()).toEqual([])
    await checkOne('cols', cols)
    expect(article.get('.check__badge').text()).toBe('Correct')
    expect(solved()).toEqual(['shapes/product-shape'])
    expect(article.find('.exercise__solved').exists()).toBe(true)
  })

  it('both as a worked chain, as before', async () => {
    const wrapper = await list()
    const { article, rows, cols } = productShape(wrapper)
    await article.findAll('input[type="radio"]')[1].setValue(true)
    const fields = article.findAll('input[type="text"]')
    await fields[0].setValue(rows)
    await fields[1].setValue(cols)
    await article.get('form').trigger('submit')
    await flushPromises()
    expect(solved()).toEqual(['shapes/product-shape'])
  })
})

// #11 (found by a newcomer): once solved, the exercise's "solved" badge stayed beside a fresh "Wrong"
// when a different, wrong answer was checked. The badge says what is true now: "solved" while the
// answers checked solve it, "solved before" once they no longer do (it was solved, the progress keeps
// that), and "solved" again when they do.
describe('the solved badge says what is true of the answers checked now', () => {
  beforeEach(async () => {
    const { forgetProgress } = await import('../../web/src/progress/progress')
    forgetProgress()
  })
  const badge = (article: ReturnType<typeof productShape>['article']) => {
    const b = article.find('h3 .exercise__solved')
    return b.exists() ? b.text() : ''
  }

  it('a worked chain: solved, then a wrong answer checked, then right again', async () => {
    const wrapper = await list()
    const { article, rows, cols } = productShape(wrapper)
    await article.findAll('input[type="radio"]')[1].setValue(true)
    const fields = article.findAll('input[type="text"]')
    const checkAll = async (r: string, c: string) => {
      await fields[0].setValue(r)
      await fields[1].setValue(c)
      await article.get('form').trigger('submit')
      await flushPromises()
    }
    expect(badge(article)).toBe('')
    await checkAll(rows, cols)
    expect(badge(article)).toBe('solved')
    // a wrong number of rows: one more than the question's k
    await checkAll(String(Number(rows) + 1), cols)
    expect(article.findAll('.check__badge').map((b) => b.text())).toEqual(['Wrong', 'Correct'])
    expect(badge(article)).toBe('solved before')
    expect(solved()).toEqual(['shapes/product-shape']) // progress keeps that it was solved
    await checkAll(rows, cols)
    expect(badge(article)).toBe('solved')
  })

  it('one value at a time: a wrong value for one blank takes "solved" back', async () => {
    const wrapper = await list()
    const { article, rows, cols } = productShape(wrapper)
    const checkOne = async (key: string, typed: string) => {
      await article.get('select').setValue(key)
      await article.get('input[type="text"]').setValue(typed)
      await article.get('form').trigger('submit')
      await flushPromises()
    }
    await checkOne('rows', rows)
    await checkOne('cols', cols)
    expect(badge(article)).toBe('solved')
    await checkOne('cols', String(Number(cols) + 1))
    expect(article.get('.check__badge').text()).toBe('Wrong')
    expect(badge(article)).toBe('solved before')
  })

  it('a fresh visit: solved on an earlier one, nothing checked yet, is "solved before"', async () => {
    const { markSolved } = await import('../../web/src/progress/progress')
    markSolved('shapes', 'product-shape')
    const wrapper = await list()
    expect(badge(productShape(wrapper).article)).toBe('solved before')
  })

  it('new numbers: solved with the old ones is "solved before"', async () => {
    const wrapper = await list()
    const { article, rows, cols } = productShape(wrapper)
    await article.findAll('input[type="radio"]')[1].setValue(true)
    const fields = article.findAll('input[type="text"]')
    await fields[0].setValue(rows)
    await fields[1].setValue(cols)
    await article.get('form').trigger('submit')
    await flushPromises()
    expect(badge(article)).toBe('solved')
    await wrapper.get('.exercises__new').trigger('click')
    await flushPromises()
    expect(badge(wrapper.get('[data-exercise="product-shape"]'))).toBe('solved before')
  })
})
