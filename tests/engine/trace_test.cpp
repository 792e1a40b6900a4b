// The trace JSON (trace.cpp), written as text without a Json value in between: it must read back as
// the PyTorch fixture's numbers, and write each number exactly as the library's own dump does.
#include "trace.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

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

TEST(Json, AppendedNumbersAreWrittenAsTheLibraryDumpsThem) {
  const double inf = std::numeric_limits<double>::infinity();
  for (double x : {0.1, -1.25, 1.0 / 3, 5000.0, -0.0, 1e-5, 3.5e-7, 1e21, -2.5e-300, 4.9e-324}) {
    std::string text;
    nn::json_append_number(text, x);
    EXPECT_EQ(text, nn::json_text(nn::Json(x))) << x;
    EXPECT_EQ(std::strtod(text.c_str(), nullptr), x);
  }
  std::string text;
  nn::json_append_number(text, 5000.0);
  nn::json_append_number(text, 1e-5);
  nn::json_append_number(text, std::nan(""));
  nn::json_append_number(text, -inf);
  EXPECT_EQ(text, "5000.01e-05nullnull");
}

}  // namespace
