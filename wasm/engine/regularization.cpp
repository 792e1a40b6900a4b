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

}  // namespace nn
