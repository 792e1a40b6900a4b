// The worked examples' linked state (`#/step-by-step-222?v=1&lr=0.25&w=…&sel=W1[0][1]`): the network's
// spec (shape first, then what depends on it) and which derivation and sample are open. Read through
// links/codec.ts with the lesson player's limits (links/limits.ts): at most LIMITS.lesson.units units per
// layer, so no link can ask the diagram, the tables or the answer key for more than a page can show.
import { HIDDEN_ACTIVATION_NAMES, LOSSES, OPTIMIZERS } from '../engine/catalogue'
import type { ActivationName, LossName, NetworkSpec, OptimizerSpec } from '../engine/types'
import { parseKey } from '../math/keys'
import {
  bad,
  decodeLink,
  encodeLink,
  kinds,
  num,
  ok,
  preview,
  readEnum,
  readList,
  readNumber,
  type Decoded,
  type Field,
  type Parsed,
  type Schema,
} from './codec'
import { LIMITS } from './limits'
import { plural, pluralWord } from '../math/plural'
import { EXERCISE_FIELDS } from '../exercises/seed'
import { checkLinkKeys } from './checkLink'
import type { LinkKeys } from './useLink'

/** What a worked example's link holds. */
export interface WorkedState {
  spec: NetworkSpec
  /** The weight or bias whose derivation is open, e.g. `W2[0][0]`. */
  selected: string
  /** The sample shown, from 0. */
  sample: number
}

/**
 * The activations a worked example's menus offer (NetworkSettings), in every layer: those a hidden layer
 * may have. Softmax and cross-entropy need several outputs and belong to their own lessons.
 */
export const WORKED_ACTIVATIONS: readonly ActivationName[] = HIDDEN_ACTIVATION_NAMES
/** The losses the worked example's loss menu offers with `output` units: those that fit it. */
export const workedLosses = (output: ActivationName | undefined): LossName[] =>
  LOSSES.filter((l) => l.name !== 'cross_entropy' && (!l.output || l.output === output)).map(
    (l) => l.name,
  )

const INITS = ['xavier', 'he'] as const
const { lesson: PAGE_LIMITS } = LIMITS

const value = (t: string) => readNumber(t, LIMITS.value)
const nums = (xs: readonly number[]): string => xs.map(num).join(',')
/** Rows of a batch: `;` between samples, `,` between values. */
const matrix = (rows: readonly (readonly number[])[]): string => rows.map(nums).join(';')
const readRows = (text: string, width: number): Parsed<number[][]> =>
  readList(text, ';', (row) => readList(row, ',', value, { count: width }), {
    min: 1,
    max: PAGE_LIMITS.samples,
  })
const fit = (rows: readonly number[][], width: number): number[][] =>
  rows.map((r) => Array.from({ length: width }, (_, k) => r[k] ?? 0))

function unflatWeights(flat: readonly number[], layers: readonly number[]): number[][][] {
  let k = 0
  return layers
    .slice(1)
    .map((nout, l) =>
      Array.from({ length: nout }, () => Array.from({ length: layers[l] }, () => flat[k++])),
    )
}
function unflatBiases(flat: readonly number[], layers: readonly number[]): number[][] {
  let k = 0
  return layers.slice(1).map((n) => Array.from({ length: n }, () => flat[k++]))
}

/** Optimizer `name`'s catalogue row: the fields it reads besides its name (the link's order) and their ranges. */
const optimizerRow = (name: string) => OPTIMIZERS.find((o) => o.name === name)

/** `name[:field…]` with the catalogue's fields in order (`adam:0.8::1e-9`); the bare name when none is set. */
function formatOptimizer(o: OptimizerSpec): string {
  const set = o as unknown as Record<string, number | undefined>
  const values = (optimizerRow(o.name)?.params ?? []).map((f) => set[f])
  if (values.every((v) => v === undefined)) return o.name
  return [o.name, ...values.map((v) => (v === undefined ? '' : num(v)))].join(':')
}

function readOptimizer(text: string): Parsed<OptimizerSpec> {
  const [name, ...args] = text.split(':')
  const row = optimizerRow(name)
  if (!row || args.length > row.params.length) {
    const forms = OPTIMIZERS.map(
      (o) => o.name + (o.params.length ? `[:${o.params.join(':')}]` : ''),
    )
    return bad(
      `“${preview(text)}” is not ${new Intl.ListFormat('en', { type: 'disjunction' }).format(forms)}`,
    )
  }
  const o: Record<string, number | string> = { name }
  for (const [k, t] of args.entries()) {
    if (t === '') continue
    const r = readNumber(t, row.ranges[k])
    if (!r.ok) return bad(`${row.params[k]} ${r.reason}`)
    o[row.params[k]] = r.value
  }
  return ok(o as OptimizerSpec)
}

