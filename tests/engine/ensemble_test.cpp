// The learning-rate sweep and many-seeds runner: copies train independently, divergence is caught
// per copy, and a copy trains exactly like a single network with the same settings.
#include "ensemble.h"

#include <gtest/gtest.h>

#include <cmath>

#include "metrics.h"
#include "test_util.h"

namespace {

constexpr const char* kRegression =
    R"({"layers": [2, 1], "activations": ["linear"], "loss": "half_sse",
  "weights": [[[0.1, -0.2]]], "biases": [[0]], "inputs": [[1, 2], [2, 1], [3, 3], [-1, 2]],
  "targets": [[1], [2], [3], [0]], "learningRate": 0.1})";

nn::NetworkSpec spec_of(const char* text) {
  nn::NetworkSpec s;
  std::string err;
  EXPECT_TRUE(nn::spec_from_text(text, &s, &err)) << err;
  return s;
}

TEST(Ensemble, EachCopyTrainsExactlyLikeASingleNetworkWithItsLearningRate) {
  nn::Ensemble e;
  std::string err;
  const std::vector<double> rates = {0.001, 0.01, 0.1};
  ASSERT_EQ(nn::ensemble_init(e, spec_of(kRegression), rates, {}, &err), nn::Status::Ok) << err;
  nn::ensemble_train(e, 50);
  for (int c = 0; c < 3; ++c) {
    nn::Network single = nn_test::network_from(kRegression);
    single.spec.optimizer.learning_rate = rates[c];
    int done = 0;
    ASSERT_EQ(nn::network_train(single, 50, &done), nn::Status::Ok);
    for (int k = 0; k < 50; ++k) EXPECT_EQ(e.losses[c * 50 + k], single.losses[k]) << c << "," << k;
    EXPECT_EQ(e.copies[c].params, single.params);
  }
}

TEST(Ensemble, LargeRatesAreMarkedDivergedAndStoppedWhileSmallOnesGoOn) {
  nn::Ensemble e;
  std::string err;
  ASSERT_EQ(nn::ensemble_init(e, spec_of(kRegression), {0.01, 0.5, 10}, {}, &err), nn::Status::Ok);
  nn::ensemble_train(e, 200);
  EXPECT_EQ(e.diverged_at[0], -1);
  EXPECT_GE(e.diverged_at[1], 0);  // above 2/λ_max of this problem: the loss grows 1000-fold
  EXPECT_GE(e.diverged_at[2], 0);
  EXPECT_TRUE(std::isfinite(e.final_loss[0]));
  EXPECT_TRUE(std::isnan(e.final_loss[2]));
  // Before the stop every loss is a number; after it, nothing (NaN marks "not trained").
  for (int k = 0; k < 200; ++k) {
    const double l = e.losses[2 * 200 + k];
    if (k < e.diverged_at[2]) {
      EXPECT_TRUE(std::isfinite(l)) << k;
    } else if (k > e.diverged_at[2]) {
      EXPECT_TRUE(std::isnan(l)) << k;
    }
  }
}

TEST(Ensemble, ACopyThatDivergesInALaterChunkLosesItsFinalNumbers) {
  nn::Ensemble e;
  std::string err;
  ASSERT_EQ(nn::ensemble_init(e, spec_of(kRegression), {0.01, 0.5}, {}, &err), nn::Status::Ok);
  nn::ensemble_train(e, 1);  // one update: the large rate has not blown up yet
  ASSERT_EQ(e.diverged_at[1], -1);
  EXPECT_TRUE(std::isfinite(e.final_loss[1]));
  for (int chunk = 0; chunk < 50 && e.diverged_at[1] < 0; ++chunk) nn::ensemble_train(e, 5);
  ASSERT_GE(e.diverged_at[1], 1);
  EXPECT_TRUE(std::isnan(e.final_loss[1]));
  EXPECT_TRUE(std::isnan(e.accuracy[1]));
  EXPECT_TRUE(std::isfinite(e.final_loss[0]));
}

TEST(Ensemble, SeedsGiveDifferentReproducibleStarts) {
  nn::Ensemble a, b;
  std::string err;
  const char* xor_spec = R"({"layers": [2, 2, 1], "activations": ["relu", "sigmoid"], "loss": "bce",
    "inputs": [[0,0],[0,1],[1,0],[1,1]], "targets": [[0],[1],[1],[0]], "learningRate": 0.5, "init": "he"})";
  ASSERT_EQ(nn::ensemble_init(a, spec_of(xor_spec), {}, {1, 2, 3}, &err), nn::Status::Ok);
  ASSERT_EQ(nn::ensemble_init(b, spec_of(xor_spec), {}, {1, 2, 3}, &err), nn::Status::Ok);
  EXPECT_NE(a.copies[0].params, a.copies[1].params);
  nn::ensemble_train(a, 300);
  nn::ensemble_train(b, 300);
  for (int c = 0; c < 3; ++c) {
    EXPECT_EQ(a.copies[c].params, b.copies[c].params);
    EXPECT_TRUE(a.accuracy[c] == 0.25 || a.accuracy[c] == 0.5 || a.accuracy[c] == 0.75 ||
                a.accuracy[c] == 1.0);
  }
}

