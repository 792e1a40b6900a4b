// What the page advises when a run diverged, and the status once every run of a race diverged (#11):
// one source for every screen that trains several runs side by side.
import type { OptimizerKind } from './useOptimizerRace'

/** A diverged copy's step to take (`fix`, e.g. "Lower η") and, when it is not the usual one, why. */
export interface Cure {
  why: string
  fix: string
}

/** The usual cure: a step that overshot needs a smaller η. */
const LOWER_ETA: Cure = { why: '', fix: 'Lower η' }

/**
 * What to do after a copy of the live run diverged, true for its optimizer: Adam with β₂ = 0 divides
 * each step by the last gradient alone (v̂ = g²), so a small gradient after large ones makes a large
 * step at any η, and a lower η need not help (on the lesson's regression it diverged at η = 0.05 and
 * at 0.2, and with β₂ = 0.999 at none up to 2); raising β₂ does. The one source of the per-copy
 * advice (divergedAdvice) and of the status when every copy diverged (allDivergedAdvice), #11.
 */
export function divergedCure(kind: OptimizerKind, beta2: number): Cure {
  if (kind === 'adam' && beta2 === 0)
    return {
      why: 'With β₂ = 0, Adam divides each step by the last gradient alone (v̂ = g²), so a small gradient after larger ones makes a large step, and a lower η may not help. ',
      fix: "Raise β₂ (PyTorch's default is 0.999)",
    }
  return LOWER_ETA
}

/** What the page says under a diverged copy. */
export const divergedAdvice = (c: Cure): string =>
  `It has stopped: a new η does not restart it. ${c.why}${c.fix} and press Reset.`

/**
 * The status once every copy diverged, from their cures: "Every run diverged. Lower η and press
 * Reset." or, when they need different steps, each with its copies ("SGD and Momentum: lower η; Adam:
 * raise β₂ …"). A run without a cure (every race but the optimizers') needs a lower η.
 */
export function allDivergedAdvice(
  runners: readonly { name: string; cure?: Cure | null }[],
): string {
  const fixOf = (r: (typeof runners)[number]) => (r.cure ?? LOWER_ETA).fix
  const fixes = [...new Set(runners.map(fixOf))]
  if (fixes.length === 1) return `Every run diverged. ${fixes[0]} and press Reset.`
  const each = fixes.map((f) => {
    const names = runners.filter((r) => fixOf(r) === f).map((r) => r.name.replace(/ \(.*\)$/, ''))
    return `${names.join(' and ')}: ${f.charAt(0).toLowerCase()}${f.slice(1)}`
  })
  return `Every run diverged. ${each.join('; ')}. Then press Reset.`
}
