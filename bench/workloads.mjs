// The benchmark workloads of the engine issue as engine specs (JSON the engine, the native
// bench and the plain-JS baseline all read), with seeded data so every run measures the same math.

function rng(seed) {
  // mulberry32: small, seeded, good enough for benchmark data
  let t = seed >>> 0
  return () => {
    t = (t + 0x6d2b79f5) >>> 0
    let r = Math.imul(t ^ (t >>> 15), 1 | t)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296
  }
}

function randomParams(sizes, rand, he) {
  const weights = []
  const biases = []
  for (let l = 0; l + 1 < sizes.length; l++) {
    const nin = sizes[l]
    const nout = sizes[l + 1]
    const limit = Math.sqrt(6 / (he ? nin : nin + nout))
    weights.push(
      Array.from({ length: nout }, () =>
        Array.from({ length: nin }, () => (2 * rand() - 1) * limit),
      ),
    )
    biases.push(Array.from({ length: nout }, () => 0.01 * (2 * rand() - 1)))
  }
  return { weights, biases }
}

const deep = [2, 8, 8, 8, 8, 8, 8, 1]
const deepActivations = ['tanh', 'tanh', 'tanh', 'tanh', 'tanh', 'tanh', 'sigmoid']

function circlePoints(n, rand) {
  const inputs = []
  const targets = []
  for (let k = 0; k < n; k++) {
    const x = 2 * rand() - 1
    const y = 2 * rand() - 1
    inputs.push([x, y])
    targets.push([x * x + y * y < 0.5 ? 1 : 0])
  }
  return { inputs, targets }
}

function classes(n, nin, K, rand) {
  const proj = Array.from({ length: K * nin }, () => 2 * rand() - 1)
  const inputs = []
  const targets = []
  for (let s = 0; s < n; s++) {
    const x = Array.from({ length: nin }, () => 2 * rand() - 1)
    let best = 0
    let bestScore = -Infinity
    for (let k = 0; k < K; k++) {
      let score = 0
      for (let i = 0; i < nin; i++) score += proj[k * nin + i] * x[i]
      if (score > bestScore) [best, bestScore] = [k, score]
    }
    inputs.push(x)
    targets.push(Array.from({ length: K }, (_, k) => (k === best ? 1 : 0)))
  }
  return { inputs, targets }
}

export function grid(n) {
  const out = new Float64Array(n * n * 2)
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      out[2 * (r * n + c)] = -1 + (2 * c) / (n - 1)
      out[2 * (r * n + c) + 1] = 1 - (2 * r) / (n - 1)
    }
  return out
}

/**
 * Each workload: a spec, what one operation is, how many engine steps it takes (`steps`) or how
 * many grid points it predicts (`predictRows`); `float32` marks those whose digits are never shown
 * (so the float32 fast path counts for them); `maps`: every layer's activations, not the output alone.
 */
export function workloads() {
  const classic = {
    layers: [2, 2, 2],
    activations: ['sigmoid', 'sigmoid'],
    loss: 'half_sse',
    weights: [
      [
        [0.15, 0.2],
        [0.25, 0.3],
      ],
      [
        [0.4, 0.45],
        [0.5, 0.55],
      ],
    ],
    biases: [
      [0.35, 0.35],
      [0.6, 0.6],
    ],
    inputs: [[0.05, 0.1]],
    targets: [[0.01, 0.99]],
    learningRate: 0.5,
  }
  const randB = rng(7)
  const playground = {
    layers: deep,
    activations: deepActivations,
    loss: 'bce',
    ...randomParams(deep, randB, false),
    ...circlePoints(500, randB),
    learningRate: 0.03,
    batchSize: 10,
  }
  const randC = rng(11)
  const wide = [64, 256, 256, 10]
  const mnistLike = {
    layers: wide,
    activations: ['relu', 'relu', 'softmax'],
    loss: 'cross_entropy',
    ...randomParams(wide, randC, true),
    ...classes(640, 64, 10, randC),
    learningRate: 0.01,
    batchSize: 64,
  }
  const small = [2, 4, 2, 1]
  const randE = rng(13)
  const playgroundSmall = {
    layers: small,
    activations: ['tanh', 'tanh', 'sigmoid'],
    loss: 'bce',
    ...randomParams(small, randE, false),
    ...circlePoints(500, randE),
    learningRate: 0.03,
    batchSize: 10,
  }
  // `limit`: the bench also times the hand-written fixed-shape step (bench/limit_kernels.cpp) on
  // it; `aim`: the ratio to plain JS that issue #14 asks of the double-precision engine. 2-8x6-1
  // has no limit row: the hand-written step (one f64x2 pair of samples at a time, scalar dW) is
  // slower than the engine's blocked kernels there, so it would not be a limit.
  return [
    {
      id: 'step222',
      title: '2-2-2 sigmoid SGD step',
      unit: 'steps',
      spec: classic,
      steps: 1000,
      opsPerCall: 1000,
      limit: true,
      aim: 2.5,
    },
    {
      id: 'epoch2421',
      title: '2-4-2-1 tanh, epoch of 500 pts, batch 10',
      unit: 'epochs',
      spec: playgroundSmall,
      steps: 50,
      opsPerCall: 1,
      limit: true,
      aim: 6,
    },
    {
      id: 'epoch2861',
      title: '2-8x6-1 tanh, epoch of 500 pts, batch 10',
      unit: 'epochs',
      spec: playground,
      steps: 50,
      opsPerCall: 1,
      aim: 8,
    },
    {
      id: 'heatmap',
      title: '100x100 grid through 2-8x6-1',
      unit: 'frames',
      spec: playground,
      predictRows: 10000,
      opsPerCall: 1,
      float32: true,
      aim: 8,
    },
    {
      // every hidden neuron's map and the output over the grid (the playground's pictures): one
      // predict_layers pass; run.mjs adds the per-layer way (one network cut after each hidden
      // layer, each running predict, as the playground did before) as the row below it.
      id: 'maps',
      title: 'all-layer maps 100x100, 2-8x6-1, one pass',
      unit: 'frames',
      spec: playground,
      predictRows: 10000,
      opsPerCall: 1,
      float32: true,
      maps: true,
    },
    {
      id: 'wide',
      title: '64-256-256-10 relu/softmax, batch 64',
      unit: 'steps',
      spec: mnistLike,
      steps: 4,
      opsPerCall: 4,
      float32: true,
      aim: 8,
      gemmShare: 0.8,
    },
  ]
}
