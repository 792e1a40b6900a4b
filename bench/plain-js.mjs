// The baseline: the engine's math written as a good JavaScript developer would, in float64
// (Float64Array buffers, plain loops, Math.exp/Math.tanh). No SIMD, no unrolling, no tricks.
// Same conventions as wasm/engine: W (nout, nin) row-major, δ per sample, dW/db batch means.

function activate(a, z, n, B, name) {
  const N = B * n
  switch (name) {
    case 'sigmoid':
      for (let k = 0; k < N; k++) a[k] = sigmoid(z[k])
      break
    case 'tanh':
      for (let k = 0; k < N; k++) a[k] = Math.tanh(z[k])
      break
    case 'relu':
      for (let k = 0; k < N; k++) a[k] = z[k] > 0 ? z[k] : 0
      break
    case 'softmax':
      softmaxRows(a, z, B, n)
      break
    default:
      a.set(z.subarray(0, N))
  }
}

// dz = da ⊙ f'(z), with f' from a where that is the textbook form.
function activationBackward(dz, da, z, a, N, name) {
  switch (name) {
    case 'sigmoid':
      for (let k = 0; k < N; k++) dz[k] = da[k] * a[k] * (1 - a[k])
      break
    case 'tanh':
      for (let k = 0; k < N; k++) dz[k] = da[k] * (1 - a[k] * a[k])
      break
    case 'relu':
      for (let k = 0; k < N; k++) dz[k] = z[k] > 0 ? da[k] : 0
      break
    default:
      for (let k = 0; k < N; k++) dz[k] = da[k]
  }
}

function sigmoid(z) {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))
}

export class Mlp {
  /** sizes: units per layer, inputs first; activations: one per weight layer; capacity: max batch. */
  constructor({ sizes, activations, loss, learningRate, capacity, params }) {
    this.sizes = sizes
    this.activations = activations
    this.loss = loss
    this.lr = learningRate
    this.W = []
    this.b = []
    this.dW = []
    this.db = []
    this.z = []
    this.a = []
    this.dz = []
    this.da = []
    let p = 0
    for (let l = 0; l + 1 < sizes.length; l++) {
      const nin = sizes[l]
      const nout = sizes[l + 1]
      this.W.push(Float64Array.from(params.subarray(p, p + nin * nout)))
      this.b.push(Float64Array.from(params.subarray(p + nin * nout, p + (nin + 1) * nout)))
      p += (nin + 1) * nout
      this.dW.push(new Float64Array(nin * nout))
      this.db.push(new Float64Array(nout))
      for (const list of [this.z, this.a, this.dz, this.da])
        list.push(new Float64Array(capacity * nout))
    }
  }

  /** Rows [start, start + B) of X (rows, nin), Y (rows, nout): the batch mean loss; keeps z, a. */
  forward(X, Y, start, B) {
    this.forwardOnly(X, start, B)
    return this.lossForward(Y, start, B)
  }

  /** Forward only over rows [start, start + B) of X; the outputs end up in this.a.at(-1). */
  forwardOnly(X, start, B) {
    let input = X
    let offset = start * this.sizes[0]
    for (let l = 0; l < this.W.length; l++) {
      const nin = this.sizes[l]
      const nout = this.sizes[l + 1]
      const W = this.W[l]
      const b = this.b[l]
      const z = this.z[l]
      const a = this.a[l]
      for (let s = 0; s < B; s++) {
        for (let j = 0; j < nout; j++) {
          let acc = 0
          for (let i = 0; i < nin; i++) acc += W[j * nin + i] * input[offset + s * nin + i]
          z[s * nout + j] = acc + b[j]
        }
      }
      activate(a, z, nout, B, this.activations[l])
      input = a
      offset = 0
    }
  }

