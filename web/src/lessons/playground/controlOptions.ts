// The choices the playground's network controls offer (TensorFlow Playground's rates and sizes). The
// activations, losses, optimizers and penalties and their labels come from the engine's catalogue.
export const RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]
export const REG_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]
export const BATCHES = [1, 5, 10, 20, 30, 50, 100, 0]
