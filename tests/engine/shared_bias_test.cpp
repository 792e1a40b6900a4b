// Tied biases (issue #12): the notes' 2-2-2 examples use ONE bias per layer, shared by both units.
// It is one parameter, so its gradient is the sum over its uses and one update moves it once.
// Expected values: the classic case from the PyTorch fixture (per-unit δ, summed here by hand), the
// ReLU case recomputed by hand below.
#include <gtest/gtest.h>

#include <cmath>

#include "gradcheck.h"
#include "network.h"
#include "test_util.h"

namespace {

std::string with_shared(const std::string& spec) {
  return "{\"sharedBiases\": true, \"trainBiases\": true, " + spec.substr(spec.find('{') + 1);
}

TEST(SharedBias, ClassicGradientIsTheSumOverItsUsesAndTheUpdateMovesItOnce) {
  const nn::Json& layers = nn_test::reference_case("classic-222")["expected"]["layers"];
  // PyTorch's per-unit ∂E/∂b (untied): the tied gradient is their sum.
  const double db1 = layers[0]["db"][0].get<double>() + layers[0]["db"][1].get<double>();
  const double db2 = layers[1]["db"][0].get<double>() + layers[1]["db"][1].get<double>();
  EXPECT_NEAR(db1, 0.018725609, 5e-10);  // δ_h1 + δ_h2, the issue's value
  EXPECT_NEAR(db2, 0.100400325, 5e-10);  // δ_o1 + δ_o2

  nn::Network net = nn_test::network_from(with_shared(nn_test::kClassicSpec));
  nn::network_forward(net, 0, 1);
  ASSERT_EQ(nn::network_backward(net), nn::Status::Ok);
  const auto& L = net.layout;
  for (int j = 0; j < 2; ++j) {
    EXPECT_TRUE(nn_test::close(net.grads[L.b[0] + j], db1)) << "b1 slot " << j;
    EXPECT_TRUE(nn_test::close(net.grads[L.b[1] + j], db2)) << "b2 slot " << j;
  }
  // The weights' gradients do not change by tying: w5's is still PyTorch's.
  EXPECT_TRUE(nn_test::close(net.grads[L.W[1]], layers[1]["dW"][0][0].get<double>()));
  ASSERT_EQ(nn::network_update(net), nn::Status::Ok);
  // b⁺ = b − η ∂E/∂b with η = 0.5: 0.35 − 0.5 · 0.018725609…, 0.6 − 0.5 · 0.100400325…
  for (int j = 0; j < 2; ++j) {
    EXPECT_TRUE(nn_test::close(net.params[L.b[0] + j], 0.35 - 0.5 * db1));
    EXPECT_TRUE(nn_test::close(net.params[L.b[1] + j], 0.6 - 0.5 * db2));
  }
  EXPECT_NEAR(net.params[L.b[0]], 0.340637195, 5e-10);
  EXPECT_NEAR(net.params[L.b[1]], 0.549799837, 5e-10);
}

TEST(SharedBias, ReluSigmoidLessonByHand) {
  // relu-sigmoid-222: x = (0.7, 0.5), y = (0.3, 0.7), W¹ = [[0.5, 0.3], [−0.2, 0.6]], b₁ = 0.1,
  // W² = [[0.4, −0.3], [0.7, 0.2]], b₂ = 0.2, L = ½ Σ (y − ŷ)², η = 0.5.
  const char* spec = R"({"layers": [2, 2, 2], "activations": ["relu", "sigmoid"],
    "loss": "half_sse", "weights": [[[0.5, 0.3], [-0.2, 0.6]], [[0.4, -0.3], [0.7, 0.2]]],
    "biases": [[0.1, 0.1], [0.2, 0.2]], "inputs": [[0.7, 0.5]], "targets": [[0.3, 0.7]],
    "learningRate": 0.5, "sharedBiases": true})";
  // By hand: net¹ = (0.35 + 0.15 + 0.1, −0.14 + 0.3 + 0.1) = (0.6, 0.26), both positive so O¹ =
  // net¹.
  const double h1 = 0.6, h2 = 0.26;
  const double n1 = 0.4 * h1 - 0.3 * h2 + 0.2, n2 = 0.7 * h1 + 0.2 * h2 + 0.2;  // 0.362, 0.672
  const double y1 = 1 / (1 + std::exp(-n1)), y2 = 1 / (1 + std::exp(-n2));
  const double d1 = (y1 - 0.3) * y1 * (1 - y1), d2 = (y2 - 0.7) * y2 * (1 - y2);
  const double dh1 = 0.4 * d1 + 0.7 * d2, dh2 = -0.3 * d1 + 0.2 * d2;  // ReLU′ = 1 on both
  nn::Network net = nn_test::network_from(std::string(spec));
  nn::network_forward(net, 0, 1);
  ASSERT_EQ(nn::network_backward(net), nn::Status::Ok);
  const auto& L = net.layout;
  EXPECT_TRUE(nn_test::close(net.grads[L.b[0]], dh1 + dh2, 1e-11));
  EXPECT_TRUE(nn_test::close(net.grads[L.b[0] + 1], dh1 + dh2, 1e-11));
  EXPECT_TRUE(nn_test::close(net.grads[L.b[1]], d1 + d2, 1e-11));
  EXPECT_TRUE(nn_test::close(net.grads[L.b[1] + 1], d1 + d2, 1e-11));
  // Biases not trained (the lesson's default): the update leaves them.
  net.spec.train_biases = false;
  ASSERT_EQ(nn::network_update(net), nn::Status::Ok);
  EXPECT_EQ(net.params[L.b[0]], 0.1);
  // Trained: both copies move by the one gradient, and stay equal under Adam too.
  for (const char* opt : {"sgd", "adam"}) {
    std::string text = std::string(spec);
    text.insert(1, std::string("\"optimizer\": {\"name\": \"") + opt + "\"}, ");
    nn::Network t = nn_test::network_from(text);
    int done = 0;
    ASSERT_EQ(nn::network_train(t, 5, &done), nn::Status::Ok);
    EXPECT_EQ(t.params[L.b[0]], t.params[L.b[0] + 1]) << opt;
    EXPECT_EQ(t.params[L.b[1]], t.params[L.b[1] + 1]) << opt;
    EXPECT_NE(t.params[L.b[0]], 0.1) << opt;
  }
  nn::Network one = nn_test::network_from(std::string(spec));
  int done = 0;
  ASSERT_EQ(nn::network_train(one, 1, &done), nn::Status::Ok);
  EXPECT_TRUE(nn_test::close(one.params[L.b[0]], 0.1 - 0.5 * (dh1 + dh2), 1e-11));
  EXPECT_TRUE(nn_test::close(one.params[L.b[1]], 0.2 - 0.5 * (d1 + d2), 1e-11));
}

