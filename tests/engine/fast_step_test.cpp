// The planned step (fast_step.h) against the general path it replaces: training through
// network_step with the plan must leave every buffer bitwise as network_forward + network_backward
// + network_update leave it, for every reference case and for shapes the reference cases lack
// (uneven last mini-batch, every activation, divergence). Both runs start from the same spec.
#include "fast_step.h"

#include <gtest/gtest.h>

#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "rng.h"
#include "test_util.h"

namespace {

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

// The general path, step by step: what network_step did before the plan existed.
nn::Status general_step(nn::Network& net, double* loss) {
  const int rows = net.spec.rows;
  const int bs = net.spec.batch_size > 0 && net.spec.batch_size < rows ? net.spec.batch_size : rows;
  const int start = net.cursor;
  const int count = start + bs <= rows ? bs : rows - start;
  net.cursor = start + count >= rows ? 0 : start + count;
  *loss = nn::network_forward(net, start, count);
  if (!std::isfinite(*loss)) return nn::Status::NotFinite;
  const nn::Status st = nn::network_backward(net);
  return st != nn::Status::Ok ? st : nn::network_update(net);
}

// Trains a planned and a general copy of `net` for `steps` steps and compares everything.
void expect_same_training(const nn::Network& net, int steps, const std::string& what) {
  nn::Network planned = net, general = net;
  ASSERT_TRUE(planned.plan.enabled) << what;
  for (int k = 0; k < steps; ++k) {
    double l1 = 0, l2 = 0;
    const nn::Status s1 = nn::network_step(planned, &l1);
    const nn::Status s2 = general_step(general, &l2);
    ASSERT_EQ(s1, s2) << what << " step " << k;
    ASSERT_TRUE(std::memcmp(&l1, &l2, sizeof l1) == 0) << what << " loss at step " << k;
    if (s1 != nn::Status::Ok) break;
  }
  EXPECT_TRUE(same_bits(planned.params, general.params)) << what << " params";
  EXPECT_TRUE(same_bits(planned.params_before, general.params_before)) << what << " before";
  EXPECT_TRUE(same_bits(planned.grads, general.grads)) << what << " grads";
  EXPECT_TRUE(same_bits(planned.acts, general.acts)) << what << " acts";
  EXPECT_TRUE(same_bits(planned.dacts, general.dacts)) << what << " dacts";
  EXPECT_TRUE(same_bits(planned.sample_loss, general.sample_loss)) << what << " sample losses";
  EXPECT_EQ(planned.t, general.t) << what;
  EXPECT_EQ(planned.cursor, general.cursor) << what;
  EXPECT_EQ(planned.batch_start, general.batch_start) << what;
  EXPECT_EQ(planned.batch_rows, general.batch_rows) << what;
}

TEST(FastStep, EveryReferenceCaseTrainsBitwiseLikeTheGeneralPath) {
  for (const nn::Json& c : nn_test::reference_cases()) {
    const std::string name = c["name"].get<std::string>();
    nn::Network net = nn_test::network_from_json(c["spec"]);
    expect_same_training(net, 25, name);
  }
}

// Specs the fixtures do not cover: the last mini-batch shorter than the others, single-sample
// steps on wider layers, every activation, and SIMD-width edge cases (1, 2, 3, 5 samples).
std::string spec(int nin, const std::string& layers, const std::string& activations,
                 const std::string& loss, int rows, int batch, double lr) {
  nn::Rng rng(static_cast<uint64_t>(rows * 31 + batch));
  const int nout = loss == "cross_entropy" ? 3 : loss == "bce" ? 1 : 2;
  std::ostringstream in, out;
  in.precision(17);
  out.precision(17);
  for (int r = 0; r < rows; ++r) {
    in << (r ? ",[" : "[");
    out << (r ? ",[" : "[");
    for (int i = 0; i < nin; ++i) in << (i ? "," : "") << rng.symmetric(1.5);
    for (int k = 0; k < nout; ++k) {
      const double y = loss == "cross_entropy" ? (k == r % nout ? 1.0 : 0.0)
                       : loss == "bce"         ? (r % 2 ? 1.0 : 0.0)
                                               : rng.symmetric(0.9);
      out << (k ? "," : "") << y;
    }
    in << "]";
    out << "]";
  }
  std::ostringstream s;
  s << R"({"layers": )" << layers << R"(, "activations": )" << activations << R"(, "loss": ")"
    << loss << R"(", "inputs": [)" << in.str() << R"(], "targets": [)" << out.str()
    << R"(], "batchSize": )" << batch << R"(, "learningRate": )" << lr << R"(, "seed": 5})";
  return s.str();
}

