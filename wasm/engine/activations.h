// Activation functions, each defined once, in its ActivationDef below: the catalogue's row (name,
// label, maths), the reference value f(z), the fast form (fastmath; double, f64x2 and f32x4) and
// da·f′(z). Every kernel reaches them through with_activation, so a new activation is an enum
// value and its ActivationDef, nothing else in the engine. Buffers are row-major (B, n).
#pragma once
#include <cmath>
#include <utility>

#include "fastmath.h"

namespace nn {

enum class Activation { Linear, Sigmoid, Tanh, Relu, LeakyRelu, Softmax };
inline constexpr int kActivationCount = 6;
inline constexpr double kLeakySlope = 0.01;

// A row of the catalogue (catalogue.h), which the app shows and the spec reader names.
struct CatalogueEntry {
  const char* name;   // as written in a spec
  const char* label;  // as shown on screen
  // activations: "hidden" when allowed in a hidden layer; losses: the output activation it needs.
  const char* fits = "";
  // The maths as the notes write it, in LaTeX with placeholders the app fills in: activations
  // f({z}) and f′ in terms of {a} and {z} ({Σe^z}: the layer's e^{z_k} summed, for softmax);
  // losses E_k and ∂E/∂a_k in terms of {a}, {y} and the output count {K}.
  const char* tex = "";
  const char* dtex = "";
};

// x as a V: double, float, f64x2 or f32x4 (every lane).
template <class V>
V constant(double x) {
  if constexpr (std::is_arithmetic_v<V>)
    return static_cast<V>(x);
  else
    return V::splat(static_cast<decltype(V::zero().lane(0))>(x));
}

// An elementwise activation has `value` (the reference in double, libm's), `fast` (double, f64x2
// or f32x4: the same bits per value in double and f64x2) and `backward` (double or float: da·f′(z),
// f′ from a where that is the textbook form). `kink`: f′ jumps at z = 0 (the gradient check flags
// a step across it). `init`: the spec's initialisation that suits it, "he" for the ReLU family
// (He et al. 2015); "xavier" when absent (Glorot & Bengio 2010). Softmax works on whole rows
// (`row`) instead.
template <Activation F>
struct ActivationDef;

template <>
struct ActivationDef<Activation::Linear> {
  static constexpr CatalogueEntry entry{"linear", "linear", "hidden", "{z}", "1"};
  static double value(double z) { return z; }
  static auto fast(auto z) { return z; }
  static auto backward(auto da, auto, auto) { return da; }
};

template <>
struct ActivationDef<Activation::Sigmoid> {
  static constexpr CatalogueEntry entry{"sigmoid", "sigmoid", "hidden", "\\frac{1}{1 + e^{-{z}}}",
                                        "{a}\\,(1 - {a})"};
  static double value(double z) {  // e^(−|z|) never overflows
    const double e = std::exp(-std::fabs(z));
    return z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
  }
  static auto fast(auto z) { return fastmath::sigmoid(z); }
  static auto backward(auto da, auto, auto a) { return da * (1 - a) * a; }  // PyTorch's order
};

template <>
struct ActivationDef<Activation::Tanh> {
  static constexpr CatalogueEntry entry{"tanh", "tanh", "hidden", "\\tanh({z})", "1 - {{a}}^2"};
  static double value(double z) { return std::tanh(z); }
  static auto fast(auto z) { return fastmath::tanh(z); }
  static auto backward(auto da, auto, auto a) { return da * (1 - a * a); }
};

// ReLU′(0) = 0, as in PyTorch.
template <>
struct ActivationDef<Activation::Relu> {
  static constexpr CatalogueEntry entry{
      "relu", "ReLU", "hidden", "\\max(0, {z})",
      "\\begin{cases} 1 & {z} > 0 \\\\ 0 & {z} \\le 0 \\end{cases}"};
  static constexpr bool kink = true;
  static constexpr const char* init = "he";
  static auto fast(auto z) {
    using fastmath::select_gt0;
    return select_gt0(z, z, constant<decltype(z)>(0));
  }
  static double value(double z) { return fast(z); }
  static auto backward(auto da, auto z, auto) { return z > 0 ? da : constant<decltype(da)>(0); }
};

template <>
struct ActivationDef<Activation::LeakyRelu> {
  static constexpr CatalogueEntry entry{
      "leaky_relu", "leaky ReLU", "hidden", "\\max(0.01\\,{z}, {z})",
      "\\begin{cases} 1 & {z} > 0 \\\\ 0.01 & {z} \\le 0 \\end{cases}"};
  static constexpr bool kink = true;
  static constexpr const char* init = "he";
  static auto fast(auto z) {
    using fastmath::select_gt0;
    return select_gt0(z, z, z * constant<decltype(z)>(kLeakySlope));
  }
  static double value(double z) { return fast(z); }
  static auto backward(auto da, auto z, auto) {
    return z > 0 ? da : da * constant<decltype(da)>(kLeakySlope);
  }
};

// Output layers only. Its f′ in the catalogue is the Jacobian's diagonal (the off-diagonal −a_j a_k
// is written where it is used); its backward is fused with cross-entropy (loss_backward), so here
// ∂L/∂a passes through.
template <>
struct ActivationDef<Activation::Softmax> {
  static constexpr CatalogueEntry entry{"softmax", "softmax", "", "\\frac{e^{{z}}}{{Σe^z}}",
                                        "{a}\\,(1 - {a})"};
  static void row(double* a, const double* z, int n) {
    double m = z[0];
    for (int k = 1; k < n; ++k) m = z[k] > m ? z[k] : m;
    double sum = 0;
    for (int k = 0; k < n; ++k) sum += (a[k] = std::exp(z[k] - m));
    for (int k = 0; k < n; ++k) a[k] /= sum;
  }
  static auto backward(auto da, auto, auto) { return da; }
};

template <class D>
inline constexpr bool kElementwise = requires {
  D::value(0.0);
};

// fn(ActivationDef<f>{}): the one place a run-time activation becomes its definition.
template <class Fn>
[[gnu::always_inline]] inline void with_activation(Activation f, Fn&& fn) {
  [&]<int... I>(std::integer_sequence<int, I...>) {
    (void)((f == Activation(I) && (fn(ActivationDef<Activation(I)>{}), true)) || ...);
  }
  (std::make_integer_sequence<int, kActivationCount>{});
}

// z, a: (B, n), the reference values. Sigmoid and softmax stay finite for any finite z (|z| up to
// 1e4 and beyond).
void activation_forward(double* a, const double* z, int B, int n, Activation f);

// dz, da, z, a: (B, n): dz = da ⊙ f′(z). Softmax leaves dz = da (see loss_backward).
void activation_backward(double* dz, const double* da, const double* z, const double* a, int B,
                         int n, Activation f);

// Whether f′ jumps at z = 0 (ReLU, leaky ReLU).
bool activation_kink(Activation f);
// The definition's `init` ("he" or "xavier"), for the catalogue.
const char* activation_init(Activation f);

}  // namespace nn