/** A field of the spec inside the state. */
function spec<K extends keyof NetworkSpec>(
  name: K,
  f: Pick<Field<WorkedState, NetworkSpec[K]>, 'key' | 'label' | 'write' | 'help'> & {
    read: (text: string, spec: NetworkSpec) => Parsed<NetworkSpec[K]>
    set?: (spec: NetworkSpec, value: NetworkSpec[K]) => NetworkSpec
  },
): Field<WorkedState, unknown> {
  const set = f.set ?? ((s: NetworkSpec, v: NetworkSpec[K]) => ({ ...s, [name]: v }))
  return {
    ...f,
    get: (s) => s.spec[name],
    read: (t, s) => f.read(t, s.spec),
    set: (s, v) => ({ ...s, spec: set(s.spec, v as NetworkSpec[K]) }),
  } as Field<WorkedState, unknown>
}

/** New layer sizes: the old parameters no longer fit; activations and data are refitted. */
function reshape(s: NetworkSpec, layers: number[]): NetworkSpec {
  if (layers.length === s.layers.length && layers.every((n, k) => n === s.layers[k])) return s
  const { weights: _w, biases: _b, ...rest } = s
  const L = layers.length - 1
  const activations = Array.from(
    { length: L },
    (_, l) => s.activations[Math.min(l, s.activations.length - 1)] ?? 'sigmoid',
  )
  return {
    ...rest,
    layers,
    activations,
    inputs: fit(s.inputs, layers[0]),
    targets: fit(s.targets, layers[L]),
  }
}

const TOO_BIG =
  `the lesson shows 2 to ${PAGE_LIMITS.layers} layers of 1 to ${PAGE_LIMITS.units.max} units; ` +
  'the playground trains bigger networks'

/** Whether `key` names a weight or bias of a network with these layer sizes. */
function isParameterOf(key: string, layers: readonly number[]): boolean {
  const r = parseKey(key)
  if (!r || (r.kind !== 'W' && r.kind !== 'b') || !r.layer || r.layer >= layers.length) return false
  return (r.j ?? 0) < layers[r.layer] && (r.kind === 'b' || (r.i ?? 0) < layers[r.layer - 1])
}

/** The schema, in reading order: shape first (`n`), then what depends on it. */
export const WORKED_SCHEMA: Schema<WorkedState> = [
  spec('layers', {
    key: 'n',
    label: 'layer sizes',
    help: '/playground',
    read: (t) => {
      const r = readList(t, ',', (u) => readNumber(u, PAGE_LIMITS.units))
      return !r.ok || r.value.length < 2 || r.value.length > PAGE_LIMITS.layers ? bad(TOO_BIG) : r
    },
    write: nums,
    set: reshape,
  }),
  spec('activations', {
    key: 'act',
    label: 'activations',
    read: (t, s) =>
      readList(t, ',', (u) => readEnum(u, WORKED_ACTIVATIONS), { count: s.layers.length - 1 }),
    write: (a) => a.join(','),
  }),
  spec('loss', {
    key: 'loss',
    label: 'loss',
    // what the loss menu offers with the output activation read before it
    read: (t, s) => readEnum(t, workedLosses(s.activations.at(-1))),
    write: String,
  }),
  spec('learningRate', {
    key: 'lr',
    label: 'learning rate η',
    read: (t) => readNumber(t, LIMITS.learningRate),
    write: num,
  }),
  spec('optimizer', {
    key: 'opt',
    label: 'optimizer',
    read: readOptimizer,
    write: (o) => formatOptimizer(o!),
  }),
  spec('trainBiases', { ...kinds.flag('tb', 'train biases'), write: (b) => (b ? '1' : '0') }),
  spec('sharedBiases', {
    ...kinds.flag('sb', 'shared biases'),
    write: (b) => (b === true ? '1' : '0'),
  }),
  spec('epsilon', {
    key: 'eps',
    label: 'ε of the gradient check',
    read: (t) => readNumber(t, LIMITS.checkEpsilon),
    write: (x) => num(x!),
  }),
  spec('seed', {
    key: 'seed',
    label: 'random seed',
    read: (t) => readNumber(t, LIMITS.seed),
    write: (x) => num(x!),
  }),
  spec('init', {
    key: 'init',
    label: 'initialisation',
    read: (t) => readEnum(t, INITS),
    write: String,
  }),
  spec('weights', {
    key: 'w',
    label: 'weights',
    read: (t, s) => {
      const count = s.layers.slice(1).reduce((acc, n, l) => acc + n * s.layers[l], 0)
      const r = readList(t, ',', value, { count })
      return r.ok ? ok(unflatWeights(r.value, s.layers)) : r
    },
    write: (w) => nums(w!.flat(2)),
  }),
  spec('biases', {
    key: 'b',
    label: 'biases',
    read: (t, s) => {
      const count = s.layers.slice(1).reduce((a, n) => a + n, 0)
      const r = readList(t, ',', value, { count })
      return r.ok ? ok(unflatBiases(r.value, s.layers)) : r
    },
    write: (b) => nums(b!.flat()),
  }),
  spec('inputs', {
    key: 'x',
    label: 'inputs',
    read: (t, s) => readRows(t, s.layers[0]),
    write: matrix,
  }),
  spec('targets', {
    key: 'y',
    label: 'targets',
    read: (t, s) => readRows(t, s.layers[s.layers.length - 1]),
    write: matrix,
  }),
  spec('batchSize', {
    key: 'bs',
    label: 'batch size',
    read: (t) => readNumber(t, { min: 0, max: PAGE_LIMITS.samples, whole: true }),
    write: (x) => num(x!),
  }),
  {
    key: 'sel',
    label: 'derivation shown',
    get: (s) => s.selected,
    set: (s, v) => ({ ...s, selected: v as string }),
    read: (t, s) =>
      isParameterOf(t, s.spec.layers) ? ok(t) : bad(`“${preview(t)}” is not a weight or bias`),
    write: String,
  },
  {
    key: 's',
    label: 'sample shown',
    get: (s) => s.sample + 1,
    set: (s, v) => ({ ...s, sample: (v as number) - 1 }),
    read: (t, s) => readNumber(t, { min: 1, max: s.spec.inputs.length, whole: true }),
    write: (v) => num(v as number),
  },
]

