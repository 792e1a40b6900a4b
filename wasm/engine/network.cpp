// Orchestration of the kernels over the flat buffers; no arithmetic loops of its own beyond copies.
#include "network.h"

#include <cmath>
#include <cstdio>
#include <cstring>

#include "dense.h"
#include "dense_simd.h"
#include "rng.h"
#include "spec.h"

namespace nn {

int weight_layers(const NetworkSpec& spec) { return static_cast<int>(spec.sizes.size()) - 1; }

bool bias_shared(const NetworkSpec& spec, int l) {
  return l >= 0 && l < static_cast<int>(spec.shared_biases.size()) && spec.shared_biases[l];
}

int param_count(const NetworkSpec& spec) {
  int n = 0;
  for (int l = 0; l < weight_layers(spec); ++l) n += (spec.sizes[l] + 1) * spec.sizes[l + 1];
  return n;
}

static Layout make_layout(const NetworkSpec& spec) {
  Layout lay;
  lay.capacity = spec.rows;
  int p = 0, act = 0;
  for (int l = 0; l < weight_layers(spec); ++l) {
    const int nin = spec.sizes[l], nout = spec.sizes[l + 1], block = spec.rows * nout;
    lay.W.push_back(p);
    lay.b.push_back(p + nin * nout);
    p += (nin + 1) * nout;
    lay.z.push_back(act);
    lay.a.push_back(act + block);
    lay.dz.push_back(act);
    lay.da.push_back(act + block);
    act += 2 * block;
  }
  return lay;
}

// Xavier/He uniform weights from the seeded generator; biases start at 0.
static void init_params(std::vector<double>& params, const NetworkSpec& spec, const Layout& lay) {
  Rng rng(spec.seed);
  for (int l = 0; l < weight_layers(spec); ++l) {
    const int nin = spec.sizes[l], nout = spec.sizes[l + 1];
    const double limit =
        spec.init == Init::He ? std::sqrt(6.0 / nin) : std::sqrt(6.0 / (nin + nout));
    for (int k = 0; k < nin * nout; ++k) params[lay.W[l] + k] = rng.symmetric(limit);
    for (int j = 0; j < nout; ++j) params[lay.b[l] + j] = 0.0;
  }
}

Status network_init(Network& net, const NetworkSpec& spec, std::string* err) {
  if (!spec_validate(spec, err)) return Status::BadSpec;
  net = Network{};
  net.spec = spec;
  net.layout = make_layout(spec);
  const int P = param_count(spec);
  const int A = net.layout.capacity > 0 ? net.layout.da.back() + spec.rows * spec.sizes.back() : 0;
  net.params.assign(P, 0.0);
  if (spec.params.empty())
    init_params(net.params, spec, net.layout);
  else
    net.params = spec.params;
  net.spec.params.clear();  // the live copy is net.params
  net.grads.assign(P, 0.0);
  net.params_before = net.params;
  net.m.assign(P, 0.0);
  net.v.assign(P, 0.0);
  net.acts.assign(A, 0.0);
  net.dacts.assign(A, 0.0);
  net.sample_loss.assign(spec.rows, 0.0);
  net.plan = make_step_plan(net);
  return Status::Ok;
}

double network_forward(Network& net, int start, int count) {
  const NetworkSpec& s = net.spec;
  const Layout& lay = net.layout;
  const int L = weight_layers(s);
  const double* in = s.inputs.data() + start * s.sizes[0];
  for (int l = 0; l < L; ++l) {
    double* z = net.acts.data() + lay.z[l];
    double* a = net.acts.data() + lay.a[l];
    dense_forward_fast(z, in, net.params.data() + lay.W[l], net.params.data() + lay.b[l], count,
                       s.sizes[l], s.sizes[l + 1]);
    activation_forward_fast(a, z, count, s.sizes[l + 1], s.activations[l]);
    in = a;
  }
  net.batch_start = start;
  net.batch_rows = count;
  const double* y = s.targets.data() + start * s.sizes[L];
  net.penalty = 0;
  for (int l = 0; l < L && s.regularization.kind != Penalty::None; ++l)
    net.penalty += penalty_forward(net.params.data() + lay.W[l], s.sizes[l] * s.sizes[l + 1],
                                   s.regularization);
  net.loss = loss_forward(net.sample_loss.data(), net.acts.data() + lay.a[L - 1],
                          net.acts.data() + lay.z[L - 1], y, count, s.sizes[L], s.loss) +
             net.penalty;
  return net.loss;
}

static bool all_finite(const std::vector<double>& v) {
  for (double x : v)
    if (!std::isfinite(x)) return false;
  return true;
}

Status network_backward(Network& net) {
  const NetworkSpec& s = net.spec;
  const Layout& lay = net.layout;
  const int L = weight_layers(s), B = net.batch_rows;
  const double* y = s.targets.data() + net.batch_start * s.sizes[L];
  double* acts = net.acts.data();
  double* dacts = net.dacts.data();
  loss_backward(dacts + lay.dz[L - 1], acts + lay.a[L - 1], acts + lay.z[L - 1], y, B, s.sizes[L],
                s.loss, s.activations[L - 1]);
  for (int l = L - 1; l >= 0; --l) {
    const double* in = l > 0 ? acts + lay.a[l - 1] : s.inputs.data() + net.batch_start * s.sizes[0];
    double* din = l > 0 ? dacts + lay.da[l - 1] : nullptr;
    dense_backward_fast(din, net.grads.data() + lay.W[l], net.grads.data() + lay.b[l],
                        dacts + lay.dz[l], in, net.params.data() + lay.W[l], B, s.sizes[l],
                        s.sizes[l + 1]);
    if (bias_shared(s, l)) {  // one parameter used by every unit: ∂L/∂b = Σ_j δ_j (batch mean)
      double* db = net.grads.data() + lay.b[l];
      double sum = 0;
      for (int j = 0; j < s.sizes[l + 1]; ++j) sum += db[j];
      for (int j = 0; j < s.sizes[l + 1]; ++j) db[j] = sum;
    }
    penalty_backward(net.grads.data() + lay.W[l], net.params.data() + lay.W[l],
                     s.sizes[l] * s.sizes[l + 1], s.regularization);
    if (l > 0)
      activation_backward(dacts + lay.dz[l - 1], din, acts + lay.z[l - 1], acts + lay.a[l - 1], B,
                          s.sizes[l], s.activations[l - 1]);
  }
  return all_finite(net.grads) ? Status::Ok : Status::NotFinite;
}

// Applies the optimizer to params[from, from + n).
static void update_range(Network& net, int from, int n) {
  const Optimizer& o = net.spec.optimizer;
  double* p = net.params.data() + from;
  const double* g = net.grads.data() + from;
  switch (o.kind) {
    case OptimizerKind::Sgd:
      sgd_update(p, g, n, o.learning_rate);
      break;
    case OptimizerKind::Momentum:
      momentum_update(p, net.m.data() + from, g, n, o.learning_rate, o.momentum);
      break;
    case OptimizerKind::Adam:
      adam_update(p, net.m.data() + from, net.v.data() + from, g, n, o, net.t);
      break;
  }
}

Status network_update(Network& net) {
  std::memcpy(net.params_before.data(), net.params.data(), net.params.size() * sizeof(double));
  net.t += 1;
  const NetworkSpec& s = net.spec;
  if (s.train_biases) {
    update_range(net, 0, static_cast<int>(net.params.size()));
  } else {
    for (int l = 0; l < weight_layers(s); ++l)
      update_range(net, net.layout.W[l], s.sizes[l] * s.sizes[l + 1]);
  }
  for (int l = 0; l < weight_layers(s) && s.regularization.kind == Penalty::L1; ++l) {
    const int w = net.layout.W[l];
    penalty_prox(net.params.data() + w, net.params_before.data() + w, net.grads.data() + w,
                 s.sizes[l] * s.sizes[l + 1], s.optimizer.learning_rate,
                 s.optimizer.kind == OptimizerKind::Sgd, s.regularization);
  }
  if (all_finite(net.params)) return Status::Ok;
  net.params = net.params_before;  // keep the last good state
  net.t -= 1;
  return Status::NotFinite;
}

// The rows of the next scheduled batch; advances the cursor.
static void next_batch(Network& net, int* start, int* count) {
  const int rows = net.spec.rows;
  const int bs = net.spec.batch_size > 0 && net.spec.batch_size < rows ? net.spec.batch_size : rows;
  *start = net.cursor;
  *count = *start + bs <= rows ? bs : rows - *start;
  net.cursor = *start + *count >= rows ? 0 : *start + *count;
}

Status network_step(Network& net, double* loss) {
  if (net.plan.enabled && step_plan_applies(net.spec)) return planned_step(net, loss);
  int start = 0, count = 0;
  next_batch(net, &start, &count);
  *loss = network_forward(net, start, count);
  if (!std::isfinite(*loss)) return Status::NotFinite;
  const Status st = network_backward(net);
  return st != Status::Ok ? st : network_update(net);
}

double divergence_cutoff(double first) {
  return std::isfinite(first) ? kDivergenceFactor * std::fabs(first) : INFINITY;
}

static std::string short_number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", x);
  return buf;
}

