// SGD, momentum and Adam kernels; see optimizers.h.
#include "optimizers.h"

#include <cmath>

namespace nn {

void sgd_update(double* p, const double* g, int n, double lr) {
  for (int i = 0; i < n; ++i) p[i] -= lr * g[i];
}

void momentum_update(double* p, double* v, const double* g, int n, double lr, double mu) {
  for (int i = 0; i < n; ++i) {
    v[i] = mu * v[i] + g[i];
    p[i] -= lr * v[i];
  }
}

// torch.lerp's two branches, so m follows PyTorch's rounding for any β₁.
static double lerp(double from, double to, double w) {
  return w < 0.5 ? from + w * (to - from) : to - (to - from) * (1.0 - w);
}

void adam_update(double* p, double* m, double* v, const double* g, int n, const Optimizer& opt,
                 long t) {
  const double bc1 = 1.0 - std::pow(opt.beta1, static_cast<double>(t));
  const double bc2_sqrt = std::sqrt(1.0 - std::pow(opt.beta2, static_cast<double>(t)));
  const double step = opt.learning_rate / bc1;
  for (int i = 0; i < n; ++i) {
    m[i] = lerp(m[i], g[i], 1.0 - opt.beta1);
    v[i] = v[i] * opt.beta2 + (1.0 - opt.beta2) * g[i] * g[i];
    p[i] -= step * (m[i] / (std::sqrt(v[i]) / bc2_sqrt + opt.epsilon));
  }
}

}  // namespace nn
