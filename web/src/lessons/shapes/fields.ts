// The shapes lesson's linked values (links/fields.ts): which network, which layout.
import { choice, linkedFields } from '../../links/fields'

export const SHAPES_FIELDS = linkedFields({
  choice: choice('net', 'network', '241', ['222', '231', '241'] as const),
  layout: choice('layout', 'layout', 'columns', ['columns', 'rows'] as const),
})
