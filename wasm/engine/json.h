// JSON for specs, fixtures and traces: nlohmann::json (Debian's nlohmann-json3-dev, header-only),
// in its ordered flavour so objects keep the order they were written in. The engine never lets it
// throw: values are tested with is_number()/is_string()/… before they are read, and parsing goes
// through json_parse.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace nn {

using Json = nlohmann::ordered_json;

// Parses text into *out; on failure *err says where, naming the whole text `root` ("spec: at
// character 17: syntax error while parsing object separator - unexpected '}'; expected ','"), and a
// number too large for a double by its path ("inputs[0][1]: expected a finite number"). Nesting
// deeper than 64 levels is refused.
bool json_parse(std::string_view text, Json* out, std::string* err, const std::string& root);

// The member `key` of an object, or nullptr when j is not an object or has no such member.
const Json* json_find(const Json& j, std::string_view key);

// JSON text of j, compact; strings that are not valid UTF-8 are repaired rather than refused.
std::string json_text(const Json& j);

// x as {fmt} writes it by default, for messages: "5000", "2.5", "1e-05"; null when not finite.
std::string json_number(double x);

// Appends x to out as JavaScript writes it (ECMAScript's Number::toString, so JSON.stringify),
// except that -0 stays "-0": the shortest decimal that reads back as exactly x (of those, the
// nearest to x), its digits from {fmt}'s Dragonbox (Debian's libfmt-dev, header-only;
// fmt::detail's, as its own
// "{}" takes them, since {fmt} lays them out as Python does: "1e-05"), in fixed
// notation from 1e-6 up to below 1e21, otherwise d.ddde±n: "0.1", "5000", "0.00001", "3.5e-7",
// "1e+21", "5e-324"; null when x is NaN or infinite. So a trace prints as its own JSON.stringify,
// whether the CLI writes it straight out or parses it first. nlohmann's own dump (json_text) uses
// Grisu2, which reads back exactly too but is not always shortest ("4.94065645841247e-324") and is
// 2-3x slower in wasm. For writers that stream large arrays of numbers without building a Json
// value first (trace.cpp).
void json_append_number(std::string& out, double x);

// Appends [x[0],…,x[n − 1]] to out, each number as json_append_number writes it.
void json_append_numbers(std::string& out, const double* x, size_t n);

}  // namespace nn
