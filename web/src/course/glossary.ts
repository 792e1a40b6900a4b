// The course notation, written down once: every symbol the lessons use, what it means, its shape, and
// how each set of notes writes it. Lessons name the entries they use (`notation` in the lesson file);
// the glossary page (#/glossary) and each lesson's notation box read this table.

/** Notes that have their own notation (the transcriptions in the project's seeds). */
export type NotesId = '000' | '001' | '002' | '003' | '004'

interface GlossaryEntry {
  /** Stable id, used by lesson files. */
  id: string
  /** The course symbol, LaTeX. */
  symbol: string
  /** The field's standard name. */
  name: string
  /** One sentence; `$…$` is inline LaTeX. */
  meaning: string
  /** Its shape (column-per-sample layout); `$…$` is inline LaTeX. */
  shape: string
  /** How a set of notes writes it (LaTeX), where it differs or appears. */
  notes: Partial<Record<NotesId, string>>
}

/** The course notation: layer l has n_l units; a batch has n samples as columns. */
export const glossary: readonly GlossaryEntry[] = [
  {
    id: 'x',
    symbol: 'x,\\ X',
    name: 'input',
    meaning: 'One sample’s input $x$; a batch of samples as the columns of $X = A^{[0]}$.',
    shape: '$x$: $n_0 \\times 1$; $X$: $n_0 \\times n$',
    notes: { '000': 'x', '001': 'x,\\ X', '002': 'x_1, x_2', '003': 'x', '004': 'i_1, i_2' },
  },
  {
    id: 'y',
    symbol: 'y',
    name: 'target',
    meaning: 'The value the output should have for a sample (a label or a number).',
    shape: '$n_L \\times 1$ per sample; $Y$: $n_L \\times n$',
    notes: { '000': 'y', '001': 'y,\\ Y', '002': 'y_t', '003': 'y', '004': 'target_{o1}' },
  },
  {
    id: 'W',
    symbol: 'W^{[l]},\\ w^{[l]}_{ji}',
    name: 'weight',
    meaning: 'The weight from unit $i$ of layer $l-1$ to unit $j$ of layer $l$.',
    shape: '$n_l \\times n_{l-1}$',
    notes: {
      '000': 'w^1_{11}',
      '001': 'w,\\ W',
      '002': 'w_{11}',
      '003': 'w',
      '004': 'w_1 \\dots w_8',
    },
  },
  {
    id: 'b',
    symbol: 'b^{[l]}',
    name: 'bias',
    meaning: 'Added to every unit’s weighted sum; shared by a layer in notes 000 and 004.',
    shape: '$n_l \\times 1$ (added to every column)',
    notes: { '000': 'b_1, b_2', '001': 'b', '003': 'b', '004': 'b_1, b_2' },
  },
  {
    id: 'z',
    symbol: 'z^{[l]},\\ Z^{[l]}',
    name: 'pre-activation (net input)',
    meaning: 'The weighted sum before the activation: $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$.',
    shape: '$n_l \\times 1$ per sample; $Z$: $n_l \\times n$',
    notes: {
      '000': 'net',
      '001': 'z',
      '002': 'z_1, z_2, z_3',
      '003': 'z',
      '004': 'net_{h1}, net_{o1}',
    },
  },
  {
    id: 'a',
    symbol: 'a^{[l]},\\ A^{[l]}',
    name: 'activation',
    meaning: 'A unit’s output after its activation function: $A^{[l]} = f(Z^{[l]})$.',
    shape: 'like $Z^{[l]}$',
    notes: {
      '000': 'O',
      '001': 'a',
      '002': 'A_1, A_2, A_3',
      '003': 'a^{(l)}',
      '004': 'out_{h1}, out_{o1}',
    },
  },
  {
    id: 'yhat',
    symbol: '\\hat y',
    name: 'output (prediction)',
    meaning: 'The last layer’s activation, $\\hat y = a^{[L]}$.',
    shape: '$n_L \\times 1$ per sample',
    notes: { '000': '\\hat y', '001': 'a', '002': 'A_3', '004': 'out_{o1}' },
  },
  {
    id: 'J',
    symbol: 'J',
    name: 'loss',
    meaning: 'The number training makes small: over a batch, the mean of the samples’ losses.',
    shape: 'a number',
    notes: { '000': 'L', '001': 'J', '002': 'E', '003': 'L', '004': 'E_{total}' },
  },
  {
    id: 'delta',
    symbol: '\\delta^{[l]}',
    name: 'δ (error signal)',
    meaning:
      'How the loss changes with a unit’s pre-activation: $\\delta^{[l]} = \\partial J / \\partial z^{[l]}$.',
    shape: 'like $Z^{[l]}$',
    notes: {
      '000': '\\partial L/\\partial net',
      '001': '\\partial J/\\partial z',
      '002': '(A_3 - y_t)A_3(1 - A_3)',
      '003': '\\delta',
      '004': '\\delta_{o1}',
    },
  },
  {
    id: 'dW',
    symbol: '\\partial J/\\partial W^{[l]}',
    name: 'gradient of a weight',
    meaning: '$\\delta^{[l]} A^{[l-1]\\top}$, divided by $n$ for the batch mean.',
    shape: 'like $W^{[l]}$',
    notes: {
      '000': '\\partial L/\\partial w^1_{11}',
      '001': '\\partial J/\\partial w',
      '002': '\\partial E/\\partial w_{31}',
      '004': '\\partial E_{total}/\\partial w_5',
    },
  },
  {
    id: 'db',
    symbol: '\\partial J/\\partial b^{[l]}',
    name: 'gradient of a bias',
    meaning: '$\\delta^{[l]}$ summed over the samples (divided by $n$ for the mean).',
    shape: 'like $b^{[l]}$',
    notes: { '001': '\\partial J/\\partial b' },
  },
  {
    id: 'eta',
    symbol: '\\eta',
    name: 'learning rate',
    meaning: 'The step size of an update: $w^{+} = w - \\eta\\, \\partial J/\\partial w$.',
    shape: 'a number > 0',
    notes: { '000': '\\alpha', '001': '\\alpha', '003': '\\eta', '004': '\\eta' },
  },
  {
    id: 'wnew',
    symbol: 'w^{+}',
    name: 'updated weight',
    meaning: 'A weight after one update.',
    shape: 'like $w$',
    notes: { '004': 'w_5^{+}' },
  },
  {
    id: 'f',
    symbol: "f,\\ f'",
    name: 'activation function and its slope',
    meaning: "sigmoid $\\sigma$, ReLU, tanh or linear; $f'(z)$ is its derivative at $z$.",
    shape: 'element-wise',
    notes: { '000': '\\sigma,\\ ReLU', '001': '\\sigma', '002': '\\sigma', '004': '\\sigma' },
  },
  {
    id: 'sigma',
    symbol: '\\sigma',
    name: 'sigmoid',
    meaning:
      "$\\sigma(z) = 1/(1 + e^{-z})$, with slope $\\sigma'(z) = \\sigma(z)(1 - \\sigma(z)) \\le \\tfrac14$.",
    shape: 'element-wise',
    notes: { '000': '\\sigma', '001': '\\sigma', '002': '\\sigma', '004': '\\sigma' },
  },
  {
    id: 'softmax',
    symbol: '\\operatorname{softmax}(z)_k',
    name: 'softmax (of the logits)',
    meaning: '$e^{z_k} / \\sum_j e^{z_j}$: turns the logits $z$ into probabilities that sum to 1.',
    shape: '$K \\times 1$ per sample',
    notes: { '001': '\\operatorname{softmax}' },
  },
  {
    id: 'n',
    symbol: 'n',
    name: 'batch size (samples)',
    meaning: 'The number of samples in a batch: the columns of $X$.',
    shape: 'a whole number',
    notes: { '001': 'm' },
  },
  {
    id: 'hadamard',
    symbol: '\\odot',
    name: 'element-wise product',
    meaning:
      "Multiplies matrices of the same shape entry by entry, as in $\\delta^{[1]} = W^{[2]\\top}\\delta^{[2]} \\odot f'(Z^{[1]})$.",
    shape: 'keeps the shape',
    notes: { '002': '\\operatorname{diag}' },
  },
  {
    id: 'slope',
    symbol: 'dy/dx',
    name: 'slope (derivative)',
    meaning: 'How much $y$ changes per unit change of $x$; slopes along a chain multiply.',
    shape: 'a number per pair',
    notes: { '004': 'd(shoe)/d(weight)' },
  },
]

/** The entry with this id, or undefined. */
export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return glossary.find((e) => e.id === id)
}

/** Glossary ids of a worked example's quantity kinds (math/keys.ts). */
export const KIND_TO_GLOSSARY: Record<string, string> = {
  x: 'x',
  y: 'y',
  W: 'W',
  b: 'b',
  z: 'z',
  a: 'a',
  delta: 'delta',
  dW: 'dW',
  db: 'db',
  E: 'J',
  loss: 'J',
  Wnew: 'wnew',
  bnew: 'wnew',
}
