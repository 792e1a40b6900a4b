// The teaching trace as JSON: every z, a, δ per layer and sample, dW and db, the loss, and the
// parameters after the requested updates. The CLI and the answer keys print this.
#pragma once
#include <string>

#include "network.h"

namespace nn {

// Runs forward + backward on all rows of the freshly initialised net (the "before" state), then
// `steps` scheduled updates (losses recorded), then one more forward pass on all rows.
// Returns Ok and the JSON, or the status with *out an error message.
Status trace_run(Network& net, int steps, std::string* out);

}  // namespace nn
