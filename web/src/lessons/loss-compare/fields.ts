// The loss-compare lesson's linked values (links/fields.ts): the learning rate both runs share, with the
// one range every learning-rate field and link uses (LIMITS.learningRate).
import { linkedFields, number } from '../../links/fields'
import { LIMITS } from '../../links/limits'

export const LOSS_COMPARE_FIELDS = linkedFields({
  eta: number('lr', 'learning rate η', 0.5, LIMITS.learningRate),
})
