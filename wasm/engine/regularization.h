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
// dW: (n) += ∂penalty/∂W: λ w for L2, λ sign(w) for L1 (0 at w = 0, like PyTorch's sign). L1's
// update then goes through penalty_prox, so weights reach exactly 0.
void penalty_backward(double* dW, const double* W, int n, const Regularization& r);

// L1's proximal step (the standard treatment: λΣ|w| has no derivative at 0, so a plain subgradient
// step only jumps over 0 and never lands on it). For the weights of one layer after the optimizer
// step, with before = the weights before it and dW = the gradient it used (data gradient + λ sign
// w): plain SGD → soft-thresholding, w ← sign(z)·max(|z| − ηλ, 0) with z = w − η ∂E_data/∂w (Parikh
// & Boyd, "Proximal Algorithms", §6.5.2); other optimizers → clip at zero (a weight whose step
// crosses 0 stops at 0, and a weight at 0 stays there while |∂E_data/∂w| ≤ λ; Tsuruoka et al.
// 2009). Either way weights the data does not need become exactly 0. Does nothing for L2 or none.
// W, before, dW: (n).
void penalty_prox(double* W, const double* before, const double* dW, int n, double lr, bool sgd,
                  const Regularization& r);

}  // namespace nn
