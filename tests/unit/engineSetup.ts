// Setup of the `unit` and `components` projects: the real engine is loaded before any test, as the app
// loads it before any lesson has numbers, so the synchronous maths (math/activations.ts) can call it.
import { loadEngineNode } from './loadEngineNode'

await loadEngineNode()
