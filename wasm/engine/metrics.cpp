// Accuracy and per-layer gradient norms; see metrics.h.
#include "metrics.h"

#include <cmath>

namespace nn {

static bool row_correct(const double* a, const double* y, int K, Activation out) {
  if (out == Activation::Softmax) {
    int pa = 0, py = 0;
    for (int k = 1; k < K; ++k) {
      if (a[k] > a[pa]) pa = k;
      if (y[k] > y[py]) py = k;
    }
    return pa == py;
  }
  for (int k = 0; k < K; ++k)
    if ((a[k] > 0.5) != (y[k] > 0.5)) return false;
  return true;
}

static bool classifies(const NetworkSpec& s) {
  const Activation out = s.activations[weight_layers(s) - 1];
  return out == Activation::Softmax || out == Activation::Sigmoid;
}

// The share of rows right at the activations of the last forward pass over all rows.
static double share_right(const Network& net) {
  const NetworkSpec& s = net.spec;
  const int L = weight_layers(s), K = s.sizes[L];
  const Activation out = s.activations[L - 1];
  const double* a = net.acts.data() + net.layout.a[L - 1];
  int right = 0;
  for (int r = 0; r < s.rows; ++r)
    right += row_correct(a + r * K, s.targets.data() + r * K, K, out);
  return static_cast<double>(right) / s.rows;
}

double network_accuracy(Network& net) {
  if (!classifies(net.spec)) return NAN;
  network_forward(net, 0, net.spec.rows);
  return share_right(net);
}

double network_loss_and_accuracy(Network& net, double* accuracy) {
  const double loss = network_forward(net, 0, net.spec.rows);
  *accuracy = classifies(net.spec) ? share_right(net) : NAN;
  return loss;
}

Status network_train_epochs(Network& net, int epochs, int per_epoch, std::vector<double>* ends,
                            int* done) {
  std::vector<double> losses;
  ends->clear();
  *done = 0;
  Status st = Status::Ok;
  for (int e = 0; e < epochs && st == Status::Ok; ++e) {
    int d = 0;
    st = network_train(net, per_epoch, &d);
    *done += d;
    losses.insert(losses.end(), net.losses.begin(), net.losses.end());
    if (st != Status::Ok) break;
    double accuracy = NAN;
    const double loss = network_loss_and_accuracy(net, &accuracy);
    ends->push_back(loss);
    ends->push_back(accuracy);
  }
  net.losses.swap(losses);
  return st;
}

void layer_gradient_norms(const Network& net, double* norms) {
  const NetworkSpec& s = net.spec;
  for (int l = 0; l < weight_layers(s); ++l) {
    const double* g = net.grads.data() + net.layout.W[l];
    double sum = 0;
    for (int k = 0; k < s.sizes[l] * s.sizes[l + 1]; ++k) sum += g[k] * g[k];
    norms[l] = std::sqrt(sum);
  }
}

}  // namespace nn
