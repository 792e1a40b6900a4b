// Batched forward over many points (the playground's decision-boundary grid) that never touches
// the training buffers: the trace a lesson shows stays as it was. Not for training: no z is kept.
#pragma once
#include <vector>

#include "network.h"

namespace nn {

// Work space reused across calls (one per network handle, so a frame allocates nothing): per
// precision the parameters, two ping-pong buffers and one chunk's outputs.
struct PredictScratch {
  template <typename T>
  struct Buffers {
    std::vector<T> params, a, b, out;
  };
  Buffers<double> f64;
  Buffers<float> f32;
};

inline constexpr int kMaxPredictRows = 1 << 20;  // a 1024 × 1024 grid

// in (rows, sizes.front()) → out (rows, sizes.back()), in double with the training kernels:
// bitwise equal to the outputs network_forward would compute for the same rows.
void predict(double* out, const double* in, int rows, const Network& net, PredictScratch* scratch);

// The same in float32 with fastmath's tanh/sigmoid/exp (absolute error ~1e-6 on outputs in [0, 1]):
// for heatmaps and anything else not shown digit by digit.
void predict_f32(double* out, const double* in, int rows, const Network& net,
                 PredictScratch* scratch);

// Values per row of predict_layers' result: sizes[1] + … + sizes[L] (every layer's units).
int predict_layers_width(const NetworkSpec& spec);

// One forward pass over `rows` points that keeps every layer's activations (the playground's output
// heatmap and every hidden neuron's map at once). in (rows, sizes[0]) → out (rows · width values,
// width = predict_layers_width): block l (l = 0 … L−1, L weight layers) holds a^{l+1} (rows,
// sizes[l+1]) row-major, starting at rows · (sizes[1] + … + sizes[l]); the last block is the output
// (output activation and softmax included). Block L−1 is bitwise what predict gives; block l < L−1
// is bitwise what predict gives for the network cut after layer l+1 (its hidden activation then
// applied as the output's: the activations are elementwise, so the same bits). 0 ≤ rows ≤
// kMaxPredictRows.
void predict_layers(double* out, const double* in, int rows, const Network& net,
                    PredictScratch* scratch);

// The same in float32 with fastmath (bitwise predict_f32 of each cut network, widened to double).
void predict_layers_f32(double* out, const double* in, int rows, const Network& net,
                        PredictScratch* scratch);

}  // namespace nn
