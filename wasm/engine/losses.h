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
// 1.04 ulp of the exact value where libm's log1p(exp) reaches 1.5). V = double or f64x2 (its
// selects branch-free), the same bits per value; a batch's terms come from bce_terms, one
// sample's from sample_loss_of: the same bits.
template <class V>
inline V bce_term(V z, V y, V m) {
  using fastmath::select_gt0;
  const V nz = fastmath::xor_bits(z, fastmath::splat<V>(-0.0));  // −z
  const V sp_pos = select_gt0(z, z + m, m), sp_neg = select_gt0(nz, nz + m, m);
  return y * sp_neg + (fastmath::splat<V>(1.0) - y) * sp_pos;
}

// t[i] = bce_term(z[i], y[i], ln(1 + e^(−|z[i]|))), i < n, bit for bit: four f64x2 pairs in
// flight (one pair at a time waited on each logarithm: a fifth of the 2-4-2-1 epoch); a value
// with |z| ≥ 708 or NaN is redone by the scalar function (libm's tail).
void bce_terms(double* t, const double* z, const double* y, int n);

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
