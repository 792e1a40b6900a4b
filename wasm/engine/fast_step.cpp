// planned_step: network_step over a StepPlan (see fast_step.h). Layers of one sample run the
// reference loops inline (a 2×2 layer is a handful of operations, cheaper than any set-up); wider
// batches run the SIMD kernels of dense_simd.cpp. Both keep the reference's order: same bits.
#include "fast_step.h"

#include <cmath>

#include "dense_simd.h"
#include "network.h"

namespace nn {

namespace {

// x − x is 0 for every finite x and NaN for ±∞ and NaN: a branch-free finiteness test.
inline bool finite(double x) { return x - x == 0.0; }

// dense_backward's loops for one sample (B = 1, so the batch mean is the value times 1/1).
// Returns whether every dW and db is finite (the check network_backward makes afterwards).
inline bool backward_one(double* din, double* dW, double* db, const double* dz, const double* x,
                         const double* W, int nin, int nout) {
  const double inv_b = 1.0 / 1;
  bool ok = true;
  for (int j = 0; j < nout; ++j) {
    ok &= finite(db[j] = (0.0 + dz[j]) * inv_b);
    for (int i = 0; i < nin; ++i) ok &= finite(dW[j * nin + i] = (0.0 + dz[j] * x[i]) * inv_b);
  }
  if (!din) return ok;
  for (int i = 0; i < nin; ++i) {
    double acc = 0;
    for (int j = 0; j < nout; ++j) acc += dz[j] * W[j * nin + i];
    din[i] = acc;
  }
  return ok;
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
                           lay.dz[l], lay.da[l], s.activations[l]});
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
    if (B == 1) {
      dense_activation_forward_one(z, acts + p.a, in, params + p.W, params + p.b, p.nin, p.nout,
                                   p.f);
    } else {
      dense_forward_fast(z, in, params + p.W, params + p.b, B, p.nin, p.nout);
      activation_forward_fast(acts + p.a, z, B, p.nout, p.f);
    }
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
  const int n = static_cast<int>(net.params.size());
  bool ok = true;  // every gradient finite (network_backward's check), fused into B = 1's writes
  for (int l = L - 1; l >= 0; --l) {
    const LayerPlan& p = layers[l];
    const double* x = l > 0 ? acts + layers[l - 1].a : x0;
    double* din = l > 0 ? dacts + layers[l - 1].da : nullptr;
    if (B == 1)
      ok &=
          backward_one(din, grads + p.W, grads + p.b, dacts + p.dz, x, params + p.W, p.nin, p.nout);
    else
      dense_backward_fast(din, grads + p.W, grads + p.b, dacts + p.dz, x, params + p.W, B, p.nin,
                          p.nout);
    if (l > 0)
      activation_backward(dacts + layers[l - 1].dz, din, acts + layers[l - 1].z,
                          acts + layers[l - 1].a, B, p.nin, layers[l - 1].f);
  }
  if (B > 1)
    for (int k = 0; k < n; ++k) ok &= finite(grads[k]);
  if (!ok) return Status::NotFinite;

  // SGD update fused with the copy to params_before and the finiteness check (network_update).
  double* before = net.params_before.data();
  const double lr = s.optimizer.learning_rate;
  for (int k = 0; k < n; ++k) {
    const double w = params[k];
    before[k] = w;
    const double next = w - lr * grads[k];
    params[k] = next;
    ok &= finite(next);
  }
  if (ok) {
    net.t += 1;
    return Status::Ok;
  }
  for (int k = 0; k < n; ++k) params[k] = before[k];  // keep the last good state
  return Status::NotFinite;
}

}  // namespace nn