TEST(Ensemble, RejectsEmptyOrMismatchedCopies) {
  nn::Ensemble e;
  std::string err;
  EXPECT_EQ(nn::ensemble_init(e, spec_of(kRegression), {}, {}, &err), nn::Status::BadSpec);
  EXPECT_EQ(nn::ensemble_init(e, spec_of(kRegression), {0.1, 0.2}, {1}, &err), nn::Status::BadSpec);
  EXPECT_EQ(nn::ensemble_init(e, spec_of(kRegression), {-1}, {}, &err), nn::Status::BadSpec);
  EXPECT_EQ(err, "copy 1: learningRate: expected a number from 1e-05 to 100");
}

TEST(Metrics, GradientNormPerLayerIsTheFrobeniusNormOfDW) {
  nn::Network net = nn_test::network_from(nn_test::kClassicSpec);
  nn::network_forward(net, 0, 1);
  nn::network_backward(net);
  double norms[2];
  nn::layer_gradient_norms(net, norms);
  // dW from the PyTorch fixture (classic-222).
  EXPECT_NEAR(norms[1],
              std::sqrt(0.08216704056423077 * 0.08216704056423077 +
                        0.08266762784753325 * 0.08266762784753325 +
                        0.022602540477475067 * 0.022602540477475067 +
                        0.02274024221597822 * 0.02274024221597822),
              1e-15);
  EXPECT_NEAR(norms[0],
              std::sqrt(0.0004385677344743467 * 0.0004385677344743467 +
                        0.0008771354689486934 * 0.0008771354689486934 +
                        0.0004977127352608599 * 0.0004977127352608599 +
                        0.0009954254705217198 * 0.0009954254705217198),
              1e-15);
}

TEST(Metrics, AccuracyCountsThresholdedSigmoidAndArgmaxSoftmax) {
  nn::Network net =
      nn_test::network_from(R"({"layers": [1, 1], "activations": ["sigmoid"], "loss": "bce",
    "weights": [[[1]]], "biases": [[0]], "inputs": [[-2], [-1], [1], [2]], "targets": [[0], [1], [1], [1]],
    "learningRate": 0.1})");
  EXPECT_EQ(nn::network_accuracy(net), 0.75);
  nn::Network soft = nn_test::network_from(R"({"layers": [1, 2], "activations": ["softmax"],
    "loss": "cross_entropy", "weights": [[[1], [-1]]], "biases": [[0, 0]], "inputs": [[-2], [3]],
    "targets": [[0, 1], [0, 1]], "learningRate": 0.1})");
  EXPECT_EQ(nn::network_accuracy(soft), 0.5);
}

// Loss and accuracy from one forward pass over all rows (a race's every epoch, #11), written out by
// hand: also after a forward pass over one row only, whose activations it must not read.
TEST(Metrics, LossAndAccuracyComeFromOneForwardPassOverAllRows) {
  double accuracy = -1;
  nn::Network net =
      nn_test::network_from(R"({"layers": [1, 1], "activations": ["sigmoid"], "loss": "bce",
    "weights": [[[1]]], "biases": [[0]], "inputs": [[-2], [-1], [1], [2]], "targets": [[0], [1], [1], [1]],
    "learningRate": 0.1})");
  nn::network_forward(net, 3, 1);
  // a = σ(x): rows −2 (y 0), −1, 1, 2 (y 1) lose ln(1 + e⁻²), ln(1 + e), ln(1 + e⁻¹), ln(1 + e⁻²);
  // right: a < 0.5 for y 0 at −2, a > 0.5 for y 1 at 1 and 2, not at −1: 3 of 4.
  const double bce =
      (2 * std::log1p(std::exp(-2.0)) + std::log1p(std::exp(1.0)) + std::log1p(std::exp(-1.0))) / 4;
  EXPECT_NEAR(nn::network_loss_and_accuracy(net, &accuracy), bce, 1e-15);
  EXPECT_EQ(accuracy, 0.75);
  // softmax z = (x, −x): row −2 (target class 1) loses ln(1 + e⁻⁴), right; row 3 loses ln(1 + e⁶),
  // wrong (class 0 wins): 1 of 2.
  nn::Network soft = nn_test::network_from(R"({"layers": [1, 2], "activations": ["softmax"],
    "loss": "cross_entropy", "weights": [[[1], [-1]]], "biases": [[0, 0]], "inputs": [[-2], [3]],
    "targets": [[0, 1], [0, 1]], "learningRate": 0.1})");
  const double ce = (std::log1p(std::exp(-4.0)) + std::log1p(std::exp(6.0))) / 2;
  EXPECT_NEAR(nn::network_loss_and_accuracy(soft, &accuracy), ce, 1e-14);
  EXPECT_EQ(accuracy, 0.5);
  // regression: a = 0.1 x₁ − 0.2 x₂ = −0.3, 0, −0.3, −0.5 against 1, 2, 3, 0; ½(a − y)² averaged:
  // (1.69 + 4 + 10.89 + 0.25) / 8; no accuracy.
  nn::Network reg = nn_test::network_from(kRegression);
  EXPECT_NEAR(nn::network_loss_and_accuracy(reg, &accuracy), 16.83 / 8, 1e-14);
  EXPECT_TRUE(std::isnan(accuracy));
}

