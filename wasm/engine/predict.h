// Batched forward over many points (the playground's decision-boundary grid) that never touches
// the training buffers: the trace a lesson shows stays as it was. Not for training: no z is kept.
#pragma once
#include <vector>

#include "network.h"

namespace nn {

// Work space reused across calls (one per network handle, so a frame allocates nothing).
struct PredictScratch {
  std::vector<double> a, b;
  std::vector<float> fa, fb, fout, fparams;
};

inline constexpr int kMaxPredictRows = 1 << 20;  // a 1024 × 1024 grid

// in (rows, sizes.front()) → out (rows, sizes.back()), in double with the training kernels:
// bitwise equal to the outputs network_forward would compute for the same rows.
void predict(double* out, const double* in, int rows, const Network& net, PredictScratch* scratch);

// The same in float32 with fastmath's tanh/sigmoid/exp (absolute error ~1e-6 on outputs in [0, 1]):
// for heatmaps and anything else not shown digit by digit.
void predict_f32(double* out, const double* in, int rows, const Network& net,
                 PredictScratch* scratch);

}  // namespace nn
