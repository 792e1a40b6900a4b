// Whether a disclosure panel (<details>) is open, in the link: `notationopen=1`. A screen names each of
// its panels, so a panel opened before Share link is open in the link's page too (#11); a closed one,
// the way every panel starts, writes nothing.
import { reactive, toRef } from 'vue'
import { flag, linkedFields, type FlagDecl, type LinkedFields } from './fields'
import { useLinkedFields } from './useLink'

const declared = new Map<string, LinkedFields<{ open: FlagDecl }>>()

/** The one field of panel `key`: `<key>=1` open, closed (its own) not written. */
export function openFields(key: string, label: string): LinkedFields<{ open: FlagDecl }> {
  let fields = declared.get(key)
  if (!fields) {
    fields = linkedFields({ open: flag(key, label, false) })
    declared.set(key, fields)
  }
  return fields
}

/**
 * A panel's open state, read from the lesson's link under `key` (`label`: what notices call it) and
 * written back on every change (outside a lesson: a plain value), and the toggle handler that keeps it:
 * bind both as `<details v-bind="panel">`, read `panel.open`.
 */
export function useLinkedOpen(key: string, label: string) {
  const fields = useLinkedFields(openFields(key, label))
  const onToggle = (e: Event): void => void (fields.open = (e.target as HTMLDetailsElement).open)
  return reactive({ open: toRef(fields, 'open'), onToggle })
}