// A race's chunk in one call (#11), against gradient descent written out by hand: σ(w x + b), bce,
// batch-mean gradient ∂L/∂w = mean (a − y) x, ∂L/∂b = mean (a − y), η = 0.1, one update per epoch.
TEST(Metrics, TrainEpochsGivesEachEpochsLossAndAccuracyAndEveryUpdatesLoss) {
  nn::Network net =
      nn_test::network_from(R"({"layers": [1, 1], "activations": ["sigmoid"], "loss": "bce",
    "weights": [[[1]]], "biases": [[0]], "inputs": [[-2], [-1], [1], [2]], "targets": [[0], [1], [1], [1]],
    "learningRate": 0.1})");
  const double xs[4] = {-2, -1, 1, 2}, ys[4] = {0, 1, 1, 1};
  const auto a = [](double z) { return 1 / (1 + std::exp(-z)); };
  double w = 1, b = 0;
  const auto loss = [&] {
    double sum = 0;
    for (int r = 0; r < 4; ++r)
      sum -= ys[r] * std::log(a(w * xs[r] + b)) + (1 - ys[r]) * std::log(1 - a(w * xs[r] + b));
    return sum / 4;
  };
  const auto right = [&] {
    int n = 0;
    for (int r = 0; r < 4; ++r) n += (a(w * xs[r] + b) > 0.5) == (ys[r] > 0.5);
    return n / 4.0;
  };
  std::vector<double> before, ends;
  for (int e = 0; e < 3; ++e) {
    before.push_back(loss());
    double gw = 0, gb = 0;
    for (int r = 0; r < 4; ++r) {
      gw += (a(w * xs[r] + b) - ys[r]) * xs[r] / 4;
      gb += (a(w * xs[r] + b) - ys[r]) / 4;
    }
    w -= 0.1 * gw;
    b -= 0.1 * gb;
    ends.push_back(loss());
    ends.push_back(right());
  }
  std::vector<double> got;
  int done = -1;
  ASSERT_EQ(nn::network_train_epochs(net, 3, 1, &got, &done), nn::Status::Ok);
  EXPECT_EQ(done, 3);
  ASSERT_EQ(got.size(), 6u);
  ASSERT_EQ(net.losses.size(), 3u);
  for (int e = 0; e < 3; ++e) {
    EXPECT_NEAR(net.losses[e], before[e], 1e-14);
    EXPECT_NEAR(got[2 * e], ends[2 * e], 1e-14);
    EXPECT_EQ(got[2 * e + 1], ends[2 * e + 1]);
  }
}

// A divergence ends the chunk: only whole epochs get a (loss, accuracy) pair; the losses of every
// update done stay (η = 100 on a linear regression grows the error every update).
TEST(Metrics, TrainEpochsStopsAtADivergenceWithOnlyWholeEpochsEnded) {
  std::string spec = kRegression;
  spec.replace(spec.rfind("0.1}"), 3, "100");
  nn::Network net = nn_test::network_from(spec);
  std::vector<double> ends;
  int done = -1;
  EXPECT_EQ(nn::network_train_epochs(net, 1000, 3, &ends, &done), nn::Status::NotFinite);
  EXPECT_GE(done, 1);
  EXPECT_LT(done, 3000);
  EXPECT_EQ(static_cast<int>(ends.size()) / 2, done / 3);
  EXPECT_EQ(ends.size() % 2, 0u);
  EXPECT_GE(static_cast<int>(net.losses.size()), done);
  for (size_t k = 1; k < ends.size(); k += 2) EXPECT_TRUE(std::isnan(ends[k]));  // regression
}

}  // namespace
