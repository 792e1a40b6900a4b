// The notes' classic example (notes 004, exact values in shared/seeds/README.md), schedules,
// divergence handling and seeded initialisation.
#include "network.h"

#include <gtest/gtest.h>

#include <cmath>

#include "rng.h"
#include "test_util.h"

namespace {

double at(const nn::Network& net, const std::vector<double>& buf, const std::vector<int>& off,
          int l, int k) {
  (void)net;
  return buf[off[l] + k];
}

TEST(Network, ClassicExampleMatchesTheNotesCorrectedValues) {
  nn::Network net = nn_test::network_from(nn_test::kClassicSpec);
  const double loss = nn::network_forward(net, 0, 1);
  const auto& L = net.layout;
  EXPECT_NEAR(at(net, net.acts, L.z, 0, 0), 0.3775, 1e-15);       // net_h1 (notes: 0.377)
  EXPECT_NEAR(at(net, net.acts, L.a, 0, 0), 0.593269992, 5e-10);  // out_h1
  EXPECT_NEAR(at(net, net.acts, L.a, 0, 1), 0.596884378, 5e-10);  // out_h2
  EXPECT_NEAR(at(net, net.acts, L.z, 1, 0), 1.105905967, 5e-10);  // net_o1 (notes: 1.175)
  EXPECT_NEAR(at(net, net.acts, L.a, 1, 0), 0.751365070, 5e-10);  // out_o1
  EXPECT_NEAR(at(net, net.acts, L.a, 1, 1), 0.772928465, 5e-10);  // out_o2
  EXPECT_NEAR(0.5 * std::pow(0.01 - at(net, net.acts, L.a, 1, 0), 2), 0.274811083, 5e-10);  // E_o1
  EXPECT_NEAR(0.5 * std::pow(0.99 - at(net, net.acts, L.a, 1, 1), 2), 0.023560026,
              5e-10);                     // E_o2 (0.23)
  EXPECT_NEAR(loss, 0.298371109, 5e-10);  // E_total (notes: 0.50)
  ASSERT_EQ(nn::network_backward(net), nn::Status::Ok);
  EXPECT_NEAR(net.grads[L.W[1]], 0.082167041, 5e-10);  // ∂E/∂w5
  ASSERT_EQ(nn::network_update(net), nn::Status::Ok);
  const double expected[8] = {0.149780716, 0.199561432, 0.249751144, 0.299502287,
                              0.358916480, 0.408666186, 0.511301270, 0.561370121};
  const int W1 = L.W[0], W2 = L.W[1];
  for (int k = 0; k < 4; ++k) EXPECT_NEAR(net.params[W1 + k], expected[k], 5e-10) << "w" << k + 1;
  for (int k = 0; k < 4; ++k)
    EXPECT_NEAR(net.params[W2 + k], expected[4 + k], 5e-10) << "w" << k + 5;
  EXPECT_EQ(net.params_before[W2], 0.40);
}

TEST(Network, TenThousandStepsWithFixedBiasesReachTheBlogFigures) {
  nn::Network net = nn_test::network_from(nn_test::kClassicSpec);
  net.spec.train_biases = false;
  int done = 0;
  ASSERT_EQ(nn::network_train(net, 10000, &done), nn::Status::Ok);
  EXPECT_NEAR(net.losses[9999], 3.5108548e-05, 5e-13);  // before the last update
  const double after = nn::network_forward(net, 0, 1);
  EXPECT_NEAR(after, 3.5101878e-05, 5e-13);
  EXPECT_NEAR(net.acts[net.layout.a[1]], 0.015914, 5e-7);
  EXPECT_NEAR(net.acts[net.layout.a[1] + 1], 0.984064, 5e-7);
  EXPECT_EQ(net.params[net.layout.b[0]], 0.35);
}

TEST(Network, TenThousandStepsWithTrainedBiases) {
  nn::Network net = nn_test::network_from(nn_test::kClassicSpec);
  int done = 0;
  ASSERT_EQ(nn::network_train(net, 10000, &done), nn::Status::Ok);
  EXPECT_NEAR(nn::network_forward(net, 0, 1), 2.4475622e-06, 5e-14);
  EXPECT_NE(net.params[net.layout.b[0]],
            net.params[net.layout.b[0] + 1]);  // each bias moves on its own
}

TEST(Network, MiniBatchesTakeRowsInOrderWithASmallerLastBatch) {
  nn::Network net = nn_test::network_from(R"({"layers": [1, 1], "activations": ["linear"],
    "loss": "half_sse", "weights": [[[0.5]]], "biases": [[0]], "inputs": [[1], [2], [3], [4], [5]],
    "targets": [[0], [0], [0], [0], [0]], "learningRate": 0.001, "batchSize": 2})");
  double loss;
  const int expected_rows[] = {2, 2, 1, 2, 2, 1};
  const int expected_start[] = {0, 2, 4, 0, 2, 4};
  for (int k = 0; k < 6; ++k) {
    ASSERT_EQ(nn::network_step(net, &loss), nn::Status::Ok);
    EXPECT_EQ(net.batch_rows, expected_rows[k]);
    EXPECT_EQ(net.batch_start, expected_start[k]);
  }
}

