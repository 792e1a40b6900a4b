// The labs' prediction exercises (#16): each is run on the real engine (the .wasm), and the run's answer
// is checked against values worked out here, independently of the engine's code: the learning-rate rule
// |1 − ηk| > 1 by hand, the batch race and the loss race re-trained in plain arithmetic below, and the
// first-layer gradient of the deep network back-propagated by hand from the engine's start weights.
import { beforeAll, describe, expect, it } from 'vitest'
import { course } from '../../web/src/course/course'
import { EngineNetwork } from '../../web/src/engine/network'
import type { NnModule } from '../../web/src/engine/nn'
import { markExercise, valuesOf } from '../../web/src/exercises/exercises'
import { LabRun, runLab, type LabResult } from '../../web/src/exercises/labRun'
import type { Exercise, Values } from '../../web/src/exercises/types'
import { descend } from '../lossCompareByHand'
import { ANSWERS } from './courseAnswers'
import { loadEngineNode } from './loadEngineNode'

let engine: NnModule
beforeAll(async () => {
  engine = (await loadEngineNode()) as unknown as NnModule
})

const LABS = [
  'learning-rate',
  'loss-compare',
  'batch-vs-sgd',
  'xor-221',
  'vanishing-gradient',
  'hidden-layer',
]
const labOf = (lesson: string): Exercise => {
  const found = course.find((l) => l.id === lesson)?.exercises?.find((e) => e.lab)
  if (!found) throw new Error(`${lesson} has no lab exercise`)
  return found
}
function run(lesson: string, seed: number): { v: Values; r: LabResult } {
  const exercise = labOf(lesson)
  const v = valuesOf(exercise, seed, lesson)
  const r = runLab(engine, exercise.lab!(v), v)
  if (typeof r === 'string') throw new Error(r)
  return { v, r }
}
const sig = (z: number) => 1 / (1 + Math.exp(-z))

