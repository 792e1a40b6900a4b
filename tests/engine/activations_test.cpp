// Every activation × loss pairing the spec allows: backprop agrees with central differences on
// random networks; sigmoid, softmax and the losses stay finite at extreme net inputs.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "gradcheck.h"
#include "losses.h"
#include "rng.h"
#include "test_util.h"

namespace {

std::string random_spec(nn::Activation hidden, nn::Activation out, nn::Loss loss, uint64_t seed) {
  nn::Rng rng(seed);
  auto num = [&rng](double lo, double hi) {
    return std::to_string(lo + (hi - lo) * rng.uniform());
  };
  const int K = out == nn::Activation::Softmax ? 3 : 2;
  std::string inputs = "[", targets = "[";
  for (int r = 0; r < 4; ++r) {
    inputs +=
        std::string(r ? "," : "") + "[" + num(-2, 2) + "," + num(-2, 2) + "," + num(-2, 2) + "]";
    targets += r ? ",[" : "[";
    for (int k = 0; k < K; ++k) {
      const bool onehot = loss == nn::Loss::CrossEntropy;
      targets += std::string(k ? "," : "") + (onehot ? (k == r % K ? "1" : "0") : num(0.05, 0.95));
    }
    targets += "]";
  }
  return std::string(R"({"layers": [3, 4, )") + std::to_string(K) + R"(], "activations": [")" +
         nn::activation_name(hidden) + R"(", ")" + nn::activation_name(out) + R"("], "loss": ")" +
         nn::loss_name(loss) + R"(", "inputs": )" + inputs + "]" + R"(, "targets": )" + targets +
         "]" + R"(, "learningRate": 0.1, "seed": )" + std::to_string(seed) + "}";
}

TEST(Activations, EveryPairingPassesTheNumericalGradientCheck) {
  int checked = 0;
  for (int h = 0; h < nn::kActivationCount; ++h) {
    const auto hidden = static_cast<nn::Activation>(h);
    if (hidden == nn::Activation::Softmax) continue;  // output only
    for (int o = 0; o < nn::kActivationCount; ++o) {
      for (int l = 0; l < nn::kLossCount; ++l) {
        const auto out = static_cast<nn::Activation>(o);
        const auto loss = static_cast<nn::Loss>(l);
        if (nn::loss_pairing_error(loss, out)) continue;
        SCOPED_TRACE(std::string(nn::activation_name(hidden)) + " → " + nn::activation_name(out) +
                     " + " + nn::loss_name(loss));
        nn::Network net = nn_test::network_from(random_spec(hidden, out, loss, 11 + h * 7 + o + l));
        std::vector<double> numeric(net.params.size());
        ASSERT_EQ(nn::gradient_check(net, numeric.data()), nn::Status::Ok);  // grads: analytic
        for (int p = 0; p < static_cast<int>(numeric.size()); ++p) {
          // The central difference D(h) errs by truncation (h²/6 · L''' for a smooth loss, O(h)
          // where f'' jumps, as softsign's does at 0) plus rounding (δL / h, δL the rounding of
          // one loss). D(h) − D(h/2) measures the truncation of D(h/2) whatever its order (1/3 of
          // it for h², all of it for h), and δL ≤ K·u·L with K = 64 ulps for these small passes
          // (≤ 4 rows, sums of ≤ 4 terms, exp/log within a few ulps; the losses are sums of
          // non-negative terms). A wrong analytic gradient shows as a difference well above both.
          const double h = net.spec.epsilon;
          nn::ParamCheck full, half;
          ASSERT_EQ(nn::check_parameter(net, p, h, &full), nn::Status::Ok);
          ASSERT_EQ(nn::check_parameter(net, p, h / 2, &half), nn::Status::Ok);
          ASSERT_FALSE(full.kink) << p;  // a ReLU crossing 0 has no derivative to check
          const double rounding = 64 * std::numeric_limits<double>::epsilon() / 2 * half.loss;
          const double tolerance = std::fabs(full.central - half.central) + rounding / (h / 2);
          EXPECT_NEAR(net.grads[p], half.central, tolerance) << p;
        }
        ++checked;
      }
    }
  }
  // 5 hidden × (sigmoid: half_sse, mse, bce; softmax: ce; 4 others: half_sse, mse) = 5 × 12
  EXPECT_EQ(checked, 60);
}

