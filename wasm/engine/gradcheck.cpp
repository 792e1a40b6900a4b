// Central-difference gradients for the numerical check; see gradcheck.h.
#include "gradcheck.h"

#include <cmath>
#include <vector>

namespace nn {

namespace {

// The slots of parameter p: itself, or every copy of a shared bias. Returns the count; first slot
// in *from, stride 1.
int slots_of(const Network& net, int p, int* from) {
  const NetworkSpec& s = net.spec;
  for (int l = 0; l < weight_layers(s); ++l) {
    const int b = net.layout.b[l], n = s.sizes[l + 1];
    if (p >= b && p < b + n && bias_shared(s, l)) {
      *from = b;
      return n;
    }
  }
  *from = p;
  return 1;
}

// Which side of 0 every unit whose f′ jumps there (activation_kink) is on, for all rows (after a
// forward pass).
void kink_sides(const Network& net, std::vector<unsigned char>* out) {
  const NetworkSpec& s = net.spec;
  out->clear();
  for (int l = 0; l < weight_layers(s); ++l) {
    if (!activation_kink(s.activations[l])) continue;
    const double* z = net.acts.data() + net.layout.z[l];
    for (int k = 0; k < net.batch_rows * s.sizes[l + 1]; ++k) out->push_back(z[k] > 0);
  }
}

double loss_at(Network& net, int from, int n, double value, std::vector<unsigned char>* sides) {
  for (int k = 0; k < n; ++k) net.params[from + k] = value;
  const double loss = network_forward(net, 0, net.spec.rows);
  kink_sides(net, sides);
  return loss;
}

}  // namespace

Status check_parameter(Network& net, int p, double eps, ParamCheck* out) {
  if (p < 0 || p >= static_cast<int>(net.params.size()) || !(eps > 0) || !std::isfinite(eps))
    return Status::BadSpec;
  int from = p;
  const int n = slots_of(net, p, &from);
  const double saved = net.params[from];
  std::vector<unsigned char> base, up_sides, down_sides;
  const double loss = loss_at(net, from, n, saved, &base);
  const double up = loss_at(net, from, n, saved + eps, &up_sides);
  const double down = loss_at(net, from, n, saved - eps, &down_sides);
  for (int k = 0; k < n; ++k) net.params[from + k] = saved;
  network_forward(net, 0, net.spec.rows);
  out->loss = loss;
  out->central = (up - down) / (2 * eps);
  out->left = (loss - down) / eps;
  out->right = (up - loss) / eps;
  out->kink = up_sides != base || down_sides != base;
  return std::isfinite(loss) && std::isfinite(up) && std::isfinite(down) ? Status::Ok
                                                                         : Status::NotFinite;
}

Status gradient_check(Network& net, double* numeric, double* left, double* right,
                      unsigned char* kink) {
  const int rows = net.spec.rows;
  const double eps = net.spec.epsilon;
  if (!std::isfinite(network_forward(net, 0, rows))) return Status::NotFinite;
  const int P = static_cast<int>(net.params.size());
  for (int p = 0; p < P;) {
    int from = p;
    const int n = slots_of(net, p, &from);
    ParamCheck c;
    const Status st = check_parameter(net, p, eps, &c);
    if (st != Status::Ok) return st;
    for (int k = from; k < from + n; ++k) {
      numeric[k] = c.central;
      if (left) left[k] = c.left;
      if (right) right[k] = c.right;
      if (kink) kink[k] = c.kink;
    }
    p = from + n;
  }
  // Leave the buffers describing the unperturbed forward and backward pass.
  network_forward(net, 0, rows);
  return network_backward(net);
}

}  // namespace nn
