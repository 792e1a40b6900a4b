// Fast dense and activation kernels (see dense_simd.h). Register-blocked: a micro-kernel keeps a
// few Vec accumulators in registers; the leftovers (samples or columns that do not fill a Vec) run
// the reference's scalar loops, so in double the results are bitwise those of dense.cpp.
#include "dense_simd.h"

#include <array>
#include <type_traits>
#include <utility>

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

// dW rows j..j+J−1, columns i..i+NV·lanes−1: Σ_s dz_sj·in_si in sample order, times 1/B. Two
// Vecs of columns share each splat of δ (fewer loads per multiply-add); the order stays the same.
template <typename T, int J, int NV>
void dw_block(T* dW, const T* dz, const T* in, int j, int i, int B, int nin, int nout, T inv_b) {
  using V = Vec<T>;
  V acc[J][NV];
  for (int k = 0; k < J; ++k)
    for (int v = 0; v < NV; ++v) acc[k][v] = V::zero();
  for (int s = 0; s < B; ++s) {
    V x[NV];
    for (int v = 0; v < NV; ++v) x[v] = V::load(in + s * nin + i + v * V::kLanes);
    for (int k = 0; k < J; ++k) {
      const V d = V::splat(dz[s * nout + j + k]);
      for (int v = 0; v < NV; ++v) acc[k][v] = acc[k][v] + d * x[v];
    }
  }
  for (int k = 0; k < J; ++k)
    for (int v = 0; v < NV; ++v)
      (acc[k][v] * V::splat(inv_b)).store(dW + (j + k) * nin + i + v * V::kLanes);
}

// dW rows j..j+J−1, all columns: Vec columns, then the reference's scalar sum for the rest.
template <typename T, int J>
void dw_rows(T* dW, const T* dz, const T* in, int j, int B, int nin, int nout, T inv_b) {
  constexpr int L = Vec<T>::kLanes;
  int i = 0;
  for (; i + 2 * L <= nin; i += 2 * L) dw_block<T, J, 2>(dW, dz, in, j, i, B, nin, nout, inv_b);
  for (; i + L <= nin; i += L) dw_block<T, J, 1>(dW, dz, in, j, i, B, nin, nout, inv_b);
  for (; i < nin; ++i)
    for (int k = 0; k < J; ++k) {
      T g = 0;
      for (int s = 0; s < B; ++s) g += dz[s * nout + j + k] * in[s * nin + i];
      dW[(j + k) * nin + i] = g * inv_b;
    }
}

// din rows s..s+S−1, columns i..i+NV·lanes−1: Σ_j dz_sj·w_ji in order j = 0..nout−1 per sample.
// S > 1 reads each slice of W once for S samples (a wide layer's W does not fit in L1: one pass
// per sample would stream it B times); each sample's sum keeps the reference's order.
template <typename T, int S, int NV>
void din_block(T* din, const T* dz, const T* W, int s, int i, int nin, int nout) {
  using V = Vec<T>;
  V acc[S][NV];
  for (int q = 0; q < S; ++q)
    for (int v = 0; v < NV; ++v) acc[q][v] = V::zero();
  for (int j = 0; j < nout; ++j) {
    V w[NV];
    for (int v = 0; v < NV; ++v) w[v] = V::load(W + j * nin + i + v * V::kLanes);
    for (int q = 0; q < S; ++q) {
      const V d = V::splat(dz[(s + q) * nout + j]);
      for (int v = 0; v < NV; ++v) acc[q][v] = acc[q][v] + d * w[v];
    }
  }
  for (int q = 0; q < S; ++q)
    for (int v = 0; v < NV; ++v) acc[q][v].store(din + (s + q) * nin + i + v * V::kLanes);
}