/** The lesson's own state: its spec, its focus, the first sample. */
export const workedBase = (spec: NetworkSpec, focus: string): WorkedState => ({
  spec,
  selected: focus,
  sample: 0,
})

/**
 * Reads a worked example's link over the lesson's own state. Never throws; beyond the schema, rows
 * of inputs and targets must pair up and the batch fit the samples, or the lesson's own are kept.
 */
export function decodeWorked(query: string, base: WorkedState): Decoded<WorkedState> {
  const d = decodeLink(WORKED_SCHEMA, query, base)
  let { spec: s } = d.state
  const own = base.spec
  if (s.inputs.length !== s.targets.length) {
    d.notices.push({
      kind: 'bad',
      text: 'The link’s inputs and targets have different numbers of samples; the lesson’s own data were kept.',
    })
    s = { ...s, inputs: fit(own.inputs, s.layers[0]), targets: fit(own.targets, s.layers.at(-1)!) }
  }
  if (s.batchSize !== undefined && s.batchSize > s.inputs.length) {
    d.notices.push({
      kind: 'bad',
      text: `The batch size was ignored: there ${pluralWord(s.inputs.length, 'is', 'are')} only ${plural(s.inputs.length, 'sample')}.`,
    })
    const bs = own.batchSize !== undefined && own.batchSize <= s.inputs.length ? own.batchSize : 0
    s = { ...s, batchSize: bs }
  }
  const selected = isParameterOf(d.state.selected, s.layers) ? d.state.selected : 'W1[0][0]'
  const sample = Math.min(d.state.sample, s.inputs.length - 1)
  return { ...d, state: { spec: s, selected, sample } }
}

/**
 * Every key of a worked-example lesson's link (LessonView declares them): the worked example, its loss
 * and ε charts' views, its pace, the notation box and the exercises' numbers set. The answer key opens
 * with the lesson's whole query, so it accepts all of them silently and reads only the worked example's.
 */
/**
 * What a worked example's shared link keeps, said in the Share toast: its spec (the weights as they are
 * now, trained or typed, become the start), the derivation and sample open; not the stage, the count or
 * the loss history, which begin again (checked by opening a shared link fresh, links.e2e).
 */
export const WORKED_LINK_KEEPS =
  'it opens the lesson with the weights and settings you see as its start, and your answers; the stage, the update count and the loss chart begin again.'

export const WORKED_LESSON_KEYS: LinkKeys = [
  WORKED_SCHEMA,
  'losschart',
  'epschart',
  'pace',
  'notation',
  'notationopen',
  'epsopen',
  EXERCISE_FIELDS,
  ...checkLinkKeys('check'),
]

/** The query of a worked example's state ('' when it is the lesson's own). */
export const encodeWorked = (state: WorkedState, base: WorkedState): string =>
  encodeLink(WORKED_SCHEMA, state, base)