TEST(Network, DivergenceIsReportedAndTheLastFiniteWeightsKept) {
  nn::Network net = nn_test::network_from(R"({"layers": [1, 1], "activations": ["linear"],
    "loss": "half_sse", "weights": [[[1]]], "biases": [[0]], "inputs": [[100]], "targets": [[1]],
    "learningRate": 10})");
  int done = 0;
  EXPECT_EQ(nn::network_train(net, 1000, &done), nn::Status::NotFinite);
  EXPECT_LT(done, 1000);
  for (double l : net.losses) EXPECT_TRUE(std::isfinite(l));
  for (double p : net.params) EXPECT_TRUE(std::isfinite(p));
}

// One weight, no bias, x = 1, target 0, ½-SSE: L(w) = ½w², ∂L/∂w = w, so each update is
// w ← w(1 − η). With η = 3 the weight goes 1, −2, 4, −8, … and the loss ½·4ⁿ after n updates:
// 0.5, 2, 8, 32, 128, 512. The cut-off is 1000 × 0.5 = 500, first passed after 5 updates.
TEST(Network, DivergenceIsNamedByTheUpdatesDoneFromTheStartOfTheRun) {
  nn::Network net = nn_test::network_from(R"({"layers": [1, 1], "activations": ["linear"],
    "loss": "half_sse", "weights": [[[1]]], "biases": [[0]], "inputs": [[1]], "targets": [[0]],
    "learningRate": 3, "trainBiases": false})");
  int done = 0;
  // In chunks of 2: the count runs over the whole run, not inside the last chunk.
  ASSERT_EQ(nn::network_train(net, 2, &done), nn::Status::Ok);
  ASSERT_EQ(nn::network_train(net, 2, &done), nn::Status::Ok);
  EXPECT_EQ(nn::network_train(net, 2, &done), nn::Status::NotFinite);
  EXPECT_EQ(done, 1);  // update 5 happened (loss 128 before it); the loss after it, 512, is past
  EXPECT_EQ(net.diverged_at, 5);
  EXPECT_EQ(net.updates, 5);
  ASSERT_EQ(net.losses.size(), 1u);
  EXPECT_EQ(net.losses[0], 128.0);
  EXPECT_EQ(nn::divergence_message(net),
            "training diverged after 5 updates: the loss 512 passed the cut-off 500 (1000 × the "
            "first loss)");
  EXPECT_EQ(net.params[0], -32.0);  // (−2)⁵: the weights after update 5 are kept
  // It does not go on until the next init.
  EXPECT_EQ(nn::network_train(net, 2, &done), nn::Status::NotFinite);
  EXPECT_EQ(done, 0);
}

// x = 1e100, η = 1: L₀ = ½·1e200 (finite); w₁ = 1 − 1e200, so L₁ = ½(1e200·1e100)² overflows to ∞
// in one update, before the cut-off can see it grow.
TEST(Network, AnInfiniteLossIsNamedByTheUpdatesDoneBeforeIt) {
  nn::Network net = nn_test::network_from(R"({"layers": [1, 1], "activations": ["linear"],
    "loss": "half_sse", "weights": [[[1]]], "biases": [[0]], "inputs": [[1e100]],
    "targets": [[0]], "learningRate": 1, "trainBiases": false})");
  int done = 0;
  EXPECT_EQ(nn::network_train(net, 10, &done), nn::Status::NotFinite);
  EXPECT_EQ(done, 1);
  EXPECT_EQ(net.diverged_at, 1);
  EXPECT_EQ(nn::divergence_message(net),
            "training diverged after 1 update: the loss is not a finite number");
}

TEST(Network, SeededInitIsXavierUniformFromSplitMix64) {
  // splitmix64's published first output for seed 0 (Vigna's reference implementation).
  nn::Rng rng(0);
  EXPECT_EQ(rng.next_u64(), 0xE220A8397B1DCDAFull);
  nn::Network a = nn_test::network_from(R"({"layers": [3, 4, 2], "activations": ["tanh", "linear"],
    "loss": "mse", "inputs": [[1, 2, 3]], "targets": [[0, 1]], "learningRate": 0.1, "seed": 7})");
  nn::Network b = nn_test::network_from(R"({"layers": [3, 4, 2], "activations": ["tanh", "linear"],
    "loss": "mse", "inputs": [[1, 2, 3]], "targets": [[0, 1]], "learningRate": 0.1, "seed": 7})");
  EXPECT_EQ(a.params, b.params);
  const double limit = std::sqrt(6.0 / 7.0);
  for (int k = 0; k < 12; ++k) EXPECT_LE(std::fabs(a.params[a.layout.W[0] + k]), limit);
  for (int k = 0; k < 4; ++k) EXPECT_EQ(a.params[a.layout.b[0] + k], 0.0);
}

}  // namespace
