// The playground in the URL: `#/playground?v=1&d=spiral&h=8,8&lr=0.03&…`. Wraps the shared codec's
// conventions (engine/urlState.ts: version `v`, length cap, splitHash, notices in plain text) with the
// playground's own fields. Every field has one parser that checks syntax and range; a hostile or stale
// link yields the defaults plus a notice per dropped part. Only fields that differ from the defaults
// are written, and the learner's own points (up to 500) travel as `pts=x1,x2,label;…`.
import { MAX_QUERY_LENGTH, URL_STATE_VERSION } from '../../engine/urlState'
import {
  bad,
  num,
  ok,
  parseEnum as oneOf,
  parseList,
  preview,
  readDecimal,
  type Parsed,
} from '../../engine/urlParse'
import type { LossName } from '../../engine/types'
import { DATASETS, DOMAIN, round3, type DataPoint, type DatasetName } from './datasets'
import { FEATURE_IDS, canonicalFeatures } from './features'
import {
  DEFAULT_CONFIG,
  HIDDEN_ACTIVATIONS,
  LIMITS,
  OPTIMIZERS,
  PENALTIES,
  type PlaygroundConfig,
} from './model'

/** Points beyond this are not put in links (export the data as JSON or CSV instead). */
export const MAX_LINK_POINTS = 500

export interface PlaygroundState {
  config: PlaygroundConfig
  /** The learner's own points (dataset `custom`). */
  points: DataPoint[]
}

const LOSSES: readonly LossName[] = ['bce', 'mse', 'half_sse', 'cross_entropy']

function number(text: string, min: number, max: number, whole = false): Parsed<number> {
  const read = readDecimal(text)
  if (!read.ok) return read
  const v = read.value
  if (whole && !Number.isInteger(v)) return bad(`${preview(text)} is not a whole number`)
  return Number.isFinite(v) && v >= min && v <= max
    ? ok(v)
    : bad(`${preview(text)} is not between ${min} and ${max}`)
}

const pct = (x: number): string => num(Math.round(x * 100))

interface Field {
  key: string
  label: string
  write: (c: PlaygroundConfig) => string
  read: (text: string, c: PlaygroundConfig) => Parsed<Partial<PlaygroundConfig>>
}

const FIELDS: readonly Field[] = [
  {
    key: 'd',
    label: 'dataset',
    write: (c) => c.dataset,
    read: (t) =>
      map(oneOf(t, DATASETS.map((d) => d.name) as DatasetName[]), (dataset) => ({ dataset })),
  },
  {
    key: 'noise',
    label: 'noise',
    write: (c) => pct(c.noise),
    read: (t) => map(number(t, 0, 50, true), (v) => ({ noise: v / 100 })),
  },
  {
    key: 'n',
    label: 'number of points',
    write: (c) => num(c.points),
    read: (t) => map(number(t, 10, LIMITS.points, true), (points) => ({ points })),
  },
  {
    key: 'test',
    label: 'test share',
    write: (c) => pct(c.testShare),
    read: (t) => map(number(t, 0, 90, true), (v) => ({ testShare: v / 100 })),
  },
  {
    key: 'seed',
    label: 'seed',
    write: (c) => num(c.seed),
    read: (t) => map(number(t, 0, 2 ** 31 - 1, true), (seed) => ({ seed })),
  },
  {
    key: 'f',
    label: 'features',
    write: (c) => canonicalFeatures(c.features).join(','),
    read: (t) => {
      const r = parseList(t, ',', (u) => oneOf(u, FEATURE_IDS), { max: FEATURE_IDS.length })
      if (!r.ok) return r
      return r.value.length === 0
        ? bad('at least one feature is needed')
        : ok({ features: canonicalFeatures(r.value) })
    },
  },
  {
    key: 'h',
    label: 'hidden layers',
    write: (c) => (c.hidden.length === 0 ? '0' : c.hidden.join(',')),
    read: (t) =>
      t === '0'
        ? ok({ hidden: [] })
        : map(
            parseList(t, ',', (u) => number(u, 1, LIMITS.units, true), { max: LIMITS.layers }),
            (hidden) => ({ hidden }),
          ),
  },
  {
    key: 'act',
    label: 'activation',
    write: (c) => c.activation,
    read: (t) => map(oneOf(t, HIDDEN_ACTIVATIONS), (activation) => ({ activation })),
  },
  {
    key: 'loss',
    label: 'loss',
    write: (c) => c.loss,
    read: (t) => map(oneOf(t, LOSSES), (loss) => ({ loss })),
  },
  {
    key: 'opt',
    label: 'optimizer',
    write: (c) => c.optimizer,
    read: (t) => map(oneOf(t, OPTIMIZERS), (optimizer) => ({ optimizer })),
  },
  {
    key: 'lr',
    label: 'learning rate',
    write: (c) => num(c.learningRate),
    read: (t) => map(number(t, 1e-6, 10), (learningRate) => ({ learningRate })),
  },
  {
    key: 'bs',
    label: 'batch size',
    write: (c) => num(c.batchSize),
    read: (t) => map(number(t, 0, LIMITS.customPoints, true), (batchSize) => ({ batchSize })),
  },
  {
    key: 'reg',
    label: 'regularisation',
    write: (c) => c.regularization,
    read: (t) => map(oneOf(t, PENALTIES), (regularization) => ({ regularization })),
  },
  {
    key: 'rr',
    label: 'regularisation rate',
    write: (c) => num(c.regularizationRate),
    read: (t) => map(number(t, 0, 10), (regularizationRate) => ({ regularizationRate })),
  },
]
const KNOWN = new Set(['v', 'pts', ...FIELDS.map((f) => f.key)])

