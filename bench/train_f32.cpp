// network_train_f32: the orchestration of network_step, over float buffers with the f32 kernels.
// The output layer's loss and δ go through the double loss kernels (B × K numbers, cheap).
#include "train_f32.h"

#include <algorithm>
#include <cmath>

#include "dense_simd.h"

namespace nn {

namespace {

// dz = da ⊙ f'(z) in float, each activation's backward (activations.h) at T = float.
void activation_backward_f32(float* dz, const float* da, const float* z, const float* a, int N,
                             Activation f) {
  with_activation(f, [&]<class D>(D) {
    for (int i = 0; i < N; ++i) dz[i] = D::backward(da[i], z[i], a[i]);
  });
}

// Forward over rows [start, start + B) and the output δ; returns the batch loss.
double forward_f32(Network& net, Float32Trainer& t, int start, int B) {
  const NetworkSpec& s = net.spec;
  const Layout& lay = net.layout;
  const int L = weight_layers(s), K = s.sizes[L];
  const float* in = t.inputs.data() + start * s.sizes[0];
  for (int l = 0; l < L; ++l) {
    float* z = t.acts.data() + lay.z[l];
    dense_forward_fast(z, in, t.params.data() + lay.W[l], t.params.data() + lay.b[l], B, s.sizes[l],
                       s.sizes[l + 1]);
    activation_forward_f32(t.acts.data() + lay.a[l], z, B, s.sizes[l + 1], s.activations[l]);
    in = t.acts.data() + lay.a[l];
  }
  const float* a = t.acts.data() + lay.a[L - 1];
  const float* z = t.acts.data() + lay.z[L - 1];
  std::copy(a, a + B * K, t.out_a.begin());
  std::copy(z, z + B * K, t.out_z.begin());
  const double* y = s.targets.data() + start * K;
  const double loss =
      loss_forward(t.sample_loss.data(), t.out_a.data(), t.out_z.data(), y, B, K, s.loss);
  loss_backward(t.out_dz.data(), t.out_a.data(), t.out_z.data(), y, B, K, s.loss,
                s.activations[L - 1]);
  std::copy(t.out_dz.begin(), t.out_dz.begin() + B * K, t.dacts.data() + lay.dz[L - 1]);
  return loss;
}

// Backward from the output δ, then w ← w − η g (biases only when trained).
void backward_update_f32(Network& net, Float32Trainer& t, int start, int B) {
  const NetworkSpec& s = net.spec;
  const Layout& lay = net.layout;
  float* acts = t.acts.data();
  float* dacts = t.dacts.data();
  for (int l = weight_layers(s) - 1; l >= 0; --l) {
    const float* in = l > 0 ? acts + lay.a[l - 1] : t.inputs.data() + start * s.sizes[0];
    float* din = l > 0 ? dacts + lay.da[l - 1] : nullptr;
    dense_backward_fast(din, t.grads.data() + lay.W[l], t.grads.data() + lay.b[l],
                        dacts + lay.dz[l], in, t.params.data() + lay.W[l], B, s.sizes[l],
                        s.sizes[l + 1]);
    if (bias_shared(s, l)) {  // one tied bias: the sum over its uses, in every copy
      float* db = t.grads.data() + lay.b[l];
      float sum = 0;
      for (int j = 0; j < s.sizes[l + 1]; ++j) sum += db[j];
      for (int j = 0; j < s.sizes[l + 1]; ++j) db[j] = sum;
    }
    if (l > 0)
      activation_backward_f32(dacts + lay.dz[l - 1], din, acts + lay.z[l - 1], acts + lay.a[l - 1],
                              B * s.sizes[l], s.activations[l - 1]);
  }
  const float lr = static_cast<float>(s.optimizer.learning_rate);
  for (int l = 0; l < weight_layers(s); ++l) {
    const int n = s.sizes[l] * s.sizes[l + 1] + (s.train_biases ? s.sizes[l + 1] : 0);
    for (int k = lay.W[l]; k < lay.W[l] + n; ++k) t.params[k] -= lr * t.grads[k];
  }
}

}  // namespace

Status network_train_f32(Network& net, int steps, int* done, Float32Trainer* t) {
  const NetworkSpec& s = net.spec;
  *done = 0;
  if (s.optimizer.kind != OptimizerKind::Sgd || s.regularization.kind != Penalty::None)
    return Status::BadSpec;
  const int rows = s.rows, K = s.sizes.back();
  const int bs = s.batch_size > 0 && s.batch_size < rows ? s.batch_size : rows;
  t->params.assign(net.params.begin(), net.params.end());
  t->grads.assign(net.params.size(), 0.0f);
  t->acts.resize(net.acts.size());
  t->dacts.resize(net.dacts.size());
  t->inputs.assign(s.inputs.begin(), s.inputs.end());
  for (auto* v : {&t->out_a, &t->out_z, &t->out_dz}) v->resize(static_cast<size_t>(bs) * K);
  t->sample_loss.resize(bs);
  net.losses.resize(steps > 0 ? steps : 0);
  Status st = Status::Ok;
  for (; *done < steps; ++*done) {
    const int start = net.cursor, count = std::min(bs, rows - start);
    net.cursor = start + count >= rows ? 0 : start + count;
    net.losses[*done] = forward_f32(net, *t, start, count);
    if (!std::isfinite(net.losses[*done])) {
      st = Status::NotFinite;
      break;
    }
    backward_update_f32(net, *t, start, count);
  }
  net.losses.resize(*done);
  net.t += *done;
  std::copy(t->params.begin(), t->params.end(), net.params.begin());
  return st;
}

}  // namespace nn
