// Notes 003: a 2-2-1 network (ReLU hidden, sigmoid output) on XOR, with MSE and then BCE, and the notes'
// question "this network won't reach 100 % on XOR — why?", answered by running it from 100 random starts.
import { definePanelLesson } from '../panel'

export default definePanelLesson({
  id: 'xor-221',
  title: 'XOR with 2-2-1: why it does not always reach 100 %',
  summary:
    'Train the notes’ 2-2-1 ReLU network on XOR from 100 random starts: count the runs that solve it, see the dead ReLUs in the ones that fail, and how a wider layer fixes it.',
  order: 90,
  notes: '003',
  intro: [
    'XOR outputs 1 when exactly one input is 1: $(0,0) \\to 0$, $(0,1) \\to 1$, $(1,0) \\to 1$, $(1,1) \\to 0$. No straight line separates the ones from the zeros, so a hidden layer is needed. The notes use two ReLU hidden units and a sigmoid output, first with mean squared error, then with binary cross-entropy “since it is a classification problem”, and ask: this network won’t reach 100 % on XOR, but why?',
    'One run proves little: whether it works depends on the random starting weights. So the engine trains the same network from 100 different seeds (He initialisation, learning rate 0.5, 2000 full-batch updates each) and counts how many classify all four rows right.',
  ],
  panel: () => import('./XorPanel.vue'),
})