function map<T, U>(r: Parsed<T>, f: (v: T) => U): Parsed<U> {
  return r.ok ? ok(f(r.value)) : r
}

function readPoints(text: string): Parsed<DataPoint[]> {
  const rows = text === '' ? [] : text.split(';')
  if (rows.length > MAX_LINK_POINTS) return bad(`more than ${MAX_LINK_POINTS} points`)
  const out: DataPoint[] = []
  for (const row of rows) {
    const cells = row.split(',')
    if (cells.length !== 3) return bad(`“${preview(row)}” is not x1,x2,label`)
    const [a, b, c] = [
      number(cells[0], -DOMAIN, DOMAIN),
      number(cells[1], -DOMAIN, DOMAIN),
      number(cells[2], -1e3, 1e3),
    ]
    for (const r of [a, b, c]) if (!r.ok) return r
    if (a.ok && b.ok && c.ok)
      out.push({ x1: round3(a.value), x2: round3(b.value), label: round3(c.value) })
  }
  return ok(out)
}

/** Reads the query (after `?` in the hash); never throws. Unknown, repeated or bad parts become notices. */
export function decodePlayground(query: string): PlaygroundState & { notices: string[] } {
  const config: PlaygroundConfig = {
    ...DEFAULT_CONFIG,
    features: [...DEFAULT_CONFIG.features],
    hidden: [...DEFAULT_CONFIG.hidden],
  }
  const notices: string[] = []
  if (query.length > MAX_QUERY_LENGTH)
    return {
      config,
      points: [],
      notices: [
        'The link’s settings are too long to be read; the playground starts with its own values.',
      ],
    }
  const values = new Map<string, string>()
  for (const part of query.replace(/^\?/, '').split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    let key: string
    let value: string
    try {
      key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq))
      value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1))
    } catch {
      notices.push('A garbled part of the link was ignored.')
      continue
    }
    if (key === 'exseed') continue // the exercises' numbers, read by exercises/seed.ts
    if (!KNOWN.has(key)) notices.push(`Unknown setting “${preview(key)}” was ignored.`)
    else if (values.has(key))
      notices.push(`The setting “${key}” appeared twice; the first one was used.`)
    else values.set(key, value)
  }
  const v = values.get('v')
  if (v !== undefined && v !== String(URL_STATE_VERSION))
    notices.push(
      `The link was made by another version of Backprop Lab (“${preview(v)}”); settings that still fit were applied.`,
    )
  for (const f of FIELDS) {
    const text = values.get(f.key)
    if (text === undefined) continue
    const r = f.read(text, config)
    if (r.ok) Object.assign(config, r.value)
    else notices.push(`Ignored the link’s ${f.label}: ${r.reason}.`)
  }
  let points: DataPoint[] = []
  const pts = values.get('pts')
  if (pts !== undefined) {
    const r = readPoints(pts)
    if (r.ok) points = r.value
    else notices.push(`Ignored the link’s points: ${r.reason}.`)
  }
  return { config, points, notices }
}

/** The query for a state: `v=1` and the fields that differ from the defaults; '' when none do. */
export function encodePlayground(state: PlaygroundState): string {
  const parts: string[] = []
  for (const f of FIELDS) {
    const text = f.write(state.config)
    if (text !== f.write(DEFAULT_CONFIG))
      parts.push(`${f.key}=${encodeURIComponent(text).replace(/%2C/g, ',')}`)
  }
  if (
    state.config.dataset === 'custom' &&
    state.points.length > 0 &&
    state.points.length <= MAX_LINK_POINTS
  ) {
    parts.push(
      `pts=${state.points.map((p) => `${num(p.x1)},${num(p.x2)},${num(p.label)}`).join(';')}`,
    )
  }
  return parts.length === 0 ? '' : [`v=${URL_STATE_VERSION}`, ...parts].join('&')
}
