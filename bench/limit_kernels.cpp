// Hand-written fixed-shape training steps and the f32 GEMM probe for the bench (limit_kernels.h).
#include "limit_kernels.h"

#include <array>
#include <cmath>
#include <utility>
#include <vector>

#include "dense_simd.h"
#include "fastmath.h"
#include "losses.h"
#include "simd.h"

namespace nn::bench {

namespace {

template <int... S>
struct Shape {
  static constexpr std::array<int, sizeof...(S)> sizes = {S...};
  static constexpr int L = sizeof...(S) - 1;
  static constexpr int widest() {
    int w = 0;
    for (int n : sizes) w = n > w ? n : w;
    return w;
  }
  static constexpr int W(int l) {  // offset of W_l in params (b_l follows it)
    int p = 0;
    for (int k = 0; k < l; ++k) p += (sizes[k] + 1) * sizes[k + 1];
    return p;
  }
};

template <int N, typename F>
inline void static_for(F&& f) {
  [&]<int... I>(std::integer_sequence<int, I...>) { (f(std::integral_constant<int, I>{}), ...); }
  (std::make_integer_sequence<int, N>{});
}

template <int... I, typename F>
inline void static_for_down(std::integer_sequence<int, I...>, F&& f) {
  constexpr int N = sizeof...(I);
  (f(std::integral_constant<int, N - 1 - I>{}), ...);
}

using simd::f64x2;

template <typename V>
inline V act(V z, bool sigmoid) {
  return sigmoid ? fastmath::sigmoid(z) : fastmath::tanh(z);
}

// Every batch exactly kB samples (rows a multiple of kB); kHalfSse: sigmoid output with half_sse
// (false: bce). Values are kept feature-major (unit j of sample q at [j·kB + q]), so the
// per-sample work runs on f64x2 pairs of samples, as the engine's kernels do, every lane in the
// engine's order; sums over the batch (dW, db) run in sample order, as the engine's do.
template <class Sh, bool kHiddenSigmoid, bool kHalfSse, int kB>
int fixed_train(Network& net, int steps) {
  constexpr int L = Sh::L, N0 = Sh::sizes[0], K = Sh::sizes[L], Wd = Sh::widest();
  constexpr int kPairs = kB / 2;
  constexpr double inv_b = 1.0 / kB;
  const NetworkSpec& s = net.spec;
  const int rows = s.rows;
  const int bs = s.batch_size > 0 && s.batch_size < rows ? s.batch_size : rows;
  if (bs != kB || rows % kB != 0) return -1;
  const double lr = s.optimizer.learning_rate;
  double* p = net.params.data();
  alignas(16) double x0[N0 * kB];
  alignas(16) double a[L][Wd * kB];  // a_l of every sample of the batch
  alignas(16) double zout[K * kB];
  alignas(16) double d[Wd * kB], dn[Wd * kB];
  double sink = 0;
  for (int step = 0; step < steps; ++step) {
    const int start = net.cursor;
    net.cursor = start + kB >= rows ? 0 : start + kB;
    const double* xs = s.inputs.data() + start * N0;
    const double* y = s.targets.data() + start * K;
    for (int q = 0; q < kB; ++q)
      for (int i = 0; i < N0; ++i) x0[i * kB + q] = xs[q * N0 + i];
    static_for<L>([&](auto lc) {  // forward
      constexpr int l = lc, nin = Sh::sizes[l], nout = Sh::sizes[l + 1];
      constexpr bool sig = l == L - 1 || kHiddenSigmoid;
      const double* W = p + Sh::W(l);
      const double* b = W + nin * nout;
      const double* x = l == 0 ? x0 : a[l == 0 ? 0 : l - 1];
      for (int j = 0; j < nout; ++j) {
        for (int q = 0; q < 2 * kPairs; q += 2) {
          f64x2 acc = f64x2::zero();
          for (int i = 0; i < nin; ++i)
            acc = acc + f64x2::splat(W[j * nin + i]) * f64x2::load(x + i * kB + q);
          const f64x2 z = acc + f64x2::splat(b[j]);
          if constexpr (l == L - 1) z.store(zout + j * kB + q);
          act(z, sig).store(a[l] + j * kB + q);
        }
        if constexpr (kB % 2 == 1) {
          double acc = 0;
          for (int i = 0; i < nin; ++i) acc += W[j * nin + i] * x[i * kB + kB - 1];
          const double z = acc + b[j];
          if constexpr (l == L - 1) zout[j * kB + kB - 1] = z;
          a[l][j * kB + kB - 1] = act(z, sig);
        }
      }
    });
    double total = 0;  // the batch loss, as loss_forward computes it
    if constexpr (kHalfSse) {
      for (int q = 0; q < kB; ++q) {
        double sl = 0;
        for (int k = 0; k < K; ++k) {
          const double t = y[q * K + k], o = a[L - 1][k * kB + q];
          sl += (t - o) * (t - o);
        }
        total += 0.5 * sl;
      }
    } else {
      // bce through the engine's bce_terms (four pairs of logarithms in flight), which reads z
      // and y row-major: for one output the same as zout's feature-major layout.
      static_assert(K == 1);
      double terms[kB];
      bce_terms(terms, zout, y, kB);
      for (int q = 0; q < kB; ++q) total += 0.0 + terms[q];
    }
    sink += total / kB;
    for (int q = 0; q < kB; ++q)  // δ of the output layer
      for (int k = 0; k < K; ++k) {
        const double o = a[L - 1][k * kB + q], t = y[q * K + k];
        d[k * kB + q] = kHalfSse ? (o - t) * (1.0 - o) * o : o - t;
      }
    static_for_down(std::make_integer_sequence<int, L>{}, [&](auto lc) {  // backward + update
      constexpr int l = lc, nin = Sh::sizes[l], nout = Sh::sizes[l + 1];
      double* W = p + Sh::W(l);
      double* b = W + nin * nout;
      const double* x = l == 0 ? x0 : a[l == 0 ? 0 : l - 1];
      if constexpr (l > 0) {  // the next δ from the weights before their update
        for (int i = 0; i < nin; ++i) {
          for (int q = 0; q < 2 * kPairs; q += 2) {
            f64x2 acc = f64x2::zero();
            for (int j = 0; j < nout; ++j)
              acc = acc + f64x2::load(d + j * kB + q) * f64x2::splat(W[j * nin + i]);
            const f64x2 o = f64x2::load(x + i * kB + q);
            (kHiddenSigmoid ? acc * (f64x2::splat(1.0) - o) * o : acc * (f64x2::splat(1.0) - o * o))
                .store(dn + i * kB + q);
          }
          if constexpr (kB % 2 == 1) {
            double acc = 0;
            for (int j = 0; j < nout; ++j) acc += d[j * kB + kB - 1] * W[j * nin + i];
            const double o = x[i * kB + kB - 1];
            dn[i * kB + kB - 1] = kHiddenSigmoid ? acc * (1.0 - o) * o : acc * (1.0 - o * o);
          }
        }
      }
      for (int j = 0; j < nout; ++j) {
        double gb = 0;
        for (int q = 0; q < kB; ++q) gb += d[j * kB + q];
        for (int i = 0; i < nin; ++i) {
          double g = 0;
          for (int q = 0; q < kB; ++q) g += d[j * kB + q] * x[i * kB + q];
          W[j * nin + i] -= lr * (g * inv_b);
        }
        b[j] -= lr * (gb * inv_b);
      }
      if constexpr (l > 0)
        for (int k = 0; k < kB * nin; ++k) d[k] = dn[k];
    });
  }
  net.t += steps;
  net.loss = sink;  // keeps the loss computation from being optimised away
  return steps;
}

bool is(const NetworkSpec& s, std::initializer_list<int> sizes, Activation hidden, Activation out,
        Loss loss) {
  if (s.sizes != std::vector<int>(sizes) || s.loss != loss) return false;
  for (size_t l = 0; l + 1 < s.activations.size(); ++l)
    if (s.activations[l] != hidden) return false;
  return s.activations.back() == out;
}

}  // namespace

int limit_train(Network& net, int steps) {
  const NetworkSpec& s = net.spec;
  if (s.optimizer.kind != OptimizerKind::Sgd || s.regularization.kind != Penalty::None ||
      !s.train_biases)
    return -1;
  using A = Activation;
  if (is(s, {2, 2, 2}, A::Sigmoid, A::Sigmoid, Loss::HalfSse))
    return fixed_train<Shape<2, 2, 2>, true, true, 1>(net, steps);
  if (is(s, {2, 4, 2, 1}, A::Tanh, A::Sigmoid, Loss::Bce))
    return fixed_train<Shape<2, 4, 2, 1>, false, false, 10>(net, steps);
  if (is(s, {2, 8, 8, 8, 8, 8, 8, 1}, A::Tanh, A::Sigmoid, Loss::Bce))
    return fixed_train<Shape<2, 8, 8, 8, 8, 8, 8, 1>, false, false, 10>(net, steps);
  return -1;
}

double gemm_f32(int reps) {
  constexpr int B = 64, nin = 256, nout = 256;
  static std::vector<float> in(B * nin), W(nout * nin), b(nout), z(B * nout);
  for (int k = 0; k < B * nin; ++k) in[k] = static_cast<float>((k % 97) - 48) / 97.0f;
  for (int k = 0; k < nout * nin; ++k) W[k] = static_cast<float>((k % 89) - 44) / 890.0f;
  double sum = 0;
  for (int r = 0; r < reps; ++r) {
    dense_forward_fast(z.data(), in.data(), W.data(), b.data(), B, nin, nout);
    sum += z[r % (B * nout)];
  }
  return sum;
}

}  // namespace nn::bench
