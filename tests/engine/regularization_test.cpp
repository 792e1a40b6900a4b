// L1/L2 weight penalties: the PyTorch reference plus the textbook penalty gradient (λw, λ·sign w),
// the numerical gradient check with the penalty in the loss, and L1's proximal step (exact zeros).
#include <gtest/gtest.h>

#include <cmath>

#include "gradcheck.h"
#include "test_util.h"

using nn_test::close;

namespace {

// Fixture case step-11 (3→4 linear, half_sse) with a penalty added: the data part of every number
// comes from PyTorch; the penalty part is (λ/2)Σw² / λΣ|w| and its gradient λw / λ sign(w).
void check_against_reference(nn::Penalty kind, double lambda) {
  const nn::Json& c = nn_test::reference_case("step-11");
  nn::NetworkSpec spec;
  std::string err;
  ASSERT_TRUE(nn::spec_from_json(*c.find("spec"), &spec, &err)) << err;
  spec.regularization = {kind, lambda};
  nn::Network net;
  ASSERT_EQ(nn::network_init(net, spec, &err), nn::Status::Ok) << err;
  const nn::Json& ex = *c.find("expected");
  const nn::Json& W = c.find("spec")->find("weights")->at(0);
  const nn::Json& dW = *ex.find("layers")->at(0).find("dW");
  double penalty = 0;
  for (const nn::Json& row : W)
    for (const nn::Json& w : row)
      penalty += kind == nn::Penalty::L2 ? 0.5 * lambda * w.get<double>() * w.get<double>()
                                         : lambda * std::fabs(w.get<double>());
  EXPECT_TRUE(
      close(nn::network_forward(net, 0, net.spec.rows), ex.find("loss")->get<double>() + penalty));
  ASSERT_EQ(nn::network_backward(net), nn::Status::Ok);
  ASSERT_EQ(nn::network_update(net), nn::Status::Ok);
  const double eta = spec.optimizer.learning_rate;
  int k = 0;
  for (size_t j = 0; j < W.size(); ++j) {
    for (size_t i = 0; i < W[j].size(); ++i, ++k) {
      const double w = W[j][i].get<double>();
      const double g = dW[j][i].get<double>() +
                       (kind == nn::Penalty::L2 ? lambda * w : lambda * ((w > 0) - (w < 0)));
      EXPECT_TRUE(close(net.grads[k], g)) << j << "," << i;
      // L2: plain step. L1: the proximal step, soft-thresholding the data step by ηλ.
      const double z = w - eta * dW[j][i].get<double>();
      const double prox =
          std::fabs(z) > eta * lambda ? std::copysign(std::fabs(z) - eta * lambda, z) : 0.0;
      EXPECT_TRUE(close(net.params[k], kind == nn::Penalty::L2 ? w - eta * g : prox))
          << j << "," << i;
    }
  }
  // Biases are not penalised: they follow the reference exactly.
  const nn::Json& b_after = ex.find("biasesAfter")->at(0);
  for (size_t j = 0; j < b_after.size(); ++j)
    EXPECT_TRUE(close(net.params[net.layout.b[0] + j], b_after[j].get<double>()));
}

TEST(Regularization, L2AddsLambdaWToTheReferenceGradient) {
  check_against_reference(nn::Penalty::L2, 0.1);
}
TEST(Regularization, L1AddsLambdaSignWToTheReferenceGradient) {
  check_against_reference(nn::Penalty::L1, 0.03);
}

TEST(Regularization, PenalisedLossPassesTheNumericalGradientCheck) {
  for (const char* reg : {R"({"name": "l2", "rate": 0.3})", R"({"name": "l1", "rate": 0.05})"}) {
    nn::Network net = nn_test::network_from(
        std::string(R"({"layers": [2, 3, 1], "activations": ["tanh", "sigmoid"],
      "loss": "bce", "inputs": [[0.5, -1], [1, 2], [-0.3, 0.8]], "targets": [[1], [0], [1]],
      "learningRate": 0.1, "seed": 5, "regularization": )") +
        reg + "}");
    std::vector<double> numeric(net.params.size());
    ASSERT_EQ(nn::gradient_check(net, numeric.data()), nn::Status::Ok);
    for (size_t p = 0; p < numeric.size(); ++p)
      EXPECT_NEAR(net.grads[p], numeric[p], 1e-8) << reg << " " << p;
  }
}

TEST(Regularization, SpecErrorsNameTheField) {
  nn::NetworkSpec s;
  std::string err;
  const std::string base =
      R"({"layers": [1, 1], "activations": ["linear"], "loss": "mse", "inputs": [[1]],
    "targets": [[1]], "learningRate": 0.1, "regularization": )";
  EXPECT_FALSE(nn::spec_from_text(base + R"({"name": "l3", "rate": 1}})", &s, &err));
  EXPECT_EQ(err, "regularization.name: expected one of none, l1, l2");
  EXPECT_FALSE(nn::spec_from_text(base + R"({"name": "l2", "rate": -1}})", &s, &err));
  EXPECT_EQ(err, "regularization.rate: expected a number of 0 or more");
  EXPECT_FALSE(nn::spec_from_text(base + R"({"name": "l2"}})", &s, &err));
  EXPECT_EQ(err, "regularization.rate: expected a finite number");
}

}  // namespace

