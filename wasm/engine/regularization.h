// Weight penalties added to the loss: L2 = (λ/2) Σ w², L1 = λ Σ |w|, over weights only (biases are
// not penalised, as in TensorFlow Playground). Their gradients are added to ∂L/∂W.
#pragma once
#include <string_view>

namespace nn {

enum class Penalty { None, L1, L2 };

struct Regularization {
  Penalty kind = Penalty::None;
  double rate = 0;  // λ
};

// W: (n). Returns the penalty of these weights.
double penalty_forward(const double* W, int n, const Regularization& r);
// dW: (n) += ∂penalty/∂W: λ w for L2, λ sign(w) for L1 (0 at w = 0, like PyTorch's sign).
void penalty_backward(double* dW, const double* W, int n, const Regularization& r);

}  // namespace nn
