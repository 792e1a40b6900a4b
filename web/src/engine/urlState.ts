// The lesson state in the URL: `#/<lesson-id>?v=1&lr=0.3&w=0.15,0.2,…`. Pure TypeScript, no Vue, no DOM.
// Only the spec fields that differ from the lesson's own spec are written. Reading is schema-driven:
// every field has one parser that checks syntax, range and shape, so a malformed, hostile or outdated
// link can only ever yield a valid-looking spec plus notices; nothing from the URL is evaluated or
// turned into markup, and unknown names are dropped (never `spec[name] = +value`).
import type { ActivationName, LossName, NetworkSpec, OptimizerSpec } from './types'
import { bad, num, ok, parseEnum, parseList, preview, readDecimal, type Parsed } from './urlParse'

/** Written as `v=1`; bump when a field's meaning changes and keep reading the old one. */
export const URL_STATE_VERSION = 1
/** Longer queries are not read at all (a link that long was not made by the app). */
export const MAX_QUERY_LENGTH = 16_384
/** Shape limits of a network read from a link (the lessons stay far below them). */
export const LIMITS = { layers: 8, units: 64, rows: 512, magnitude: 1e6, learningRate: 100 }

/** Result of {@link decodeState}: the spec to use, what was applied, and what was dropped and why. */
export interface DecodedState {
  spec: NetworkSpec
  /** Keys of the fields taken from the link, in schema order. */
  applied: string[]
  /** One sentence per dropped part, for a visible notice (plain text; render it as text). */
  notices: string[]
}

/** One URL field: how it reads from and writes to a spec, and how its text is parsed. */
interface Field<T> {
  key: string
  /** What learners call it, for notices. */
  label: string
  get: (spec: NetworkSpec) => T | undefined
  /** Parses the text against the spec built so far (shape fields come first). */
  parse: (text: string, spec: NetworkSpec) => Parsed<T>
  format: (value: T) => string
  set: (spec: NetworkSpec, value: T) => NetworkSpec
}
const field = <T>(f: Field<T>): Field<unknown> => f as Field<unknown>

const ACTIVATIONS: readonly ActivationName[] = [
  'linear',
  'sigmoid',
  'tanh',
  'relu',
  'leaky_relu',
  'softmax',
]
const LOSSES: readonly LossName[] = ['half_sse', 'mse', 'bce', 'cross_entropy']
const INITS = ['xavier', 'he'] as const
const INTEGER = /^\d{1,10}$/

/** A finite decimal within ±`max`; never `Number()` on unchecked text. */
function parseNumber(text: string, max = LIMITS.magnitude): Parsed<number> {
  const read = readDecimal(text)
  if (!read.ok) return read
  const value = read.value
  if (!Number.isFinite(value) || Math.abs(value) > max)
    return bad(`${preview(text)} is out of range`)
  return ok(value)
}

function parseInteger(text: string, min: number, max: number): Parsed<number> {
  if (!INTEGER.test(text)) return bad(`“${preview(text)}” is not a whole number`)
  const value = Number(text)
  return value < min || value > max ? bad(`${value} is not between ${min} and ${max}`) : ok(value)
}

const nums = (xs: readonly number[]): string => xs.map(num).join(',')
/** Rows of a batch: `;` between samples, `,` between values. */
const matrix = (rows: readonly (readonly number[])[]): string => rows.map(nums).join(';')

function parseRows(text: string, width: number): Parsed<number[][]> {
  const rows = text.split(';')
  if (rows.length > LIMITS.rows) return bad(`more than ${LIMITS.rows} samples`)
  return parseList(text, ';', (row) => parseList(row, ',', (t) => parseNumber(t), { count: width }))
}

const weightShapes = (layers: readonly number[]): [number, number][] =>
  layers.slice(1).map((n, l) => [n, layers[l]])