// Issue #12: L1 must be able to switch a weight off. A 2→1 linear unit, x = (1, 0), y = 1, ½(y −
// ŷ)², λ = 0.01, η = 0.1, biases fixed at 0. The second input is always 0, so ∂E_data/∂w₂ = (ŷ −
// y)·0 = 0 and only the penalty acts on w₂: soft-thresholding takes ηλ = 0.001 off |w₂| per step,
// 0.0025 → 0.0015 → 0.0005 → 0 (exactly, since |0.0005| ≤ 0.001), then stays 0 (z = 0). The first
// weight is needed: it stays far from 0. A plain subgradient step would go 0.0005 − 0.001 = −0.0005
// and flip sign for ever, never reaching 0.
TEST(Regularization, L1ProximalStepReachesExactZeros) {
  const char* spec = R"({"layers": [2, 1], "activations": ["linear"], "loss": "half_sse",
    "weights": [[[0.5, 0.0025]]], "biases": [[0]], "inputs": [[1, 0]], "targets": [[1]],
    "learningRate": 0.1, "trainBiases": false, "regularization": {"name": "l1", "rate": 0.01}})";
  nn::Network net = nn_test::network_from(std::string(spec));
  const int w2 = net.layout.W[0] + 1;
  int done = 0;
  ASSERT_EQ(nn::network_train(net, 2, &done), nn::Status::Ok);
  EXPECT_NEAR(net.params[w2], 0.0005, 1e-15);
  ASSERT_EQ(nn::network_train(net, 1, &done), nn::Status::Ok);
  EXPECT_EQ(net.params[w2], 0.0);
  ASSERT_EQ(nn::network_train(net, 20, &done), nn::Status::Ok);
  EXPECT_EQ(net.params[w2], 0.0);
  // w₁: z = w₁ − η(w₁ − 1) then −ηλ: it heads for 1 − λ = 0.99 (where data and penalty balance).
  EXPECT_GT(net.params[net.layout.W[0]], 0.8);
  // The same with momentum: clip at zero instead of jumping across it.
  std::string with_momentum = spec;
  with_momentum.insert(1, R"("optimizer": {"name": "momentum", "momentum": 0.5}, )");
  nn::Network m = nn_test::network_from(with_momentum);
  ASSERT_EQ(nn::network_train(m, 40, &done), nn::Status::Ok);
  EXPECT_EQ(m.params[w2], 0.0);
  // The first weight's data gradient (y − ŷ)·1 is not 0, and the rule leaves it nonzero.
  EXPECT_GT(m.params[m.layout.W[0]], 0.5);
}
