// EMSCRIPTEN_BINDINGS registrations only: names JavaScript sees. No arithmetic here.
#include <emscripten/bind.h>

#include "../engine/catalogue.h"
#include "js_ensemble.h"
#include "js_network.h"

using namespace emscripten;

EMSCRIPTEN_BINDINGS(backprop) {
  enum_<nn::Status>("Status")
      .value("ok", nn::Status::Ok)
      .value("badSpec", nn::Status::BadSpec)
      .value("notFinite", nn::Status::NotFinite);

  // forward, train, accuracy, updates and status: the plain C exports only (plain_exports.cpp).
  class_<JsNetwork>("Network")
      .constructor<>()
      .function("configure", &JsNetwork::configure)  // (specJson) → Status; error() says why
      .function("error", &JsNetwork::error)
      .function("backward", &JsNetwork::backward)  // fills δ, dW, db
      .function("update", &JsNetwork::update)      // one optimizer step; keeps paramsBefore
      .function("gradientCheck", &JsNetwork::gradientCheck)    // numeric, numericLeft/Right, kink
      .function("checkParameter", &JsNetwork::checkParameter)  // (p, ε) → {central, left, …}
      .function("setLearningRate", &JsNetwork::setLearningRate)
      .function("setOptimizer", &JsNetwork::setOptimizer)  // ({momentum, beta1, …}) → Status
      .function("optimizerSteps", &JsNetwork::optimizerSteps)  // Adam's t
      .function("setEpsilon", &JsNetwork::setEpsilon)
      .function("gradientNorms", &JsNetwork::gradientNorms)
      .function("loss", &JsNetwork::loss)
      .function("batchStart", &JsNetwork::batchStart)
      .function("batchRows", &JsNetwork::batchRows)
      .function("setUpdates", &JsNetwork::setUpdates)  // (n) continues a run after configure
      .function("layoutJson", &JsNetwork::layoutJson)
      .function("buffers", &JsNetwork::buffers)
      .function("handle",
                &JsNetwork::handle);  // → address for the plain exports (plain_exports.cpp)

  // Many copies side by side: the learning-rate sweep and the many-seeds experiment.
  class_<JsEnsemble>("Ensemble")
      .constructor<>()
      .function("configure", &JsEnsemble::configure)  // (specJson, ratesJson, seedsJson) → Status
      .function("error", &JsEnsemble::error)
      .function("copies", &JsEnsemble::copies)
      .function("train", &JsEnsemble::train)  // (steps) → copies still healthy
      .function("buffers", &JsEnsemble::buffers)
      .function("params", &JsEnsemble::params)
      .function("gradientNorms", &JsEnsemble::gradientNorms);

  function("traceSpec", &trace_spec);          // (specJson, steps) → trace JSON or {"error": …}
  function("catalogue", &nn::catalogue_json);  // → the catalogue JSON (catalogue.h)
  function("activation", &activation_values);  // (name, zs, slope) → f(z) or f′(z) per element
}
