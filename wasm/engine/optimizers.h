// Parameter updates over flat (params, grads) ranges, with PyTorch's formulas (torch.optim).
#pragma once
#include <string_view>

namespace nn {

enum class OptimizerKind { Sgd, Momentum, Adam };

struct Optimizer {
  OptimizerKind kind = OptimizerKind::Sgd;
  double learning_rate = 0.1;  // η
  double momentum = 0.9;       // μ
  double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
};

// p, g: (n). w ← w − η g
void sgd_update(double* p, const double* g, int n, double lr);
// v ← μ v + g, w ← w − η v
void momentum_update(double* p, double* v, const double* g, int n, double lr, double mu);
// m ← m + (1 − β₁)(g − m), v ← β₂ v + (1 − β₂) g², w ← w − (η/(1 − β₁ᵗ)) m / (√v/√(1 − β₂ᵗ) + ε)
void adam_update(double* p, double* m, double* v, const double* g, int n, const Optimizer& opt,
                 long t);

}  // namespace nn