TEST(SharedBias, NumericalCheckPerturbsTheOneParameter) {
  nn::Network net = nn_test::network_from(with_shared(nn_test::kClassicSpec));
  std::vector<double> numeric(net.params.size());
  ASSERT_EQ(nn::gradient_check(net, numeric.data()), nn::Status::Ok);
  const auto& L = net.layout;
  for (int j = 0; j < 2; ++j) {
    // The sum 0.018725609, not one unit's 0.00877 (which moving one copy would give).
    EXPECT_NEAR(numeric[L.b[0] + j], 0.018725609, 1e-9);
    EXPECT_NEAR(numeric[L.b[1] + j], 0.100400325, 1e-9);
    EXPECT_LT(std::fabs(net.grads[L.b[0] + j] - numeric[L.b[0] + j]) / 0.018725609, 1e-7);
  }
  // Parameters restored exactly.
  EXPECT_EQ(net.params[L.b[0]], 0.35);
  EXPECT_EQ(net.params[L.b[0] + 1], 0.35);
}

TEST(GradientCheck, AtAReluKinkReportsBothOneSidedSlopes) {
  // relu-sigmoid-222 with w¹₁₁ = 0, w¹₁₂ = −0.2: net¹₁ = 0.7·0 − 0.2·0.5 + 0.1 = 0 exactly.
  const char* spec = R"({"layers": [2, 2, 2], "activations": ["relu", "sigmoid"],
    "loss": "half_sse", "weights": [[[0, -0.2], [-0.2, 0.6]], [[0.4, -0.3], [0.7, 0.2]]],
    "biases": [[0.1, 0.1], [0.2, 0.2]], "inputs": [[0.7, 0.5]], "targets": [[0.3, 0.7]],
    "learningRate": 0.5, "sharedBiases": true})";
  nn::Network net = nn_test::network_from(std::string(spec));
  nn::network_forward(net, 0, 1);
  ASSERT_EQ(net.acts[net.layout.z[0]], 0.0);
  // By hand: h1 is off (O¹₁ = 0); h2: net¹₂ = −0.14 + 0.3 + 0.1 = 0.26.
  const double h2 = 0.26;
  const double n1 = -0.3 * h2 + 0.2, n2 = 0.2 * h2 + 0.2;
  const double y1 = 1 / (1 + std::exp(-n1)), y2 = 1 / (1 + std::exp(-n2));
  const double d1 = (y1 - 0.3) * y1 * (1 - y1), d2 = (y2 - 0.7) * y2 * (1 - y2);
  // Moving w¹₁₁ up turns h1 on with slope X₁ = 0.7; down keeps it off (slope 0).
  const double right = 0.7 * (0.4 * d1 + 0.7 * d2);  // the right derivative, −0.000486325700
  nn::ParamCheck c;
  ASSERT_EQ(nn::check_parameter(net, net.layout.W[0], 1e-6, &c), nn::Status::Ok);
  EXPECT_TRUE(c.kink);
  EXPECT_EQ(c.left, 0.0);
  // A one-sided difference is off by about ½ L″ ε (L″ ≈ 0.02 here, so ~1e-8).
  EXPECT_NEAR(c.right, right, 3e-8);
  EXPECT_NEAR(c.central, right / 2, 3e-8);
  // The quotients against exact arithmetic on the same double parameters (long double, 11 bits
  // more): L(p), L(p ± ε) each carry round-off of about 16 · 2⁻⁵² · L (the gradient-check lesson's
  // margin, gradientCheck.ts), so a difference over ε is good to twice that over ε (2.6e-10 at L ≈
  // 0.036) and the central difference to half of it. That, not 12 decimals, is what they support.
  auto loss_at = [](long double w) {
    auto d = [](double v) { return static_cast<long double>(v); };  // the spec's doubles, exactly
    auto sig = [](long double z) { return 1.0L / (1.0L + std::exp(-z)); };
    const long double in1 = d(0.7) * w + d(-0.2) * d(0.5) + d(0.1);
    const long double h1 = in1 > 0 ? in1 : 0.0L, h2x = d(-0.2) * d(0.7) + d(0.6) * d(0.5) + d(0.1);
    const long double o1 = sig(d(0.4) * h1 + d(-0.3) * h2x + d(0.2));
    const long double o2 = sig(d(0.7) * h1 + d(0.2) * h2x + d(0.2));
    return ((o1 - d(0.3)) * (o1 - d(0.3)) + (o2 - d(0.7)) * (o2 - d(0.7))) / 2;
  };
  const long double L0 = loss_at(0), Lup = loss_at(1e-6), Ldown = loss_at(-1e-6);
  EXPECT_NEAR(c.loss, static_cast<double>(L0), 16 * 0x1p-52 * 0.036);  // the margin, checked
  const double one_sided = 2 * 16 * 0x1p-52 * c.loss / 1e-6;
  EXPECT_GT(one_sided, 2.5e-10);
  EXPECT_LT(one_sided, 2.6e-10);
  EXPECT_NEAR(c.right, static_cast<double>((Lup - L0) / static_cast<long double>(1e-6)), one_sided);
  EXPECT_NEAR(c.central, static_cast<double>((Lup - Ldown) / static_cast<long double>(2e-6)),
              one_sided / 2);
  // The issue's float64 values (12 decimals), another evaluation with its own round-off: within
  // twice the bound, plus their rounding.
  EXPECT_NEAR(c.right, -0.000486315585, 2 * one_sided + 5e-13);
  EXPECT_NEAR(c.central, -0.000243157793, one_sided + 5e-13);
  // Backprop's value follows the derivative-0-at-0 convention.
  ASSERT_EQ(nn::network_backward(net), nn::Status::Ok);
  EXPECT_EQ(net.grads[net.layout.W[0]], 0.0);
  // A smooth parameter (w⁵-like output weight) crosses no kink and its slopes agree.
  ASSERT_EQ(nn::check_parameter(net, net.layout.W[1], 1e-6, &c), nn::Status::Ok);
  EXPECT_FALSE(c.kink);
  EXPECT_NEAR(c.left, c.right, 1e-6);
}

