// Many copies of one network trained side by side inside the engine: the learning-rate sweep (one
// learning rate per copy, identical initial weights) and the many-seeds experiment (one seed per
// copy). A copy that diverges (the network's rule: its loss stops being finite or exceeds
// kDivergenceFactor × its first loss) is stopped; the others go on.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "network.h"

namespace nn {

inline constexpr int kMaxCopies = 256;

struct Ensemble {
  std::vector<Network> copies;
  std::vector<double> first_loss;  // (copies) loss before the copy's first update
  std::vector<int> diverged_at;    // (copies) updates done when it diverged (over all train
                                   // calls; the bad loss is not recorded); −1 while healthy
  std::vector<double> losses;      // (copies, steps) of the last train call; NaN after a stop
  std::vector<double> final_loss;  // (copies) loss over all rows after the last train call
  std::vector<double> accuracy;    // (copies) after the last train call (NaN for regression)
  int last_steps = 0;
};

// One copy per entry of learning_rates (seeds empty: the spec's weights or seed for all) or per
// seed (learning_rates empty: the spec's rate for all). Both non-empty: equal lengths, paired.
Status ensemble_init(Ensemble& e, const NetworkSpec& spec,
                     const std::vector<double>& learning_rates, const std::vector<uint64_t>& seeds,
                     std::string* err);
// `steps` scheduled updates for every healthy copy; fills losses, final_loss and accuracy.
void ensemble_train(Ensemble& e, int steps);

}  // namespace nn