// Samples s..s+S−1, every column: Vec blocks, then the reference's scalar sum for the tail.
template <typename T, int S>
void din_samples(T* din, const T* dz, const T* W, int s, int nin, int nout) {
  constexpr int L = Vec<T>::kLanes, NV = S == 1 ? 4 : 2;
  int i = 0;
  for (; i + NV * L <= nin; i += NV * L) din_block<T, S, NV>(din, dz, W, s, i, nin, nout);
  for (; i + L <= nin; i += L) din_block<T, S, 1>(din, dz, W, s, i, nin, nout);
  for (; i < nin; ++i)
    for (int q = s; q < s + S; ++q) {
      T acc = 0;
      for (int j = 0; j < nout; ++j) acc += dz[q * nout + j] * W[j * nin + i];
      din[q * nin + i] = acc;
    }
}

// Blocks of 4 samples while W is wide enough to fall out of L1 (below that the single-sample
// kernel's longer Vec rows win); the remaining samples one by one.
template <typename T>
void din_rows(T* din, const T* dz, const T* W, int B, int nin, int nout) {
  constexpr int kBlockedFrom = 4096;  // weights (nin × nout)
  int s = 0;
  if (nin * nout >= kBlockedFrom)
    for (; s + 4 <= B; s += 4) din_samples<T, 4>(din, dz, W, s, nin, nout);
  for (; s < B; ++s) din_samples<T, 1>(din, dz, W, s, nin, nout);
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

// dense_forward_fast for a layer of NIN inputs and NOUT outputs fixed at compile time (double, the
// tiny layers of the playground and the lessons): W and b read once per call for the whole batch,
// loops over samples only. Pairs of outputs share an f64x2 (W's columns paired once per call,
// each sample's inputs splat), so z is stored row-major as it is computed; a single output layer
// takes pairs of samples instead (W splat, each input gathered from two rows), stored contiguous
// the same way. Every lane sums Σᵢ w_ji·x_i from 0 in the reference's order, then adds b_j: the
// same bits as forward_rows.
template <int NIN, int NOUT>
void forward_fixed(double* z, const double* in, const double* W, const double* b, int B) {
  using V = Vec<double>;
  if constexpr (NOUT == 1) {
    V w[NIN];
    for (int i = 0; i < NIN; ++i) w[i] = V::splat(W[i]);
    const V bv = V::splat(b[0]);
    int s = 0;
    for (; s + 2 <= B; s += 2) {
      V acc = V::zero();
      for (int i = 0; i < NIN; ++i) acc = acc + w[i] * V::gather(in + s * NIN + i, NIN);
      (acc + bv).store(z + s);
    }
    if (s < B) forward_rows(z, in, W, b, s, B, NIN, 1);
  } else {
    constexpr int NP = NOUT / 2;  // output pairs; an odd last output runs the reference's loop
    V w[NP][NIN], bv[NP];
    for (int p = 0; p < NP; ++p) {
      for (int i = 0; i < NIN; ++i) w[p][i] = V::gather(W + 2 * p * NIN + i, NIN);
      bv[p] = V::load(b + 2 * p);
    }
    for (int s = 0; s < B; ++s) {
      const double* x = in + s * NIN;
      V xs[NIN];
      for (int i = 0; i < NIN; ++i) xs[i] = V::splat(x[i]);
      for (int p = 0; p < NP; ++p) {
        V acc = V::zero();
        for (int i = 0; i < NIN; ++i) acc = acc + w[p][i] * xs[i];
        (acc + bv[p]).store(z + s * NOUT + 2 * p);
      }
      if constexpr (NOUT % 2 == 1) {
        constexpr int j = NOUT - 1;
        double acc = 0;
        for (int i = 0; i < NIN; ++i) acc += W[j * NIN + i] * x[i];
        z[s * NOUT + j] = acc + b[j];
      }
    }
  }
}

using ForwardFixed = void (*)(double*, const double*, const double*, const double*, int);

// Index (nin − 1)·8 + nout − 1 for layers of 1 … 8 by 1 … 8 units. Unlike the backward, 8×8 layers
// too: their 32 Vecs of paired W spill to the stack, but a load from there per multiply costs
// less than the blocked kernel's gathers and per-lane stores (2-8×6-1 epoch +6 %, same run).
template <int... I>
constexpr std::array<ForwardFixed, sizeof...(I)> forward_fixed_table(
    std::integer_sequence<int, I...>) {
  return {&forward_fixed<I / 8 + 1, I % 8 + 1>...};
}

constexpr auto kForwardFixed = forward_fixed_table(std::make_integer_sequence<int, 64>{});

}  // namespace

