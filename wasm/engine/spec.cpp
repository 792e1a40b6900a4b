// Reading and validating specs. Messages name the field the way a user wrote it.
#include "spec.h"

#include <cmath>

namespace nn {

namespace {

std::string path(const std::string& base, int k) { return base + "[" + std::to_string(k) + "]"; }

bool fail(std::string* err, const std::string& field, const std::string& what) {
  *err = field + ": " + what;
  return false;
}

bool read_finite(const Json* j, const std::string& field, double* out, std::string* err) {
  if (!j || !j->is_number() || !std::isfinite(j->get<double>()))
    return fail(err, field, "expected a finite number");
  *out = j->get<double>();
  return true;
}

bool read_whole(const Json* j, const std::string& field, double lo, double hi, double* out,
                std::string* err) {
  if (!read_finite(j, field, out, err)) return false;
  if (*out != std::floor(*out) || *out < lo || *out > hi)
    return fail(err, field,
                "expected a whole number from " + json_number(lo) + " to " + json_number(hi) +
                    ", got " + json_number(*out));
  return true;
}

// A name in a catalogue table (activations, losses, optimizers, regularisers) into *out.
template <class Table, class Enum>
bool read_name(const Json* j, const std::string& field, const Table& table, Enum* out,
               std::string* err) {
  if (j && j->is_string() && catalogue_find(table, j->get_ref<const std::string&>(), out))
    return true;
  return fail(err, field, catalogue_expected(table));
}

// A numeric vector of exactly n entries.
bool read_vector(const Json& j, const std::string& field, int n, const std::string& why,
                 std::vector<double>* out, std::string* err) {
  if (!j.is_array() || static_cast<int>(j.size()) != n)
    return fail(err, field,
                "expected " + std::to_string(n) + " numbers (" + why + ")" +
                    (j.is_array() ? ", got " + std::to_string(j.size()) : ""));
  for (int k = 0; k < n; ++k) {
    double x;
    if (!read_finite(&j[k], path(field, k), &x, err)) return false;
    out->push_back(x);
  }
  return true;
}

// inputs / targets: a list of rows of n numbers each.
bool read_rows(const Json* j, const std::string& field, int n, std::vector<double>* out, int* rows,
               std::string* err) {
  if (!j || !j->is_array() || j->empty())
    return fail(err, field, "expected a list of rows, e.g. [[0.05, 0.1]]");
  if (j->size() > static_cast<size_t>(kMaxRows))
    return fail(err, field, "at most " + std::to_string(kMaxRows) + " rows");
  *rows = static_cast<int>(j->size());
  const std::string why = "layer size " + std::to_string(n);
  for (int r = 0; r < *rows; ++r)
    if (!read_vector((*j)[r], path(field, r), n, why, out, err)) return false;
  return true;
}

bool read_layers(const Json& json, NetworkSpec* s, std::string* err) {
  const Json* layers = json_find(json, "layers");
  if (!layers || !layers->is_array() || layers->size() < 2 ||
      layers->size() > static_cast<size_t>(kMaxLayers))
    return fail(err, "layers",
                "expected 2 to " + std::to_string(kMaxLayers) +
                    " layer sizes, inputs first, e.g. [2, 2, 2]");
  for (size_t k = 0; k < layers->size(); ++k) {
    double n;
    if (!read_whole(&(*layers)[k], path("layers", k), 1, kMaxUnits, &n, err)) return false;
    s->sizes.push_back(static_cast<int>(n));
  }
  const int L = weight_layers(*s);
  const Json* acts = json_find(json, "activations");
  if (!acts || !acts->is_array() || static_cast<int>(acts->size()) != L)
    return fail(
        err, "activations",
        "expected " + std::to_string(L) + " names, one per weight layer (e.g. \"sigmoid\")");
  for (int l = 0; l < L; ++l) {
    Activation f{};
    if (!read_name(&(*acts)[l], path("activations", l), kActivations, &f, err)) return false;
    s->activations.push_back(f);
  }
  return read_name(json_find(json, "loss"), "loss", kLosses, &s->loss, err);
}

// weights[l][j][i] and biases[l][j] into the flat W1 b1 W2 b2 … buffer.
bool read_params(const Json& json, NetworkSpec* s, std::string* err) {
  const Json* weights = json_find(json, "weights");
  const Json* biases = json_find(json, "biases");
  if (!weights) {
    if (biases) return fail(err, "biases", "give weights too, or neither (random initialisation)");
    return true;
  }
  const int L = weight_layers(*s);
  if (!weights->is_array() || static_cast<int>(weights->size()) != L)
    return fail(err, "weights",
                "expected " + std::to_string(L) + " matrices, one per weight layer");
  if (biases && (!biases->is_array() || static_cast<int>(biases->size()) != L))
    return fail(err, "biases", "expected " + std::to_string(L) + " vectors, one per weight layer");
  for (int l = 0; l < L; ++l) {
    const int nin = s->sizes[l], nout = s->sizes[l + 1];
    const Json& W = (*weights)[l];
    const std::string wl = path("weights", l);
    if (!W.is_array() || static_cast<int>(W.size()) != nout)
      return fail(err, wl,
                  "expected " + std::to_string(nout) + " rows (one per neuron of layer " +
                      std::to_string(l + 1) + ")");
    for (int j = 0; j < nout; ++j)
      if (!read_vector(W[j], path(wl, j), nin, "one per input of layer " + std::to_string(l + 1),
                       &s->params, err))
        return false;
    if (!biases) {
      s->params.insert(s->params.end(), nout, 0.0);
    } else if (!read_vector((*biases)[l], path("biases", l), nout,
                            "one per neuron of layer " + std::to_string(l + 1), &s->params, err)) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool optimizer_from_json(const Json* j, Optimizer* o, std::string* err) {
  if (!j) return true;
  if (!read_name(json_find(*j, "name"), "optimizer.name", kOptimizers, &o->kind, err)) return false;
  for (const auto& kv : j->items()) {
    if (kv.key() == "name") continue;
    const OptimizerField* f = catalogue_row(kOptimizerFields, kv.key());
    if (!f) return fail(err, "optimizer." + kv.key(), "not an optimizer field");
    if (!read_finite(&kv.value(), "optimizer." + kv.key(), &(o->*f->value), err)) return false;
  }
  return true;
}

namespace {

bool read_options(const Json& json, NetworkSpec* s, std::string* err) {
  if (!read_finite(json_find(json, "learningRate"), "learningRate", &s->optimizer.learning_rate,
                   err))
    return false;
  if (!optimizer_from_json(json_find(json, "optimizer"), &s->optimizer, err)) return false;
  double x;
  if (const Json* j = json_find(json, "batchSize")) {
    if (!read_whole(j, "batchSize", 0, kMaxRows, &x, err)) return false;
    s->batch_size = static_cast<int>(x);
  }
  if (const Json* j = json_find(json, "trainBiases")) {
    if (!j->is_boolean()) return fail(err, "trainBiases", "expected true or false");
    s->train_biases = j->get<bool>();
  }
  if (const Json* j = json_find(json, "sharedBiases")) {
    const int L = weight_layers(*s);
    if (j->is_boolean()) {
      s->shared_biases.assign(L, j->get<bool>());
    } else if (j->is_array() && static_cast<int>(j->size()) == L) {
      for (int l = 0; l < L; ++l) {
        if (!(*j)[l].is_boolean())
          return fail(err, path("sharedBiases", l), "expected true or false");
        s->shared_biases.push_back((*j)[l].get<bool>());
      }
    } else {
      return fail(
          err, "sharedBiases",
          "expected true, false or " + std::to_string(L) + " of them (one per weight layer)");
    }
  }
  if (const Json* j = json_find(json, "seed")) {
    if (!read_whole(j, "seed", 0, kMaxSeed, &x, err)) return false;
    s->seed = static_cast<uint64_t>(x);
  }
  if (const Json* j = json_find(json, "init")) {
    const std::string name = j->is_string() ? j->get<std::string>() : "";
    if (name != "xavier" && name != "he") return fail(err, "init", "expected \"xavier\" or \"he\"");
    s->init = name == "he" ? Init::He : Init::Xavier;
  }
  if (const Json* j = json_find(json, "epsilon"))
    if (!read_finite(j, "epsilon", &s->epsilon, err)) return false;
  if (const Json* j = json_find(json, "regularization")) {
    Regularization& r = s->regularization;
    if (!read_name(json_find(*j, "name"), "regularization.name", kRegularizers, &r.kind, err) ||
        (r.kind != Penalty::None &&
         !read_finite(json_find(*j, "rate"), "regularization.rate", &r.rate, err)))
      return false;
  }
  return true;
}

constexpr const char* kFields[] = {"layers",    "activations", "loss",        "weights",
                                   "biases",    "inputs",      "targets",     "learningRate",
                                   "optimizer", "batchSize",   "trainBiases", "sharedBiases",
                                   "seed",      "init",        "epsilon",     "regularization"};

}  // namespace

bool spec_from_json(const Json& json, NetworkSpec* out, std::string* err) {
  if (!json.is_object()) return fail(err, "spec", "expected a JSON object");
  for (const auto& kv : json.items()) {
    bool known = false;
    for (const char* f : kFields) known = known || kv.key() == f;
    if (!known) return fail(err, kv.key(), "not a spec field");
  }
  NetworkSpec s;
  int target_rows = 0;
  if (!read_layers(json, &s, err) || !read_params(json, &s, err) ||
      !read_rows(json_find(json, "inputs"), "inputs", s.sizes.front(), &s.inputs, &s.rows, err) ||
      !read_rows(json_find(json, "targets"), "targets", s.sizes.back(), &s.targets, &target_rows,
                 err) ||
      !read_options(json, &s, err))
    return false;
  if (target_rows != s.rows)
    return fail(err, "targets", "expected " + std::to_string(s.rows) + " rows, one per input row");
  if (!spec_validate(s, err)) return false;
  *out = std::move(s);
  return true;
}

bool spec_from_text(std::string_view text, NetworkSpec* out, std::string* err) {
  Json json;
  if (!json_parse(text, &json, err, "spec")) return false;
  return spec_from_json(json, out, err);
}

std::string range_expected(const Range& r) {
  return std::string("expected a ") + (r.whole ? "whole number" : "number") + " from " +
         (r.min_exclusive ? "above " : "") + json_number(r.min) + " to " +
         (r.max_exclusive ? "below " : "") + json_number(r.max);
}

bool spec_validate(const NetworkSpec& s, std::string* err) {
  const int L = weight_layers(s);
  if (L < 1 || static_cast<int>(s.activations.size()) != L)
    return fail(err, "activations", "expected one per weight layer");
  double units = 0;
  for (int n : s.sizes) {
    if (n < 1 || n > kMaxUnits)
      return fail(err, "layers", "sizes must be 1 to " + std::to_string(kMaxUnits));
    units += n;
  }
  if (s.rows < 1 || static_cast<int>(s.inputs.size()) != s.rows * s.sizes.front() ||
      static_cast<int>(s.targets.size()) != s.rows * s.sizes.back())
    return fail(err, "inputs", "inputs and targets must have one row per sample");
  if (param_count(s) > kMaxParams)
    return fail(err, "layers",
                "too many weights for the app (" + std::to_string(param_count(s)) + "; at most " +
                    std::to_string(kMaxParams) + ")");
  if (units * s.rows > kMaxActivations)
    return fail(err, "inputs", "too many samples for this network (rows × units above 4 million)");
  for (int l = 0; l + 1 < L; ++l)
    if (s.activations[l] == Activation::Softmax)
      return fail(err, path("activations", l), "softmax is only allowed on the output layer");
  if (const char* why = loss_pairing_error(s.loss, s.activations.back()))
    return fail(err, "loss", why);
  if (!s.params.empty() && static_cast<int>(s.params.size()) != param_count(s))
    return fail(err, "weights", "wrong number of parameters for these layers");
  if (!s.shared_biases.empty() && static_cast<int>(s.shared_biases.size()) != L)
    return fail(err, "sharedBiases", "expected one flag per weight layer");
  for (int l = 0; l < L && !s.params.empty(); ++l) {
    if (!bias_shared(s, l)) continue;
    int off = 0;
    for (int m = 0; m < l; ++m) off += (s.sizes[m] + 1) * s.sizes[m + 1];
    const double* b = s.params.data() + off + s.sizes[l] * s.sizes[l + 1];
    for (int j = 1; j < s.sizes[l + 1]; ++j)
      if (b[j] != b[0])
        return fail(err, path("biases", l),
                    "a shared bias is one number used by every unit of the layer; got " +
                        json_number(b[0]) + " and " + json_number(b[j]));
  }
  if (s.activations.back() == Activation::Softmax && s.sizes.back() == 1)
    return fail(err, path("activations", L - 1),
                "a softmax over one output unit is always 1, so the loss and every gradient "
                "would be 0; use sigmoid for one output, or give the layer 2 or more units");
  for (size_t k = 0; k < s.targets.size(); ++k) {
    const double y = s.targets[k];
    const int r = static_cast<int>(k) / s.sizes.back(), c = static_cast<int>(k) % s.sizes.back();
    if (s.loss == Loss::Bce && (y < 0 || y > 1))
      return fail(err, path(path("targets", r), c),
                  "binary cross-entropy (bce) needs a target from 0 to 1 (a probability); got " +
                      json_number(y));
    if (s.loss == Loss::CrossEntropy && y < 0)
      return fail(err, path(path("targets", r), c), "cross_entropy needs targets of 0 or more");
  }
  const Optimizer& o = s.optimizer;
  if (!in_range(o.learning_rate, kLearningRate))
    return fail(err, "learningRate", range_expected(kLearningRate));
  for (const OptimizerField& f : kOptimizerFields)
    if (!in_range(o.*f.value, f.range))
      return fail(err, std::string("optimizer.") + f.name, f.expected);
  if (!in_range(s.epsilon, kCheckEpsilon)) return fail(err, "epsilon", "expected 0 < ε ≤ 0.1");
  if (!(s.regularization.rate >= 0) || !std::isfinite(s.regularization.rate))
    return fail(err, "regularization.rate", "expected a number of 0 or more");
  if (s.batch_size < 0) return fail(err, "batchSize", "expected 0 (whole batch) or more");
  return true;
}

}  // namespace nn
