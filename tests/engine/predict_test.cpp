// predict(): a forward over many points that leaves the training buffers alone; the double path is
// bitwise the outputs of network_forward, the float32 path within 1e-5 of them. predict_layers():
// the same pass keeping every layer (hand-worked values, and bitwise each cut network's predict).
#include "predict.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "catalogue.h"
#include "test_util.h"

namespace {

// Every activation a hidden layer may use, from the catalogue: a new one is covered here unedited.
std::vector<std::string> hidden_activations() {
  std::vector<std::string> names;
  for (const nn::CatalogueEntry& e : nn::kActivations)
    if (std::string(e.fits) == "hidden") names.emplace_back(e.name);
  return names;
}

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
  for (const std::string& hidden : hidden_activations()) {
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

// The network cut after weight layer k (1-based), with the full network's first k layers'
// parameters: what the playground built per hidden layer before predict_layers.
nn::Network cut_after(const nn::Network& net, int k) {
  nn::Json spec = {{"loss", "mse"}, {"learningRate", 1}, {"seed", 1}};
  spec["layers"] = std::vector<int>(net.spec.sizes.begin(), net.spec.sizes.begin() + k + 1);
  std::vector<std::string> acts;
  for (int l = 0; l < k; ++l) acts.emplace_back(nn::activation_name(net.spec.activations[l]));
  spec["activations"] = acts;
  spec["inputs"] = nn::Json::array({nn::Json(std::vector<double>(net.spec.sizes[0], 0.0))});
  spec["targets"] = nn::Json::array({nn::Json(std::vector<double>(net.spec.sizes[k], 0.0))});
  nn::Network cut = nn_test::network_from_json(spec);
  for (int l = 0; l < k; ++l) {
    const int n = net.spec.sizes[l + 1], nin = net.spec.sizes[l];
    std::copy_n(net.params.begin() + net.layout.W[l], n * nin,
                cut.params.begin() + cut.layout.W[l]);
    std::copy_n(net.params.begin() + net.layout.b[l], n, cut.params.begin() + cut.layout.b[l]);
  }
  return cut;
}

// A 2-2-1 network worked by hand: ReLU hidden, linear output, every number exact in binary.
// W¹ = [[1, −1], [0.5, 2]], b¹ = [0, −1], W² = [[2, −3]], b² = [0.5].
//   x = (1, 2): z¹ = (1 − 2 + 0, 0.5 + 4 − 1) = (−1, 3.5), a¹ = (0, 3.5), a² = 0 − 10.5 + 0.5 = −10
//   x = (3, 1): z¹ = (3 − 1, 1.5 + 2 − 1) = (2, 2.5),     a¹ = (2, 2.5), a² = 4 − 7.5 + 0.5 = −3
TEST(PredictLayers, GivesEveryLayerOfAHandWorked221Case) {
  nn::Network net = nn_test::network_from(
      R"({"layers":[2,2,1],"activations":["relu","linear"],"loss":"mse",
          "weights":[[[1,-1],[0.5,2]],[[2,-3]]],"biases":[[0,-1],[0.5]],
          "inputs":[[1,2],[3,1]],"targets":[[0],[0]],"learningRate":1})");
  ASSERT_EQ(nn::predict_layers_width(net.spec), 3);
  // block 0: a¹ (2 rows, 2 units) at 0; block 1: a² (2 rows, 1 unit) at rows · 2 = 4
  const std::vector<double> want = {0, 3.5, 2, 2.5, -10, -3};
  std::vector<double> out(6, 99), fast(6, 99);
  nn::PredictScratch scratch;
  nn::predict_layers(out.data(), net.spec.inputs.data(), 2, net, &scratch);
  nn::predict_layers_f32(fast.data(), net.spec.inputs.data(), 2, net, &scratch);
  EXPECT_EQ(out, want);
  EXPECT_EQ(fast, want);  // every value is exact in float32 too
}

// tanh hidden, sigmoid output, from libm: a¹_j = tanh(w_j · x + b_j), a² = 1 / (1 + e^(−z²)).
TEST(PredictLayers, TanhSigmoid221AgreesWithLibm) {
  nn::Network net = nn_test::network_from(
      R"({"layers":[2,2,1],"activations":["tanh","sigmoid"],"loss":"bce",
          "weights":[[[0.3,-0.7],[1.1,0.4]],[[-1.5,0.8]]],"biases":[[0.2,-0.1],[0.05]],
          "inputs":[[0.5,-1],[-2,0.25],[0,0]],"targets":[[0],[1],[0]],"learningRate":1})");
  const double x[3][2] = {{0.5, -1}, {-2, 0.25}, {0, 0}};
  std::vector<double> out(9), fast(9);
  nn::PredictScratch scratch;
  nn::predict_layers(out.data(), net.spec.inputs.data(), 3, net, &scratch);
  nn::predict_layers_f32(fast.data(), net.spec.inputs.data(), 3, net, &scratch);
  for (int r = 0; r < 3; ++r) {
    const double h1 = std::tanh(0.3 * x[r][0] + -0.7 * x[r][1] + 0.2);
    const double h2 = std::tanh(1.1 * x[r][0] + 0.4 * x[r][1] + -0.1);
    const double y = 1 / (1 + std::exp(-(-1.5 * h1 + 0.8 * h2 + 0.05)));
    EXPECT_TRUE(nn_test::close(out[r * 2], h1)) << r;
    EXPECT_TRUE(nn_test::close(out[r * 2 + 1], h2)) << r;
    EXPECT_TRUE(nn_test::close(out[6 + r], y)) << r;
    EXPECT_NEAR(fast[r * 2], h1, 1e-6) << r;
    EXPECT_NEAR(fast[r * 2 + 1], h2, 1e-6) << r;
    EXPECT_NEAR(fast[6 + r], y, 1e-6) << r;
  }
}

