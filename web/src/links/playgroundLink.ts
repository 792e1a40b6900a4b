// The playground's linked state (`#/playground?v=1&d=spiral&h=8,8&lr=0.03&…`): its settings and the
// learner's own points (up to LIMITS.playground.linkPoints, as `pts=x1,x2,label;…`). Read through
// links/codec.ts with the playground's limits (links/limits.ts), which its controls use too.
import { DATASETS, DOMAIN, round3, type DataPoint, type DatasetName } from '../math/datasets'
import { FEATURE_IDS, canonicalFeatures } from '../lessons/playground/features'
import {
  DEFAULT_CONFIG,
  HIDDEN_ACTIVATIONS,
  OPTIMIZERS,
  PENALTIES,
  lossesFor,
  problemOf,
  type PlaygroundConfig,
} from '../lessons/playground/model'
import {
  bad,
  decodeLink,
  encodeLink,
  kinds,
  map,
  num,
  ok,
  preview,
  readEnum,
  readList,
  readNumber,
  type Field,
  type LinkNotice,
  type Parsed,
  type Schema,
} from './codec'
import { LIMITS } from './limits'

export interface PlaygroundState {
  config: PlaygroundConfig
  /** The learner's own points (dataset `custom`). */
  points: DataPoint[]
  /**
   * How many of the last own points were clicked onto the plane: always training points, never held
   * out for testing (0 or absent: every own point takes part in the train/test split).
   */
  clicked?: number
}

const P = LIMITS.playground

/** A setting of the config. */
function setting<K extends keyof PlaygroundConfig>(
  name: K,
  f: {
    key: string
    label: string
    /** Reads the text against the state built so far (earlier fields first). */
    read: (t: string, s: PlaygroundState) => Parsed<PlaygroundConfig[K]>
    write: (v: PlaygroundConfig[K]) => string
  },
): Field<PlaygroundState, unknown> {
  return {
    ...f,
    get: (s) => s.config[name],
    set: (s, v) => ({ ...s, config: { ...s.config, [name]: v } }),
  } as Field<PlaygroundState, unknown>
}

/** A share of 1 written as a whole percent. */
const percent = (key: string, label: string, r = P.noise) => ({
  key,
  label,
  read: (t: string) => map(readNumber(t, r), (v) => v / 100),
  write: (x: number) => num(Math.round(x * 100)),
})

function readPoints(text: string): Parsed<DataPoint[]> {
  const plane = { min: -DOMAIN, max: DOMAIN }
  return readList(
    text,
    ';',
    (row) => {
      const cells = row.split(',')
      if (cells.length !== 3) return bad(`“${preview(row)}” is not x1,x2,label`)
      const [a, b, c] = [
        readNumber(cells[0], plane),
        readNumber(cells[1], plane),
        readNumber(cells[2], { min: -1e3, max: 1e3 }),
      ]
      if (!a.ok) return a
      if (!b.ok) return b
      if (!c.ok) return c
      return ok({ x1: round3(a.value), x2: round3(b.value), label: round3(c.value) })
    },
    { max: P.linkPoints },
  )
}

/**
 * The loss: one the loss menu offers for the problem (lossesFor: the data set and, for the learner's own
 * points, their labels), so a link's loss the menu would not offer is refused with the menu's choices.
 * A loss kept from other data that does not fit is not written: the playground then uses the menu's
 * first choice (fittingLoss), as the link read without it does; so the app never writes one it refuses.
 */
const LOSS_FIELD: Field<PlaygroundState, unknown> = {
  ...setting('loss', {
    key: 'loss',
    label: 'loss',
    read: (t, s) => readEnum(t, lossesFor(problemOf(s.config.dataset, s.points).kind)),
    write: String,
  }),
  get: (s) =>
    lossesFor(problemOf(s.config.dataset, s.points).kind).includes(s.config.loss)
      ? s.config.loss
      : undefined,
}

