// The playground's "oscillating" note, measured from its loss history with the learning-rate lesson's
// rule (math/sweepVerdict.ts windowStats): the training data loss rose by more than 5 % from one point
// of the curve to the next at least 3 times in its last quarter (at least 10 points). A run that
// diverged is not oscillating: its own note says so.
import { windowStats } from '../../math/sweepVerdict'
import type { LossCurve } from '../../composables/useLessonStore'

/** Rises that make a curve oscillating, and the smallest share of a point that counts as one. */
const OSCILLATION = { rises: 3, share: 0.05, points: 10 } as const

/**
 * The rises (by more than {@link OSCILLATION}.share) in the last `size` finite points of `curve`, when
 * there are at least {@link OSCILLATION}.rises of them; null otherwise, when fewer than
 * {@link OSCILLATION}.points are finite, or when the run `diverged`.
 */
export function oscillation(
  curve: LossCurve,
  diverged: boolean,
): { rises: number; size: number } | null {
  const losses = curve.y.filter((v): v is number => v !== null && Number.isFinite(v))
  if (diverged || losses.length < OSCILLATION.points) return null
  const s = windowStats(losses, 0.25, OSCILLATION.share)
  return s.rises >= OSCILLATION.rises ? { rises: s.rises, size: s.size } : null
}
