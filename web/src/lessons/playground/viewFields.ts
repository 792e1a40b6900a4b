// How the playground is looked at, in its link beside the settings (links/playgroundLink.ts): the test
// points shown or not, the output discretized or not (`disc=1`), what a click on the plane does and the
// class it adds, and which neuron's map is shown large in the output area (`map=2&unit=3`: hidden layer
// 2, neuron 3; map=0 is the network's output). A shared link opens the same picture.
import { choice, flag, linkedFields, number } from '../../links/fields'
import { LIMITS } from '../../links/limits'
import { MAX_CLASSES } from './datasets'

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
