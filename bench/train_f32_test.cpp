// network_train_f32: the float32 training path follows the double one closely and refuses what it
// does not implement.
#include "train_f32.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "test_util.h"

namespace {

std::string classifier_spec(const std::string& extra) {
  std::string inputs, targets;
  for (int k = 0; k < 40; ++k) {
    const double x = std::sin(k * 1.7), y = std::cos(k * 0.9);
    if (k) inputs.push_back(','), targets.push_back(',');
    inputs.append("[").append(std::to_string(x)).append(",").append(std::to_string(y)).append("]");
    targets.append(x * y > 0 ? "[1,0,0]" : (x > 0 ? "[0,1,0]" : "[0,0,1]"));
  }
  return "{\"layers\":[2,16,16,3],\"activations\":[\"relu\",\"tanh\",\"softmax\"],\"loss\":\"cross_"
         "entropy\","
         "\"inputs\":[" +
         inputs + "],\"targets\":[" + targets +
         "],\"seed\":5,\"learningRate\":0.1,"
         "\"batchSize\":8" +
         extra + "}";
}

TEST(TrainF32, FollowsTheDoublePathClosely) {
  nn::Network exact = nn_test::network_from(classifier_spec(""));
  nn::Network fast = nn_test::network_from(classifier_spec(""));
  int done = 0;
  ASSERT_EQ(nn::network_train(exact, 200, &done), nn::Status::Ok);
  nn::Float32Trainer t;
  ASSERT_EQ(nn::network_train_f32(fast, 200, &done, &t), nn::Status::Ok);
  ASSERT_EQ(done, 200);
  ASSERT_EQ(fast.losses.size(), 200u);
  EXPECT_EQ(fast.t, 200);
  for (int k = 0; k < 200; ++k) EXPECT_NEAR(fast.losses[k], exact.losses[k], 1e-3) << k;
  for (size_t k = 0; k < exact.params.size(); ++k)
    EXPECT_NEAR(fast.params[k], exact.params[k], 1e-3) << k;
  EXPECT_LT(fast.losses.back(), fast.losses.front());
}

TEST(TrainF32, RefusesOtherOptimizersAndPenalties) {
  nn::Network adam = nn_test::network_from(classifier_spec(",\"optimizer\":{\"name\":\"adam\"}"));
  nn::Float32Trainer t;
  int done = -1;
  EXPECT_EQ(nn::network_train_f32(adam, 5, &done, &t), nn::Status::BadSpec);
  EXPECT_EQ(done, 0);
}

}  // namespace
