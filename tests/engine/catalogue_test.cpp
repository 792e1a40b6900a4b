// The catalogue: every enum value has a row whose name reads back to it, and the rows' `fits` agree
// with what the spec reader actually accepts (hidden layers, loss pairings).
#include "catalogue.h"

#include <gtest/gtest.h>

#include <string>

#include "json.h"

namespace {

template <class Enum, class Table>
void expect_names_round_trip(const Table& table) {
  for (size_t i = 0; i < std::size(table); ++i) {
    Enum e;
    ASSERT_TRUE(nn::catalogue_find(table, table[i].name, &e)) << table[i].name;
    EXPECT_EQ(static_cast<size_t>(e), i);
    EXPECT_STREQ(nn::catalogue_name(table, e), table[i].name);
  }
  Enum e;
  EXPECT_FALSE(nn::catalogue_find(table, "swish", &e));
}

TEST(Catalogue, EveryNameReadsBackToItsEnumValue) {
  expect_names_round_trip<nn::Activation>(nn::kActivations);
  expect_names_round_trip<nn::Loss>(nn::kLosses);
  expect_names_round_trip<nn::OptimizerKind>(nn::kOptimizers);
  expect_names_round_trip<nn::Penalty>(nn::kRegularizers);
}

TEST(Catalogue, LossOutputsAgreeWithTheAllowedPairings) {
  for (size_t l = 0; l < std::size(nn::kLosses); ++l)
    for (size_t a = 0; a < std::size(nn::kActivations); ++a) {
      const std::string needs = nn::kLosses[l].fits, act = nn::kActivations[a].name;
      if (act == "softmax") continue;  // pairs only with cross_entropy, whose row names it
      const bool allowed = nn::loss_pairing_error(static_cast<nn::Loss>(l),
                                                  static_cast<nn::Activation>(a)) == nullptr;
      EXPECT_EQ(allowed, needs.empty() || needs == act) << nn::kLosses[l].name << " + " << act;
    }
}

TEST(Catalogue, ExportsEveryRowAsJson) {
  nn::Json j;
  std::string err;
  ASSERT_TRUE(nn::json_parse(nn::catalogue_json(), &j, &err, "catalogue")) << err;
  ASSERT_EQ(j["activations"].size(), std::size(nn::kActivations));
  EXPECT_EQ(j["activations"][5]["name"], "softmax");
  EXPECT_EQ(j["activations"][5]["hidden"], false);
  EXPECT_EQ(j["activations"][4]["label"], "leaky ReLU");
  EXPECT_EQ(j["losses"][2]["output"], "sigmoid");
  EXPECT_EQ(j["activations"][2]["tex"], "\\tanh({z})");
  // f′ of ReLU and leaky ReLU jumps at 0, and He's initialisation suits them; not the sigmoid's.
  EXPECT_EQ(j["activations"][3]["kink"], true);
  EXPECT_EQ(j["activations"][4]["init"], "he");
  EXPECT_EQ(j["activations"][1]["kink"], false);
  EXPECT_EQ(j["activations"][1]["init"], "xavier");
  EXPECT_EQ(j["losses"][0]["dtex"], "-({y} - {a})");
  EXPECT_EQ(j["optimizers"].size(), 3u);
  EXPECT_EQ(j["optimizers"][0]["params"], nn::Json::array());
  EXPECT_EQ(j["optimizers"][2]["params"], nn::Json({"beta1", "beta2", "epsilon"}));
  // Adam's ε has its own range; μ, β₁ and β₂ are decays: 0 ≤ x < 1.
  EXPECT_EQ(j["optimizers"][2]["ranges"][2],
            nn::Json({{"min", 0}, {"max", 1}, {"minExclusive", true}}));
  EXPECT_EQ(j["optimizers"][1]["ranges"],
            nn::Json::array({{{"min", 0}, {"max", 1}, {"maxExclusive", true}}}));
  EXPECT_EQ(j["optimizers"][0]["ranges"], nn::Json::array());
  EXPECT_EQ(j["regularizers"][2]["name"], "l2");
  EXPECT_EQ(j["limits"]["learningRate"], nn::Json({{"min", 1e-5}, {"max", 100}}));
  EXPECT_EQ(j["limits"]["decay"]["maxExclusive"], true);
  EXPECT_EQ(j["limits"]["units"], 1024);
}

}  // namespace
