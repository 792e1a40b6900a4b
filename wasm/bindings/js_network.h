// JsNetwork: the adapter JavaScript holds. It validates, converts and exposes typed-array views of
// the engine's buffers; it does no arithmetic of its own (that lives in wasm/engine/).
#pragma once
#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <vector>

#include "../engine/network.h"
#include "../engine/predict.h"

class JsNetwork {
 public:
  // Builds the network from a spec in JSON. On BadSpec, error() names the field.
  nn::Status configure(const std::string& spec_json);
  const std::string& error() const { return error_; }
  nn::Status status() const { return status_; }

  double forward();  // all rows; returns the mean loss (status NotFinite when it is not finite)
  nn::Status backward();  // δ, dW, db for the last forward batch
  nn::Status update();    // one optimizer step; params_before keeps the previous values
  int train(int steps);   // scheduled steps inside WebAssembly; the losses buffer holds them
  // Numeric gradient into the `numeric` buffer (ε from the spec), the one-sided slopes into
  // `numericLeft` / `numericRight`, and 1 in `kinkCrossed` where ±ε crossed a ReLU kink.
  nn::Status gradientCheck();
  // One parameter at one ε (the ε sweep): {central, left, right, loss, kink} or null (error()).
  emscripten::val checkParameter(int p, double eps);

  nn::Status setLearningRate(double lr);
  // Changes μ, β₁, β₂ or Adam's ε while the run goes on ({"momentum": …, "beta1": …, "beta2": …,
  // "epsilon": …}; fields not given keep their values). The optimizer's kind, η and its state
  // (momentum's v, Adam's m, v and t) stay; a value out of range is refused and changes nothing.
  nn::Status setOptimizer(const std::string& json);
  // Optimizer steps taken (Adam's t, for its bias corrections).
  double optimizerSteps() const { return static_cast<double>(net_.t); }
  nn::Status setEpsilon(double eps);

  double accuracy();  // share of rows classified right (NaN for regression outputs); runs forward
  // A race's chunk (nn::network_train_epochs): up to `epochs` epochs of `perEpoch` updates, status
  // as train; returns the updates done; their losses are in the losses buffer, and after every
  // whole epoch the loss and accuracy over all rows as pairs at epochEndsData().
  int trainEpochs(int epochs, int perEpoch);
  const double* epochEndsData() const { return epoch_ends_.data(); }
  int epochEndsCount() const { return static_cast<int>(epoch_ends_.size() / 2); }
  emscripten::val gradientNorms();  // ‖∂L/∂W_l‖ per layer from the current gradients
  double loss() const { return net_.loss; }
  int batchStart() const { return net_.batch_start; }
  int batchRows() const { return net_.batch_rows; }
  // Updates done in this run (the divergence rule's count); configure starts a run at 0.
  double updates() const { return static_cast<double>(net_.updates); }
  // Continues a run's count after a configure that keeps the run (an edit, Undo).
  void setUpdates(double n);
  // The run's count when it diverged, or −1.
  double divergedAt() const { return static_cast<double>(net_.diverged_at); }
  // The loss above which the run counts as diverged (∞ before the first training step).
  double cutoff() const { return nn::divergence_cutoff(net_.first_loss); }
  std::string layoutJson() const;
  // Typed-array views: params, grads, paramsBefore, acts, dacts, sampleLosses, losses, numeric, and
  // the optimizer state m (momentum's velocity v, or Adam's first moment) and v (Adam's second).
  // Views detach when memory grows: re-read after any call that may allocate.
  emscripten::val buffers();

  // The heatmap path, one call per frame: reservePredict(rows) sizes the predictInputs (rows,
  // inputs) and predictOutputs (rows, outputs) views of buffers() (re-read them: this may grow
  // memory); predict(rows, exact) runs float32 fastmath, or with `exact` double (bitwise the
  // forward outputs), and leaves the training buffers alone. Call reservePredict after configure.
  nn::Status reservePredict(int rows);
  nn::Status predict(int rows, bool exact);
  // Every layer's activations over the reserved predictInputs in one pass (nn::predict_layers;
  // float32 fastmath unless `exact`): rows · (sizes[1] + … + sizes[L]) doubles at
  // predictLayersData(), block l (rows, sizes[l+1]) at rows · (sizes[1] + … + sizes[l]). May grow
  // memory (the result's buffer is sized here): read the address after the call.
  nn::Status predictLayers(int rows, bool exact);

  // This object's address: the argument of the plain C exports (plain_exports.cpp), which skip
  // embind's per-call cost for the calls a page makes every frame.
  uintptr_t handle() { return reinterpret_cast<uintptr_t>(this); }
  nn::Network& engine() { return net_; }  // the bench module's kernels (bench/) train it in place
  const double* lossesData() const { return net_.losses.data(); }
  int lossesCount() const { return static_cast<int>(net_.losses.size()); }
  double* predictInputsData() { return predict_in_.data(); }
  const double* predictOutputsData() const { return predict_out_.data(); }
  const double* predictLayersData() const { return predict_layers_.data(); }
  double* paramsData() { return net_.params.data(); }  // W¹ b¹ W² b² … (layoutJson's paramCount)

 private:
  nn::Status predict_check(int rows);
  nn::Status fail(nn::Status st, std::string message);
  nn::Network net_;
  std::vector<double> numeric_, numeric_left_, numeric_right_;
  std::vector<unsigned char> kink_;
  std::vector<double> norms_;
  std::vector<double> epoch_ends_;
  std::vector<double> predict_in_, predict_out_, predict_layers_;
  nn::PredictScratch predict_scratch_;
  std::string error_;
  nn::Status status_ = nn::Status::BadSpec;
  bool configured_ = false;
};

// The CLI's entry: runs a spec and returns the trace JSON, or {"error": "…"} naming the field, as
// UTF-8 bytes: a Uint8Array view of wasm memory, valid until the next call (the CLI writes it out
// as it is; others decode it).
emscripten::val trace_spec(const std::string& spec_json, int steps);

// f(z) of the activation `name` for one layer's net inputs zs (a JS array of numbers), or with
// `slope` f′(z) element by element (activation_backward with ∂L/∂a = 1: softmax gives 1, its
// Jacobian is written where it is used). [] for a name not in the catalogue. The TypeScript maths
// re-checks a learner's numbers with these, so it needs no formulas of its own.
emscripten::val activation_values(const std::string& name, const emscripten::val& zs, bool slope);
