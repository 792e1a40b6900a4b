// The trace JSON (trace.cpp), written as text without a Json value in between: it must read back as
// the PyTorch fixture's numbers, and write each number as the shortest decimal that reads back as
// it.
#include "trace.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <utility>
#include <vector>

#include "rng.h"
#include "test_util.h"

namespace {

// Nested arrays of numbers of the same shape, each within 1e-12 of the expected one.
void expect_close(const nn::Json& actual, const nn::Json& expected, const std::string& at) {
  if (expected.is_number()) {
    ASSERT_TRUE(actual.is_number()) << at;
    EXPECT_TRUE(nn_test::close(actual.get<double>(), expected.get<double>())) << at;
    return;
  }
  ASSERT_TRUE(actual.is_array()) << at;
  ASSERT_EQ(actual.size(), expected.size()) << at;
  for (size_t k = 0; k < expected.size(); ++k)
    expect_close(actual[k], expected[k], at + "[" + std::to_string(k) + "]");
}

TEST(Trace, OneStepReadsBackAsThePyTorchNumbersForEveryCase) {
  int checked = 0;
  for (const nn::Json& c : nn_test::reference_cases()) {
    const nn::Json& ex = c["expected"];
    if (!ex.contains("layers")) continue;  // the training cases have no per-layer values
    SCOPED_TRACE(c["name"].get<std::string>());
    nn::Network net = nn_test::network_from_json(c["spec"]);
    std::string text, err;
    ASSERT_EQ(nn::trace_run(net, 1, &text), nn::Status::Ok) << text;
    nn::Json trace;
    ASSERT_TRUE(nn::json_parse(text, &trace, &err, "trace")) << err;
    expect_close(trace["loss"], ex["loss"], "loss");
    for (size_t l = 0; l < ex["layers"].size(); ++l)
      for (const char* key : {"z", "a", "delta", "dW", "db"})
        expect_close(trace["layers"][l][key], ex["layers"][l][key],
                     "layers[" + std::to_string(l) + "]." + key);
    expect_close(trace["weightsAfter"], ex["weightsAfter"], "weightsAfter");
    expect_close(trace["biasesAfter"], ex["biasesAfter"], "biasesAfter");
    ASSERT_EQ(trace["losses"].size(), 1u);
    expect_close(trace["losses"][0], ex["loss"], "losses[0]");
    ++checked;
  }
  EXPECT_EQ(checked, 25);
}

TEST(Json, AppendedNumbersAreTheShortestDecimalsThatReadBackExactlyLaidOutAsJavaScriptDoes) {
  const double inf = std::numeric_limits<double>::infinity();
  // The layouts of ECMAScript's Number::toString (String(x) in JavaScript), worked out by hand from
  // its steps: fixed from 1e-6 up to below 1e21, else one digit, the rest, e and a signed exponent.
  const std::pair<double, const char*> known[] = {
      {0.1, "0.1"},
      {-1.25, "-1.25"},
      {1.0 / 3, "0.3333333333333333"},
      {5000.0, "5000"},
      {0.0, "0"},
      {-0.0, "-0"},  // JavaScript writes "0"; the trace keeps the sign bit
      {1e-5, "0.00001"},
      {-1.5e-6, "-0.0000015"},
      {1e-6, "0.000001"},
      {9.5e-7, "9.5e-7"},
      {3.5e-7, "3.5e-7"},
      {1.5e16, "15000000000000000"},
      {123456789.125, "123456789.125"},
      {1e20, "100000000000000000000"},
      {1e21, "1e+21"},
      {-1.25e22, "-1.25e+22"},
      {-2.5e-300, "-2.5e-300"},
      {4.9e-324, "5e-324"},  // Grisu2 (nlohmann's dump) writes 4.94065645841247e-324
      {1.7976931348623157e308, "1.7976931348623157e+308"}};
  for (const auto& [x, text] : known) {
    std::string out;
    nn::json_append_number(out, x);
    EXPECT_EQ(out, text);
  }
  // Random bit patterns (every exponent, subnormals too): each reads back as the same bits through
  // the C library's strtod, and one digit fewer (printf's correctly rounded %.*e) never does.
  nn::Rng rng(2026);
  int checked = 0;
  for (int k = 0; k < 100000; ++k) {
    uint64_t bits = rng.next_u64();
    double x;
    std::memcpy(&x, &bits, sizeof x);
    if (!std::isfinite(x)) continue;
    std::string out;
    nn::json_append_number(out, x);
    const double back = std::strtod(out.c_str(), nullptr);
    ASSERT_EQ(std::memcmp(&back, &x, sizeof x), 0) << out;
    std::string significand;  // its significant digits: "0.000123" → 123, "5000" → 5
    for (size_t i = 0; i < out.size() && out[i] != 'e'; ++i)
      if (out[i] >= '0' && out[i] <= '9') significand += out[i];
    significand.erase(0, significand.find_first_not_of('0'));
    significand.erase(significand.find_last_not_of('0') + 1);
    const int digits = static_cast<int>(significand.size());
    if (digits > 1) {
      char shorter[64];
      std::snprintf(shorter, sizeof shorter, "%.*e", digits - 2, x);
      EXPECT_NE(std::strtod(shorter, nullptr), x) << out << " vs " << shorter;
    }
    ++checked;
  }
  EXPECT_GT(checked, 99000);
  // A whole array at once, as the trace writes its rows: "[x0,x1,…]", each number reading back.
  std::vector<double> xs;
  for (int k = 0; k < 1000; ++k) xs.push_back(std::ldexp(rng.uniform() - 0.5, k % 200 - 100));
  xs.insert(xs.end(), {0.0, -0.0, 1e21, 5e-324});
  std::string array;
  nn::json_append_numbers(array, xs.data(), xs.size());
  ASSERT_EQ(array.front(), '[');
  ASSERT_EQ(array.back(), ']');
  const char* p = array.c_str() + 1;
  for (const double& x : xs) {
    char* end;
    const double back = std::strtod(p, &end);
    ASSERT_EQ(std::memcmp(&back, &x, sizeof x), 0) << std::string(p, static_cast<const char*>(end));
    ASSERT_EQ(*end, &x == &xs.back() ? ']' : ',');
    p = end + 1;
  }
  std::string text;
  nn::json_append_number(text, std::nan(""));
  nn::json_append_number(text, -inf);
  EXPECT_EQ(text, "nullnull");
}

}  // namespace
