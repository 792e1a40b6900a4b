// A dense network and everything it computes, in flat buffers (llm.c's layout): the trace a lesson
// shows *is* the training state. network_forward/backward/update only orchestrate the kernels.
#pragma once
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "activations.h"
#include "fast_step.h"
#include "losses.h"
#include "optimizers.h"
#include "regularization.h"
#include "status.h"

namespace nn {

enum class Init { Xavier, He };

struct NetworkSpec {
  std::vector<int> sizes;               // units per layer, inputs first: {2, 2, 2}
  std::vector<Activation> activations;  // one per weight layer
  Loss loss = Loss::HalfSse;
  std::vector<double> params;  // W1 b1 W2 b2 …, W row-major (nout, nin); empty → random
  std::vector<double> inputs, targets;  // (rows, sizes.front()), (rows, sizes.back())
  int rows = 0;
  Optimizer optimizer;
  int batch_size = 0;  // samples per update, in order; 0 = all rows
  bool train_biases = true;
  // Tied biases, one flag per weight layer (empty = none): a shared layer has ONE bias used by all
  // its units (the notes' b1, b2). It is still stored in every unit's slot of `params` (the copies
  // are kept equal); its gradient is the sum over its uses, ∂L/∂b = Σ_j ∂L/∂b_j, written into every
  // slot, so any optimizer moves the copies together and the numerical check perturbs them as one.
  std::vector<bool> shared_biases;
  uint64_t seed = 1;
  Init init = Init::Xavier;
  double epsilon = 1e-6;          // the numerical gradient's central-difference step
  Regularization regularization;  // penalty on the weights, added to the loss
};

// Offsets of every named block. Per-sample blocks hold `capacity` rows; a batch uses the first
// ones.
struct Layout {
  std::vector<int> W, b;    // into params / grads (and m, v, params_before)
  std::vector<int> z, a;    // into acts: z_l, a_l (capacity, units)
  std::vector<int> dz, da;  // into dacts: δ_l = ∂Lᵢ/∂z_l, ∂Lᵢ/∂a_l
  int capacity = 0;
};

// The one divergence rule (every screen, the sweep and the CLI): a run has diverged when the loss
// measured before an update is not finite or exceeds kDivergenceFactor × the run's first loss, or
// when a gradient or the update itself stops being finite. It is named by the number of updates
// done before it (the loss "after N updates"), counted from the start of the run.
inline constexpr double kDivergenceFactor = 1000.0;

struct Network {
  NetworkSpec spec;
  Layout layout;
  std::vector<double> params, grads, params_before;
  std::vector<double> acts, dacts;
  std::vector<double> sample_loss;      // (capacity) losses of the last forward batch
  std::vector<double> losses;           // loss history written by network_train
  std::vector<double> m, v;             // optimizer state, same layout as params
  long t = 0;                           // optimizer steps taken
  int cursor = 0;                       // first row of the next training batch
  int batch_start = 0, batch_rows = 0;  // the batch the buffers describe
  double loss = 0;                      // mean data loss of the last forward batch + penalty
  double penalty = 0;                   // the regularisation part of `loss`
  StepPlan plan;                        // network_step's resolved fast path (fast_step.h)
  long updates = 0;                     // successful updates in this run (since init or set)
  double first_loss = NAN;              // the loss before the run's first training step
  long diverged_at = -1;                // `updates` when the run diverged; −1 while healthy
  std::string diverged_why;             // what went wrong, e.g. "the loss is not a finite number"
};

// The cut-off of the divergence rule for a run whose first loss is `first` (∞ before the first).
double divergence_cutoff(double first);
// "training diverged after N updates: <why>", or "" while healthy.
std::string divergence_message(const Network& net);

int weight_layers(const NetworkSpec& spec);
// True when weight layer l (0-based) has one bias shared by all its units.
bool bias_shared(const NetworkSpec& spec, int l);
int param_count(const NetworkSpec& spec);

// Validates the spec (err names the field), allocates buffers, copies or draws the parameters.
Status network_init(Network& net, const NetworkSpec& spec, std::string* err);
// Forward over rows [start, start + count): fills z, a, sample_loss; returns the batch mean loss
// plus the weight penalty (NaN or infinity when the numbers have overflowed: the caller reports
// it).
double network_forward(Network& net, int start, int count);
// Backward over the last forward batch: δ per layer and sample, dW and db batch means.
Status network_backward(Network& net);
// One optimizer step on grads. params_before keeps the values before it (the trace shows both);
// if the step produces a non-finite parameter it is undone and NotFinite returned.
Status network_update(Network& net);
// One scheduled step: next batch, forward, backward, update. *loss is the batch loss before it.
Status network_step(Network& net, double* loss);
// `steps` scheduled steps; losses[k] is the batch loss before update k. Stops where the divergence
// rule says (losses then has *done entries, all finite and within the cut-off; diverged_at and
// diverged_why say where and why) and refuses to go on until the next init.
Status network_train(Network& net, int steps, int* done);

}  // namespace nn
