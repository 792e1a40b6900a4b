// predict(): a forward over many points that leaves the training buffers alone; the double path is
// bitwise the outputs of network_forward, the float32 path within 1e-5 of them.
#include "predict.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "test_util.h"

namespace {

// A playground-like network over `rows` points of a grid, with random weights (seed 3).
nn::Network playground(int rows, const std::string& hidden, const std::string& out,
                       const std::string& loss) {
  std::string inputs, targets;
  for (int k = 0; k < rows; ++k) {
    const double x = -1.0 + 2.0 * (k % 17) / 16.0, y = 1.0 - 2.0 * (k / 17 % 13) / 12.0;
    if (k) inputs.push_back(','), targets.push_back(',');
    inputs.append("[").append(std::to_string(x)).append(",").append(std::to_string(y)).append("]");
    targets.append(out == "softmax" ? "[1,0]" : "[1]");
  }
  const std::string layers = out == "softmax" ? "[2,8,5,2]" : "[2,8,5,1]";
  return nn_test::network_from("{\"layers\":" + layers + ",\"activations\":[\"" + hidden + "\",\"" +
                               hidden + "\",\"" + out + "\"],\"loss\":\"" + loss +
                               "\",\"inputs\":[" + inputs + "],\"targets\":[" + targets +
                               "],\"seed\":3,\"learningRate\":0.1}");
}

TEST(Predict, DoubleIsBitwiseTheForwardOutputsAndLeavesTrainingBuffersAlone) {
  for (const char* hidden : {"tanh", "relu", "sigmoid", "leaky_relu", "linear"}) {
    nn::Network net = playground(300, hidden, "sigmoid", "bce");
    const std::vector<double> acts_before = net.acts;
    std::vector<double> out(300);
    nn::PredictScratch scratch;
    nn::predict(out.data(), net.spec.inputs.data(), 300, net, &scratch);
    EXPECT_EQ(net.acts, acts_before) << hidden;
    nn::network_forward(net, 0, 300);
    const double* a = net.acts.data() + net.layout.a.back();
    EXPECT_EQ(std::memcmp(out.data(), a, out.size() * sizeof(double)), 0) << hidden;
  }
}

TEST(Predict, Float32IsWithin1e5OfDouble) {
  for (const char* out_act : {"sigmoid", "softmax"}) {
    nn::Network net = playground(1000, "tanh", out_act,
                                 std::string(out_act) == "softmax" ? "cross_entropy" : "bce");
    const int K = net.spec.sizes.back();
    std::vector<double> exact(1000 * K), fast(1000 * K);
    nn::PredictScratch scratch;
    nn::predict(exact.data(), net.spec.inputs.data(), 1000, net, &scratch);
    nn::predict_f32(fast.data(), net.spec.inputs.data(), 1000, net, &scratch);
    for (size_t k = 0; k < exact.size(); ++k)
      ASSERT_NEAR(fast[k], exact[k], 1e-5) << out_act << " " << k;
  }
}

TEST(Predict, StaysFiniteForHugeWeights) {
  nn::Network net = playground(50, "tanh", "sigmoid", "bce");
  for (double& p : net.params) p *= 1e4;
  std::vector<double> exact(50), fast(50);
  nn::PredictScratch scratch;
  nn::predict(exact.data(), net.spec.inputs.data(), 50, net, &scratch);
  nn::predict_f32(fast.data(), net.spec.inputs.data(), 50, net, &scratch);
  for (int k = 0; k < 50; ++k) {
    EXPECT_TRUE(std::isfinite(exact[k]) && exact[k] >= 0 && exact[k] <= 1) << k;
    EXPECT_TRUE(std::isfinite(fast[k]) && fast[k] >= 0 && fast[k] <= 1) << k;
  }
}

}  // namespace
