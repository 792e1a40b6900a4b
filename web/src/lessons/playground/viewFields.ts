// How the playground is looked at, in its link beside the settings (links/playgroundLink.ts): the test
// points shown or not, the output discretized or not (`disc=1`), what a click on the plane does and the
// class it adds, and which neuron's map is shown large in the output area (`map=2&unit=3`: hidden layer
// 2, neuron 3; map=0 is the network's output), and the derivation open (`sel=W2[0][1]&pt=5`: its
// parameter and training point). A shared link opens the same picture and the same maths.
import { bad, kinds, ok, preview, prop, type Schema } from '../../links/codec'
import { choice, flag, linkedFields, number } from '../../links/fields'
import { LIMITS } from '../../links/limits'
import { MAX_CLASSES } from '../../math/datasets'

const P = LIMITS.playground

export const PLAYGROUND_VIEW = linkedFields({
  showTest: flag('tst', 'show test points', false),
  discretize: flag('disc', 'discretize output', false),
  clickMode: choice('click', 'clicking the plane', 'add', ['add', 'pick'] as const),
  addClass: number('cls', 'class of added points', 1, {
    min: 0,
    max: MAX_CLASSES - 1,
    whole: true,
  }),
  mapLayer: number('map', 'enlarged neuron’s hidden layer', 0, {
    min: 0,
    max: P.hiddenLayers,
    whole: true,
  }),
  mapUnit: number('unit', 'enlarged neuron', 1, { min: 1, max: P.units.max, whole: true }),
})

/** The derivation open: the selected parameter (`W2[0][1]`, `b1[3]`; '' for none) and its training point (from 1). */
interface DerivationView {
  sel: string
  pt: number
}
export const NO_DERIVATION: DerivationView = { sel: '', pt: 1 }
/** Its link fields. Whether the network has that parameter is checked where the network is known. */
export const DERIVATION_VIEW: Schema<DerivationView> = [
  prop('sel', {
    key: 'sel',
    label: 'derivation shown',
    read: (t) =>
      /^(W\d{1,2}\[\d{1,2}\]\[\d{1,2}\]|b\d{1,2}\[\d{1,2}\])$/.test(t)
        ? ok(t)
        : bad(`“${preview(t)}” is not a weight (W2[0][1]) or a bias (b1[3])`),
    write: String,
  }),
  prop(
    'pt',
    kinds.number('pt', 'training point of the derivation', {
      min: 1,
      max: P.customPoints,
      whole: true,
    }),
  ),
]
