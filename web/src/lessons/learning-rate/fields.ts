// The learning-rate lesson's linked values (links/fields.ts): the problem, the live run's η and the
// sweep's range and number of copies. The own values are the first problem's; choosing another problem
// sets η and the sweep to that problem's own (LearningRatePanel).
import { choice, linkedFields, number } from '../../links/fields'
import { rateProblems, type ProblemId } from './learningRateProblems'

const first = rateProblems.regression
const eta = { min: 1e-4, max: 10 }
export const LEARNING_RATE_FIELDS = linkedFields({
  problemId: choice<ProblemId>('p', 'problem', 'regression', ['regression', 'classifier']),
  learningRate: number('lr', 'learning rate of the live run', first.learningRate, eta),
  min: number('min', 'smallest η of the sweep', first.sweep.min, {
    min: 0,
    max: 10,
    minExclusive: true,
  }),
  max: number('max', 'largest η of the sweep', first.sweep.max, {
    min: 0,
    max: 10,
    minExclusive: true,
  }),
  count: number('copies', 'copies in the sweep', 24, { min: 16, max: 48, step: 8, whole: true }),
})
