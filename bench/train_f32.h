// Float32 training for what is never shown digit by digit (big networks, benchmarks): a float copy
// of the network trained with the f32 kernels and fastmath, plain SGD only. The lessons' numbers
// always come from network_train in double; this is a separate, explicitly chosen path.
#pragma once
#include <vector>

#include "network.h"

namespace nn {

// Float twins of the network's buffers (same layout), kept between calls to avoid reallocating.
struct Float32Trainer {
  std::vector<float> params, grads, acts, dacts, inputs, targets;
  std::vector<double> out_a, out_z, out_y, out_dz,
      sample_loss;  // (batch, K) for the loss in double
};

// `steps` scheduled SGD steps in float32, then the parameters are copied back into net.params
// (net.t, cursor and losses advance as with network_train). BadSpec if the spec asks for another
// optimizer or a weight penalty; NotFinite (with *done steps kept) if a loss stops being finite.
Status network_train_f32(Network& net, int steps, int* done, Float32Trainer* t);

}  // namespace nn
