// What a learner reads off a network besides the loss: accuracy and the gradient norm per layer.
#pragma once
#include "network.h"

namespace nn {

// Forward over all rows, then the share of rows classified right: argmax for softmax outputs,
// a > 0.5 against y > 0.5 for every sigmoid output (all must match). Other outputs: NaN.
double network_accuracy(Network& net);

// One forward pass over all rows for both numbers a race records after every epoch (#11): returns
// the mean loss (as network_forward(net, 0, rows)) and puts the share of rows classified right at
// those activations (as network_accuracy) in *accuracy, NaN for regression outputs. One pass where
// forward then accuracy took two.
double network_loss_and_accuracy(Network& net, double* accuracy);

// A race's chunk in one call (#11): up to `epochs` epochs of `per_epoch` updates each
// (network_train), and after every whole epoch its loss and accuracy over all rows from one forward
// pass (network_loss_and_accuracy) appended to `ends` as (loss, accuracy) pairs. Stops at a
// divergence (that epoch gets no pair). net.losses then holds every update's loss of the call, in
// order, as one network_train of all of them would (*done updates, one more at a divergence when
// that loss was finite). Returns network_train's status.
Status network_train_epochs(Network& net, int epochs, int per_epoch, std::vector<double>* ends,
                            int* done);

// ‖∂L/∂W_l‖₂ per weight layer from the current grads (run backward first). norms: (layers).
void layer_gradient_norms(const Network& net, double* norms);

}  // namespace nn
