// The loss-compare lesson's problem worked by hand (tests only): one sigmoid unit on 12 points in the
// plane, start w = (−4, −4), b = 0.5, full-batch gradient descent with batch-mean gradients. The points
// are restated here from the lesson's text, and every number below comes from these formulas, never
// from the app (docs/spec.md: `mse` = mean (y − ŷ)², `bce` = mean −[y ln a + (1 − y) ln(1 − a)]; with a
// sigmoid output δ = 2(a − y)·a(1 − a) for mse and a − y for bce).

/** The lesson's 12 points: [x₁, x₂, class]. */
export const POINTS: [number, number, number][] = [
  [2, 1, 1],
  [1, 2, 1],
  [1.5, 1.5, 1],
  [0.5, 1, 1],
  [1, 0.2, 1],
  [2, -0.5, 1],
  [-2, -1, 0],
  [-1, -2, 0],
  [-1.5, -1.5, 0],
  [-0.5, -1, 0],
  [-1, -0.2, 0],
  [-2, 0.5, 0],
]
export const START = { w: [-4, -4], b: 0.5 }
export type Loss = 'mse' | 'bce'
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z))

/** Batch-mean ∂L/∂w₁, ∂L/∂w₂, ∂L/∂b at (w, b). */
export function gradient(loss: Loss, w: number[], b: number): [number, number, number] {
  const g: [number, number, number] = [0, 0, 0]
  for (const [x1, x2, y] of POINTS) {
    const a = sigmoid(w[0] * x1 + w[1] * x2 + b)
    const d = loss === 'mse' ? 2 * (a - y) * a * (1 - a) : a - y
    g[0] += (d * x1) / POINTS.length
    g[1] += (d * x2) / POINTS.length
    g[2] += d / POINTS.length
  }
  return g
}

/**
 * Gradient descent from START with `plan` = [[η, updates], …] in turn: the mean loss over the 12
 * points at the end, and the first update count after which every point is right (a > ½ ⇔ class 1;
 * 0 when they are right at the start, null when never within the plan).
 */
export function descend(
  loss: Loss,
  plan: [number, number][],
): { loss: number; first: number | null } {
  let w = [...START.w]
  let b = START.b
  let done = 0
  let first: number | null = null
  const outputs = () => POINTS.map(([x1, x2]) => sigmoid(w[0] * x1 + w[1] * x2 + b))
  const check = () => {
    if (first === null && outputs().every((a, k) => (a > 0.5 ? 1 : 0) === POINTS[k][2]))
      first = done
  }
  check()
  for (const [eta, n] of plan)
    for (let u = 0; u < n; u++) {
      const g = gradient(loss, w, b)
      w = [w[0] - eta * g[0], w[1] - eta * g[1]]
      b -= eta * g[2]
      done++
      check()
    }
  const total = outputs().reduce((s, a, k) => {
    const y = POINTS[k][2]
    return s + (loss === 'mse' ? (a - y) ** 2 : -(y * Math.log(a) + (1 - y) * Math.log(1 - a)))
  }, 0)
  return { loss: total / POINTS.length, first }
}
