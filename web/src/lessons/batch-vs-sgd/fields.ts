// The batch-vs-SGD lesson's linked values (links/fields.ts): problem, standardising, learning rate.
import { choice, flag, linkedFields, number } from '../../links/fields'
import { LIMITS } from '../../links/limits'
import type { BatchProblemId } from './batchData'

export const BATCH_FIELDS = linkedFields({
  problem: choice<BatchProblemId>('p', 'problem', 'table', ['table', 'xor']),
  standardise: flag('std', 'standardise data', false),
  learningRate: number('lr', 'learning rate η', 1e-4, LIMITS.learningRate), // the raw table trains (BatchPanel)
})
