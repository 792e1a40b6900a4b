// Loss forward/backward kernels; see losses.h for the formulas and conventions.
#include "losses.h"

#include <cmath>

#include "fastmath.h"
#include "simd.h"

namespace nn {

namespace {

// bce over rows [0, B) with the logarithms of up to kChunk outputs computed first, two at a time
// (fastmath::log1p_exp_neg on f64x2, no branch per value; a pair with a lane at |z| ≥ 708 or NaN
// takes the scalar function, whose libm tail covers it), then summed per sample in
// sample_loss_of's order: the same bits.
double bce_forward(double* sample_loss, const double* z, const double* y, int B, int K) {
  constexpr int kChunk = 64;
  double m[kChunk];
  const int rows = kChunk / K;
  double total = 0;
  for (int b0 = 0; b0 < B; b0 += rows) {
    const int n = (B - b0 < rows ? B - b0 : rows) * K;
    const double* zc = z + b0 * K;
    int i = 0;
    for (; i + 2 <= n; i += 2) {
      const simd::f64x2 x = abs(simd::f64x2::load(zc + i));
      if (x.lane(0) < 708.0 && x.lane(1) < 708.0) {
        fastmath::log1p_exp_neg(x).store(m + i);
      } else {
        m[i] = fastmath::log1p_exp_neg(std::fabs(zc[i]));
        m[i + 1] = fastmath::log1p_exp_neg(std::fabs(zc[i + 1]));
      }
    }
    for (; i < n; ++i) m[i] = fastmath::log1p_exp_neg(std::fabs(zc[i]));
    for (int q = 0; q < n / K; ++q) {
      const int b = b0 + q;
      double s = 0;
      for (int k = 0; k < K; ++k) s += bce_term(z[b * K + k], y[b * K + k], m[q * K + k]);
      sample_loss[b] = s;
      total += s;
    }
  }
  return total / B;
}

}  // namespace

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