export const PLAYGROUND_SCHEMA: Schema<PlaygroundState> = [
  setting('dataset', kinds.oneOf('d', 'dataset', DATASETS.map((d) => d.name) as DatasetName[])),
  setting('noise', percent('noise', 'noise')),
  setting('points', kinds.number('n', 'number of points', P.points)),
  setting('testShare', percent('test', 'test share', P.testShare)),
  setting('seed', kinds.number('seed', 'seed', LIMITS.seed)),
  setting('features', {
    key: 'f',
    label: 'features',
    read: (t) => {
      const r = readList(t, ',', (u) => readEnum(u, FEATURE_IDS), {
        min: 1,
        max: FEATURE_IDS.length,
      })
      return map(r, canonicalFeatures)
    },
    write: (f) => canonicalFeatures(f).join(','),
  }),
  setting('hidden', {
    key: 'h',
    label: 'hidden layers',
    read: (t) =>
      t === '0' ? ok([]) : readList(t, ',', (u) => readNumber(u, P.units), { max: P.hiddenLayers }),
    write: (h) => (h.length === 0 ? '0' : h.join(',')),
  }),
  setting('activation', kinds.oneOf('act', 'activation', HIDDEN_ACTIVATIONS)),
  LOSS_FIELD,
  setting('optimizer', kinds.oneOf('opt', 'optimizer', OPTIMIZERS)),
  setting('learningRate', kinds.number('lr', 'learning rate η', P.learningRate)),
  setting(
    'batchSize',
    kinds.number('bs', 'batch size', { min: 0, max: P.customPoints, whole: true }),
  ),
  setting('regularization', kinds.oneOf('reg', 'regularisation', PENALTIES)),
  setting('regularizationRate', kinds.number('rr', 'regularisation rate', P.regularizationRate)),
  {
    key: 'pts',
    label: 'points',
    // Only the learner's own points travel, and only when there are few enough.
    get: (s) =>
      s.config.dataset === 'custom' && s.points.length <= P.linkPoints ? s.points : undefined,
    set: (s, v) => ({ ...s, points: v as DataPoint[] }),
    read: readPoints,
    write: (v) =>
      (v as DataPoint[]).map((p) => `${num(p.x1)},${num(p.x2)},${num(p.label)}`).join(';'),
  },
  {
    key: 'clk',
    label: 'clicked points',
    // With the points they belong to (a file carries its points beside the settings).
    get: (s) =>
      s.config.dataset === 'custom' && (s.clicked ?? 0) > 0 && s.points.length <= P.linkPoints
        ? s.clicked
        : undefined,
    set: (s, v) => ({ ...s, clicked: v as number }),
    read: (t) => readNumber(t, { min: 0, max: P.customPoints, whole: true }),
    write: (v) => num(v as number),
  },
]

/** The playground's own state: the default settings, no points of the learner's. */
const playgroundDefaults = (): PlaygroundState => ({
  config: {
    ...DEFAULT_CONFIG,
    features: [...DEFAULT_CONFIG.features],
    hidden: [...DEFAULT_CONFIG.hidden],
  },
  points: [],
})

/** The schema in reading order: the loss after the data and points its menu depends on. */
const READING_ORDER: Schema<PlaygroundState> = [
  ...PLAYGROUND_SCHEMA.filter((f) => f !== LOSS_FIELD),
  LOSS_FIELD,
]

/** Reads the query (after `?` in the hash); never throws. Dropped parts become notices. */
export function decodePlayground(query: string): PlaygroundState & { notices: LinkNotice[] } {
  const { state, notices } = decodeLink(READING_ORDER, query, playgroundDefaults())
  return { ...state, notices }
}

/** The query for a state: `v=1` and the fields that differ from the defaults; '' when none do. */
export const encodePlayground = (state: PlaygroundState): string =>
  encodeLink(PLAYGROUND_SCHEMA, state, playgroundDefaults())
