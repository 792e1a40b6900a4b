// Reading specs: every error names the field; hostile input is refused, never crashes.
#include "spec.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "test_util.h"

namespace {

std::string error_of(const std::string& text) {
  nn::NetworkSpec spec;
  std::string err;
  EXPECT_FALSE(nn::spec_from_text(text, &spec, &err)) << text;
  return err;
}

// The classic spec with one field replaced (value = JSON text) or removed (value empty).
std::string classic_with(const std::string& field, const std::string& value) {
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"layers", "[2, 2, 2]"},
      {"activations", R"(["sigmoid", "sigmoid"])"},
      {"loss", R"("half_sse")"},
      {"weights", "[[[0.15, 0.20], [0.25, 0.30]], [[0.40, 0.45], [0.50, 0.55]]]"},
      {"biases", "[[0.35, 0.35], [0.60, 0.60]]"},
      {"inputs", "[[0.05, 0.10]]"},
      {"targets", "[[0.01, 0.99]]"},
      {"learningRate", "0.5"}};
  std::string out;
  bool seen = false;
  for (const auto& [k, v] : fields) {
    const bool here = k == field;
    seen = seen || here;
    if (here && value.empty()) continue;
    out += (out.empty() ? "" : ", ") + ("\"" + k + "\": ") + (here ? value : v);
  }
  if (!seen) out += ", \"" + field + "\": " + value;
  return "{" + out + "}";
}

TEST(Spec, ClassicSpecReadsBack) {
  nn::NetworkSpec s;
  std::string err;
  ASSERT_TRUE(nn::spec_from_text(nn_test::kClassicSpec, &s, &err)) << err;
  EXPECT_EQ(s.sizes, (std::vector<int>{2, 2, 2}));
  EXPECT_EQ(s.params.size(), 12u);
  EXPECT_EQ(s.params[4], 0.35);  // W1 (4 numbers) then b1
  EXPECT_TRUE(s.train_biases);
  EXPECT_EQ(s.optimizer.kind, nn::OptimizerKind::Sgd);
}

TEST(Spec, ErrorsNameTheField) {
  EXPECT_EQ(
      error_of(classic_with("weights", "[[[0.15,0.2,0.3],[0.25,0.3]],[[0.4,0.45],[0.5,0.55]]]")),
      "weights[0][0]: expected 2 numbers (one per input of layer 1), got 3");
  EXPECT_EQ(error_of(classic_with("activations", "[\"sigmoid\",\"swish\"]")),
            "activations[1]: " + nn::catalogue_expected(nn::kActivations));
  EXPECT_EQ(error_of(classic_with("activations", "[\"softmax\",\"softmax\"]")),
            "activations[0]: softmax is only allowed on the output layer");
  EXPECT_EQ(error_of(classic_with("learningRate", "")), "learningRate: expected a finite number");
  // η and Adam's ε: bounds.h's ranges, ends included (the app's fields and links take the same).
  EXPECT_EQ(error_of(classic_with("learningRate", "0")),
            "learningRate: expected a number from 1e-05 to 100");
  EXPECT_EQ(error_of(classic_with("learningRate", "9.9e-6")),
            "learningRate: expected a number from 1e-05 to 100");
  EXPECT_EQ(error_of(classic_with("learningRate", "100.5")),
            "learningRate: expected a number from 1e-05 to 100");
  auto accepts = [](const std::string& text) {
    nn::NetworkSpec spec;
    std::string err;
    return nn::spec_from_text(text, &spec, &err);
  };
  EXPECT_TRUE(accepts(classic_with("learningRate", "0.00001")));
  EXPECT_TRUE(accepts(classic_with("learningRate", "100")));
  EXPECT_TRUE(accepts(classic_with("optimizer", R"({"name":"adam","epsilon":1})")));
  EXPECT_EQ(error_of(classic_with("optimizer", R"({"name":"adam","epsilon":1.5})")),
            "optimizer.epsilon: expected 0 < ε ≤ 1");
  EXPECT_EQ(error_of(classic_with("optimizer", R"({"name":"momentum","momentum":1})")),
            "optimizer.momentum: expected 0 ≤ μ < 1");
  EXPECT_EQ(error_of(classic_with("inputs", "[[0.05, \"x\"]]")),
            "inputs[0][1]: expected a finite number");
  EXPECT_EQ(error_of(classic_with("inputs", "[[0.05, 1e999]]")),
            "inputs[0][1]: expected a finite number");
  EXPECT_EQ(error_of(classic_with("optimizer", "{\"name\":\"rmsprop\"}")),
            "optimizer.name: expected one of sgd, momentum, adam");
  EXPECT_EQ(error_of(classic_with("batchSize", "2.5")),
            "batchSize: expected a whole number from 0 to 100000, got 2.5");
  EXPECT_EQ(error_of(classic_with("trainBiases", "1")), "trainBiases: expected true or false");
  EXPECT_EQ(error_of(classic_with("colour", "1")), "colour: not a spec field");
}

