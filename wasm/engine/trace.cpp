// Writes the trace JSON; the numbers come straight from the network's buffers.
#include "trace.h"

#include <cmath>

#include "json.h"

namespace nn {

namespace {

Json numbers(const double* x, int n) {
  Json::array_t v;
  v.reserve(n);
  for (int k = 0; k < n; ++k) v.emplace_back(x[k]);
  return Json(std::move(v));
}

// [[…], …] row-major
Json matrix(const double* x, int rows, int cols) {
  Json::array_t m;
  m.reserve(rows);
  for (int r = 0; r < rows; ++r) m.push_back(numbers(x + r * cols, cols));
  return Json(std::move(m));
}

void write_params(Json& out, const Network& net, const char* wkey, const char* bkey) {
  const NetworkSpec& s = net.spec;
  Json W = Json::array(), b = Json::array();
  for (int l = 0; l < weight_layers(s); ++l) {
    W.push_back(matrix(net.params.data() + net.layout.W[l], s.sizes[l + 1], s.sizes[l]));
    b.push_back(numbers(net.params.data() + net.layout.b[l], s.sizes[l + 1]));
  }
  out[wkey] = std::move(W);
  out[bkey] = std::move(b);
}

Json layers_json(const Network& net) {
  const NetworkSpec& s = net.spec;
  const Layout& lay = net.layout;
  const int B = net.batch_rows;
  Json layers = Json::array();
  for (int l = 0; l < weight_layers(s); ++l) {
    const int n = s.sizes[l + 1];
    Json& layer = layers.emplace_back(Json::object());
    layer["z"] = matrix(net.acts.data() + lay.z[l], B, n);
    layer["a"] = matrix(net.acts.data() + lay.a[l], B, n);
    layer["delta"] = matrix(net.dacts.data() + lay.dz[l], B, n);
    layer["dW"] = matrix(net.grads.data() + lay.W[l], n, s.sizes[l]);
    layer["db"] = numbers(net.grads.data() + lay.b[l], n);
    layer["sharedBias"] = bias_shared(s, l);
  }
  return layers;
}

}  // namespace

Status trace_run(Network& net, int steps, std::string* out) {
  const int rows = net.spec.rows;
  Json trace = Json::object();
  const double loss = network_forward(net, 0, rows);
  if (!std::isfinite(loss) || network_backward(net) != Status::Ok) {
    *out = "the loss or a gradient is not a finite number for these values";
    return Status::NotFinite;
  }
  trace["loss"] = loss;
  trace["sampleLosses"] = numbers(net.sample_loss.data(), rows);
  write_params(trace, net, "weights", "biases");
  trace["layers"] = layers_json(net);
  int done = 0;
  const Status st = network_train(net, steps, &done);
  if (st != Status::Ok) {
    *out = divergence_message(net) + " (of " + std::to_string(steps) + " asked)";
    return st;
  }
  trace["losses"] = numbers(net.losses.data(), done);
  write_params(trace, net, "weightsAfter", "biasesAfter");
  trace["lossAfter"] = network_forward(net, 0, rows);
  const int L = weight_layers(net.spec);
  trace["outputsAfter"] = matrix(net.acts.data() + net.layout.a[L - 1], rows, net.spec.sizes[L]);
  // About 20 characters per number: z, a, δ of every layer, four copies of the parameters, losses.
  const size_t numbers_written =
      2 * net.acts.size() + 4 * net.params.size() + 2 * static_cast<size_t>(rows) + done;
  *out = json_text(trace, 20 * numbers_written);
  return Status::Ok;
}

}  // namespace nn
