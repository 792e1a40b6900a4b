// Numerical gradient check (the notes' "numerical ε"): central differences over the whole batch,
// with what is needed to judge them honestly: the two one-sided slopes, whether the step crossed a
// kink (ReLU or leaky ReLU at 0), and the loss itself (float resolution: a difference quotient
// cannot see a gradient much below ulp(L)/ε).
#pragma once
#include "network.h"

namespace nn {

// One parameter's check at one ε.
struct ParamCheck {
  double central = 0;  // (L(p + ε) − L(p − ε)) / 2ε
  double left = 0;     // (L(p) − L(p − ε)) / ε
  double right = 0;    // (L(p + ε) − L(p)) / ε
  double loss = 0;     // L(p), the unperturbed loss
  bool kink = false;   // p ± ε moved some ReLU / leaky-ReLU unit across z = 0 (on some sample)
};

// Runs forward + backward on all rows (grads = the analytic gradient), then checks every parameter
// with ε = net.spec.epsilon. A shared bias is one parameter: all its copies move together, and
// every copy gets the same result. Parameters are restored exactly. Each output array has
// param_count entries; left, right and kink may be null. NotFinite when a loss is not finite.
Status gradient_check(Network& net, double* numeric, double* left = nullptr,
                      double* right = nullptr, unsigned char* kink = nullptr);

// Checks parameter p (0 ≤ p < param_count; any copy of a shared bias) at step eps (> 0), over all
// rows. Leaves the buffers describing the unperturbed forward pass (the analytic gradient in grads
// is not recomputed). BadSpec for p or eps out of range, NotFinite for a non-finite loss.
Status check_parameter(Network& net, int p, double eps, ParamCheck* out);

}  // namespace nn