TEST(Spec, BceNeedsTargetsBetweenZeroAndOne) {
  const std::string spec = R"({"layers": [1, 1], "activations": ["sigmoid"], "loss": "bce",
    "inputs": [[1]], "targets": [[1.5]], "learningRate": 0.1})";
  EXPECT_EQ(error_of(spec),
            "targets[0][0]: binary cross-entropy (bce) needs a target from 0 to 1 (a "
            "probability); got 1.5");
}

// Issue #12: a softmax over one unit is exp(z)/exp(z) = 1 whatever z is, so the loss is −y·ln 1 = 0
// and every gradient is 0: nothing could ever be learned. Refused, naming the field.
TEST(Spec, SoftmaxOverOneOutputIsRefused) {
  const std::string spec = R"({"layers": [2, 2, 1], "activations": ["sigmoid", "softmax"],
    "loss": "cross_entropy", "inputs": [[0.05, 0.1]], "targets": [[1]], "learningRate": 0.5})";
  const std::string err = error_of(spec);
  EXPECT_EQ(err.rfind("activations[1]: a softmax over one output unit is always 1", 0), 0u) << err;
  // Two outputs are fine.
  nn::NetworkSpec ok;
  std::string e2;
  EXPECT_TRUE(nn::spec_from_text(R"({"layers": [2, 2], "activations": ["softmax"],
    "loss": "cross_entropy", "inputs": [[0.05, 0.1]], "targets": [[1, 0]], "learningRate": 0.5})",
                                 &ok, &e2))
      << e2;
}

TEST(Spec, SharedBiasesAreReadAndChecked) {
  nn::NetworkSpec spec;
  std::string err;
  ASSERT_TRUE(nn::spec_from_text(classic_with("sharedBiases", "true"), &spec, &err)) << err;
  EXPECT_EQ(spec.shared_biases, (std::vector<bool>{true, true}));
  ASSERT_TRUE(nn::spec_from_text(classic_with("sharedBiases", "[false, true]"), &spec, &err));
  EXPECT_EQ(spec.shared_biases, (std::vector<bool>{false, true}));
  EXPECT_EQ(error_of(classic_with("sharedBiases", "[true]")),
            "sharedBiases: expected true, false or 2 of them (one per weight layer)");
  EXPECT_EQ(error_of(classic_with("sharedBiases", "[true, 1]")),
            "sharedBiases[1]: expected true or false");
  const std::string two_values =
      classic_with("biases", "[[0.35, 0.4], [0.6, 0.6]]").insert(1, "\"sharedBiases\": true, ");
  EXPECT_EQ(error_of(two_values),
            "biases[0]: a shared bias is one number used by every unit of the layer; got 0.35 "
            "and 0.4");
}

TEST(Spec, HostileInputIsRefusedWithoutCrashing) {
  EXPECT_EQ(error_of("").substr(0, 6), "spec: ");
  EXPECT_EQ(error_of("[").substr(0, 6), "spec: ");
  EXPECT_EQ(error_of(std::string(100000, '[')), "spec: nested too deeply (more than 64 levels)");
  const std::string missing_comma = error_of(R"({"layers": [2, 2] "loss": 1})");
  EXPECT_EQ(missing_comma.substr(0, 19), "spec: at character ");
  EXPECT_NE(missing_comma.find("expected '}'"), std::string::npos) << missing_comma;
  EXPECT_EQ(
      error_of(
          R"({"layers": [2, 1024, 1024, 1024, 2], "activations": ["relu","relu","relu","linear"],
    "loss": "mse", "inputs": [[1,2]], "targets": [[1,2]], "learningRate": 0.1})"),
      "layers: too many weights for the app (2104322; at most 1000000)");
  EXPECT_EQ(error_of(R"({"layers": [2, 5000, 2]})"),
            "layers[1]: expected a whole number from 1 to 1024, got 5000");
}

TEST(Json, NumbersPrintAsTheShortestRoundTrip) {
  // Each expected text is the shortest decimal that reads back as the double (as String(x) in JS).
  EXPECT_EQ(nn::json_text(nn::Json(0.1)), "0.1");
  EXPECT_EQ(nn::json_text(nn::Json(0.2983711087600027)), "0.2983711087600027");
  EXPECT_EQ(nn::json_text(nn::Json(-1.25)), "-1.25");
  EXPECT_EQ(nn::json_text(nn::Json(1.0 / 3)), "0.3333333333333333");
  for (double x : {0.1, 0.2983711087600027, 1.0 / 3, 3.5e-7, 1e21, -2.5e-300})
    EXPECT_EQ(std::strtod(nn::json_text(nn::Json(x)).c_str(), nullptr), x);
  EXPECT_EQ(nn::json_number(5000), "5000");
  EXPECT_EQ(nn::json_number(2.5), "2.5");
}

}  // namespace
