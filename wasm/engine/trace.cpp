// Writes the trace JSON; the numbers come straight from the network's buffers.
#include "trace.h"

#include <cmath>

#include "json.h"

namespace nn {

static void write_params(JsonWriter& w, const Network& net, const char* wkey, const char* bkey) {
  const NetworkSpec& s = net.spec;
  const int L = weight_layers(s);
  w.key(wkey).begin_array();
  for (int l = 0; l < L; ++l)
    w.matrix(net.params.data() + net.layout.W[l], s.sizes[l + 1], s.sizes[l]);
  w.end_array();
  w.key(bkey).begin_array();
  for (int l = 0; l < L; ++l) w.numbers(net.params.data() + net.layout.b[l], s.sizes[l + 1]);
  w.end_array();
}

static void write_layers(JsonWriter& w, const Network& net) {
  const NetworkSpec& s = net.spec;
  const Layout& lay = net.layout;
  const int B = net.batch_rows;
  w.key("layers").begin_array();
  for (int l = 0; l < weight_layers(s); ++l) {
    const int n = s.sizes[l + 1];
    w.begin_object();
    w.key("z").matrix(net.acts.data() + lay.z[l], B, n);
    w.key("a").matrix(net.acts.data() + lay.a[l], B, n);
    w.key("delta").matrix(net.dacts.data() + lay.dz[l], B, n);
    w.key("dW").matrix(net.grads.data() + lay.W[l], n, s.sizes[l]);
    w.key("db").numbers(net.grads.data() + lay.b[l], n);
    w.end_object();
  }
  w.end_array();
}

Status trace_run(Network& net, int steps, std::string* out) {
  const int rows = net.spec.rows;
  JsonWriter w;
  w.begin_object();
  const double loss = network_forward(net, 0, rows);
  if (!std::isfinite(loss) || network_backward(net) != Status::Ok) {
    *out = "the loss or a gradient is not a finite number for these values";
    return Status::NotFinite;
  }
  w.key("loss").value(loss);
  w.key("sampleLosses").numbers(net.sample_loss.data(), rows);
  write_params(w, net, "weights", "biases");
  write_layers(w, net);
  int done = 0;
  const Status st = network_train(net, steps, &done);
  if (st != Status::Ok) {
    *out = "training stopped at update " + std::to_string(done + 1) + " of " +
           std::to_string(steps) +
           ": a loss, gradient or weight stopped being a finite number (diverged)";
    return st;
  }
  w.key("losses").numbers(net.losses.data(), done);
  write_params(w, net, "weightsAfter", "biasesAfter");
  w.key("lossAfter").value(network_forward(net, 0, rows));
  const int L = weight_layers(net.spec);
  w.key("outputsAfter").matrix(net.acts.data() + net.layout.a[L - 1], rows, net.spec.sizes[L]);
  w.end_object();
  *out = w.str();
  return Status::Ok;
}

}  // namespace nn
