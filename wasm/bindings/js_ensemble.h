// JsEnsemble: the learning-rate sweep and many-seeds runs for JavaScript. Converts and exposes
// views of wasm/engine/ensemble.h; no arithmetic of its own.
#pragma once
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "../engine/ensemble.h"

class JsEnsemble {
 public:
  // spec JSON + a JSON array of learning rates (or []) + a JSON array of seeds (or []).
  nn::Status configure(const std::string& spec_json, const std::string& rates_json,
                       const std::string& seeds_json);
  const std::string& error() const { return error_; }
  int copies() const { return static_cast<int>(e_.copies.size()); }
  // `steps` updates for every healthy copy; returns how many copies are still healthy.
  int train(int steps);
  // Views: losses (copies × steps of the last train call, NaN after a copy stopped), firstLoss,
  // finalLoss, accuracy, divergedAt (as doubles, −1 = healthy).
  emscripten::val buffers();
  // One copy's parameters (W1 b1 W2 b2 …), e.g. to show the weights a failed XOR run ended with.
  emscripten::val params(int copy);
  // ‖∂L/∂W_l‖ per layer of one copy after a fresh forward + backward over all rows.
  emscripten::val gradientNorms(int copy);

 private:
  nn::Ensemble e_;
  std::vector<double> diverged_at_;
  std::vector<double> norms_;
  std::string error_;
};
