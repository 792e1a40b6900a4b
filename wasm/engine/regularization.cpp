// L1/L2 weight penalties; see regularization.h.
#include "regularization.h"

#include <cmath>

namespace nn {

double penalty_forward(const double* W, int n, const Regularization& r) {
  double s = 0;
  switch (r.kind) {
    case Penalty::None:
      return 0;
    case Penalty::L1:
      for (int i = 0; i < n; ++i) s += std::fabs(W[i]);
      return r.rate * s;
    case Penalty::L2:
      for (int i = 0; i < n; ++i) s += W[i] * W[i];
      return 0.5 * r.rate * s;
  }
  return 0;
}

void penalty_backward(double* dW, const double* W, int n, const Regularization& r) {
  switch (r.kind) {
    case Penalty::None:
      return;
    case Penalty::L1:
      for (int i = 0; i < n; ++i) dW[i] += r.rate * static_cast<double>((W[i] > 0) - (W[i] < 0));
      return;
    case Penalty::L2:
      for (int i = 0; i < n; ++i) dW[i] += r.rate * W[i];
      return;
  }
}

void penalty_prox(double* W, const double* before, const double* dW, int n, double lr, bool sgd,
                  const Regularization& r) {
  if (r.kind != Penalty::L1 || r.rate <= 0) return;
  const double t = lr * r.rate;  // ηλ
  for (int i = 0; i < n; ++i) {
    const double w = before[i];
    const double sign = static_cast<double>((w > 0) - (w < 0));
    const double data = dW[i] - r.rate * sign;  // ∂E_data/∂w
    if (sgd) {
      const double z = w - lr * data;
      const double shrunk = std::fabs(z) - t;
      W[i] = shrunk > 0 ? std::copysign(shrunk, z) : 0.0;
    } else if ((w != 0 && W[i] * w < 0) || (w == 0 && std::fabs(data) <= r.rate)) {
      W[i] = 0.0;
    }
  }
}

}  // namespace nn
