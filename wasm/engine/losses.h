// Loss functions per sample and their gradient at the output layer's net input z.
// The batch loss is the mean of the per-sample losses; δ = ∂Lᵢ/∂z is per sample (not divided by B).
#pragma once
#include <cmath>
#include <string_view>

#include "activations.h"
#include "fastmath.h"

namespace nn {

// half_sse = ½ Σₖ (yₖ − aₖ)²  (the notes' E)      mse = (1/K) Σₖ (yₖ − aₖ)²
// bce = −Σₖ [yₖ ln aₖ + (1 − yₖ) ln(1 − aₖ)], from the logits (sigmoid outputs only)
// cross_entropy = −Σₖ yₖ ln softmax(z)ₖ, from the logits (softmax outputs only)
enum class Loss { HalfSse, Mse, Bce, CrossEntropy };
inline constexpr int kLossCount = 4;

// bce's term for one output from its logit z, target y and m = ln(1 + e^(−|z|)):
// y·softplus(−z) + (1 − y)·softplus(z), softplus(x) = max(x, 0) + m (no overflow); softplus(z)
// and softplus(−z) share the logarithm, so it is computed once per output (fastmath's, within
// 1.04 ulp of the exact value where libm's log1p(exp) reaches 1.5). loss_forward computes the
// logarithms of a batch two at a time; one sample's step calls sample_loss_of: the same bits.
inline double bce_term(double z, double y, double m) {
  const double sp_pos = z > 0 ? z + m : m, sp_neg = -z > 0 ? -z + m : m;
  return y * sp_neg + (1.0 - y) * sp_pos;
}

// One sample's loss, the term loss_forward averages (in the header so that the single-sample
// step inlines it). a, z, y: (K).
inline double sample_loss_of(const double* a, const double* z, const double* y, int K, Loss loss) {
  double s = 0;
  switch (loss) {
    case Loss::HalfSse:
      for (int k = 0; k < K; ++k) s += (y[k] - a[k]) * (y[k] - a[k]);
      return 0.5 * s;
    case Loss::Mse:
      for (int k = 0; k < K; ++k) s += (y[k] - a[k]) * (y[k] - a[k]);
      return s / K;
    case Loss::Bce:  // −[y ln σ(z) + (1 − y) ln(1 − σ(z))] = y·softplus(−z) + (1 − y)·softplus(z)
      for (int k = 0; k < K; ++k)
        s += bce_term(z[k], y[k], fastmath::log1p_exp_neg(std::fabs(z[k])));
      return s;
    case Loss::CrossEntropy: {  // −Σ y (z − m − ln Σ e^(z − m))
      double m = z[0];
      for (int k = 1; k < K; ++k) m = z[k] > m ? z[k] : m;
      double sum = 0;
      for (int k = 0; k < K; ++k) sum += std::exp(z[k] - m);
      const double lse = m + std::log(sum);
      for (int k = 0; k < K; ++k) s -= y[k] * (z[k] - lse);
      return s;
    }
  }
  return s;
}

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
