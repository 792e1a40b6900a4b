// Loss forward/backward kernels; see losses.h for the formulas and conventions.
#include "losses.h"

#include <cmath>

namespace nn {

static double sample_loss_of(const double* a, const double* z, const double* y, int K, Loss loss) {
  double s = 0;
  switch (loss) {
    case Loss::HalfSse:
      for (int k = 0; k < K; ++k) s += (y[k] - a[k]) * (y[k] - a[k]);
      return 0.5 * s;
    case Loss::Mse:
      for (int k = 0; k < K; ++k) s += (y[k] - a[k]) * (y[k] - a[k]);
      return s / K;
    case Loss::Bce:  // −[y ln σ(z) + (1 − y) ln(1 − σ(z))] = y·softplus(−z) + (1 − y)·softplus(z)
      for (int k = 0; k < K; ++k) {
        // softplus(x) = ln(1 + eˣ) = max(x, 0) + ln(1 + e^(−|x|)) without overflow; softplus(z)
        // and softplus(−z) share the logarithm, so it is computed once per output.
        const double m = std::log1p(std::exp(-std::fabs(z[k])));
        const double sp_pos = z[k] > 0 ? z[k] + m : m, sp_neg = -z[k] > 0 ? -z[k] + m : m;
        s += y[k] * sp_neg + (1.0 - y[k]) * sp_pos;
      }
      return s;
    case Loss::CrossEntropy: {  // −Σ y (z − m − ln Σ e^(z − m))
      double m = z[0];
      for (int k = 1; k < K; ++k) m = z[k] > m ? z[k] : m;
      double sum = 0;
      for (int k = 0; k < K; ++k) sum += std::exp(z[k] - m);
      const double lse = m + std::log(sum);
      for (int k = 0; k < K; ++k) s -= y[k] * (z[k] - lse);
      return s;
    }
  }
  return s;
}

double loss_forward(double* sample_loss, const double* a, const double* z, const double* y, int B,
                    int K, Loss loss) {
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
