// Every case of tests/fixtures/reference-cases.json (PyTorch float64) must match to 1e-12 relative.
#include <gtest/gtest.h>

#include "test_util.h"

using nn_test::close;

namespace {

// Compares a fixture matrix/vector (nested arrays) with a row-major buffer.
void expect_matrix(const nn::Json& expected, const double* actual, const std::string& what) {
  int k = 0;
  for (size_t r = 0; r < expected.size(); ++r) {
    const nn::Json& row = expected[r];
    if (row.is_number()) {
      EXPECT_TRUE(close(actual[k++], row.get<double>())) << what << "[" << r << "]";
      continue;
    }
    for (size_t c = 0; c < row.size(); ++c)
      EXPECT_TRUE(close(actual[k++], row[c].get<double>())) << what << "[" << r << "][" << c << "]";
  }
}

void expect_params_after(const nn::Json& expected, const nn::Network& net) {
  const nn::Json& W = *expected.find("weightsAfter");
  const nn::Json& b = *expected.find("biasesAfter");
  for (size_t l = 0; l < W.size(); ++l) {
    expect_matrix(W[l], net.params.data() + net.layout.W[l],
                  "weightsAfter[" + std::to_string(l) + "]");
    expect_matrix(b[l], net.params.data() + net.layout.b[l],
                  "biasesAfter[" + std::to_string(l) + "]");
  }
}

void check_single_step(const nn::Json& c) {
  nn::Network net = nn_test::network_from_json(*c.find("spec"));
  const nn::Json& ex = *c.find("expected");
  EXPECT_TRUE(close(nn::network_forward(net, 0, net.spec.rows), ex.find("loss")->get<double>()))
      << "loss";
  ASSERT_EQ(nn::network_backward(net), nn::Status::Ok);
  const nn::Json& layers = *ex.find("layers");
  for (size_t l = 0; l < layers.size(); ++l) {
    const nn::Json& L = layers[l];
    const std::string at = "layers[" + std::to_string(l) + "].";
    expect_matrix(*L.find("z"), net.acts.data() + net.layout.z[l], at + "z");
    expect_matrix(*L.find("a"), net.acts.data() + net.layout.a[l], at + "a");
    expect_matrix(*L.find("delta"), net.dacts.data() + net.layout.dz[l], at + "delta");
    expect_matrix(*L.find("dW"), net.grads.data() + net.layout.W[l], at + "dW");
    expect_matrix(*L.find("db"), net.grads.data() + net.layout.b[l], at + "db");
  }
  ASSERT_EQ(nn::network_update(net), nn::Status::Ok);
  expect_params_after(ex, net);
}

void check_training(const nn::Json& c) {
  nn::Network net = nn_test::network_from_json(*c.find("spec"));
  const nn::Json& ex = *c.find("expected");
  const int steps = static_cast<int>(c.find("steps")->get<double>());
  int done = 0;
  ASSERT_EQ(nn::network_train(net, steps, &done), nn::Status::Ok);
  ASSERT_EQ(done, steps);
  if (const nn::Json* losses = nn::json_find(ex, "losses")) {
    expect_matrix(*losses, net.losses.data(), "losses");
  } else {
    expect_matrix(*ex.find("lossesHead"), net.losses.data(), "lossesHead");
    const int tail = static_cast<int>(ex.find("lossesTail")->size());
    expect_matrix(*ex.find("lossesTail"), net.losses.data() + steps - tail, "lossesTail");
  }
  expect_params_after(ex, net);
}

class ReferenceCase : public ::testing::TestWithParam<int> {};

TEST_P(ReferenceCase, MatchesPyTorchFloat64) {
  const nn::Json& c = nn_test::reference_cases()[GetParam()];
  SCOPED_TRACE(c.find("name")->get<std::string>());
  if (c.contains("steps"))
    check_training(c);
  else
    check_single_step(c);
}

INSTANTIATE_TEST_SUITE_P(
    AllFixtures, ReferenceCase,
    ::testing::Range(0, static_cast<int>(nn_test::reference_cases().size())),
    [](const ::testing::TestParamInfo<int>& info) {
      std::string name = nn_test::reference_cases()[info.param].find("name")->get<std::string>();
      for (char& ch : name)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      return name;
    });

TEST(ReferenceCases, FixtureHasAllFortyFiveNetworks) {
  EXPECT_EQ(nn_test::reference_cases().size(), 45u);
}

}  // namespace