const flatWeights = (w: number[][][]): number[] => w.flat(2)
function unflatWeights(flat: readonly number[], layers: readonly number[]): number[][][] {
  let k = 0
  return weightShapes(layers).map(([nout, nin]) =>
    Array.from({ length: nout }, () => Array.from({ length: nin }, () => flat[k++])),
  )
}
function unflatBiases(flat: readonly number[], layers: readonly number[]): number[][] {
  let k = 0
  return layers.slice(1).map((n) => Array.from({ length: n }, () => flat[k++]))
}

function formatOptimizer(o: OptimizerSpec): string {
  if (o.name === 'momentum')
    return o.momentum === undefined ? 'momentum' : `momentum:${num(o.momentum)}`
  if (o.name === 'adam') {
    const ps = [o.beta1, o.beta2, o.epsilon]
    return ps.every((p) => p === undefined)
      ? 'adam'
      : `adam:${ps.map((p) => (p === undefined ? '' : num(p))).join(':')}`
  }
  return 'sgd'
}

function parseOptimizer(text: string): Parsed<OptimizerSpec> {
  const [name, ...args] = text.split(':')
  const opt = (t: string | undefined, max: number): Parsed<number | undefined> =>
    t === undefined || t === '' ? ok(undefined) : parseNumber(t, max)
  if (name === 'sgd' && args.length === 0) return ok({ name: 'sgd' })
  if (name === 'momentum' && args.length <= 1) {
    const m = opt(args[0], 1)
    return m.ok
      ? ok(m.value === undefined ? { name: 'momentum' } : { name: 'momentum', momentum: m.value })
      : m
  }
  if (name === 'adam' && args.length <= 3) {
    const [b1, b2, eps] = [opt(args[0], 1), opt(args[1], 1), opt(args[2], 1)]
    for (const r of [b1, b2, eps]) if (!r.ok) return r
    const o: OptimizerSpec = { name: 'adam' }
    if (b1.ok && b1.value !== undefined) o.beta1 = b1.value
    if (b2.ok && b2.value !== undefined) o.beta2 = b2.value
    if (eps.ok && eps.value !== undefined) o.epsilon = eps.value
    return ok(o)
  }
  return bad(`“${preview(text)}” is not sgd, momentum[:μ] or adam[:β1:β2:ε]`)
}

/** Copy of `spec` without explicit parameters (they no longer fit a changed shape). */
function withoutParams(spec: NetworkSpec): NetworkSpec {
  const { weights: _w, biases: _b, ...rest } = spec
  return rest
}

/**
 * The schema, in reading order: shape first (`n`), then what depends on it. Keys are short because
 * links get pasted into chats; labels are what notices say.
 */