std::string divergence_message(const Network& net) {
  if (net.diverged_at < 0) return "";
  const long n = net.diverged_at;
  return "training diverged after " + std::to_string(n) + (n == 1 ? " update: " : " updates: ") +
         net.diverged_why;
}

// Marks the run diverged after the updates done so far.
static Status diverge(Network& net, std::string why) {
  net.diverged_at = net.updates;
  net.diverged_why = std::move(why);
  return Status::NotFinite;
}

static std::string past_cutoff(double loss, double cutoff) {
  return "the loss " + short_number(loss) + " passed the cut-off " + short_number(cutoff) + " (" +
         short_number(kDivergenceFactor) + " × the first loss)";
}

// One training step under the divergence rule; on success its loss is appended to net.losses.
// `planned`: the step plan applies (network_train decides once per call: the spec cannot change
// during it).
static Status train_step(Network& net, bool planned) {
  double loss = NAN;
  if (planned) {
    // The fused step updates before the rule can look at its loss: plain SGD, so a step past
    // the cut-off is undone exactly from params_before.
    const Status st = planned_step(net, &loss);
    if (std::isnan(net.first_loss)) net.first_loss = loss;
    if (!std::isfinite(loss)) return diverge(net, "the loss is not a finite number");
    const double cutoff = divergence_cutoff(net.first_loss);
    if (loss > cutoff) {
      if (st == Status::Ok) {
        net.params = net.params_before;
        net.t -= 1;
      }
      return diverge(net, past_cutoff(loss, cutoff));
    }
    if (st != Status::Ok)
      return diverge(net, "a gradient or the next update is not finite (it was not applied)");
  } else {
    int start = 0, count = 0;
    next_batch(net, &start, &count);
    loss = network_forward(net, start, count);
    if (std::isnan(net.first_loss)) net.first_loss = loss;
    if (!std::isfinite(loss)) return diverge(net, "the loss is not a finite number");
    const double cutoff = divergence_cutoff(net.first_loss);
    if (loss > cutoff) return diverge(net, past_cutoff(loss, cutoff));
    if (network_backward(net) != Status::Ok || network_update(net) != Status::Ok)
      return diverge(net, "a gradient or the next update is not finite (it was not applied)");
  }
  net.updates += 1;
  net.losses.push_back(loss);
  return Status::Ok;
}

Status network_train(Network& net, int steps, int* done) {
  net.losses.clear();
  *done = 0;
  if (net.diverged_at >= 0) return Status::NotFinite;
  net.losses.reserve(steps > 0 ? steps : 0);
  const bool planned = net.plan.enabled && step_plan_applies(net.spec);
  for (int k = 0; k < steps; ++k) {
    const Status st = train_step(net, planned);
    if (st != Status::Ok) return st;
    *done = k + 1;
  }
  return Status::Ok;
}

}  // namespace nn
