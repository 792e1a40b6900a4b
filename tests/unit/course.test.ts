// The course: lesson order, what each lesson teaches, exercises (answers recomputed here from each
// question's statement, never taken from the lesson file), and the glossary covering every symbol.
import { describe, expect, it } from 'vitest'
import { course, nextLesson } from '../../web/src/course/course'
import { glossary, glossaryEntry } from '../../web/src/course/glossary'
import { lessonGlossaryIds, unmappedSymbols } from '../../web/src/course/notation'
import { markExercise, valuesOf } from '../../web/src/exercises/exercises'
import { ANSWERS, ORDER, typedAnswer } from './courseAnswers'
import { lossLetterOf, lossSymbolsIn } from './lossSymbols'

/** Every string a lesson file holds (its texts, steps, notes), plus its exercises' words at a few seeds. */
function lessonTexts(lesson: (typeof course)[number]): string[] {
  const out: string[] = []
  const walk = (x: unknown): void => {
    if (typeof x === 'string') out.push(x)
    else if (Array.isArray(x)) x.forEach(walk)
    else if (x && typeof x === 'object') Object.values(x).forEach(walk)
  }
  const { exercises, ...rest } = lesson
  walk(rest)
  for (const e of exercises ?? []) {
    for (let seed = 1; seed <= 5; seed++) {
      const v = valuesOf(e, seed, lesson.id)
      out.push(e.prompt(v), ...e.blanks.map((b) => b.label))
      out.push(...(e.slips?.(v) ?? []).map((s) => s.message))
      for (const b of e.blanks) out.push(...(b.choices?.(v) ?? []).map((c) => c.label))
    }
  }
  return out
}

describe('course order', () => {
  it('runs from the chain rule to the playground', () => {
    expect(course.map((l) => l.id)).toEqual(ORDER)
  })
  it('gives every lesson what was learnt and a next lesson, except the last', () => {
    for (const [k, lesson] of course.entries()) {
      expect(lesson.learnt?.length ?? 0, lesson.id).toBeGreaterThanOrEqual(2)
      expect(nextLesson(lesson.id)?.id).toBe(ORDER[k + 1])
    }
  })
})

describe('exercises', () => {
  it('every lesson has at least two, each with an answer worked out here (a lab’s run: labExercises)', () => {
    for (const lesson of course) {
      const ids = (lesson.exercises ?? []).map((e) => `${lesson.id}/${e.id}`)
      expect(ids.length, lesson.id).toBeGreaterThanOrEqual(2)
      for (const e of lesson.exercises ?? [])
        if (!e.lab) expect(ANSWERS, e.id).toHaveProperty([`${lesson.id}/${e.id}`])
    }
    const all = course.flatMap((l) => (l.exercises ?? []).map((e) => `${l.id}/${e.id}`))
    expect(new Set(all).size).toBe(all.length)
  })

  for (const lesson of course) {
    for (const exercise of (lesson.exercises ?? []).filter((e) => !e.lab)) {
      const id = `${lesson.id}/${exercise.id}`
      it(`${id}: right answers accepted, wrong ones refused, for 30 seeds`, () => {
        for (let seed = 1; seed <= 30; seed++) {
          const v = valuesOf(exercise, seed, lesson.id)
          const expected = ANSWERS[id](v)
          expect(Object.keys(expected).sort()).toEqual(exercise.blanks.map((b) => b.key).sort())
          for (const [key, value] of Object.entries(expected)) {
            expect(Number.isFinite(value), `${id} ${key} seed ${seed}`).toBe(true)
            const right = markExercise(exercise, v, { [key]: typedAnswer(value) })
            expect(right.byKey[key].status, `${id} ${key}=${value} seed ${seed}`).toBe('correct')
            const wrong = markExercise(exercise, v, { [key]: typedAnswer(value + 1) })
            expect(wrong.byKey[key].status).toBe('wrong')
          }
        }
      })
    }
  }

  it('the same seed gives the same numbers; other seeds give others', () => {
    const lesson = course.find((l) => l.id === 'single-neuron')!
    const exercise = lesson.exercises![0]
    expect(valuesOf(exercise, 42, lesson.id)).toEqual(valuesOf(exercise, 42, lesson.id))
    const sets = new Set(
      Array.from({ length: 20 }, (_, s) => JSON.stringify(valuesOf(exercise, s + 1, lesson.id))),
    )
    expect(sets.size).toBeGreaterThan(15)
  })

  it('names slips: log₁₀ for ln, sum for mean, 10 × 0.25 for 0.25¹⁰', () => {
    const find = (l: string, e: string) =>
      course.find((x) => x.id === l)!.exercises!.find((x) => x.id === e)!
    const ce = find('relu-sigmoid-222', 'cross-entropy')
    const m1 = markExercise(ce, { p: 0.7 }, { loss: '0.15' })
    expect(m1.byKey.loss.status).toBe('wrong')
    expect(m1.byKey.loss.message).toContain('log₁₀')
    expect(markExercise(ce, { p: 0.7 }, { loss: '0.357' }).byKey.loss.status).toBe('correct')
    // the digits rule of check-my-work: '0' is not an answer to −ln 0.7
    expect(markExercise(ce, { p: 0.7 }, { loss: '0' }).byKey.loss.status).toBe('imprecise')
    expect(markExercise(ce, { p: 0.7 }, { loss: '0.4' }).byKey.loss.status).toBe('imprecise')
    const batch = find('batch-vs-sgd', 'mean-gradient')
    const m2 = markExercise(batch, { g1: 0.1, g2: 0.2, g3: 0.3, g4: 0.4 }, { g: '1' })
    expect(m2.byKey.g.message).toContain('sum')
    const bound = find('vanishing-gradient', 'bound')
    const m3 = markExercise(bound, { L: 10 }, { bound: '2.5' })
    expect(m3.byKey.bound.message).toContain('notes’ slip')
    expect(markExercise(bound, { L: 10 }, { bound: '9.54e-7' }).byKey.bound.status).toBe('correct')
    // the race's MSE is (a − y)², the exercise's ½(a − y)²: at a = 0.03, y = 1 the exercise's δ is
    // (a − 1)·a(1 − a) = −0.97 × 0.03 × 0.97 = −0.028227, and the race's loss gives twice that
    const saturated = find('loss-compare', 'saturated-gradient')
    const m4 = markExercise(saturated, { a: 0.03 }, { mse: '-0.0565' })
    expect(m4.byKey.mse.status).toBe('wrong')
    expect(m4.byKey.mse.message).toContain('½ cancels the 2')
    expect(markExercise(saturated, { a: 0.03 }, { mse: '-0.028227' }).byKey.mse.status).toBe(
      'correct',
    )
  })
})

