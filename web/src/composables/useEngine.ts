// Loads the WebAssembly engine once per page (loadEngine caches it) and says when it is ready or why not.
import { markRaw, ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { loadEngine } from '../engine/loadEngine'
import type { NnModule } from '../engine/nn'

interface EngineState {
  /** The module once loaded (markRaw: a foreign object Vue must not proxy). */
  module: ShallowRef<NnModule | null>
  /** A message for learners when loading failed. */
  error: Ref<string | null>
  /** Tries again after a failure. */
  retry: () => void
}

export function useEngine(): EngineState {
  const module = shallowRef<NnModule | null>(null)
  const error = ref<string | null>(null)
  const load = (): void => {
    error.value = null
    loadEngine().then(
      (m) => (module.value = markRaw(m)),
      (e: unknown) => (error.value = e instanceof Error ? e.message : String(e)),
    )
  }
  load()
  return { module, error, retry: load }
}