const FIELDS: readonly Field<unknown>[] = [
  field<number[]>({
    key: 'n',
    label: 'layer sizes',
    get: (s) => s.layers,
    parse: (t) => {
      const r = parseList(t, ',', (u) => parseInteger(u, 1, LIMITS.units))
      if (!r.ok) return r
      return r.value.length < 2 || r.value.length > LIMITS.layers
        ? bad(`needs 2 to ${LIMITS.layers} layers`)
        : r
    },
    format: nums,
    set: (s, layers) => {
      if (layers.length === s.layers.length && layers.every((n, k) => n === s.layers[k])) return s
      // A new shape: the old parameters, activations and data no longer fit; keep what still does.
      const L = layers.length - 1
      const activations = Array.from(
        { length: L },
        (_, l) => s.activations[Math.min(l, s.activations.length - 1)] ?? 'sigmoid',
      )
      const fit = (rows: number[][], width: number) =>
        rows.map((r) => Array.from({ length: width }, (_, k) => r[k] ?? 0))
      return {
        ...withoutParams(s),
        layers,
        activations,
        inputs: fit(s.inputs, layers[0]),
        targets: fit(s.targets, layers[L]),
      }
    },
  }),
  field<ActivationName[]>({
    key: 'act',
    label: 'activations',
    get: (s) => s.activations,
    parse: (t, s) =>
      parseList(t, ',', (u) => parseEnum(u, ACTIVATIONS), { count: s.layers.length - 1 }),
    format: (a) => a.join(','),
    set: (s, activations) => ({ ...s, activations }),
  }),
  field<LossName>({
    key: 'loss',
    label: 'loss',
    get: (s) => s.loss,
    parse: (t) => parseEnum(t, LOSSES),
    format: String,
    set: (s, loss) => ({ ...s, loss }),
  }),
  field<number>({
    key: 'lr',
    label: 'learning rate',
    get: (s) => s.learningRate,
    parse: (t) => {
      const r = parseNumber(t, LIMITS.learningRate)
      return r.ok && r.value <= 0 ? bad('must be above 0') : r
    },
    format: num,
    set: (s, learningRate) => ({ ...s, learningRate }),
  }),
  field<OptimizerSpec>({
    key: 'opt',
    label: 'optimizer',
    get: (s) => s.optimizer,
    parse: parseOptimizer,
    format: formatOptimizer,
    set: (s, optimizer) => ({ ...s, optimizer }),
  }),
  field<boolean>({
    key: 'tb',
    label: 'train biases',
    get: (s) => s.trainBiases,
    parse: (t) => (t === '1' ? ok(true) : t === '0' ? ok(false) : bad('expected 0 or 1')),
    format: (b) => (b ? '1' : '0'),
    set: (s, trainBiases) => ({ ...s, trainBiases }),
  }),
  field<number>({
    key: 'seed',
    label: 'random seed',
    get: (s) => s.seed,
    parse: (t) => parseInteger(t, 0, 2 ** 31 - 1),
    format: num,
    set: (s, seed) => ({ ...s, seed }),
  }),
  field<'xavier' | 'he'>({
    key: 'init',
    label: 'initialisation',
    get: (s) => s.init,
    parse: (t) => parseEnum(t, INITS),
    format: String,
    set: (s, init) => ({ ...s, init }),
  }),
  field<number[][][]>({
    key: 'w',
    label: 'weights',
    get: (s) => s.weights,
    parse: (t, s) => {
      const count = weightShapes(s.layers).reduce((acc, [o, i]) => acc + o * i, 0)
      const r = parseList(t, ',', (u) => parseNumber(u), { count })
      return r.ok ? ok(unflatWeights(r.value, s.layers)) : r
    },
    format: (w) => nums(flatWeights(w)),
    set: (s, weights) => ({ ...s, weights }),
  }),
  field<number[][]>({
    key: 'b',
    label: 'biases',
    get: (s) => s.biases,
    parse: (t, s) => {
      const count = s.layers.slice(1).reduce((a, n) => a + n, 0)
      const r = parseList(t, ',', (u) => parseNumber(u), { count })
      return r.ok ? ok(unflatBiases(r.value, s.layers)) : r
    },
    format: (b) => nums(b.flat()),
    set: (s, biases) => ({ ...s, biases }),
  }),
  field<number[][]>({
    key: 'x',
    label: 'inputs',
    get: (s) => s.inputs,
    parse: (t, s) => parseRows(t, s.layers[0]),
    format: matrix,
    set: (s, inputs) => ({ ...s, inputs }),
  }),
  field<number[][]>({
    key: 'y',
    label: 'targets',
    get: (s) => s.targets,
    parse: (t, s) => parseRows(t, s.layers[s.layers.length - 1]),
    format: matrix,
    set: (s, targets) => ({ ...s, targets }),
  }),
  field<number>({
    key: 'bs',
    label: 'batch size',
    get: (s) => s.batchSize,
    parse: (t) => parseInteger(t, 0, LIMITS.rows),
    format: num,
    set: (s, batchSize) => ({ ...s, batchSize }),
  }),
]
const KNOWN = new Set(['v', ...FIELDS.map((f) => f.key)])

/** Keeps the parts of the query that look like the app's own (`key=value`); the rest is noise. */
function readPairs(query: string): { pairs: [string, string][]; broken: number } {
  const pairs: [string, string][] = []
  let broken = 0
  for (const part of query.replace(/^\?/, '').split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    try {
      const key = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '))
      const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '))
      pairs.push([key, value])
    } catch {
      broken++ // a malformed %-escape
    }
  }
  return { pairs, broken }
}

