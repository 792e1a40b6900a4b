// The learning-rate lesson's linked values (links/fields.ts): the problem, the live run's η, μ, β₁, β₂
// and ε, and the sweep's range and number of copies. The own values are the first problem's; choosing another problem
// moves η and the sweep to that problem's own unless the learner changed them (LearningRatePanel).
import { choice, linkedFields, number } from '../../links/fields'
import { LIMITS } from '../../links/limits'
import { rateProblems, type ProblemId } from './learningRateProblems'

const first = rateProblems.regression
const eta = LIMITS.learningRate // 1e-5 to 100, as in every lesson
export const LEARNING_RATE_FIELDS = linkedFields({
  problemId: choice<ProblemId>('p', 'problem', 'regression', ['regression', 'classifier']),
  learningRate: number('lr', 'learning rate of the live run', first.learningRate, eta),
  // One range as two fields: the smallest below the largest, in the field and in the link alike.
  min: number('min', 'smallest η of the sweep', first.sweep.min, eta, { is: '<', than: 'max' }),
  max: number('max', 'largest η of the sweep', first.sweep.max, eta, { is: '>', than: 'min' }),
  count: number('copies', 'copies in the sweep', 24, { min: 16, max: 48, step: 8, whole: true }),
  // The live run's momentum μ and Adam's β₁, β₂, ε (PyTorch's defaults), changed while it runs.
  momentum: number('mu', 'momentum μ of the live run', 0.9, LIMITS.decay),
  beta1: number('b1', 'Adam β₁ of the live run', 0.9, LIMITS.decay),
  beta2: number('b2', 'Adam β₂ of the live run', 0.999, LIMITS.decay),
  epsilon: number('eps', 'Adam ε of the live run', 1e-8, LIMITS.adamEpsilon),
})
/** The loss landscape's η, μ, β₁ and β₂ (LossLandscape). */
export const LANDSCAPE_FIELDS = linkedFields({
  eta: number('leta', 'landscape learning rate η', 0.1, LIMITS.learningRate),
  mu: number('lmu', 'landscape momentum μ', 0.9, LIMITS.decay),
  beta1: number('lb1', 'landscape Adam β₁', 0.9, LIMITS.decay),
  beta2: number('lb2', 'landscape Adam β₂', 0.999, LIMITS.decay),
})
