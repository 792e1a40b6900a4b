// Activation functions: forward a = f(z) and backward dz = da ⊙ f'(z), row-major (B, n) buffers.
// Softmax is only an output activation; its backward is fused with cross-entropy in losses.cpp.
#pragma once
#include <string_view>

namespace nn {

enum class Activation { Linear, Sigmoid, Tanh, Relu, LeakyRelu, Softmax };
inline constexpr int kActivationCount = 6;
inline constexpr double kLeakySlope = 0.01;

// z, a: (B, n). Sigmoid and softmax stay finite for any finite z (|z| up to 1e4 and beyond).
void activation_forward(double* a, const double* z, int B, int n, Activation f);
// One element of activation_backward: da·f'(z) for an elementwise f (Linear and Softmax: da). The
// loops below and the single-sample step (fast_step.cpp) share it, so they round alike.
template <Activation F>
inline double activation_backward_value(double da, double z, double a) {
  if constexpr (F == Activation::Sigmoid) return da * (1.0 - a) * a;  // PyTorch's order
  if constexpr (F == Activation::Tanh) return da * (1.0 - a * a);
  if constexpr (F == Activation::Relu) return z > 0 ? da : 0.0;
  if constexpr (F == Activation::LeakyRelu) return z > 0 ? da : da * kLeakySlope;
  return da;
}

// dz, da, z, a: (B, n). f'(z) uses a where that is the textbook form: σ' = a(1 − a), tanh' = 1 −
// a². ReLU' is 1 for z > 0 and 0 otherwise (0 at z = 0, like PyTorch); leaky ReLU' is 0.01 for z ≤
// 0. Softmax is not elementwise: calling this with Softmax leaves dz = da (see loss_backward).
void activation_backward(double* dz, const double* da, const double* z, const double* a, int B,
                         int n, Activation f);
}  // namespace nn
