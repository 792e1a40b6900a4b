// The one set of limits on what a spec may hold: the engine's checks use them, the wasm exports
// them with the catalogue (catalogue_json's "limits"), and the app's fields, sliders and link codec
// take theirs from there (web/src/links/limits.ts), so a value one accepts is one every other
// accepts.
#pragma once
#include <cmath>

namespace nn {

// A closed range [min, max]; either end may be open, and `whole` allows only whole numbers.
struct Range {
  double min, max;
  bool min_exclusive = false, max_exclusive = false, whole = false;
};

// True when x is finite and inside r.
constexpr bool in_range(double x, const Range& r) {
  return std::isfinite(x) && (r.min_exclusive ? x > r.min : x >= r.min) &&
         (r.max_exclusive ? x < r.max : x <= r.max) && (!r.whole || x == std::floor(x));
}

// Upper bounds that keep a hostile or mistyped spec from exhausting memory.
inline constexpr int kMaxLayers = 33;           // layer sizes, inputs first: 32 weight layers
inline constexpr int kMaxUnits = 1024;          // per layer
inline constexpr int kMaxRows = 100000;         // samples
inline constexpr double kMaxActivations = 4e6;  // rows × Σ units
inline constexpr int kMaxParams = 1000000;      // weights and biases
inline constexpr double kMaxSeed = 9007199254740991.0;  // 2⁵³ − 1: every whole double below it

// η: from 1e-5 (TensorFlow Playground's smallest) to 100 (beyond it every lesson diverges at once).
inline constexpr Range kLearningRate{1e-5, 100};
// μ, β₁, β₂: 0 ≤ x < 1.
inline constexpr Range kDecay{0, 1, false, true};
// Adam's ε: above 0, at most 1.
inline constexpr Range kAdamEpsilon{0, 1, true};
// The gradient check's central-difference step ε: above 0, at most 0.1.
inline constexpr Range kCheckEpsilon{0, 0.1, true};

}  // namespace nn
