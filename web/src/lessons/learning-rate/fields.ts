// The learning-rate lesson's linked values (links/fields.ts): the problem, the live run's η and the
// sweep's range and number of copies. The own values are the first problem's; choosing another problem
// sets η and the sweep to that problem's own (LearningRatePanel).
import { choice, linkedFields, number } from '../../links/fields'
import { LIMITS } from '../../links/limits'
import { rateProblems, type ProblemId } from './learningRateProblems'

const first = rateProblems.regression
const eta = LIMITS.learningRate // 1e-5 to 100, as in every lesson
export const LEARNING_RATE_FIELDS = linkedFields({
  problemId: choice<ProblemId>('p', 'problem', 'regression', ['regression', 'classifier']),
  learningRate: number('lr', 'learning rate of the live run', first.learningRate, eta),
  min: number('min', 'smallest η of the sweep', first.sweep.min, eta),
  max: number('max', 'largest η of the sweep', first.sweep.max, eta),
  count: number('copies', 'copies in the sweep', 24, { min: 16, max: 48, step: 8, whole: true }),
})
