// JsNetwork: validation and conversion between JavaScript and the engine; see js_network.h.
#include "js_network.h"

#include <emscripten/val.h>

#include <cmath>

#include "../engine/catalogue.h"
#include "../engine/gradcheck.h"
#include "../engine/json.h"
#include "../engine/metrics.h"
#include "../engine/spec.h"
#include "../engine/trace.h"

using emscripten::typed_memory_view;
using emscripten::val;

nn::Status JsNetwork::fail(nn::Status st, std::string message) {
  status_ = st;
  error_ = std::move(message);
  return st;
}

nn::Status JsNetwork::configure(const std::string& spec_json) {
  nn::NetworkSpec spec;
  std::string err;
  if (!nn::spec_from_text(spec_json, &spec, &err)) return fail(nn::Status::BadSpec, err);
  nn::Network net;
  if (nn::network_init(net, spec, &err) != nn::Status::Ok) return fail(nn::Status::BadSpec, err);
  net_ = std::move(net);  // the last good network stays when a spec is rejected
  numeric_.assign(net_.params.size(), 0.0);
  numeric_left_.assign(net_.params.size(), 0.0);
  numeric_right_.assign(net_.params.size(), 0.0);
  kink_.assign(net_.params.size(), 0);
  configured_ = true;
  return fail(nn::Status::Ok, "");
}

double JsNetwork::forward() {
  if (!configured_) return fail(nn::Status::BadSpec, "configure the network first"), NAN;
  const double loss = nn::network_forward(net_, 0, net_.spec.rows);
  if (!std::isfinite(loss))
    fail(nn::Status::NotFinite, "the loss is not a finite number");
  else
    fail(nn::Status::Ok, "");
  return loss;
}

nn::Status JsNetwork::backward() {
  if (!configured_ || net_.batch_rows == 0) return fail(nn::Status::BadSpec, "run forward first");
  if (nn::network_backward(net_) != nn::Status::Ok)
    return fail(nn::Status::NotFinite, "a gradient is not a finite number");
  return fail(nn::Status::Ok, "");
}

nn::Status JsNetwork::update() {
  if (!configured_) return fail(nn::Status::BadSpec, "configure the network first");
  if (nn::network_update(net_) != nn::Status::Ok)
    return fail(nn::Status::NotFinite, "the update made a weight non-finite; it was undone");
  net_.updates += 1;  // the run's count, as network_train keeps it
  return fail(nn::Status::Ok, "");
}

int JsNetwork::train(int steps) {
  if (!configured_) return fail(nn::Status::BadSpec, "configure the network first"), 0;
  if (steps < 0 || steps > 10000000) return fail(nn::Status::BadSpec, "steps: 0 to 10,000,000"), 0;
  int done = 0;
  if (nn::network_train(net_, steps, &done) != nn::Status::Ok)
    fail(nn::Status::NotFinite, nn::divergence_message(net_));
  else
    fail(nn::Status::Ok, "");
  return done;
}

int JsNetwork::trainEpochs(int epochs, int perEpoch) {
  epoch_ends_.clear();
  if (!configured_) return fail(nn::Status::BadSpec, "configure the network first"), 0;
  if (epochs < 0 || perEpoch < 0 || static_cast<double>(epochs) * perEpoch > 10000000)
    return fail(nn::Status::BadSpec, "steps: 0 to 10,000,000"), 0;
  int done = 0;
  if (nn::network_train_epochs(net_, epochs, perEpoch, &epoch_ends_, &done) != nn::Status::Ok)
    fail(nn::Status::NotFinite, nn::divergence_message(net_));
  else
    fail(nn::Status::Ok, "");
  return done;
}

void JsNetwork::setUpdates(double n) {
  net_.updates = n >= 0 && n < 1e15 ? static_cast<long>(n) : 0;
}

nn::Status JsNetwork::gradientCheck() {
  if (!configured_) return fail(nn::Status::BadSpec, "configure the network first");
  if (nn::gradient_check(net_, numeric_.data(), numeric_left_.data(), numeric_right_.data(),
                         kink_.data()) != nn::Status::Ok)
    return fail(nn::Status::NotFinite, "the loss is not finite at these values");
  return fail(nn::Status::Ok, "");
}

