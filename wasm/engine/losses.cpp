// Loss forward/backward kernels; see losses.h for the formulas and conventions.
#include "losses.h"

#include <cmath>

#include "fastmath.h"
#include "simd.h"

namespace nn {

namespace {

// bce over rows [0, B): the terms of up to kChunk outputs (bce_terms), then summed per sample
// in sample_loss_of's order: the same bits.
double bce_forward(double* sample_loss, const double* z, const double* y, int B, int K) {
  constexpr int kChunk = 64;
  double t[kChunk];
  const int rows = kChunk / K;
  double total = 0;
  for (int b0 = 0; b0 < B; b0 += rows) {
    const int nb = B - b0 < rows ? B - b0 : rows;
    bce_terms(t, z + b0 * K, y + b0 * K, nb * K);
    for (int q = 0; q < nb; ++q) {
      double s = 0;
      for (int k = 0; k < K; ++k) s += t[q * K + k];
      sample_loss[b0 + q] = s;
      total += s;
    }
  }
  return total / B;
}

}  // namespace

void bce_terms(double* t, const double* z, const double* y, int n) {
  using simd::f64x2;
  auto pair = [&](int i) {  // |z| ≥ 708 and NaN clamped to 708: defined, redone below
    const f64x2 zv = f64x2::load(z + i);
    const f64x2 m = fastmath::log1p_exp_neg(pmin(f64x2::splat(708.0), abs(zv)));
    return bce_term(zv, f64x2::load(y + i), m);
  };
  int i = 0;
  for (; i + 8 <= n; i += 8) {
    f64x2 v[4];
    for (int u = 0; u < 4; ++u) v[u] = pair(i + 2 * u);
    for (int u = 0; u < 4; ++u) v[u].store(t + i + 2 * u);
  }
  for (; i + 2 <= n; i += 2) pair(i).store(t + i);
  for (int k = 0; k < n; ++k)
    if (k >= i || !(std::fabs(z[k]) < 708.0))
      t[k] = bce_term(z[k], y[k], fastmath::log1p_exp_neg(std::fabs(z[k])));
}

double loss_forward(double* sample_loss, const double* a, const double* z, const double* y, int B,
                    int K, Loss loss) {
  if (loss == Loss::Bce && K <= 64) return bce_forward(sample_loss, z, y, B, K);
  double total = 0;
  for (int b = 0; b < B; ++b) {
    sample_loss[b] = sample_loss_of(a + b * K, z + b * K, y + b * K, K, loss);
    total += sample_loss[b];
  }
  return total / B;
}

void loss_backward(double* dz, const double* a, const double* z, const double* y, int B, int K,
                   Loss loss, Activation out) {
  const int N = B * K;
  switch (loss) {
    case Loss::HalfSse:  // ∂L/∂a = a − y, then through f'
      for (int i = 0; i < N; ++i) dz[i] = a[i] - y[i];
      activation_backward(dz, dz, z, a, B, K, out);
      break;
    case Loss::Mse:  // ∂L/∂a = (2/K)(a − y)
      for (int i = 0; i < N; ++i) dz[i] = (2.0 / K) * (a[i] - y[i]);
      activation_backward(dz, dz, z, a, B, K, out);
      break;
    case Loss::Bce:  // fused with sigmoid
      for (int i = 0; i < N; ++i) dz[i] = a[i] - y[i];
      break;
    case Loss::CrossEntropy:  // fused with softmax: a·Σy − y (= a − y for one-hot y)
      for (int b = 0; b < B; ++b) {
        double ysum = 0;
        for (int k = 0; k < K; ++k) ysum += y[b * K + k];
        for (int k = 0; k < K; ++k) dz[b * K + k] = a[b * K + k] * ysum - y[b * K + k];
      }
      break;
  }
}

const char* loss_pairing_error(Loss loss, Activation out) {
  if (loss == Loss::Bce && out != Activation::Sigmoid)
    return "bce needs a sigmoid output layer (it reads the outputs as probabilities)";
  if (loss == Loss::CrossEntropy && out != Activation::Softmax)
    return "cross_entropy needs a softmax output layer";
  if (out == Activation::Softmax && loss != Loss::CrossEntropy)
    return "a softmax output layer pairs only with cross_entropy";
  return nullptr;
}

}  // namespace nn
