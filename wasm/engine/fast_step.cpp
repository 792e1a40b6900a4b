// planned_step: network_step over a StepPlan (see fast_step.h). A step of one sample runs its own
// function: per layer a kernel with the widths fixed at compile time (layers of up to 4 × 4
// units) or the reference loops, scalar and inline (a 2×2 layer is a handful of operations,
// cheaper than any set-up). Wider batches run the SIMD kernels of dense_simd.cpp. All keep the
// reference's order: same bits.
#include "fast_step.h"

#include <array>
#include <cmath>
#include <utility>

#include "dense_simd.h"
#include "fastmath.h"
#include "network.h"
#include "simd.h"

namespace nn {

namespace {

// x − x is 0 for every finite x and NaN for ±∞ and NaN: a branch-free finiteness test.
inline bool finite(double x) { return x - x == 0.0; }

// One sample through one layer: z = W·x + b (dense_forward_fast's order) and a = f(z)
// (activation_forward_fast's forms) in one pass, the activation of a layer narrower than a Vec
// (dense_simd.cpp's threshold, 4 values) inlined value by value. Bitwise what those two calls
// with B = 1 write. x (nin), W (nout, nin), b, z, a (nout).
[[gnu::always_inline]] inline void forward_one(double* z, double* a, const double* x,
                                               const double* W, const double* b, int nin, int nout,
                                               Activation f) {
  auto dot = [&](int j) {  // forward_rows for one sample
    double acc = 0;
    for (int i = 0; i < nin; ++i) acc += W[j * nin + i] * x[i];
    return acc + b[j];
  };
  if (nout < 4) {
    // map_f64's scalar tail, fused: z_j and a_j before the next unit (two chains in flight).
    bool fused = false;
    with_activation(f, [&]<class D>(D) {
      if constexpr (kElementwise<D>) {
        for (int j = 0; j < nout; ++j) a[j] = D::fast(z[j] = dot(j));
        fused = true;
      }
    });
    if (fused) return;
  }
  for (int j = 0; j < nout; ++j) z[j] = dot(j);
  activation_forward_fast(a, z, 1, nout, f);
}

template <int NIN, int NOUT>
void forward_one_fixed(double* z, double* a, const double* x, const double* W, const double* b, int,
                       int, Activation f) {
  forward_one(z, a, x, W, b, NIN, NOUT, f);
}

void forward_one_any(double* z, double* a, const double* x, const double* W, const double* b,
                     int nin, int nout, Activation f) {
  forward_one(z, a, x, W, b, nin, nout, f);
}

template <int... I>
constexpr std::array<ForwardOne, sizeof...(I)> forward_one_table(std::integer_sequence<int, I...>) {
  return {&forward_one_fixed<I / 4 + 1, I % 4 + 1>...};
}

constexpr auto kForwardOneFixed = forward_one_table(std::make_integer_sequence<int, 16>{});

// forward_one, or (nin and nout both 1 … 4) an instance of it with both widths fixed at compile
// time, its loops unrolled: the same bits.
ForwardOne forward_one_for(int nin, int nout) {
  if (nin >= 1 && nin <= 4 && nout >= 1 && nout <= 4)
    return kForwardOneFixed[(nin - 1) * 4 + nout - 1];
  return forward_one_any;
}

// dense_backward's loops for one sample (B = 1, so the batch mean is the value times 1/1).
// Returns whether every dW and db is finite (the check network_backward makes afterwards).
[[gnu::always_inline]] inline bool backward_one(double* din, double* dW, double* db,
                                                const double* dz, const double* x, const double* W,
                                                int nin, int nout) {
  const double inv_b = 1.0 / 1;
  bool ok = true;
  NN_SCALAR_LOOP
  for (int j = 0; j < nout; ++j) {
    ok &= finite(db[j] = (0.0 + dz[j]) * inv_b);
    NN_SCALAR_LOOP
    for (int i = 0; i < nin; ++i) ok &= finite(dW[j * nin + i] = (0.0 + dz[j] * x[i]) * inv_b);
  }
  if (!din) return ok;
  NN_SCALAR_LOOP
  for (int i = 0; i < nin; ++i) {
    double acc = 0;
    for (int j = 0; j < nout; ++j) acc += dz[j] * W[j * nin + i];
    din[i] = acc;
  }
  return ok;
}

template <int NIN, int NOUT>
bool backward_one_fixed(double* din, double* dW, double* db, const double* dz, const double* x,
                        const double* W, int, int) {
  return backward_one(din, dW, db, dz, x, W, NIN, NOUT);
}

bool backward_one_any(double* din, double* dW, double* db, const double* dz, const double* x,
                      const double* W, int nin, int nout) {
  return backward_one(din, dW, db, dz, x, W, nin, nout);
}

template <int... I>
constexpr std::array<BackwardOne, sizeof...(I)> backward_one_table(
    std::integer_sequence<int, I...>) {
  return {&backward_one_fixed<I / 4 + 1, I % 4 + 1>...};
}

constexpr auto kBackwardOneFixed = backward_one_table(std::make_integer_sequence<int, 16>{});

BackwardOne backward_one_for(int nin, int nout) {
  if (nin >= 1 && nin <= 4 && nout >= 1 && nout <= 4)
    return kBackwardOneFixed[(nin - 1) * 4 + nout - 1];
  return backward_one_any;
}

// activation_backward for one sample's n values, inline and scalar (NN_SCALAR_LOOP): the SIMD
// build's vectorised loop checks overlaps and trip counts at run time, which costs more than a
// few values (measured on the 2-2-2 step). The same expressions: the same bits.
[[gnu::always_inline]] inline void activation_backward_one(double* dz, const double* da,
                                                           const double* z, const double* a, int n,
                                                           Activation f) {
  with_activation(f, [&]<class D>(D) {
    NN_SCALAR_LOOP
    for (int i = 0; i < n; ++i) dz[i] = D::backward(da[i], z[i], a[i]);
  });
}

// loss_backward for one sample (B = 1), scalar: the same expressions as losses.cpp.
[[gnu::always_inline]] inline void loss_backward_one(double* dz, const double* a, const double* z,
                                                     const double* y, int K, Loss loss,
                                                     Activation out) {
  switch (loss) {
    case Loss::HalfSse:
      NN_SCALAR_LOOP
      for (int k = 0; k < K; ++k) dz[k] = a[k] - y[k];
      return activation_backward_one(dz, dz, z, a, K, out);
    case Loss::Mse:
      NN_SCALAR_LOOP
      for (int k = 0; k < K; ++k) dz[k] = (2.0 / K) * (a[k] - y[k]);
      return activation_backward_one(dz, dz, z, a, K, out);
    case Loss::Bce:
      NN_SCALAR_LOOP
      for (int k = 0; k < K; ++k) dz[k] = a[k] - y[k];
      return;
    case Loss::CrossEntropy:
      return loss_backward(dz, a, z, y, 1, K, loss, out);
  }
}

// The SGD update fused with the copy to params_before and the finiteness check (network_update);
// `ok`: every gradient was finite. In f64x2 pairs, the same bits (V8 gives clang's scalar loop a
// compare and branch per value): next − next is +0 if next is finite, else NaN, so its bits or'ed
// flag any non-finite value. Undoes a step that made a parameter non-finite.
Status update(Network& net, bool ok) {
  if (!ok) return Status::NotFinite;
  using simd::f64x2;
  const int n = static_cast<int>(net.params.size());
  double* params = net.params.data();
  const double* grads = net.grads.data();
  double* before = net.params_before.data();
  const double lr = net.spec.optimizer.learning_rate;
  const f64x2 lr2 = f64x2::splat(lr);
  f64x2 bad = f64x2::zero();
  int k = 0;
  for (; k + 2 <= n; k += 2) {
    const f64x2 w = f64x2::load(params + k);
    w.store(before + k);
    const f64x2 next = w - lr2 * f64x2::load(grads + k);
    next.store(params + k);
    bad = fastmath::or_bits(bad, next - next);
  }
  ok = bad.lane(0) == 0 && bad.lane(1) == 0;
  if (k < n) {
    before[k] = params[k];
    params[k] -= lr * grads[k];
    ok &= finite(params[k]);
  }
  if (ok) {
    net.t += 1;
    return Status::Ok;
  }
  for (k = 0; k < n; ++k) params[k] = before[k];  // keep the last good state
  return Status::NotFinite;
}

// planned_step for a batch of one sample (row `start`).
Status step_one(Network& net, double* loss, int start) {
  const NetworkSpec& s = net.spec;
  const LayerPlan* layers = net.plan.layers.data();
  const int L = static_cast<int>(net.plan.layers.size());
  const double* params = net.params.data();
  double* grads = net.grads.data();
  double* acts = net.acts.data();
  double* dacts = net.dacts.data();
  const int K = layers[L - 1].nout;
  const double* x0 = s.inputs.data() + start * layers[0].nin;
  const double* y = s.targets.data() + start * K;

  const double* in = x0;
  for (int l = 0; l < L; ++l) {
    const LayerPlan& p = layers[l];
    p.forward_one(acts + p.z, acts + p.a, in, params + p.W, params + p.b, p.nin, p.nout, p.f);
    in = acts + p.a;
  }
  const LayerPlan& out = layers[L - 1];
  net.batch_start = start;
  net.batch_rows = 1;
  net.penalty = 0;
  double total = 0;  // loss_forward's sum and mean for one sample, the sample's loss inlined
  total += net.sample_loss[0] = sample_loss_of(acts + out.a, acts + out.z, y, K, s.loss);
  *loss = net.loss = total / 1 + net.penalty;
  if (!finite(*loss)) return Status::NotFinite;

  loss_backward_one(dacts + out.dz, acts + out.a, acts + out.z, y, K, s.loss, out.f);
  bool ok = true;  // every gradient finite (network_backward's check), fused into the writes
  for (int l = L - 1; l >= 0; --l) {
    const LayerPlan& p = layers[l];
    const double* x = l > 0 ? acts + layers[l - 1].a : x0;
    double* din = l > 0 ? dacts + layers[l - 1].da : nullptr;
    ok &=
        p.backward_one(din, grads + p.W, grads + p.b, dacts + p.dz, x, params + p.W, p.nin, p.nout);
    if (l > 0)
      activation_backward_one(dacts + layers[l - 1].dz, din, acts + layers[l - 1].z,
                              acts + layers[l - 1].a, p.nin, layers[l - 1].f);
  }
  return update(net, ok);
}

}  // namespace

bool step_plan_applies(const NetworkSpec& spec) {
  // Tied biases (sum of db over the layer) take the general path.
  for (bool shared : spec.shared_biases)
    if (shared) return false;
  return spec.regularization.kind == Penalty::None && spec.train_biases &&
         spec.optimizer.kind == OptimizerKind::Sgd;
}

StepPlan make_step_plan(const Network& net) {
  StepPlan plan;
  const NetworkSpec& s = net.spec;
  const Layout& lay = net.layout;
  for (int l = 0; l < weight_layers(s); ++l)
    plan.layers.push_back({s.sizes[l], s.sizes[l + 1], lay.W[l], lay.b[l], lay.z[l], lay.a[l],
                           lay.dz[l], lay.da[l], s.activations[l],
                           forward_one_for(s.sizes[l], s.sizes[l + 1]),
                           backward_one_for(s.sizes[l], s.sizes[l + 1])});
  plan.enabled = !plan.layers.empty() && lay.capacity > 0;
  return plan;
}

Status planned_step(Network& net, double* loss) {
  const NetworkSpec& s = net.spec;
  const int rows = s.rows;
  const int bs = s.batch_size > 0 && s.batch_size < rows ? s.batch_size : rows;
  const int start = net.cursor;
  const int B = start + bs <= rows ? bs : rows - start;
  net.cursor = start + B >= rows ? 0 : start + B;
  if (B == 1) return step_one(net, loss, start);

  const LayerPlan* layers = net.plan.layers.data();
  const int L = static_cast<int>(net.plan.layers.size());
  double* params = net.params.data();
  double* grads = net.grads.data();
  double* acts = net.acts.data();
  double* dacts = net.dacts.data();
  const int nin0 = layers[0].nin, K = layers[L - 1].nout;
  const double* x0 = s.inputs.data() + start * nin0;
  const double* y = s.targets.data() + start * K;

  // Forward (network_forward without a penalty).
  const double* in = x0;
  for (int l = 0; l < L; ++l) {
    const LayerPlan& p = layers[l];
    double* z = acts + p.z;
    dense_forward_fast(z, in, params + p.W, params + p.b, B, p.nin, p.nout);
    activation_forward_fast(acts + p.a, z, B, p.nout, p.f);
    in = acts + p.a;
  }
  const LayerPlan& out = layers[L - 1];
  net.batch_start = start;
  net.batch_rows = B;
  net.penalty = 0;
  net.loss = loss_forward(net.sample_loss.data(), acts + out.a, acts + out.z, y, B, K, s.loss) +
             net.penalty;
  *loss = net.loss;
  if (!finite(*loss)) return Status::NotFinite;

  // Backward (network_backward).
  loss_backward(dacts + out.dz, acts + out.a, acts + out.z, y, B, K, s.loss, out.f);
  for (int l = L - 1; l >= 0; --l) {
    const LayerPlan& p = layers[l];
    const double* x = l > 0 ? acts + layers[l - 1].a : x0;
    double* din = l > 0 ? dacts + layers[l - 1].da : nullptr;
    dense_backward_fast(din, grads + p.W, grads + p.b, dacts + p.dz, x, params + p.W, B, p.nin,
                        p.nout);
    if (l > 0)
      activation_backward(dacts + layers[l - 1].dz, din, acts + layers[l - 1].z,
                          acts + layers[l - 1].a, B, p.nin, layers[l - 1].f);
  }
  const int n = static_cast<int>(net.params.size());
  bool ok = true;
  for (int k = 0; k < n; ++k) ok &= finite(grads[k]);
  return update(net, ok);
}

}  // namespace nn