TEST(GradientCheck, ReportsTheLossForTheResolutionLimit) {
  // One sigmoid unit driven to z = 40: σ′(40) ≈ 4.2e-18, far below what ε = 1e-6 can resolve
  // (ulp(L)/ε ≈ 1e-11 here). The check reports L so the caller can say "too small to check".
  nn::Network net = nn_test::network_from(std::string(R"({"layers": [1, 1],
    "activations": ["sigmoid"], "loss": "half_sse", "weights": [[[40]]], "biases": [[0]],
    "inputs": [[1]], "targets": [[0.5]], "learningRate": 0.1})"));
  nn::network_forward(net, 0, 1);
  ASSERT_EQ(nn::network_backward(net), nn::Status::Ok);
  const double s = 1 / (1 + std::exp(-40.0));
  EXPECT_NEAR(net.grads[0], (s - 0.5) * s * (1 - s), 1e-30);
  nn::ParamCheck c;
  ASSERT_EQ(nn::check_parameter(net, 0, 1e-6, &c), nn::Status::Ok);
  EXPECT_NEAR(c.loss, 0.125, 1e-15);
  EXPECT_FALSE(c.kink);
  EXPECT_LT(std::fabs(c.central), 1e-9);
  EXPECT_EQ(nn::check_parameter(net, 0, 0, &c), nn::Status::BadSpec);
  EXPECT_EQ(nn::check_parameter(net, 5, 1e-6, &c), nn::Status::BadSpec);
}

}  // namespace
