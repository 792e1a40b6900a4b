// The spec: the project's one description of a network, its data and how it trains, read from
// JSON (lessons, URL state, exports and the CLI all use it). Every error names the field.
#pragma once
#include <string>
#include <string_view>

#include "bounds.h"
#include "catalogue.h"
#include "json.h"
#include "network.h"

namespace nn {

// Reads a spec from parsed JSON; false with *err like "weights[1][0]: expected 2 numbers, got 3".
bool spec_from_json(const Json& json, NetworkSpec* out, std::string* err);
// Parses text, then reads it (JSON syntax errors are reported as "spec: at character …").
bool spec_from_text(std::string_view text, NetworkSpec* out, std::string* err);
// Reads {"name": "adam", "beta1": …} over *o (fields not given keep their values); null j is fine.
bool optimizer_from_json(const Json* j, Optimizer* o, std::string* err);
// "expected a number from 1e-05 to 100": the message for a value outside r.
std::string range_expected(const Range& r);
// Checks shapes, pairings and ranges of a spec built in C++ (spec_from_json calls it too).
bool spec_validate(const NetworkSpec& spec, std::string* err);

}  // namespace nn
