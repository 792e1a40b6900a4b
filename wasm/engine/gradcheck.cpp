// Central-difference gradients for the numerical check; see gradcheck.h.
#include "gradcheck.h"

#include <cmath>

namespace nn {

Status gradient_check(Network& net, double* numeric) {
  const int rows = net.spec.rows;
  const double eps = net.spec.epsilon;
  if (!std::isfinite(network_forward(net, 0, rows))) return Status::NotFinite;
  for (size_t p = 0; p < net.params.size(); ++p) {
    const double saved = net.params[p];
    net.params[p] = saved + eps;
    const double up = network_forward(net, 0, rows);
    net.params[p] = saved - eps;
    const double down = network_forward(net, 0, rows);
    net.params[p] = saved;
    numeric[p] = (up - down) / (2 * eps);
  }
  // Leave the buffers describing the unperturbed forward and backward pass.
  network_forward(net, 0, rows);
  const Status st = network_backward(net);
  return st;
}

}  // namespace nn