describe('lab prediction exercises', () => {
  it('every lab has one: a choice per blank, the run’s answer among the choices, marked like any value', () => {
    for (const lesson of LABS) {
      const exercise = labOf(lesson)
      for (let seed = 1; seed <= 5; seed++) {
        const { v, r } = run(lesson, seed)
        expect(exercise.prompt(v), lesson).toContain('run it')
        for (const blank of exercise.blanks) {
          const choices = blank.choices!(v).map((c) => c.value)
          expect(choices, `${lesson} seed ${seed}`).toContain(r.answers[blank.key])
          const right = markExercise(
            exercise,
            v,
            { [blank.key]: String(r.answers[blank.key]) },
            r.answers,
          )
          expect(right.byKey[blank.key].status).toBe('correct')
          const other = choices.find((c) => c !== r.answers[blank.key])!
          const wrong = markExercise(exercise, v, { [blank.key]: String(other) }, r.answers)
          expect(wrong.byKey[blank.key].status).toBe('wrong')
        }
        expect(r.lines.join(' ')).not.toMatch(/NaN|Infinity/)
      }
    }
  })

  it('a prediction is not marked before the run', () => {
    const exercise = labOf('xor-221')
    const v = valuesOf(exercise, 1, 'xor-221')
    expect(markExercise(exercise, v, { solved: '2' }).byKey.solved.status).toBe('invalid')
  })

  it('learning rate: the smallest diverging η is the smallest with |1 − ηk| > 1, for 30 seeds', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { v, r } = run('learning-rate', seed)
      expect(r.answers.eta, `seed ${seed}`).toBe(ANSWERS['learning-rate/which-diverges'](v).eta)
      // the ones that do not diverge: w after 100 updates is (1 − ηk)^100, J = ½ k w²
      for (const e of [v.e1, v.e2, v.e3, v.e4].filter((e) => e <= 2 / v.k)) {
        const w = (1 - e * v.k) ** 100
        const line = r.lines.find((l) => l.startsWith(`$\\eta = ${e}$`))!
        expect(line).toContain('did not diverge')
        if (w !== 0) expect(line).not.toContain('J = 0$')
      }
    }
  })

  it('batches: the lowest loss after E epochs, re-trained by hand on the standardised table', () => {
    const X = [
      [1.4018, -1.2247],
      [-0.5392, 0],
      [-0.8627, 1.2247],
    ]
    const Y = [-1.2825, 0.1251, 1.1574]
    for (let seed = 1; seed <= 20; seed++) {
      const { v, r } = run('batch-vs-sgd', seed)
      const losses = [1, 2, 3].map((B) => {
        let [w1, w2, b] = [0.1, -0.1, 0]
        const batches = B === 1 ? [[0], [1], [2]] : B === 2 ? [[0, 1], [2]] : [[0, 1, 2]]
        for (let e = 0; e < v.epochs; e++) {
          for (const rows of batches) {
            let [g1, g2, gb] = [0, 0, 0]
            for (const i of rows) {
              const err = w1 * X[i][0] + w2 * X[i][1] + b - Y[i]
              g1 += (err * X[i][0]) / rows.length
              g2 += (err * X[i][1]) / rows.length
              gb += err / rows.length
            }
            ;[w1, w2, b] = [w1 - v.eta * g1, w2 - v.eta * g2, b - v.eta * gb]
          }
        }
        return X.reduce((s, x, i) => s + 0.5 * (w1 * x[0] + w2 * x[1] + b - Y[i]) ** 2, 0) / 3
      })
      const best = [1, 2, 3][losses.indexOf(Math.min(...losses))]
      expect(r.answers.size, `seed ${seed}`).toBe(best)
    }
  })

  it('losses: which one first classifies every point right, re-trained by hand', () => {
    const first = (mse: boolean, eta: number) => descend(mse ? 'mse' : 'bce', [[eta, 300]]).first
    for (let seed = 1; seed <= 10; seed++) {
      const { v, r } = run('loss-compare', seed)
      const [m, c] = [first(true, v.eta), first(false, v.eta)]
      const expected =
        m === null && c === null ? 4 : c === null ? 1 : m === null ? 2 : m < c ? 1 : c < m ? 2 : 3
      expect(r.answers.first, `seed ${seed} η ${v.eta}`).toBe(expected)
      if (c !== null) expect(r.lines[1]).toContain(`after ${c} update`)
    }
  })

  it('vanishing gradients: the first-layer gradient back-propagated by hand from the start weights', () => {
    const lesson = 'vanishing-gradient'
    for (let seed = 1; seed <= 6; seed++) {
      const exercise = labOf(lesson)
      const v = valuesOf(exercise, seed, lesson)
      const plan = exercise.lab!(v)
      const norms = plan.candidates.map(({ spec }) => {
        const made = EngineNetwork.create(engine, spec)
        if (!made.ok) throw new Error(made.message)
        const { weights, biases } = made.network.params() // the start weights, nothing else
        made.network.dispose()
        const f = spec.activations[0] === 'tanh' ? Math.tanh : sig
        const df = (a: number) => (spec.activations[0] === 'tanh' ? 1 - a * a : a * (1 - a))
        const n = spec.inputs.length
        const g1 = weights[0].map((row) => row.map(() => 0))
        spec.inputs.forEach((x, s) => {
          const acts = [x]
          for (let l = 0; l < weights.length; l++) {
            const prev = acts[l]
            acts.push(
              weights[l].map((row, j) => f(row.reduce((t, w, i) => t + w * prev[i], biases[l][j]))),
            )
          }
          let delta = acts[weights.length].map((a, j) => (a - spec.targets[s][j]) * df(a))
          for (let l = weights.length - 1; l > 0; l--) {
            delta = acts[l].map(
              (a, i) => weights[l].reduce((t, row, j) => t + row[i] * delta[j], 0) * df(a),
            )
          }
          delta.forEach((d, j) => x.forEach((xi, i) => (g1[j][i] += (d * xi) / n)))
        })
        return Math.hypot(...g1.flat())
      })
      const started = LabRun.start(engine, plan)
      if (typeof started === 'string') throw new Error(started)
      while (!started.done) started.advance(100)
      started.outcomes.forEach((o, j) => {
        expect(o.gradientNorms[0] / norms[j], `${o.label} seed ${seed}`).toBeCloseTo(1, 10)
      })
      const k = norms.indexOf(Math.min(...norms))
      const depths = exercise.blanks[0].choices!(v).map((c) => c.value)
      expect(started.result(v).answers.depth, `seed ${seed}`).toBe(depths[k])
    }
  })

  it('XOR and hidden layer: the count and the smallest H agree with the lines the run shows', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const xor = run('xor-221', seed).r
      expect(xor.lines.filter((l) => l.endsWith(': solved.')).length).toBe(xor.answers.solved)
      const hidden = run('hidden-layer', seed).r
      const full = hidden.lines.findIndex((l) => l.includes('80 of 80'))
      expect(hidden.answers.h).toBe(full < 0 ? 0 : [1, 2, 3, 4][full])
    }
  })
})
