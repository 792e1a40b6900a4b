// Numerical gradient check (the notes' "numerical ε"): central differences over the whole batch.
#pragma once
#include "network.h"

namespace nn {

// Runs forward + backward on all rows (grads = the analytic gradient), then for every parameter p
// numeric[p] = (L(p + ε) − L(p − ε)) / 2ε with ε = net.spec.epsilon. Parameters are restored
// exactly. numeric: (param_count).
Status gradient_check(Network& net, double* numeric);

}  // namespace nn
