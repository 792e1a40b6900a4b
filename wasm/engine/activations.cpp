// Elementwise activations and softmax; see activations.h for the contract.
#include "activations.h"

#include <cmath>

namespace nn {

static double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);  // z < 0: never overflows
  return e / (1.0 + e);
}

static void softmax_row(double* a, const double* z, int n) {
  double m = z[0];
  for (int k = 1; k < n; ++k) m = z[k] > m ? z[k] : m;
  double sum = 0;
  for (int k = 0; k < n; ++k) sum += (a[k] = std::exp(z[k] - m));
  for (int k = 0; k < n; ++k) a[k] /= sum;
}

void activation_forward(double* a, const double* z, int B, int n, Activation f) {
  const int N = B * n;
  switch (f) {
    case Activation::Linear:
      for (int i = 0; i < N; ++i) a[i] = z[i];
      break;
    case Activation::Sigmoid:
      for (int i = 0; i < N; ++i) a[i] = sigmoid(z[i]);
      break;
    case Activation::Tanh:
      for (int i = 0; i < N; ++i) a[i] = std::tanh(z[i]);
      break;
    case Activation::Relu:
      for (int i = 0; i < N; ++i) a[i] = z[i] > 0 ? z[i] : 0.0;
      break;
    case Activation::LeakyRelu:
      for (int i = 0; i < N; ++i) a[i] = z[i] > 0 ? z[i] : kLeakySlope * z[i];
      break;
    case Activation::Softmax:
      for (int b = 0; b < B; ++b) softmax_row(a + b * n, z + b * n, n);
      break;
  }
}

void activation_backward(double* dz, const double* da, const double* z, const double* a, int B,
                         int n, Activation f) {
  const int N = B * n;
  using A = Activation;
  switch (f) {
    case A::Sigmoid:
      for (int i = 0; i < N; ++i) dz[i] = activation_backward_value<A::Sigmoid>(da[i], z[i], a[i]);
      break;
    case A::Tanh:
      for (int i = 0; i < N; ++i) dz[i] = activation_backward_value<A::Tanh>(da[i], z[i], a[i]);
      break;
    case A::Relu:
      for (int i = 0; i < N; ++i) dz[i] = activation_backward_value<A::Relu>(da[i], z[i], a[i]);
      break;
    case A::LeakyRelu:
      for (int i = 0; i < N; ++i)
        dz[i] = activation_backward_value<A::LeakyRelu>(da[i], z[i], a[i]);
      break;
    case A::Linear:
    case A::Softmax:
      for (int i = 0; i < N; ++i) dz[i] = da[i];
      break;
  }
}

}  // namespace nn
