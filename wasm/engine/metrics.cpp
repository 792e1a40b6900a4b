// Accuracy and per-layer gradient norms; see metrics.h.
#include "metrics.h"

#include <cmath>

namespace nn {

static bool row_correct(const double* a, const double* y, int K, Activation out) {
  if (out == Activation::Softmax) {
    int pa = 0, py = 0;
    for (int k = 1; k < K; ++k) {
      if (a[k] > a[pa]) pa = k;
      if (y[k] > y[py]) py = k;
    }
    return pa == py;
  }
  for (int k = 0; k < K; ++k)
    if ((a[k] > 0.5) != (y[k] > 0.5)) return false;
  return true;
}

double network_accuracy(Network& net) {
  const NetworkSpec& s = net.spec;
  const int L = weight_layers(s), K = s.sizes[L];
  const Activation out = s.activations[L - 1];
  if (out != Activation::Softmax && out != Activation::Sigmoid) return NAN;
  network_forward(net, 0, s.rows);
  const double* a = net.acts.data() + net.layout.a[L - 1];
  int right = 0;
  for (int r = 0; r < s.rows; ++r)
    right += row_correct(a + r * K, s.targets.data() + r * K, K, out);
  return static_cast<double>(right) / s.rows;
}

void layer_gradient_norms(const Network& net, double* norms) {
  const NetworkSpec& s = net.spec;
  for (int l = 0; l < weight_layers(s); ++l) {
    const double* g = net.grads.data() + net.layout.W[l];
    double sum = 0;
    for (int k = 0; k < s.sizes[l] * s.sizes[l + 1]; ++k) sum += g[k] * g[k];
    norms[l] = std::sqrt(sum);
  }
}

}  // namespace nn
