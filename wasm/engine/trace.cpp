// Writes the trace JSON; the numbers come straight from the network's buffers. The text is written
// as it goes rather than built as a Json value first: a trace holds tens of thousands of numbers
// (2-8x6-1 on 500 points: about 75,000), and a heap node per number cost a third of the whole
// trace. Numbers go through json_append_number, laid out as JavaScript writes them, so the text is
// byte for byte its own compact JSON.stringify (but for -0) and the CLI prints it as it is.
#include "trace.h"

#include <cmath>

#include "json.h"

namespace nn {

namespace {

// An object being written: member("k") writes the separator and the key, the caller the value.
class Object {
 public:
  explicit Object(std::string& out) : out_(out) { out_ += '{'; }
  std::string& member(const char* key) {  // key: a plain ASCII literal, nothing to escape
    out_ += first_ ? "\"" : ",\"";
    out_ += key;
    out_ += "\":";
    first_ = false;
    return out_;
  }
  void close() { out_ += '}'; }

 private:
  std::string& out_;
  bool first_ = true;
};

// [item(0), …, item(n − 1)], each call appending one value to out.
template <class Item>
void array(std::string& out, int n, Item item) {
  out += '[';
  for (int k = 0; k < n; ++k) {
    if (k > 0) out += ',';
    item(k);
  }
  out += ']';
}

void numbers(std::string& out, const double* x, int n) { json_append_numbers(out, x, n); }

// [[…], …] row-major
void matrix(std::string& out, const double* x, int rows, int cols) {
  array(out, rows, [&](int r) { numbers(out, x + r * cols, cols); });
}

void write_params(Object& trace, const Network& net, const char* wkey, const char* bkey) {
  const NetworkSpec& s = net.spec;
  const double* p = net.params.data();
  std::string& W = trace.member(wkey);
  array(W, weight_layers(s),
        [&](int l) { matrix(W, p + net.layout.W[l], s.sizes[l + 1], s.sizes[l]); });
  std::string& b = trace.member(bkey);
  array(b, weight_layers(s), [&](int l) { numbers(b, p + net.layout.b[l], s.sizes[l + 1]); });
}

void write_layers(std::string& out, const Network& net) {
  const NetworkSpec& s = net.spec;
  const Layout& lay = net.layout;
  const int B = net.batch_rows;
  array(out, weight_layers(s), [&](int l) {
    const int n = s.sizes[l + 1];
    Object layer(out);
    matrix(layer.member("z"), net.acts.data() + lay.z[l], B, n);
    matrix(layer.member("a"), net.acts.data() + lay.a[l], B, n);
    matrix(layer.member("delta"), net.dacts.data() + lay.dz[l], B, n);
    matrix(layer.member("dW"), net.grads.data() + lay.W[l], n, s.sizes[l]);
    numbers(layer.member("db"), net.grads.data() + lay.b[l], n);
    layer.member("sharedBias") += bias_shared(s, l) ? "true" : "false";
    layer.close();
  });
}

}  // namespace

Status trace_run(Network& net, int steps, std::string* out) {
  const int rows = net.spec.rows;
  const double loss = network_forward(net, 0, rows);
  if (!std::isfinite(loss) || network_backward(net) != Status::Ok) {
    *out = "the loss or a gradient is not a finite number for these values";
    return Status::NotFinite;
  }
  std::string text;
  // About 20 characters per number: z, a, δ of every layer, four copies of the parameters, losses.
  text.reserve(20 * (2 * net.acts.size() + 4 * net.params.size() + 2 * static_cast<size_t>(rows) +
                     static_cast<size_t>(steps > 0 ? steps : 0)));
  Object trace(text);
  json_append_number(trace.member("loss"), loss);
  numbers(trace.member("sampleLosses"), net.sample_loss.data(), rows);
  write_params(trace, net, "weights", "biases");
  write_layers(trace.member("layers"), net);
  int done = 0;
  const Status st = network_train(net, steps, &done);
  if (st != Status::Ok) {
    *out = divergence_message(net) + " (of " + std::to_string(steps) + " asked)";
    return st;
  }
  numbers(trace.member("losses"), net.losses.data(), done);
  write_params(trace, net, "weightsAfter", "biasesAfter");
  json_append_number(trace.member("lossAfter"), network_forward(net, 0, rows));
  const int L = weight_layers(net.spec);
  matrix(trace.member("outputsAfter"), net.acts.data() + net.layout.a[L - 1], rows,
         net.spec.sizes[L]);
  trace.close();
  *out = std::move(text);
  return Status::Ok;
}

}  // namespace nn
