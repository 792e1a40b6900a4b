// The single-neuron lesson's linked values (links/fields.ts): which of the 20 points is explained.
import { linkedFields, number } from '../../links/fields'

export const SINGLE_NEURON_FIELDS = linkedFields({
  point: number('pt', 'point to explain', 1, { min: 1, max: 20, step: 1, whole: true }),
})
