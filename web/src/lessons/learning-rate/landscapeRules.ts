// The optimizers' update rules as LaTeX, filled in with the numbers of a path's latest update. Every
// number is read off the points the engine produced (landscape.ts); nothing is recomputed here but
// what the rule itself says (momentum's v from the step taken, Adam's m̂/(√v̂ + ε) from the step over η).
import type { OptimizerName } from '../../engine/catalogue'
import { formatNumber } from '../../math/format'
import type { PathPoint } from './landscape'

const f = (v: number) => formatNumber(v, 5, { style: 'latex' })
const p = (v: number) => (v < 0 ? `(${f(v)})` : f(v))

/** `a = b = c` as an aligned column (a = b, then = c below), so a rule fits a phone's width. */
function stack(line: string): string {
  const [first, ...rest] = line.split(' = ')
  if (rest.length < 2) return line
  return `\\begin{aligned}${first} &= ${rest.join(' \\\\ &= ')}\\end{aligned}`
}

/**
 * The lines of `kind`'s rule at the last update of `pts` (a path from its start, so at least two
 * points; none before the first update). `mu` is momentum's μ, used only by 'momentum'.
 */
export function ruleLines(kind: OptimizerName, pts: readonly PathPoint[], mu: number): string[] {
  if (pts.length < 2) return []
  const cur = pts[pts.length - 1]
  const prev = pts[pts.length - 2]
  const t = cur.update
  const eta = cur.eta
  let lines: string[]
  if (kind === 'sgd') {
    lines = [
      `w_{${t}} = w_{${t - 1}} - \\eta\\,g_{${t - 1}} = ${f(prev.w)} - ${f(eta)} \\times ${p(prev.gw)} = ${f(cur.w)}`,
    ]
  } else if (kind === 'momentum') {
    // The engine's velocity is its step over η: v_t = (w_{t−1} − w_t)/η.
    const v = (prev.w - cur.w) / eta
    const before = pts.length >= 3 ? (pts[pts.length - 3].w - prev.w) / prev.eta : 0
    lines = [
      `v_{${t}} = \\mu v_{${t - 1}} + g_{${t - 1}} = ${f(mu)} \\times ${p(before)} + ${p(prev.gw)} = ${f(v)}`,
      `w_{${t}} = w_{${t - 1}} - \\eta v_{${t}} = ${f(prev.w)} - ${f(eta)} \\times ${p(v)} = ${f(cur.w)}`,
    ]
  } else {
    const step = cur.w - prev.w
    lines = [
      `w_{${t}} - w_{${t - 1}} = -\\eta\\,\\frac{\\hat m_{${t}}}{\\sqrt{\\hat v_{${t}}}+\\epsilon} = ${f(step)}`,
      `g_{${t - 1}} = ${f(prev.gw)}`,
      `\\frac{\\hat m_{${t}}}{\\sqrt{\\hat v_{${t}}}+\\epsilon} = ${f(-step / eta)}`,
    ]
  }
  return lines.map(stack)
}
