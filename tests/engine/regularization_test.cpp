// L1/L2 weight penalties: the PyTorch reference plus the textbook penalty gradient (λw, λ·sign w),
// and the numerical gradient check with the penalty in the loss.
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
      EXPECT_TRUE(close(net.params[k], w - eta * g)) << j << "," << i;
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
