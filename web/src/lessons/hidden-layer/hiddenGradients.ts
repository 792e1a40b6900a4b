// The hidden-layer network's gradients as the lesson's table shows them: per hidden unit its weights,
// bias and outgoing weight with ∂J/∂ of each, read from one engine forward + backward.
import type { EngineNetwork } from '../../engine/network'

/**
 * A 2-H-1 network's gradients at its current weights (what the next update uses), batch means over
 * all its rows: per hidden unit j, w¹ⱼ₁, w¹ⱼ₂, b¹ⱼ and w²ⱼ with their ∂J/∂.
 */
export interface HiddenGradients {
  rows: { w: number[]; b: number; dW: number[]; db: number; out: number; dOut: number }[]
  /** The output unit's bias b² and ∂J/∂b². */
  outBias: number
  dOutBias: number
}

/** `net`'s gradients from an engine forward + backward over all rows; null if either fails. */
export function readHiddenGradients(net: EngineNetwork): HiddenGradients | null {
  if (!net.forward().ok || !net.backward().ok) return null
  const t = net.trace()
  const [hiddenLayer, outputLayer] = t.layers
  return {
    rows: t.weights[0].map((w, j) => ({
      w,
      b: t.biases[0][j],
      dW: hiddenLayer.dW[j],
      db: hiddenLayer.db[j],
      out: t.weights[1][0][j],
      dOut: outputLayer.dW[0][j],
    })),
    outBias: t.biases[1][0],
    dOutBias: outputLayer.db[0],
  }
}