  lossForward(Y, start, B) {
    const L = this.W.length
    const K = this.sizes[L]
    const a = this.a[L - 1]
    const z = this.z[L - 1]
    let total = 0
    for (let s = 0; s < B; s++) {
      let sum = 0
      for (let k = 0; k < K; k++) {
        const i = s * K + k
        const t = Y[start * K + i]
        if (this.loss === 'half_sse') sum += 0.5 * (t - a[i]) * (t - a[i])
        else if (this.loss === 'bce') sum += t * softplus(-z[i]) + (1 - t) * softplus(z[i])
        else sum -= t * Math.log(a[i])
      }
      total += sum
    }
    return total / B
  }

  /** x, y: the batch of the last forward. Fills dz per layer and sample, dW/db batch means. */
  backward(X, Y, start, B) {
    const L = this.W.length
    const K = this.sizes[L]
    const out = this.dz[L - 1]
    const aL = this.a[L - 1]
    for (let i = 0; i < B * K; i++) out[i] = aL[i] - Y[start * K + i] // fused for bce and cross-entropy
    if (this.loss === 'half_sse')
      activationBackward(out, out, this.z[L - 1], aL, B * K, this.activations[L - 1])
    for (let l = L - 1; l >= 0; l--) {
      const nin = this.sizes[l]
      const nout = this.sizes[l + 1]
      const input = l > 0 ? this.a[l - 1] : X
      const offset = l > 0 ? 0 : start * nin
      const dz = this.dz[l]
      const dW = this.dW[l]
      const db = this.db[l]
      dW.fill(0)
      db.fill(0)
      for (let s = 0; s < B; s++) {
        for (let j = 0; j < nout; j++) {
          const g = dz[s * nout + j] / B
          db[j] += g
          for (let i = 0; i < nin; i++) dW[j * nin + i] += g * input[offset + s * nin + i]
        }
      }
      if (l === 0) break
      const W = this.W[l]
      const da = this.da[l - 1]
      const dzPrev = this.dz[l - 1]
      const zPrev = this.z[l - 1]
      const aPrev = this.a[l - 1]
      for (let s = 0; s < B; s++) {
        for (let i = 0; i < nin; i++) {
          let acc = 0
          for (let j = 0; j < nout; j++) acc += dz[s * nout + j] * W[j * nin + i]
          da[s * nin + i] = acc
        }
      }
      activationBackward(dzPrev, da, zPrev, aPrev, B * nin, this.activations[l - 1])
    }
  }

  sgd() {
    for (let l = 0; l < this.W.length; l++) {
      const W = this.W[l]
      const dW = this.dW[l]
      for (let k = 0; k < W.length; k++) W[k] -= this.lr * dW[k]
      const b = this.b[l]
      const db = this.db[l]
      for (let k = 0; k < b.length; k++) b[k] -= this.lr * db[k]
    }
  }

  /** One mini-batch step on rows [start, start + B) of X (rows, nin), Y (rows, nout). */
  step(X, Y, start, B) {
    const loss = this.forward(X, Y, start, B)
    this.backward(X, Y, start, B)
    this.sgd()
    return loss
  }

  /** Forward only (no loss) over many points, e.g. a heatmap grid; out (rows, nout). */
  predict(out, X, rows, chunk = 256) {
    const nout = this.sizes.at(-1)
    for (let s = 0; s < rows; s += chunk) {
      const B = Math.min(chunk, rows - s)
      this.forwardOnly(X, s, B)
      out.set(this.a.at(-1).subarray(0, B * nout), s * nout)
    }
  }
}

function softplus(x) {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))
}

function softmaxRows(a, z, B, n) {
  for (let s = 0; s < B; s++) {
    let m = -Infinity
    for (let k = 0; k < n; k++) m = Math.max(m, z[s * n + k])
    let sum = 0
    for (let k = 0; k < n; k++) sum += a[s * n + k] = Math.exp(z[s * n + k] - m)
    for (let k = 0; k < n; k++) a[s * n + k] /= sum
  }
}
