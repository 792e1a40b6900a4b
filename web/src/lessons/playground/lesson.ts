// The playground (issue 8): any small network on 2-D data, trained live, with the maths of every weight
// one click away. Everything it uses lives in this folder (data, features, engine session, components, tests).
import { definePanelLesson } from '../panel'

export default definePanelLesson({
  id: 'playground',
  title: 'Playground: train any small network',
  shareBar: false, // it shares its own state (Share, export, import)
  summary:
    'Circles, XOR, spirals (also with three classes) or your own points: pick features, layers and optimiser, watch every neuron learn, and click any weight to see its gradient worked out.',
  order: 110,
  notes: '000–004',
  intro: [
    'Press Play and watch the network carve up the plane. Every number comes from the same engine as the lessons; click a neuron or a connection to see the chain rule for its gradient with the current weights, checked against a numerical derivative.',
  ],
  panel: () => import('./PlaygroundPanel.vue'),
})
