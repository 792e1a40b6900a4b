// The sweep and many-seeds runner; see ensemble.h.
#include "ensemble.h"

#include <cmath>

#include "metrics.h"

namespace nn {

Status ensemble_init(Ensemble& e, const NetworkSpec& spec,
                     const std::vector<double>& learning_rates, const std::vector<uint64_t>& seeds,
                     std::string* err) {
  const size_t n = learning_rates.empty() ? seeds.size() : learning_rates.size();
  if (n == 0 || n > static_cast<size_t>(kMaxCopies) ||
      (!learning_rates.empty() && !seeds.empty() && seeds.size() != n)) {
    *err = "copies: expected 1 to " + std::to_string(kMaxCopies) + " learning rates or seeds";
    return Status::BadSpec;
  }
  Ensemble out;
  for (size_t c = 0; c < n; ++c) {
    NetworkSpec copy = spec;
    if (!learning_rates.empty()) copy.optimizer.learning_rate = learning_rates[c];
    if (!seeds.empty()) {
      copy.seed = seeds[c];
      copy.params.clear();  // a seed means a random start
    }
    out.copies.emplace_back();
    if (network_init(out.copies.back(), copy, err) != Status::Ok) {
      *err = "copy " + std::to_string(c + 1) + ": " + *err;
      return Status::BadSpec;
    }
  }
  out.first_loss.assign(n, NAN);
  out.diverged_at.assign(n, -1);
  out.final_loss.assign(n, NAN);
  out.accuracy.assign(n, NAN);
  e = std::move(out);
  return Status::Ok;
}

// Trains one copy under the network's divergence rule (network_train); its losses go to `losses`.
static void train_copy(Ensemble& e, int c, int steps, double* losses) {
  Network& net = e.copies[c];
  int done = 0;
  network_train(net, steps, &done);
  for (int k = 0; k < done; ++k) losses[k] = net.losses[k];
  e.first_loss[c] = net.first_loss;
  if (net.diverged_at >= 0) e.diverged_at[c] = static_cast<int>(net.diverged_at);
}

void ensemble_train(Ensemble& e, int steps) {
  const int n = static_cast<int>(e.copies.size());
  e.last_steps = steps;
  e.losses.assign(static_cast<size_t>(n) * steps, NAN);
  for (int c = 0; c < n; ++c) {
    if (e.diverged_at[c] >= 0) continue;
    train_copy(e, c, steps, e.losses.data() + static_cast<size_t>(c) * steps);
    if (e.diverged_at[c] >= 0) {  // stopped in this call: no final numbers, not last chunk's
      e.final_loss[c] = NAN;
      e.accuracy[c] = NAN;
      continue;
    }
    e.final_loss[c] = network_forward(e.copies[c], 0, e.copies[c].spec.rows);
    e.accuracy[c] = network_accuracy(e.copies[c]);
  }
}

}  // namespace nn
