// The XOR lab's linked values (links/fields.ts): the run the inspector shows (seed), how it trains (η,
// updates, hidden activation, initialisation, width, loss) and the update on screen, so a link opens the
// same run at the same update. The own values are the notes' (ReLU, He, η = 0.5, 2,000 updates, BCE).
import { HIDDEN_ACTIVATION_NAMES } from '../../engine/catalogue'
import { choice, linkedFields, number } from '../../links/fields'
import { LIMITS } from '../../links/limits'
import { XOR_LEARNING_RATE, XOR_STEPS } from './xorExperiment'

/** Most updates one inspected run keeps (every update's weights stay in memory for the scrubber). */
const XOR_MAX_UPDATES = 10_000

export const XOR_FIELDS = linkedFields({
  /** Seed 3: a unit alive at the start that dies during training (the 14 of 48). */
  seed: number('seed', 'run (seed)', 3, { min: 1, max: 100, step: 1 }),
  learningRate: number('lr', 'learning rate η', XOR_LEARNING_RATE, LIMITS.learningRate),
  updates: number('n', 'updates', XOR_STEPS, { min: 100, max: XOR_MAX_UPDATES, step: 100 }),
  activation: choice('act', 'hidden activation', 'relu', HIDDEN_ACTIVATION_NAMES),
  init: choice('init', 'initialisation', 'he', ['he', 'xavier'] as const),
  hidden: number('h', 'hidden units', 2, { min: 1, max: 8, step: 1 }),
  loss: choice('loss', 'loss', 'bce', ['bce', 'mse'] as const),
  // At most the run's updates: the scrubber goes no further, nor does the link.
  at: number(
    'at',
    'update shown',
    XOR_STEPS,
    { min: 0, max: XOR_MAX_UPDATES, step: 1 },
    { is: '<=', than: 'updates' },
  ),
})