val JsNetwork::checkParameter(int p, double eps) {
  if (!configured_) return fail(nn::Status::BadSpec, "configure the network first"), val::null();
  if (p < 0 || p >= static_cast<int>(net_.params.size()))
    return fail(nn::Status::BadSpec, "parameter index out of range"), val::null();
  if (!nn::in_range(eps, nn::kCheckEpsilon))
    return fail(nn::Status::BadSpec, "epsilon: expected 0 < ε ≤ 0.1"), val::null();
  nn::ParamCheck c;
  if (nn::check_parameter(net_, p, eps, &c) != nn::Status::Ok)
    return fail(nn::Status::NotFinite, "the loss is not finite at these values"), val::null();
  fail(nn::Status::Ok, "");
  val out = val::object();
  out.set("central", c.central);
  out.set("left", c.left);
  out.set("right", c.right);
  out.set("loss", c.loss);
  out.set("kink", c.kink);
  return out;
}

nn::Status JsNetwork::setLearningRate(double lr) {
  if (!nn::in_range(lr, nn::kLearningRate))
    return fail(nn::Status::BadSpec, "learningRate: " + nn::range_expected(nn::kLearningRate));
  net_.spec.optimizer.learning_rate = lr;
  return fail(nn::Status::Ok, "");
}

nn::Status JsNetwork::setOptimizer(const std::string& json) {
  if (!configured_) return fail(nn::Status::BadSpec, "configure the network first");
  nn::Json j;
  std::string err;
  if (!nn::json_parse(json, &j, &err, "optimizer")) return fail(nn::Status::BadSpec, err);
  if (!j.is_object()) return fail(nn::Status::BadSpec, "optimizer: expected an object");
  if (nn::json_find(j, "name"))
    return fail(nn::Status::BadSpec, "optimizer.name: the kind cannot change during a run");
  j["name"] = nn::catalogue_name(nn::kOptimizers, net_.spec.optimizer.kind);
  nn::NetworkSpec next = net_.spec;
  if (!nn::optimizer_from_json(&j, &next.optimizer, &err) || !nn::spec_validate(next, &err))
    return fail(nn::Status::BadSpec, err);
  net_.spec.optimizer = next.optimizer;
  return fail(nn::Status::Ok, "");
}

nn::Status JsNetwork::setEpsilon(double eps) {
  if (!nn::in_range(eps, nn::kCheckEpsilon))
    return fail(nn::Status::BadSpec, "epsilon: expected 0 < ε ≤ 0.1");
  net_.spec.epsilon = eps;
  return fail(nn::Status::Ok, "");
}

double JsNetwork::accuracy() {
  if (!configured_) return NAN;
  return nn::network_accuracy(net_);
}

val JsNetwork::gradientNorms() {
  norms_.assign(configured_ ? nn::weight_layers(net_.spec) : 0, 0.0);
  if (configured_) nn::layer_gradient_norms(net_, norms_.data());
  return val(typed_memory_view(norms_.size(), norms_.data()));
}

std::string JsNetwork::layoutJson() const {
  const nn::NetworkSpec& s = net_.spec;
  const nn::Layout& lay = net_.layout;
  nn::Json activations = nn::Json::array();
  for (nn::Activation f : s.activations) activations.push_back(nn::activation_name(f));
  nn::Json shared = nn::Json::array();
  for (int l = 0; l < nn::weight_layers(s); ++l) shared.push_back(nn::bias_shared(s, l));
  const nn::Json layout = {{"sizes", s.sizes},
                           {"activations", activations},
                           {"loss", nn::loss_name(s.loss)},
                           {"rows", s.rows},
                           {"paramCount", net_.params.size()},
                           {"sharedBiases", shared},
                           {"W", lay.W},
                           {"b", lay.b},
                           {"z", lay.z},
                           {"a", lay.a},
                           {"dz", lay.dz},
                           {"da", lay.da}};
  return nn::json_text(layout);
}

