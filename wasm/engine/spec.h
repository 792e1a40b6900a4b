// The spec: the project's one description of a network, its data and how it trains, read from
// JSON (lessons, URL state, exports and the CLI all use it). Every error names the field.
#pragma once
#include <string>
#include <string_view>

#include "catalogue.h"
#include "json.h"
#include "network.h"

namespace nn {

// Upper bounds that keep a hostile or mistyped spec from exhausting memory.
inline constexpr int kMaxLayers = 33;           // 32 weight layers
inline constexpr int kMaxUnits = 1024;          // per layer
inline constexpr int kMaxRows = 100000;         // samples
inline constexpr double kMaxActivations = 4e6;  // rows × Σ units
inline constexpr int kMaxParams = 1000000;      // weights and biases

// Reads a spec from parsed JSON; false with *err like "weights[1][0]: expected 2 numbers, got 3".
bool spec_from_json(const Json& json, NetworkSpec* out, std::string* err);
// Parses text, then reads it (JSON syntax errors are reported as "spec: at character …").
bool spec_from_text(std::string_view text, NetworkSpec* out, std::string* err);
// Reads {"name": "adam", "beta1": …} over *o (fields not given keep their values); null j is fine.
bool optimizer_from_json(const Json* j, Optimizer* o, std::string* err);
// Checks shapes, pairings and ranges of a spec built in C++ (spec_from_json calls it too).
bool spec_validate(const NetworkSpec& spec, std::string* err);

}  // namespace nn
