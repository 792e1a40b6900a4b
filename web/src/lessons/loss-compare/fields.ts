// The loss-compare lesson's linked values (links/fields.ts): the learning rate both runs share, with the
// one range every learning-rate field and link uses (LIMITS.learningRate), and the curves' point p.
import { linkedFields, number } from '../../links/fields'
import { LIMITS } from '../../links/limits'

export const LOSS_COMPARE_FIELDS = linkedFields({
  eta: number('lr', 'learning rate η', 0.5, LIMITS.learningRate),
  /** The curves' point: the predicted probability of the true class, on the slider's stops. */
  p: number('p', 'predicted probability p', 0.05, { min: 0.01, max: 0.99, step: 0.01 }),
})
