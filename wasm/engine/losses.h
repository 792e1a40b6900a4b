// Loss functions per sample and their gradient at the output layer's net input z.
// The batch loss is the mean of the per-sample losses; δ = ∂Lᵢ/∂z is per sample (not divided by B).
#pragma once
#include <string_view>

#include "activations.h"

namespace nn {

// half_sse = ½ Σₖ (yₖ − aₖ)²  (the notes' E)      mse = (1/K) Σₖ (yₖ − aₖ)²
// bce = −Σₖ [yₖ ln aₖ + (1 − yₖ) ln(1 − aₖ)], from the logits (sigmoid outputs only)
// cross_entropy = −Σₖ yₖ ln softmax(z)ₖ, from the logits (softmax outputs only)
enum class Loss { HalfSse, Mse, Bce, CrossEntropy };
inline constexpr int kLossCount = 4;

// a, z, y: (B, K); sample_loss: (B). Returns the mean over the batch.
double loss_forward(double* sample_loss, const double* a, const double* z, const double* y, int B,
                    int K, Loss loss);
// dz: (B, K) = ∂Lᵢ/∂z through the output activation `out`. bce+sigmoid and cross_entropy+softmax
// are fused (a − y, and a·Σy − y) so saturated outputs keep an exact, finite gradient.
void loss_backward(double* dz, const double* a, const double* z, const double* y, int B, int K,
                   Loss loss, Activation out);

// Why a pairing is not allowed, or nullptr when it is.
const char* loss_pairing_error(Loss loss, Activation out);

}  // namespace nn
