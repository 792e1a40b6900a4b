// Fields that hold a value they refused ("abc", or an η out of range): the screen still uses the field's
// last good value, so training waits until the field is fixed, and the training bar says why and points
// to the field (#11; guide: "the last good state is kept"). Each screen that trains (useTrainingLoop)
// gives the fields below it one list; a NumberField joins the nearest one.
import {
  computed,
  getCurrentInstance,
  inject,
  onScopeDispose,
  provide,
  shallowRef,
  type ComputedRef,
  type InjectionKey,
  type ShallowRef,
} from 'vue'

/** A field holding text it refused. */
export interface HeldField {
  /** What the lesson calls the value: η, w₅, x₁ #2. */
  name: string
  /** What is wrong with the text, the parser's phrase (`parseNumber().problem`) or "150 is out of range". */
  problem: string
  /** The value in force, as the field shows it (the last good one). */
  kept: string
  /** Moves the keyboard focus to the field. */
  focus: () => void
}

/**
 * A field's refusal of a number it parsed, in both places it is said: `message`, the sentence at the
 * field ("The largest η of the sweep must be above the smallest η of the sweep (1)."), and `problem`,
 * the phrase the training bar puts after the field's name ("0.01 must be above the smallest η of the
 * sweep (1)"), so the bar states the rule too, not only "0.01 is out of range".
 */
export interface FieldRefusal {
  message: string
  problem: string
}

type Held = ShallowRef<ReadonlyMap<symbol, HeldField>>
const HeldKey: InjectionKey<Held> = Symbol('held-fields')
/** One list per component, however many loops it has. */
const lists = new WeakMap<object, Held>()

/**
 * Gives the fields below the calling component one list of held fields (call in setup; several calls
 * in one component share it) and returns the first held field, or null.
 */
export function provideHeldFields(): ComputedRef<HeldField | null> {
  const instance = getCurrentInstance()
  let list = instance ? lists.get(instance) : undefined
  if (!list) {
    list = shallowRef(new Map())
    if (instance) {
      lists.set(instance, list)
      provide(HeldKey, list)
    }
  }
  const held = list
  return computed(() => held.value.values().next().value ?? null)
}

/**
 * For a field: call with the field while it holds refused text, with null once it is fixed. Leaves the
 * list when the field goes. Outside a training screen it does nothing.
 */
export function useHeldField(): (field: HeldField | null) => void {
  const list = inject(HeldKey, null)
  const id = Symbol('field')
  function hold(field: HeldField | null): void {
    if (!list || (!field && !list.value.has(id))) return
    const next = new Map(list.value)
    if (field) next.set(id, field)
    else next.delete(id)
    list.value = next
  }
  onScopeDispose(() => hold(null))
  return hold
}

/**
 * The one sentence every training bar shows while a field holds refused text:
 * "η: “abc” is not a number — fix it to train (η stays 0.5 until then)." or
 * "η: 150 is out of range — fix it to train (η stays 0.5 until then)."
 */
export function heldMessage(f: HeldField): string {
  return `${f.name}: ${f.problem} — fix it to train (${f.name} stays ${f.kept} until then).`
}
