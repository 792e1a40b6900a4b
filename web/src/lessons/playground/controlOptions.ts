// The choices the playground's network controls offer (TensorFlow Playground's rates and sizes) and
// how they are named on screen.
export const RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]
export const REG_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]
export const BATCHES = [1, 5, 10, 20, 30, 50, 100, 0]
export const LOSS_NAMES: Record<string, string> = {
  bce: 'binary cross-entropy',
  mse: 'mean squared error',
  half_sse: '½ sum of squares',
  cross_entropy: 'cross-entropy (softmax)',
}
export const ACT_NAMES: Record<string, string> = {
  tanh: 'tanh',
  relu: 'ReLU',
  leaky_relu: 'leaky ReLU',
  sigmoid: 'sigmoid',
  linear: 'linear',
}