describe('notation', () => {
  it('the loss has one symbol per page: J, or the symbol of the notes a worked example follows', () => {
    const stray = course.flatMap((lesson) => {
      const letter = lossLetterOf(lesson as { symbols?: Record<string, string> })
      return lessonTexts(lesson)
        .flatMap(lossSymbolsIn)
        .filter((f) => f.letter !== letter)
        .map((f) => `${lesson.id} (loss ${letter}): ${f.letter} in “${f.at}”`)
    })
    // titles and summaries are also read on the start page and in the previous lesson's next link: J
    const listed = course.flatMap((lesson) =>
      [lesson.title, lesson.summary]
        .flatMap(lossSymbolsIn)
        .filter((f) => f.letter !== 'J')
        .map((f) => `${lesson.id}'s title or summary: ${f.letter} in “${f.at}”`),
    )
    expect([...stray, ...listed]).toEqual([])
  })
  it('finds a stray loss symbol in LaTeX and in plain text', () => {
    const letters = (t: string) => lossSymbolsIn(t).map((f) => f.letter)
    expect(letters('moves by $-\\eta \\, \\partial L / \\partial w$')).toEqual(['L'])
    expect(letters('‖∂L/∂W‖ and δ = ∂E/∂z, ∂Eᵢ/∂z')).toEqual(['L', 'E', 'E'])
    expect(
      letters('$\\frac{\\partial J}{\\partial W}$, $E_{total} = \\sum$, loss E(w, b)'),
    ).toEqual(['J', 'E', 'E'])
    expect(letters('$L = -\\ln \\hat y$ and $J = \\tfrac12 k w^2$')).toEqual(['L', 'J'])
    // not a loss: the number of layers, a chain factor, a weight matrix
    expect(
      letters(
        'through $L$ sigmoid layers, $(\\tfrac14)^L$, $\\partial O^1_1/\\partial net$, ∂A/∂Z',
      ),
    ).toEqual([])
  })
  it('every symbol a lesson uses is in the glossary', () => {
    for (const lesson of course) {
      expect(unmappedSymbols(lesson), lesson.id).toEqual([])
      const ids = lessonGlossaryIds(lesson)
      expect(ids.length, lesson.id).toBeGreaterThan(0)
      for (const id of ids) expect(glossaryEntry(id), `${lesson.id}: ${id}`).toBeDefined()
    }
  })
  // A newcomer found σ's lessons without the sigmoid 2-2-2 and 2-2-1 examples, and η's without four
  // lessons that train with an η slider. Which lessons use them, read from each lesson's text by hand:
  it('σ and η list every lesson that uses them', () => {
    const where = (id: string) =>
      course.filter((l) => lessonGlossaryIds(l).includes(id)).map((l) => l.id)
    const sigmoid = [
      'step-by-step-222',
      'sigmoid-221',
      'relu-sigmoid-222',
      'hidden-layer',
      'xor-221',
    ]
    for (const id of sigmoid) expect(where('sigma'), id).toContain(id)
    const eta = ['step-by-step-222', 'sigmoid-221', 'relu-sigmoid-222', 'hidden-layer']
    for (const id of [...eta, 'loss-compare', 'xor-221']) expect(where('eta'), id).toContain(id)
  })
  it('has one entry per symbol, each with meaning and shape, and δ as ∂J/∂z', () => {
    expect(new Set(glossary.map((e) => e.id)).size).toBe(glossary.length)
    for (const e of glossary) {
      expect(e.meaning.length).toBeGreaterThan(10)
      expect(e.shape.length).toBeGreaterThan(0)
    }
    expect(glossaryEntry('delta')?.meaning).toContain('\\partial J / \\partial z')
    expect(glossaryEntry('eta')?.notes['001']).toBe('\\alpha')
  })
})