// Every block bitwise what predict / predict_f32 give for the network cut after that layer, over
// 300 rows (two chunks of the kernel, the second not a whole number of vectors).
TEST(PredictLayers, EveryBlockIsBitwiseTheCutNetworksPredict) {
  for (const std::string& hidden : hidden_activations())
    for (const char* out_act : {"sigmoid", "softmax"}) {
      const bool soft = std::string(out_act) == "softmax";
      nn::Network net = playground(300, hidden, out_act, soft ? "cross_entropy" : "bce");
      const int L = static_cast<int>(net.spec.sizes.size()) - 1, rows = 300;
      const std::vector<double> acts_before = net.acts, params_before = net.params;
      std::vector<double> all(rows * nn::predict_layers_width(net.spec)), all32(all.size());
      nn::PredictScratch scratch;
      nn::predict_layers(all.data(), net.spec.inputs.data(), rows, net, &scratch);
      nn::predict_layers_f32(all32.data(), net.spec.inputs.data(), rows, net, &scratch);
      EXPECT_EQ(net.acts, acts_before);
      EXPECT_EQ(net.params, params_before);
      size_t offset = 0;
      for (int k = 1; k <= L; ++k) {
        const int n = net.spec.sizes[k];
        nn::Network cut = k == L ? net : cut_after(net, k);
        std::vector<double> one(rows * n), one32(rows * n);
        nn::predict(one.data(), net.spec.inputs.data(), rows, cut, &scratch);
        nn::predict_f32(one32.data(), net.spec.inputs.data(), rows, cut, &scratch);
        EXPECT_EQ(std::memcmp(all.data() + offset, one.data(), one.size() * sizeof(double)), 0)
            << hidden << " " << out_act << " layer " << k;
        EXPECT_EQ(std::memcmp(all32.data() + offset, one32.data(), one.size() * sizeof(double)), 0)
            << hidden << " " << out_act << " layer " << k << " f32";
        offset += one.size();
      }
      EXPECT_EQ(offset, all.size());
    }
}

}  // namespace