/**
 * Reads `query` (the part after `?` in the hash) on top of the lesson's `base` spec. Never throws: each
 * field is applied only when it parses and fits the shape, the rest is reported in `notices`.
 */
export function decodeState(query: string, base: NetworkSpec): DecodedState {
  const notices: string[] = []
  const applied: string[] = []
  if (query.length > MAX_QUERY_LENGTH) {
    return {
      spec: base,
      applied,
      notices: [
        'The link’s settings are too long to be read; the lesson starts with its own values.',
      ],
    }
  }
  const { pairs, broken } = readPairs(query)
  if (broken > 0) notices.push(`${broken} garbled part${broken === 1 ? ' was' : 's were'} ignored.`)
  const values = new Map<string, string>()
  for (const [key, value] of pairs) {
    if (key === 'exseed') continue // the exercises' numbers, read by exercises/seed.ts
    if (!KNOWN.has(key)) notices.push(`Unknown setting “${preview(key)}” was ignored.`)
    else if (values.has(key))
      notices.push(`The setting “${key}” appeared twice; the first one was used.`)
    else values.set(key, value)
  }
  const version = values.get('v')
  if (version === undefined && values.size > 0) {
    notices.push('The link has no version number; its settings were read as version 1.')
  } else if (version !== undefined && version !== String(URL_STATE_VERSION)) {
    notices.push(
      `The link was made by another version of Backprop Lab (“${preview(version)}”); settings that still fit were applied.`,
    )
  }
  let spec = base
  for (const f of FIELDS) {
    const text = values.get(f.key)
    if (text === undefined) continue
    const r = f.parse(text, spec)
    if (!r.ok) {
      notices.push(`Ignored the link’s ${f.label}: ${r.reason}.`)
      continue
    }
    spec = f.set(spec, r.value)
    applied.push(f.key)
  }
  // Cross-field rules the schema cannot see field by field.
  if (spec.inputs.length !== spec.targets.length) {
    notices.push(
      'The link’s inputs and targets have different numbers of samples; the lesson’s own data were kept.',
    )
    spec = {
      ...spec,
      inputs: fitRows(base.inputs, spec.layers[0]),
      targets: fitRows(base.targets, spec.layers[spec.layers.length - 1]),
    }
  }
  if (spec.batchSize !== undefined && spec.batchSize > spec.inputs.length) {
    notices.push(`The batch size was ignored: there are only ${spec.inputs.length} samples.`)
    spec = {
      ...spec,
      batchSize:
        base.batchSize !== undefined && base.batchSize <= spec.inputs.length ? base.batchSize : 0,
    }
  }
  return { spec, applied, notices }
}

function fitRows(rows: number[][], width: number): number[][] {
  return rows.map((r) => Array.from({ length: width }, (_, k) => r[k] ?? 0))
}

/**
 * The query for `spec` relative to the lesson's `base`: only the fields that differ, after `v=1`.
 * Returns '' when nothing differs (the link is just `#/<id>`).
 */
export function encodeState(base: NetworkSpec, spec: NetworkSpec): string {
  const parts: string[] = []
  for (const f of FIELDS) {
    const value = f.get(spec)
    if (value === undefined) continue
    const text = f.format(value)
    const baseValue = f.get(base)
    if (baseValue !== undefined && f.format(baseValue) === text) continue
    parts.push(`${f.key}=${encodeValue(text)}`)
  }
  return parts.length === 0 ? '' : [`v=${URL_STATE_VERSION}`, ...parts].join('&')
}

/** Our values only use [0-9a-z._:,;-]; `,` `;` `:` stay readable (they are legal in a query). */
function encodeValue(text: string): string {
  return encodeURIComponent(text).replace(/%2C/g, ',').replace(/%3B/g, ';').replace(/%3A/g, ':')
}

/** Splits a location hash `#/id?query` into the route path and the query (without `?`). */
export function splitHash(hash: string): { path: string; query: string } {
  const h = hash.replace(/^#/, '')
  const q = h.indexOf('?')
  return q < 0 ? { path: h, query: '' } : { path: h.slice(0, q), query: h.slice(q + 1) }
}