val JsNetwork::buffers() {
  val out = val::object();
  auto view = [&out](const char* name, std::vector<double>& v) {
    out.set(name, val(typed_memory_view(v.size(), v.data())));
  };
  view("params", net_.params);
  view("grads", net_.grads);
  view("paramsBefore", net_.params_before);
  view("m", net_.m);
  view("v", net_.v);
  view("acts", net_.acts);
  view("dacts", net_.dacts);
  view("sampleLosses", net_.sample_loss);
  view("losses", net_.losses);
  view("numeric", numeric_);
  view("numericLeft", numeric_left_);
  view("numericRight", numeric_right_);
  out.set("kinkCrossed", val(typed_memory_view(kink_.size(), kink_.data())));
  view("inputs", net_.spec.inputs);
  view("targets", net_.spec.targets);
  view("predictInputs", predict_in_);
  view("predictOutputs", predict_out_);
  return out;
}

nn::Status JsNetwork::reservePredict(int rows) {
  if (!configured_) return fail(nn::Status::BadSpec, "configure the network first");
  if (rows < 0 || rows > nn::kMaxPredictRows)
    return fail(nn::Status::BadSpec, "rows: 0 to 1,048,576");
  // resize, not assign: called every frame with the same size, it must not rewrite the buffers.
  predict_in_.resize(static_cast<size_t>(rows) * net_.spec.sizes.front());
  predict_out_.resize(static_cast<size_t>(rows) * net_.spec.sizes.back());
  return fail(nn::Status::Ok, "");
}

nn::Status JsNetwork::predict_check(int rows) {
  if (!configured_) return fail(nn::Status::BadSpec, "configure the network first");
  if (rows < 0 || static_cast<size_t>(rows) * net_.spec.sizes.front() > predict_in_.size() ||
      static_cast<size_t>(rows) * net_.spec.sizes.back() > predict_out_.size())
    return fail(nn::Status::BadSpec,
                "rows: more than reservePredict made room for (call it after configure)");
  return fail(nn::Status::Ok, "");
}

nn::Status JsNetwork::predict(int rows, bool exact) {
  if (predict_check(rows) != nn::Status::Ok) return status_;
  (exact ? nn::predict : nn::predict_f32)(predict_out_.data(), predict_in_.data(), rows, net_,
                                          &predict_scratch_);
  return status_;
}

nn::Status JsNetwork::predictLayers(int rows, bool exact) {
  if (predict_check(rows) != nn::Status::Ok) return status_;
  predict_layers_.resize(static_cast<size_t>(rows) * nn::predict_layers_width(net_.spec));
  (exact ? nn::predict_layers : nn::predict_layers_f32)(predict_layers_.data(), predict_in_.data(),
                                                        rows, net_, &predict_scratch_);
  return status_;
}

val trace_spec(const std::string& spec_json, int steps) {
  static std::string text;  // what the returned view shows, until the next call
  nn::NetworkSpec spec;
  nn::Network net;
  text.clear();
  if (steps < 0 || steps > 10000000)
    text = "steps: expected 0 to 10,000,000";
  else if (nn::spec_from_text(spec_json, &spec, &text) &&
           nn::network_init(net, spec, &text) == nn::Status::Ok &&
           nn::trace_run(net, steps, &text) == nn::Status::Ok)
    return val(typed_memory_view(text.size(), reinterpret_cast<const uint8_t*>(text.data())));
  nn::Json error = nn::Json::object();
  error["error"] = text;
  text = nn::json_text(error);
  return val(typed_memory_view(text.size(), reinterpret_cast<const uint8_t*>(text.data())));
}

val activation_values(const std::string& name, const val& zs, bool slope) {
  nn::Activation f;
  val out = val::array();
  if (!nn::catalogue_find(nn::kActivations, name, &f)) return out;
  const std::vector<double> z = emscripten::vecFromJSArray<double>(zs), ones(z.size(), 1.0);
  const int n = static_cast<int>(z.size());
  std::vector<double> a(z.size()), dz(z.size());
  nn::activation_forward(a.data(), z.data(), 1, n, f);
  if (slope) nn::activation_backward(dz.data(), ones.data(), z.data(), a.data(), 1, n, f);
  for (int i = 0; i < n; ++i) out.set(i, slope ? dz[i] : a[i]);
  return out;
}