template <typename T>
void dense_forward_fast(T* z, const T* in, const T* W, const T* b, int B, int nin, int nout) {
  if constexpr (std::is_same_v<T,
                               double>)  // float runs only wide layers (predict is feature-major)
    if (nin >= 1 && nin <= 8 && nout >= 1 && nout <= 8)
      if (const auto fixed = kForwardFixed[(nin - 1) * 8 + nout - 1]) return fixed(z, in, W, b, B);
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

namespace {

// dense_backward_fast for a layer of NIN inputs and NOUT outputs fixed at compile time (the tiny
// layers of the playground and the lessons): every loop over units unrolled, the accumulators in
// registers, no call per sample; loops over samples only. The same sums in the same order as the
// reference (db_j and dW_ji over samples in order, din_si over j in order), so the same bits.
template <typename T, int NIN, int NOUT>
void backward_fixed(T* din, T* dW, T* db, const T* dz, const T* in, const T* W, int B) {
  using V = Vec<T>;
  constexpr int L = V::kLanes, NV = NIN / L;  // whole Vecs of inputs; the rest scalar
  constexpr int R = NIN - NV * L;
  const T inv_b = T(1) / T(B);
  T gb[NOUT];
  V gv[NOUT][NV > 0 ? NV : 1];
  T gs[NOUT][R > 0 ? R : 1];
  for (int j = 0; j < NOUT; ++j) {
    gb[j] = 0;
    for (int v = 0; v < NV; ++v) gv[j][v] = V::zero();
    for (int r = 0; r < R; ++r) gs[j][r] = 0;
  }
  for (int s = 0; s < B; ++s) {
    const T* x = in + s * NIN;
    const T* d = dz + s * NOUT;
    V xv[NV > 0 ? NV : 1];
    for (int v = 0; v < NV; ++v) xv[v] = V::load(x + v * L);
    for (int j = 0; j < NOUT; ++j) {
      gb[j] += d[j];
      const V dj = V::splat(d[j]);
      for (int v = 0; v < NV; ++v) gv[j][v] = gv[j][v] + dj * xv[v];
      for (int r = 0; r < R; ++r) gs[j][r] += d[j] * x[NV * L + r];
    }
  }
  for (int j = 0; j < NOUT; ++j) {
    db[j] = gb[j] * inv_b;
    for (int v = 0; v < NV; ++v) (gv[j][v] * V::splat(inv_b)).store(dW + j * NIN + v * L);
    for (int r = 0; r < R; ++r) dW[j * NIN + NV * L + r] = gs[j][r] * inv_b;
  }
  if (!din) return;
  for (int s = 0; s < B; ++s) {
    const T* d = dz + s * NOUT;
    T* o = din + s * NIN;
    V acc[NV > 0 ? NV : 1];
    T accs[R > 0 ? R : 1];
    for (int v = 0; v < NV; ++v) acc[v] = V::zero();
    for (int r = 0; r < R; ++r) accs[r] = 0;
    for (int j = 0; j < NOUT; ++j) {
      const V dj = V::splat(d[j]);
      for (int v = 0; v < NV; ++v) acc[v] = acc[v] + dj * V::load(W + j * NIN + v * L);
      for (int r = 0; r < R; ++r) accs[r] += d[j] * W[j * NIN + NV * L + r];
    }
    for (int v = 0; v < NV; ++v) acc[v].store(o + v * L);
    for (int r = 0; r < R; ++r) o[NV * L + r] = accs[r];
  }
}

template <typename T>
using BackwardFixed = void (*)(T*, T*, T*, const T*, const T*, const T*, int);

// Fixed instances for layers of at most 16 weights: their accumulators fit in registers. An 8×8
// layer's 32 Vecs of dW spill, and the blocked kernels are faster there (2-8×6-1 epoch 7 % slower
// with its 8×8 layers fixed, same run).
constexpr int kFixedMaxWeights = 16;

template <typename T, int NIN, int NOUT>
constexpr BackwardFixed<T> backward_fixed_or_null() {
  if constexpr (NIN * NOUT <= kFixedMaxWeights)
    return &backward_fixed<T, NIN, NOUT>;
  else
    return nullptr;
}

// Index (nin − 1)·8 + nout − 1 for layers of 1 … 8 by 1 … 8 units; null: the blocked kernels.
template <typename T, int... I>
constexpr std::array<BackwardFixed<T>, sizeof...(I)> backward_fixed_table(
    std::integer_sequence<int, I...>) {
  return {backward_fixed_or_null<T, I / 8 + 1, I % 8 + 1>()...};
}

template <typename T>
constexpr auto kBackwardFixed = backward_fixed_table<T>(std::make_integer_sequence<int, 64>{});

}  // namespace

template <typename T>
void dense_backward_fast(T* din, T* dW, T* db, const T* dz, const T* in, const T* W, int B, int nin,
                         int nout) {
  if constexpr (std::is_same_v<T, double>)  // float trains only the bench's wide network
    if (nin >= 1 && nin <= 8 && nout >= 1 && nout <= 8)
      if (const auto fixed = kBackwardFixed<T>[(nin - 1) * 8 + nout - 1])
        return fixed(din, dW, db, dz, in, W, B);
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

namespace {

// Below this many values a layer runs fastmath's scalar form: one or two values do not fill the
// f64x2 pipeline, and loading, padding and storing a Vec costs more than it saves (measured on
// the 2-2-2 step). Both forms give the same bits, so the threshold only moves time.
constexpr int kScalarBelow = 4;

// a[k] = f(z[k]): whole f64x2 Vecs, then the tail value by value through the scalar instance of
// the same fastmath function (bitwise what its lane would have given).
template <typename F>
void map_f64(double* a, const double* z, int N, F f) {
  int k = 0;
  if (N >= kScalarBelow) {
    // Four Vecs per iteration: four independent chains in flight. With the rational-form tanh,
    // 1.80 ns per value against 2.25 with two Vecs and 2.5 with eight (V8 spills), Node 20.
    for (; k + 8 <= N; k += 8) {
      simd::f64x2 v[4];
      for (int u = 0; u < 4; ++u) v[u] = f(simd::f64x2::load(z + k + 2 * u));
      for (int u = 0; u < 4; ++u) v[u].store(a + k + 2 * u);
    }
    for (; k + 4 <= N; k += 4) {
      const simd::f64x2 u = f(simd::f64x2::load(z + k)), v = f(simd::f64x2::load(z + k + 2));
      u.store(a + k);
      v.store(a + k + 2);
    }
    for (; k + 2 <= N; k += 2) f(simd::f64x2::load(z + k)).store(a + k);
  }
  for (; k < N; ++k) a[k] = f(z[k]);
}

}  // namespace

void activation_forward_fast(double* a, const double* z, int B, int n, Activation f) {
  with_activation(f, [&]<class D>(D) {
    if constexpr (kElementwise<D>)
      map_f64(a, z, B * n, [](auto v) { return D::fast(v); });
    else
      activation_forward(a, z, B, n, f);
  });
}

void activation_forward_f32(float* a, const float* z, int B, int n, Activation f) {
  with_activation(f, [&]<class D>(D) {
    if constexpr (kElementwise<D>)
      map_elements(a, z, B * n, [](simd::f32x4 v) { return D::fast(v); });
    else
      softmax_rows_f32(a, z, B, n);
  });
}

}  // namespace nn
