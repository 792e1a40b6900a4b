// JsEnsemble: conversion only; see js_ensemble.h.
#include "js_ensemble.h"

#include "../engine/json.h"
#include "../engine/metrics.h"
#include "../engine/spec.h"

using emscripten::typed_memory_view;
using emscripten::val;

namespace {

// A JSON array of finite numbers, or false with *err naming `field`.
bool read_numbers(const std::string& text, const char* field, std::vector<double>* out,
                  std::string* err) {
  nn::Json j;
  if (!nn::json_parse(text, &j, err, field) || !j.is_array()) {
    *err = std::string(field) + ": expected a list of numbers";
    return false;
  }
  for (const nn::Json& x : j) {
    if (!x.is_number()) {
      *err = std::string(field) + ": expected a list of numbers";
      return false;
    }
    out->push_back(x.get<double>());
  }
  return true;
}

}  // namespace

nn::Status JsEnsemble::configure(const std::string& spec_json, const std::string& rates_json,
                                 const std::string& seeds_json) {
  nn::NetworkSpec spec;
  std::vector<double> rates, seed_numbers;
  if (!nn::spec_from_text(spec_json, &spec, &error_) ||
      !read_numbers(rates_json, "learningRates", &rates, &error_) ||
      !read_numbers(seeds_json, "seeds", &seed_numbers, &error_))
    return nn::Status::BadSpec;
  std::vector<uint64_t> seeds;
  for (double s : seed_numbers) {
    if (!(s >= 0 && s <= 9007199254740991.0) ||
        s != static_cast<double>(static_cast<uint64_t>(s))) {
      error_ = "seeds: expected whole numbers of 0 or more";
      return nn::Status::BadSpec;
    }
    seeds.push_back(static_cast<uint64_t>(s));
  }
  nn::Ensemble fresh;
  const nn::Status st = nn::ensemble_init(fresh, spec, rates, seeds, &error_);
  if (st == nn::Status::Ok) {
    e_ = std::move(fresh);
    error_.clear();
  }
  return st;
}

int JsEnsemble::train(int steps) {
  if (steps < 0 || steps > 1000000) steps = 0;
  nn::ensemble_train(e_, steps);
  int healthy = 0;
  for (int d : e_.diverged_at) healthy += d < 0;
  return healthy;
}

val JsEnsemble::buffers() {
  diverged_at_.assign(e_.diverged_at.begin(), e_.diverged_at.end());
  val out = val::object();
  out.set("losses", val(typed_memory_view(e_.losses.size(), e_.losses.data())));
  out.set("firstLoss", val(typed_memory_view(e_.first_loss.size(), e_.first_loss.data())));
  out.set("finalLoss", val(typed_memory_view(e_.final_loss.size(), e_.final_loss.data())));
  out.set("accuracy", val(typed_memory_view(e_.accuracy.size(), e_.accuracy.data())));
  out.set("divergedAt", val(typed_memory_view(diverged_at_.size(), diverged_at_.data())));
  return out;
}

val JsEnsemble::params(int copy) {
  if (copy < 0 || copy >= copies()) return val::null();
  std::vector<double>& p = e_.copies[copy].params;
  return val(typed_memory_view(p.size(), p.data()));
}

val JsEnsemble::gradientNorms(int copy) {
  if (copy < 0 || copy >= copies()) return val::null();
  nn::Network& net = e_.copies[copy];
  nn::network_forward(net, 0, net.spec.rows);
  nn::network_backward(net);
  norms_.assign(nn::weight_layers(net.spec), 0.0);
  nn::layer_gradient_norms(net, norms_.data());
  return val(typed_memory_view(norms_.size(), norms_.data()));
}
