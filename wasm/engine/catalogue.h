// The one catalogue of what a spec can name: activations, losses, optimizers and regularisers, each
// with the label the app shows. Rows follow the enums' order. The wasm exports it (`catalogue()`),
// and `npm run build:engine` writes it into web/src/engine/generated/catalogue.ts, from which
// TypeScript takes its types, select options and link enums; spec errors list the names from here
// too.
#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "activations.h"
#include "bounds.h"
#include "losses.h"
#include "optimizers.h"
#include "regularization.h"

namespace nn {

// Activations: the rows of their definitions (activations.h), in the enum's order.
template <int... I>
constexpr std::array<CatalogueEntry, sizeof...(I)> activation_entries(
    std::integer_sequence<int, I...>) {
  return {ActivationDef<Activation(I)>::entry...};
}
inline constexpr auto kActivations =
    activation_entries(std::make_integer_sequence<int, kActivationCount>{});
inline constexpr CatalogueEntry kLosses[] = {
    {"half_sse", "½ sum of squares", "", "\\tfrac{1}{2}({y} - {a})^2", "-({y} - {a})"},
    {"mse", "mean squared error", "", "\\tfrac{1}{{K}}({y} - {a})^2", "-\\frac{2}{{K}}({y} - {a})"},
    {"bce", "binary cross-entropy", "sigmoid", "-[{y} \\ln {a} + (1 - {y}) \\ln(1 - {a})]",
     "\\frac{{a} - {y}}{{a}\\,(1 - {a})}"},
    {"cross_entropy", "cross-entropy (softmax)", "softmax", "-{y} \\ln {a}", "-\\frac{{y}}{{a}}"}};
inline constexpr CatalogueEntry kOptimizers[] = {
    {"sgd", "SGD"}, {"momentum", "momentum 0.9"}, {"adam", "Adam"}};
// The fields each optimizer reads besides its name, in the link's order: member, range (bounds.h)
// and the spec error's words.
struct OptimizerField {
  const char* name;
  OptimizerKind kind;
  double Optimizer::*value;
  Range range;
  const char* expected;
};
inline constexpr OptimizerField kOptimizerFields[] = {
    {"momentum", OptimizerKind::Momentum, &Optimizer::momentum, kDecay, "expected 0 ≤ μ < 1"},
    {"beta1", OptimizerKind::Adam, &Optimizer::beta1, kDecay, "expected 0 ≤ β₁ < 1"},
    {"beta2", OptimizerKind::Adam, &Optimizer::beta2, kDecay, "expected 0 ≤ β₂ < 1"},
    {"epsilon", OptimizerKind::Adam, &Optimizer::epsilon, kAdamEpsilon, "expected 0 < ε ≤ 1"}};
inline constexpr CatalogueEntry kRegularizers[] = {
    {"none", "none", ""}, {"l1", "L1", ""}, {"l2", "L2", ""}};

static_assert(std::size(kLosses) == kLossCount);

// The name of enum value e in table.
template <class Enum, class Table>
const char* catalogue_name(const Table& table, Enum e) {
  return table[static_cast<size_t>(e)].name;
}

// The row of table (catalogue entries, optimizer fields) named `name`, or null.
template <class Table>
auto catalogue_row(const Table& table, std::string_view name) -> decltype(std::data(table)) {
  for (const auto& row : table)
    if (name == row.name) return &row;
  return nullptr;
}

// The enum value named `name` in table; false when there is none.
template <class Enum, class Table>
bool catalogue_find(const Table& table, std::string_view name, Enum* out) {
  const CatalogueEntry* row = catalogue_row(table, name);
  return row && (*out = static_cast<Enum>(row - std::data(table)), true);
}

inline const char* activation_name(Activation f) { return catalogue_name(kActivations, f); }
inline const char* loss_name(Loss l) { return catalogue_name(kLosses, l); }

// "expected one of linear, sigmoid, …": the message for a name not in table.
template <class Table>
std::string catalogue_expected(const Table& table) {
  std::string s = "expected one of ";
  for (const CatalogueEntry& row : table)
    s += (&row == std::data(table) ? "" : ", ") + std::string(row.name);
  return s;
}

// The whole catalogue as JSON: {"activations": [{"name", "label", "hidden", "tex", "dtex"}],
// "losses": [{"name", "label", "output", "tex", "dtex"}], "optimizers": [{"name", "label",
// "params": [field…], "ranges": [range…]}], "regularizers": [{"name", "label"}], "limits":
// {"learningRate": range, "decay", "adamEpsilon", "checkEpsilon", "layers", "units", "rows",
// "seed"}} (bounds.h); a range is {"min", "max", "minExclusive"?, "maxExclusive"?, "whole"?}.
std::string catalogue_json();

}  // namespace nn
