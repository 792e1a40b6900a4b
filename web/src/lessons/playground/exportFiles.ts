// Files the playground writes and reads: the network and its data as JSON (settings as the link's own
// query, so importing runs the same validation as opening a link), and SPEC.json for the command line,
// which `backprop-lab trace SPEC.json` runs to the same loss the page shows. Pure TypeScript.
import type { Params } from '../../engine/network'
import type { NetworkSpec } from '../../engine/types'
import { DOMAIN, round3, type DataPoint } from '../../math/datasets'
import { LIMITS } from '../../links/limits'
import {
  decodePlayground,
  encodePlayground,
  type PlaygroundState,
} from '../../links/playgroundLink'

const FILE_FORMAT = 'backprop-lab-playground'

interface PlaygroundFile {
  format: typeof FILE_FORMAT
  version: 1
  /** The settings, written exactly as in the link (`v=1&d=spiral&…`). */
  settings: string
  /** The learner's own points as [x1, x2, label] (empty for generated data: the seed makes them). */
  points: [number, number, number][]
  /** The current parameters, `weights[l][j][i]` and `biases[l][j]` as in the spec. */
  weights: number[][][]
  biases: number[][]
}

export function playgroundFile(state: PlaygroundState, params: Params | null): PlaygroundFile {
  return {
    format: FILE_FORMAT,
    version: 1,
    settings: encodePlayground({ ...state, points: [] }),
    points: state.config.dataset === 'custom' ? state.points.map((p) => [p.x1, p.x2, p.label]) : [],
    weights: params?.weights ?? [],
    biases: params?.biases ?? [],
  }
}

const isNumberArray = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x))

/**
 * Reads a file written by {@link playgroundFile}. Settings go through the link's parser (notices for
 * dropped parts); points must be finite and on the plane; parameters are returned as given and
 * checked against the network's shape by the engine when applied.
 */
export function readPlaygroundFile(
  text: string,
):
  | { ok: true; state: PlaygroundState; params: Params | null; notices: string[] }
  | { ok: false; message: string } {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { ok: false, message: 'The file is not JSON.' }
  }
  const f = data as Partial<PlaygroundFile> | null
  if (!f || typeof f !== 'object' || f.format !== FILE_FORMAT)
    return {
      ok: false,
      message: `The file is not a Backprop Lab playground file (format “${FILE_FORMAT}”).`,
    }
  const decoded = decodePlayground(typeof f.settings === 'string' ? f.settings : '')
  const rows = Array.isArray(f.points) ? f.points : []
  const max = LIMITS.playground.customPoints
  if (rows.length > max) return { ok: false, message: `The file has more than ${max} points.` }
  const points: DataPoint[] = []
  for (const [k, row] of rows.entries()) {
    if (
      !isNumberArray(row) ||
      row.length !== 3 ||
      Math.abs(row[0]) > DOMAIN ||
      Math.abs(row[1]) > DOMAIN
    ) {
      return {
        ok: false,
        message: `Point ${k + 1} is not [x1, x2, label] with x1 and x2 between −${DOMAIN} and ${DOMAIN}.`,
      }
    }
    points.push({ x1: round3(row[0]), x2: round3(row[1]), label: round3(row[2]) })
  }
  const w = f.weights
  const b = f.biases
  const shaped =
    Array.isArray(w) &&
    Array.isArray(b) &&
    w.length > 0 &&
    w.every((l) => Array.isArray(l) && l.every(isNumberArray)) &&
    b.every(isNumberArray)
  return {
    ok: true,
    state: { config: decoded.config, points, clicked: decoded.clicked },
    params: shaped ? { weights: w as number[][][], biases: b as number[][] } : null,
    notices: decoded.notices.map((n) => n.text),
  }
}

/** The command line's spec for the current state: the training rows and the current parameters. */
export function cliSpec(spec: NetworkSpec, params: Params): NetworkSpec {
  const { seed: _seed, init: _init, ...rest } = spec
  return { ...rest, weights: params.weights, biases: params.biases }
}
