// The hidden-layer lesson's linked values (links/fields.ts): the data, the hidden units H, the hidden
// activation and η, so a link opens the same comparison. (Every export here is a field declaration: the link
// tests read them all.)
import { choice, linkedFields, number } from '../../links/fields'
import { LIMITS } from '../../links/limits'

/** Hidden activations offered: `linear` shows that a hidden layer without a non-linearity adds nothing. */
const HIDDEN_ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'linear'] as const

export const HIDDEN_LAYER_FIELDS = linkedFields({
  data: choice('data', 'data', 'circle', ['circle', 'xor'] as const),
  hidden: number('h', 'hidden units H', 4, { min: 2, max: 8, step: 1 }),
  activation: choice('act', 'hidden activation', 'tanh', HIDDEN_ACTIVATIONS),
  learningRate: number('lr', 'learning rate η', 1, LIMITS.learningRate),
})
