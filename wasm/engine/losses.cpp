// Loss forward/backward kernels; see losses.h for the formulas and conventions.
#include "losses.h"

#include <cmath>

namespace nn {

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