TEST(Activations, ReluDerivativeIsZeroAtZeroAndLeakySlopeIsOneHundredth) {
  // dz = da ⊙ f'(z) with da = 1: f'(z) itself, at z = 0, a tiny positive z and a negative z.
  const double z[3] = {0.0, 1e-300, -3.0}, da[3] = {1, 1, 1};
  double a[3], dz[3];
  nn::activation_forward(a, z, 1, 3, nn::Activation::Relu);
  nn::activation_backward(dz, da, z, a, 1, 3, nn::Activation::Relu);
  EXPECT_EQ(dz[0], 0.0);
  EXPECT_EQ(dz[1], 1.0);
  EXPECT_EQ(dz[2], 0.0);
  nn::activation_forward(a, z, 1, 3, nn::Activation::LeakyRelu);
  nn::activation_backward(dz, da, z, a, 1, 3, nn::Activation::LeakyRelu);
  EXPECT_EQ(dz[0], 0.01);
  EXPECT_EQ(dz[1], 1.0);
  EXPECT_EQ(dz[2], 0.01);
}

TEST(Activations, SigmoidAndSoftmaxStayFiniteAtExtremeNetInputs) {
  const double z[4] = {-1e4, -750, 750, 1e4};
  double a[4];
  nn::activation_forward(a, z, 1, 4, nn::Activation::Sigmoid);
  EXPECT_EQ(a[0], 0.0);
  EXPECT_EQ(a[3], 1.0);
  for (double x : a) EXPECT_TRUE(std::isfinite(x));
  nn::activation_forward(a, z, 1, 4, nn::Activation::Softmax);
  EXPECT_DOUBLE_EQ(a[3], 1.0);
  for (double x : a) EXPECT_TRUE(std::isfinite(x));
}

TEST(Losses, BceAndCrossEntropyAreFiniteAndExactWhenOutputsSaturate) {
  const double z[2] = {1e4, -1e4}, y[2] = {0.0, 1.0};
  double a[2], loss_each[1], dz[2];
  nn::activation_forward(a, z, 1, 2, nn::Activation::Sigmoid);
  const double bce = nn::loss_forward(loss_each, a, z, y, 1, 2, nn::Loss::Bce);
  EXPECT_DOUBLE_EQ(bce, 2e4);  // softplus(1e4) + softplus(1e4), where ln(0) would be −∞
  nn::loss_backward(dz, a, z, y, 1, 2, nn::Loss::Bce, nn::Activation::Sigmoid);
  EXPECT_EQ(dz[0], 1.0);
  EXPECT_EQ(dz[1], -1.0);
  nn::activation_forward(a, z, 1, 2, nn::Activation::Softmax);
  const double ce = nn::loss_forward(loss_each, a, z, y, 1, 2, nn::Loss::CrossEntropy);
  EXPECT_DOUBLE_EQ(ce, 2e4);
  nn::loss_backward(dz, a, z, y, 1, 2, nn::Loss::CrossEntropy, nn::Activation::Softmax);
  EXPECT_EQ(dz[0], 1.0);
  EXPECT_EQ(dz[1], -1.0);
}

TEST(Losses, NotesCrossEntropyValuesUseTheNaturalLog) {
  // Notes 000: true class 2; predictions [0.4, 0.6] and [0.1, 0.9]; and −ln 0.7 (written ≈ 0.15).
  auto ce = [](double p1, double p2) {
    const double z[2] = {std::log(p1), std::log(p2)}, y[2] = {0, 1};
    double a[2], each[1];
    nn::activation_forward(a, z, 1, 2, nn::Activation::Softmax);
    return nn::loss_forward(each, a, z, y, 1, 2, nn::Loss::CrossEntropy);
  };
  EXPECT_NEAR(ce(0.4, 0.6), 0.510825624, 1e-9);
  EXPECT_NEAR(ce(0.1, 0.9), 0.105360516, 1e-9);
  EXPECT_NEAR(ce(0.3, 0.7), 0.356674944, 1e-9);
}

}  // namespace