TEST(FastStep, ShapesAndActivationsBeyondTheFixturesMatchBitwise) {
  const std::string specs[] = {
      spec(2, "[2, 4, 2, 1]", R"(["tanh", "tanh", "sigmoid"])", "bce", 23, 10, 0.1),
      spec(2, "[2, 8, 8, 8, 1]", R"(["tanh", "tanh", "tanh", "sigmoid"])", "bce", 17, 1, 0.05),
      spec(3, "[3, 5, 3]", R"(["relu", "softmax"])", "cross_entropy", 13, 5, 0.2),
      spec(2, "[2, 3, 2]", R"(["leaky_relu", "linear"])", "mse", 7, 3, 0.1),
      spec(2, "[2, 9, 2]", R"(["sigmoid", "tanh"])", "half_sse", 11, 2, 0.3),
      spec(4, "[4, 33, 2]", R"(["tanh", "sigmoid"])", "half_sse", 9, 0, 0.3),
      // One sample per step (the fused single-sample path), every activation and loss, layers
      // narrower and wider than a Vec.
      spec(2, "[2, 3, 5, 2]", R"(["relu", "leaky_relu", "linear"])", "mse", 5, 1, 0.1),
      spec(3, "[3, 1, 4, 3]", R"(["tanh", "sigmoid", "softmax"])", "cross_entropy", 4, 1, 0.2),
      spec(2, "[2, 2, 3, 1]", R"(["sigmoid", "tanh", "sigmoid"])", "bce", 6, 1, 0.5),
      spec(2, "[2, 4, 2]", R"(["tanh", "linear"])", "half_sse", 1, 0, 0.3),
  };
  for (const std::string& s : specs) expect_same_training(nn_test::network_from(s), 40, s);
}

// network_train (the divergence rule, the loss history) through the plan against general steps.
TEST(FastStep, TrainingRunsKeepTheGeneralPathsLossesAndBuffers) {
  const std::string specs[] = {
      nn_test::kClassicSpec,
      spec(2, "[2, 4, 2, 1]", R"(["tanh", "tanh", "sigmoid"])", "bce", 23, 10, 0.1),
      spec(2, "[2, 3, 5, 2]", R"(["relu", "leaky_relu", "linear"])", "mse", 5, 1, 0.1),
  };
  for (const std::string& s : specs) {
    nn::Network planned = nn_test::network_from(s), general = planned;
    int done = 0;
    ASSERT_EQ(nn::network_train(planned, 60, &done), nn::Status::Ok) << s;
    for (int k = 0; k < 60; ++k) {
      double loss = 0;
      ASSERT_EQ(general_step(general, &loss), nn::Status::Ok) << s;
      ASSERT_TRUE(std::memcmp(&loss, &planned.losses[k], sizeof loss) == 0) << s << " loss " << k;
    }
    EXPECT_TRUE(same_bits(planned.params, general.params)) << s;
    EXPECT_TRUE(same_bits(planned.params_before, general.params_before)) << s;
    EXPECT_TRUE(same_bits(planned.grads, general.grads)) << s;
    EXPECT_TRUE(same_bits(planned.acts, general.acts)) << s;
  }
}

TEST(FastStep, DivergenceStopsAtTheSameStepWithTheSameState) {
  // A learning rate far too large for relu + linear: the weights overflow within a few steps.
  const std::string s = spec(2, "[2, 8, 2]", R"(["relu", "linear"])", "mse", 6, 2, 100);
  nn::Network net = nn_test::network_from(s);
  nn::Network probe = net;
  int done = 0;
  ASSERT_EQ(nn::network_train(probe, 200, &done), nn::Status::NotFinite) << "must diverge";
  expect_same_training(net, 200, "diverging");
}

TEST(FastStep, OtherOptimizersPenaltiesAndFrozenBiasesTakeTheGeneralPath) {
  nn::Network net = nn_test::network_from(nn_test::kClassicSpec);
  EXPECT_TRUE(nn::step_plan_applies(net.spec));
  net.spec.optimizer.kind = nn::OptimizerKind::Adam;
  EXPECT_FALSE(nn::step_plan_applies(net.spec));
  net.spec.optimizer.kind = nn::OptimizerKind::Sgd;
  net.spec.train_biases = false;
  EXPECT_FALSE(nn::step_plan_applies(net.spec));
  net.spec.train_biases = true;
  net.spec.regularization = {nn::Penalty::L2, 0.01};
  EXPECT_FALSE(nn::step_plan_applies(net.spec));
}

}  // namespace
