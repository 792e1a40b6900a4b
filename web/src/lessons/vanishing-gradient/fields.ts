// The vanishing-gradient lesson's linked values (links/fields.ts): the depth.
import { linkedFields, number } from '../../links/fields'

export const VANISHING_GRADIENT_FIELDS = linkedFields({
  depth: number('depth', 'layers (depth)', 5, { min: 1, max: 10, step: 1, whole: true }),
})
