// Fast dense and activation kernels (see dense_simd.h). Register-blocked: a micro-kernel keeps a
// few Vec accumulators in registers; the leftovers (samples or columns that do not fill a Vec) run
// the reference's scalar loops, so in double the results are bitwise those of dense.cpp.
#include "dense_simd.h"

#include "fastmath.h"
#include "simd.h"

namespace nn {

namespace {

using simd::Vec;
constexpr int kMaxStaged = 1024;  // inputs per sample staged on the stack (the spec's kMaxUnits)

// The reference forward for rows [s0, s1): Σᵢ w_ji·in_i in order, then + b_j.
template <typename T>
void forward_rows(T* z, const T* in, const T* W, const T* b, int s0, int s1, int nin, int nout) {
  for (int s = s0; s < s1; ++s)
    for (int j = 0; j < nout; ++j) {
      T acc = 0;
      for (int i = 0; i < nin; ++i) acc += W[j * nin + i] * in[s * nin + i];
      z[s * nout + j] = acc + b[j];
    }
}

// G Vecs of samples (xt: their inputs transposed, (G, nin) Vecs) × J outputs from j.
template <typename T, int G, int J>
void forward_block(T* z, const Vec<T>* xt, const T* W, const T* b, int s, int j, int nin,
                   int nout) {
  using V = Vec<T>;
  V acc[G][J];
  for (int g = 0; g < G; ++g)
    for (int k = 0; k < J; ++k) acc[g][k] = V::zero();
  for (int i = 0; i < nin; ++i) {
    for (int k = 0; k < J; ++k) {
      const V w = V::splat(W[(j + k) * nin + i]);
      for (int g = 0; g < G; ++g) acc[g][k] = acc[g][k] + w * xt[g * nin + i];
    }
  }
  for (int g = 0; g < G; ++g)
    for (int k = 0; k < J; ++k) {
      const V r = acc[g][k] + V::splat(b[j + k]);
      for (int l = 0; l < V::kLanes; ++l) z[(s + g * V::kLanes + l) * nout + j + k] = r.lane(l);
    }
}

// Samples [s, s + G·lanes): stage their inputs as Vecs across samples, then every output.
template <typename T, int G>
void forward_group(T* z, const T* in, const T* W, const T* b, int s, int nin, int nout) {
  using V = Vec<T>;
  V xt[G * kMaxStaged];
  for (int g = 0; g < G; ++g)
    for (int i = 0; i < nin; ++i)
      xt[g * nin + i] = V::gather(in + (s + g * V::kLanes) * nin + i, nin);
  int j = 0;
  for (; j + 4 <= nout; j += 4) forward_block<T, G, 4>(z, xt, W, b, s, j, nin, nout);
  for (; j < nout; ++j) forward_block<T, G, 1>(z, xt, W, b, s, j, nin, nout);
}

// Feature-major: samples s..s+G·lanes−1 × outputs j..j+J−1, whole-Vec loads and stores.
template <typename T, int G, int J>
void forward_t_block(T* zt, const T* xt, const T* W, const T* b, int s, int j, int B, int nin) {
  using V = Vec<T>;
  V acc[G][J];
  for (int g = 0; g < G; ++g)
    for (int k = 0; k < J; ++k) acc[g][k] = V::zero();
  for (int i = 0; i < nin; ++i) {
    V x[G];
    for (int g = 0; g < G; ++g) x[g] = V::load(xt + i * B + s + g * V::kLanes);
    for (int k = 0; k < J; ++k) {
      const V w = V::splat(W[(j + k) * nin + i]);
      for (int g = 0; g < G; ++g) acc[g][k] = acc[g][k] + w * x[g];
    }
  }
  for (int g = 0; g < G; ++g)
    for (int k = 0; k < J; ++k)
      (acc[g][k] + V::splat(b[j + k])).store(zt + (j + k) * B + s + g * V::kLanes);
}

template <typename T, int G>
void forward_t_group(T* zt, const T* xt, const T* W, const T* b, int s, int B, int nin, int nout) {
  int j = 0;
  for (; j + 4 <= nout; j += 4) forward_t_block<T, G, 4>(zt, xt, W, b, s, j, B, nin);
  for (; j < nout; ++j) forward_t_block<T, G, 1>(zt, xt, W, b, s, j, B, nin);
}

// dW rows j..j+J−1, columns i..i+lanes−1: Σ_s dz_sj·in_si in sample order, times 1/B.
template <typename T, int J>
void dw_block(T* dW, const T* dz, const T* in, int j, int i, int B, int nin, int nout, T inv_b) {
  using V = Vec<T>;
  V acc[J];
  for (int k = 0; k < J; ++k) acc[k] = V::zero();
  for (int s = 0; s < B; ++s) {
    const V x = V::load(in + s * nin + i);
    for (int k = 0; k < J; ++k) acc[k] = acc[k] + V::splat(dz[s * nout + j + k]) * x;
  }
  for (int k = 0; k < J; ++k) (acc[k] * V::splat(inv_b)).store(dW + (j + k) * nin + i);
}

// dW rows j..j+J−1, all columns: Vec columns, then the reference's scalar sum for the rest.
template <typename T, int J>
void dw_rows(T* dW, const T* dz, const T* in, int j, int B, int nin, int nout, T inv_b) {
  constexpr int L = Vec<T>::kLanes;
  int i = 0;
  for (; i + L <= nin; i += L) dw_block<T, J>(dW, dz, in, j, i, B, nin, nout, inv_b);
  for (; i < nin; ++i)
    for (int k = 0; k < J; ++k) {
      T g = 0;
      for (int s = 0; s < B; ++s) g += dz[s * nout + j + k] * in[s * nin + i];
      dW[(j + k) * nin + i] = g * inv_b;
    }
}

// din row s, columns i..i+NV·lanes−1: Σ_j dz_sj·w_ji in order j = 0..nout−1.
template <typename T, int NV>
void din_block(T* din, const T* dz, const T* W, int s, int i, int nin, int nout) {
  using V = Vec<T>;
  V acc[NV];
  for (int v = 0; v < NV; ++v) acc[v] = V::zero();
  for (int j = 0; j < nout; ++j) {
    const V d = V::splat(dz[s * nout + j]);
    for (int v = 0; v < NV; ++v) acc[v] = acc[v] + d * V::load(W + j * nin + i + v * V::kLanes);
  }
  for (int v = 0; v < NV; ++v) acc[v].store(din + s * nin + i + v * V::kLanes);
}

template <typename T>
void din_rows(T* din, const T* dz, const T* W, int B, int nin, int nout) {
  constexpr int L = Vec<T>::kLanes;
  for (int s = 0; s < B; ++s) {
    int i = 0;
    for (; i + 4 * L <= nin; i += 4 * L) din_block<T, 4>(din, dz, W, s, i, nin, nout);
    for (; i + L <= nin; i += L) din_block<T, 1>(din, dz, W, s, i, nin, nout);
    for (; i < nin; ++i) {
      T acc = 0;
      for (int j = 0; j < nout; ++j) acc += dz[s * nout + j] * W[j * nin + i];
      din[s * nin + i] = acc;
    }
  }
}

// Applies a Vec function to a[0..N) from z, the tail through a padded Vec (same function, so an
// element's value never depends on its position).
template <typename T, typename F>
void map_elements(T* a, const T* z, int N, F f) {
  using V = Vec<T>;
  int k = 0;
  for (; k + V::kLanes <= N; k += V::kLanes) f(V::load(z + k)).store(a + k);
  if (k == N) return;
  T pad[V::kLanes] = {};
  for (int t = 0; k + t < N; ++t) pad[t] = z[k + t];
  f(V::load(pad)).store(pad);
  for (int t = 0; k + t < N; ++t) a[k + t] = pad[t];
}

// Softmax of each row in float: max, fast e^(z − max), sum, divide.
void softmax_rows_f32(float* a, const float* z, int B, int n) {
  for (int s = 0; s < B; ++s) {
    const float* zr = z + s * n;
    float* ar = a + s * n;
    float m = zr[0];
    for (int k = 1; k < n; ++k) m = zr[k] > m ? zr[k] : m;
    const simd::f32x4 mv = simd::f32x4::splat(m);
    map_elements(ar, zr, n, [mv](simd::f32x4 v) { return fastmath::exp(v - mv); });
    float sum = 0;
    for (int k = 0; k < n; ++k) sum += ar[k];
    const float inv = 1.0f / sum;
    for (int k = 0; k < n; ++k) ar[k] *= inv;
  }
}

}  // namespace

template <typename T>
void dense_forward_fast(T* z, const T* in, const T* W, const T* b, int B, int nin, int nout) {
  constexpr int L = Vec<T>::kLanes;
  int s = 0;
  if (nin <= kMaxStaged) {
    for (; s + 2 * L <= B; s += 2 * L) forward_group<T, 2>(z, in, W, b, s, nin, nout);
    for (; s + L <= B; s += L) forward_group<T, 1>(z, in, W, b, s, nin, nout);
  }
  forward_rows(z, in, W, b, s, B, nin, nout);
}

template <typename T>
void dense_forward_t(T* zt, const T* xt, const T* W, const T* b, int B, int nin, int nout) {
  constexpr int L = Vec<T>::kLanes;
  int s = 0;
  for (; s + 2 * L <= B; s += 2 * L) forward_t_group<T, 2>(zt, xt, W, b, s, B, nin, nout);
  for (; s + L <= B; s += L) forward_t_group<T, 1>(zt, xt, W, b, s, B, nin, nout);
}

template <typename T>
void dense_backward_fast(T* din, T* dW, T* db, const T* dz, const T* in, const T* W, int B, int nin,
                         int nout) {
  using V = Vec<T>;
  const T inv_b = T(1) / T(B);
  int j = 0;
  for (; j + V::kLanes <= nout; j += V::kLanes) {
    V acc = V::zero();
    for (int s = 0; s < B; ++s) acc = acc + V::load(dz + s * nout + j);
    (acc * V::splat(inv_b)).store(db + j);
  }
  for (; j < nout; ++j) {
    T gb = 0;
    for (int s = 0; s < B; ++s) gb += dz[s * nout + j];
    db[j] = gb * inv_b;
  }
  for (j = 0; j + 4 <= nout; j += 4) dw_rows<T, 4>(dW, dz, in, j, B, nin, nout, inv_b);
  for (; j < nout; ++j) dw_rows<T, 1>(dW, dz, in, j, B, nin, nout, inv_b);
  if (din) din_rows(din, dz, W, B, nin, nout);
}

template void dense_forward_fast<double>(double*, const double*, const double*, const double*, int,
                                         int, int);
template void dense_forward_fast<float>(float*, const float*, const float*, const float*, int, int,
                                        int);
template void dense_forward_t<double>(double*, const double*, const double*, const double*, int,
                                      int, int);
template void dense_forward_t<float>(float*, const float*, const float*, const float*, int, int,
                                     int);
template void dense_backward_fast<double>(double*, double*, double*, const double*, const double*,
                                          const double*, int, int, int);
template void dense_backward_fast<float>(float*, float*, float*, const float*, const float*,
                                         const float*, int, int, int);

void activation_forward_fast(double* a, const double* z, int B, int n, Activation f) {
  if (f == Activation::Tanh)
    return map_elements(a, z, B * n, [](simd::f64x2 v) { return fastmath::tanh(v); });
  if (f == Activation::Sigmoid)
    return map_elements(a, z, B * n, [](simd::f64x2 v) { return fastmath::sigmoid(v); });
  activation_forward(a, z, B, n, f);
}

void activation_forward_f32(float* a, const float* z, int B, int n, Activation f) {
  using V = simd::f32x4;
  switch (f) {
    case Activation::Linear:
      return map_elements(a, z, B * n, [](V v) { return v; });
    case Activation::Sigmoid:
      return map_elements(a, z, B * n, [](V v) { return fastmath::sigmoid(v); });
    case Activation::Tanh:
      return map_elements(a, z, B * n, [](V v) { return fastmath::tanh(v); });
    case Activation::Relu:
      return map_elements(a, z, B * n, [](V v) { return pmax(V::zero(), v); });
    case Activation::LeakyRelu:
      return map_elements(a, z, B * n, [](V v) {
        return select_gt0(v, v, v * V::splat(static_cast<float>(kLeakySlope)));
      });
    case Activation::Softmax:
      return softmax_rows_f32(a, z, B, n);
  }
}

}  // namespace nn
