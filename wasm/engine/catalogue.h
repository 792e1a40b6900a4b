// The one catalogue of what a spec can name: activations, losses, optimizers and regularisers, each
// with the label the app shows. Rows follow the enums' order. The wasm exports it (`catalogue()`),
// and `npm run build:engine` writes it into web/src/engine/generated/catalogue.ts, from which
// TypeScript takes its types, select options and link enums; spec errors list the names from here
// too.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "activations.h"
#include "losses.h"
#include "optimizers.h"
#include "regularization.h"

namespace nn {

struct CatalogueEntry {
  const char* name;   // as written in a spec
  const char* label;  // as shown on screen
  // activations: "hidden" when allowed in a hidden layer; losses: the output activation it needs.
  const char* fits;
};

inline constexpr CatalogueEntry kActivations[] = {{"linear", "linear", "hidden"},
                                                  {"sigmoid", "sigmoid", "hidden"},
                                                  {"tanh", "tanh", "hidden"},
                                                  {"relu", "ReLU", "hidden"},
                                                  {"leaky_relu", "leaky ReLU", "hidden"},
                                                  {"softmax", "softmax", ""}};
inline constexpr CatalogueEntry kLosses[] = {
    {"half_sse", "½ sum of squares", ""},
    {"mse", "mean squared error", ""},
    {"bce", "binary cross-entropy", "sigmoid"},
    {"cross_entropy", "cross-entropy (softmax)", "softmax"}};
inline constexpr CatalogueEntry kOptimizers[] = {
    {"sgd", "SGD", ""}, {"momentum", "momentum 0.9", ""}, {"adam", "Adam", ""}};
inline constexpr CatalogueEntry kRegularizers[] = {
    {"none", "none", ""}, {"l1", "L1", ""}, {"l2", "L2", ""}};

static_assert(std::size(kActivations) == kActivationCount);
static_assert(std::size(kLosses) == kLossCount);

// The name of enum value e in table.
template <class Enum, size_t N>
const char* catalogue_name(const CatalogueEntry (&table)[N], Enum e) {
  return table[static_cast<size_t>(e)].name;
}

// The enum value named `name` in table; false when there is none.
template <class Enum, size_t N>
bool catalogue_find(const CatalogueEntry (&table)[N], std::string_view name, Enum* out) {
  for (size_t i = 0; i < N; ++i)
    if (name == table[i].name) return *out = static_cast<Enum>(i), true;
  return false;
}

inline const char* activation_name(Activation f) { return catalogue_name(kActivations, f); }
inline const char* loss_name(Loss l) { return catalogue_name(kLosses, l); }

// "expected one of linear, sigmoid, …": the message for a name not in table.
template <size_t N>
std::string catalogue_expected(const CatalogueEntry (&table)[N]) {
  std::string s = "expected one of ";
  for (size_t i = 0; i < N; ++i) s += (i ? ", " : "") + std::string(table[i].name);
  return s;
}

// The whole catalogue as JSON: {"activations": [{"name", "label", "hidden"}], "losses": [{"name",
// "label", "output"}], "optimizers": [{"name", "label"}], "regularizers": [{"name", "label"}]}.
std::string catalogue_json();

}  // namespace nn
