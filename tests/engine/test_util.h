// Helpers shared by the engine tests: fixture loading and closeness to the PyTorch reference.
#pragma once
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "json.h"
#include "network.h"
#include "spec.h"

namespace nn_test {

inline std::string read_text(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline const nn::Json& reference_cases() {
  static nn::Json cases = [] {
    nn::Json j;
    std::string err;
    const std::string text = read_text(std::string(FIXTURES_DIR) + "/reference-cases.json");
    EXPECT_TRUE(nn::json_parse(text, &j, &err, "reference-cases.json")) << err;
    return j;
  }();
  return cases;
}

inline const nn::Json& reference_case(const std::string& name) {
  for (const nn::Json& c : reference_cases())
    if (c["name"] == name) return c;
  ADD_FAILURE() << "no fixture case " << name;
  static nn::Json none;
  return none;
}

// Agreement with an independent float64 reference: 1e-12 relative, with a tiny absolute floor for
// values that are zero up to rounding.
inline ::testing::AssertionResult close(double actual, double expected, double rel = 1e-12) {
  const double tol = rel * std::fabs(expected) + 1e-15;
  if (std::fabs(actual - expected) <= tol) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "actual " << actual << " vs expected " << expected
                                       << " (diff " << std::fabs(actual - expected) << ")";
}

inline nn::Network network_from(const std::string& spec_json) {
  nn::NetworkSpec spec;
  std::string err;
  EXPECT_TRUE(nn::spec_from_text(spec_json, &spec, &err)) << err;
  nn::Network net;
  EXPECT_EQ(nn::network_init(net, spec, &err), nn::Status::Ok) << err;
  return net;
}

inline nn::Network network_from_json(const nn::Json& spec_json) {
  nn::NetworkSpec spec;
  std::string err;
  EXPECT_TRUE(nn::spec_from_json(spec_json, &spec, &err)) << err;
  nn::Network net;
  EXPECT_EQ(nn::network_init(net, spec, &err), nn::Status::Ok) << err;
  return net;
}

inline constexpr const char* kClassicSpec = R"({
  "layers": [2, 2, 2], "activations": ["sigmoid", "sigmoid"], "loss": "half_sse",
  "weights": [[[0.15, 0.20], [0.25, 0.30]], [[0.40, 0.45], [0.50, 0.55]]],
  "biases": [[0.35, 0.35], [0.60, 0.60]],
  "inputs": [[0.05, 0.10]], "targets": [[0.01, 0.99]], "learningRate": 0.5 })";

}  // namespace nn_test
