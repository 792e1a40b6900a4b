// What a learner reads off a network besides the loss: accuracy and the gradient norm per layer.
#pragma once
#include "network.h"

namespace nn {

// Forward over all rows, then the share of rows classified right: argmax for softmax outputs,
// a > 0.5 against y > 0.5 for every sigmoid output (all must match). Other outputs: NaN.
double network_accuracy(Network& net);

// ‖∂L/∂W_l‖₂ per weight layer from the current grads (run backward first). norms: (layers).
void layer_gradient_norms(const Network& net, double* norms);

}  // namespace nn
