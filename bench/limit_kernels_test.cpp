// The hand-written fixed-shape steps (limit_kernels.h) train exactly as network_train does: the
// bench's limit rows time the same arithmetic, not a shortcut.
#include "limit_kernels.h"

#include <gtest/gtest.h>

#include <cstring>
#include <sstream>
#include <string>

#include "rng.h"
#include "test_util.h"

namespace {

// A playground-like spec: `layers`, tanh hidden layers, a sigmoid output with bce, 40 rows of
// seeded points in [-1, 1]² labelled by a circle, batches of 10.
std::string playground(const std::string& layers, const std::string& activations) {
  nn::Rng rng(9);
  std::ostringstream in, out;
  in.precision(17);
  for (int r = 0; r < 40; ++r) {
    const double x = rng.symmetric(1.0), y = rng.symmetric(1.0);
    in << (r ? ",[" : "[") << x << "," << y << "]";
    out << (r ? ",[" : "[") << (x * x + y * y < 0.5 ? 1 : 0) << "]";
  }
  return R"({"layers": )" + layers + R"(, "activations": )" + activations +
         R"(, "loss": "bce", "inputs": [)" + in.str() + R"(], "targets": [)" + out.str() +
         R"(], "batchSize": 10, "learningRate": 0.3, "seed": 4})";
}

void expect_limit_matches_engine(const std::string& spec, int steps) {
  nn::Network engine = nn_test::network_from(spec), limit = engine;
  int done = 0;
  ASSERT_EQ(nn::network_train(engine, steps, &done), nn::Status::Ok) << spec;
  ASSERT_EQ(nn::bench::limit_train(limit, steps), steps) << spec;
  ASSERT_EQ(limit.params.size(), engine.params.size());
  EXPECT_EQ(
      std::memcmp(limit.params.data(), engine.params.data(), engine.params.size() * sizeof(double)),
      0)
      << spec;
  EXPECT_EQ(limit.cursor, engine.cursor);
}

TEST(LimitKernels, ClassicStepTrainsBitwiseLikeTheEngine) {
  expect_limit_matches_engine(nn_test::kClassicSpec, 300);
}

TEST(LimitKernels, PlaygroundShapesTrainBitwiseLikeTheEngine) {
  expect_limit_matches_engine(playground("[2, 4, 2, 1]", R"(["tanh", "tanh", "sigmoid"])"), 30);
  const char* deep = R"(["tanh", "tanh", "tanh", "tanh", "tanh", "tanh", "sigmoid"])";
  expect_limit_matches_engine(playground("[2, 8, 8, 8, 8, 8, 8, 1]", deep), 30);
}

TEST(LimitKernels, OtherShapesAndUnevenBatchesAreRefused) {
  std::string uneven = playground("[2, 4, 2, 1]", R"(["tanh", "tanh", "sigmoid"])");
  uneven.replace(uneven.find("\"batchSize\": 10"), 15, "\"batchSize\": 7");
  nn::Network net = nn_test::network_from(uneven);
  EXPECT_EQ(nn::bench::limit_train(net, 1), -1);
  nn::Network other = nn_test::network_from(playground("[2, 3, 1]", R"(["tanh", "sigmoid"])"));
  EXPECT_EQ(nn::bench::limit_train(other, 1), -1);
}

}  // namespace
