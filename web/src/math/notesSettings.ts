// A worked example's intro and walk-through describe the notes' network in words ("every unit uses
// the sigmoid", "out_h1 = σ(net_h1)"); their numbers are filled in live, but the words are not. When
// the learner changes what the words describe, the page says so beside them instead of letting them
// go stale.
import { label } from '../engine/catalogue'
import type { NetworkSpec } from '../engine/types'

/**
 * What differs between the notes' network (the lesson's spec) and the learner's, as phrases:
 * `hidden layer 1: linear (the notes: sigmoid)`, `loss: cross-entropy (the notes: ½ SSE)`, layer sizes.
 * Empty when the text still describes the network on screen. Layers named as the settings name them; only
 * the settings lesson text speaks of (layer sizes, activations, loss), not the numbers.
 */
export function changedFromNotes(notes: NetworkSpec, now: NetworkSpec): string[] {
  if (now.layers.join() !== notes.layers.join())
    return [`layer sizes ${now.layers.join('-')} (the notes: ${notes.layers.join('-')})`]
  const last = now.activations.length - 1
  const layer = (l: number) => (l === last ? 'output layer' : `hidden layer ${l + 1}`)
  const out = now.activations.flatMap((a, l) =>
    a === notes.activations[l]
      ? []
      : [`${layer(l)}: ${label(a)} (the notes: ${label(notes.activations[l])})`],
  )
  if (now.loss !== notes.loss)
    out.push(`loss: ${label(now.loss)} (the notes: ${label(notes.loss)})`)
  return out
}
