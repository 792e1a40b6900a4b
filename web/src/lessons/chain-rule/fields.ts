// The chain-rule lesson's linked values: its sliders, with their ranges and stops (links/fields.ts).
import { linkedFields, number } from '../../links/fields'

export const CHAIN_RULE_FIELDS = linkedFields({
  weight: number('kg', 'weight', 60, { min: 20, max: 120, step: 1 }),
  slopeHeight: number('sh', 'slope d(height)/d(weight)', 2, { min: 0, max: 4, step: 0.25 }),
  slopeShoe: number('ss', 'slope d(shoe)/d(height)', 0.25, { min: 0, max: 1, step: 0.05 }),
  x: number('x', 'input x', 1, { min: -3, max: 3, step: 0.5 }),
  du: number('du', 'slope du/dx', 3, { min: -4, max: 4, step: 0.5 }),
  dv: number('dv', 'slope dv/du', 0.5, { min: -4, max: 4, step: 0.25 }),
  dy: number('dy', 'slope dy/dv', -2, { min: -4, max: 4, step: 0.5 }),
})
