// json_parse through nlohmann's SAX parser, so errors come back as text, not exceptions (the wasm
// build has none); see json.h.
#include "json.h"

// {fmt} without its compiled library: the wasm build links no system libraries but Emscripten's.
#define FMT_HEADER_ONLY
#include <fmt/compile.h>
#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace nn {

namespace {

constexpr size_t kMaxDepth = 64;

// nlohmann's DOM builder with a depth limit, the path of the value being read ("inputs[0][1]"), and
// its parse errors kept as text.
class Reader : public nlohmann::detail::json_sax_dom_parser<Json> {
  using Base = nlohmann::detail::json_sax_dom_parser<Json>;

 public:
  Reader(Json& out, std::string root) : Base(out, false), root_(std::move(root)) {}
  bool null() { return done(Base::null()); }
  bool boolean(bool v) { return done(Base::boolean(v)); }
  bool number_integer(number_integer_t v) { return done(Base::number_integer(v)); }
  bool number_unsigned(number_unsigned_t v) { return done(Base::number_unsigned(v)); }
  bool number_float(number_float_t v, const string_t& s) { return done(Base::number_float(v, s)); }
  bool string(string_t& v) { return done(Base::string(v)); }
  bool key(string_t& k) {
    levels_.back().key = k;
    return Base::key(k);
  }
  bool start_object(std::size_t n) { return enter(false) && Base::start_object(n); }
  bool end_object() { return leave() && done(Base::end_object()); }
  bool start_array(std::size_t n) { return enter(true) && Base::start_array(n); }
  bool end_array() { return leave() && done(Base::end_array()); }
  template <class Exception>
  bool parse_error(std::size_t position, const std::string&, const Exception& ex) {
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error …"
    const std::string what = ex.what();
    const size_t syntax = what.find("syntax error");
    error = ex.id == 406 ? path() + ": expected a finite number"
                         : root_ + ": at character " + std::to_string(position) + ": " +
                               (syntax == std::string::npos ? what : what.substr(syntax));
    return false;
  }
  std::string error;

 private:
  struct Level {
    bool array;
    size_t index = 0;  // of the element being read
    std::string key;   // of the member being read
  };
  bool enter(bool array) {
    if (levels_.size() >= kMaxDepth) {
      error = root_ + ": nested too deeply (more than " + std::to_string(kMaxDepth) + " levels)";
      return false;
    }
    levels_.push_back({array, 0, ""});
    return true;
  }
  bool leave() {
    levels_.pop_back();
    return true;
  }
  bool done(bool ok) {
    if (!levels_.empty() && levels_.back().array) ++levels_.back().index;
    return ok;
  }
  std::string path() const {
    if (levels_.empty()) return root_;
    std::string p;
    for (const Level& l : levels_)
      p += l.array ? "[" + std::to_string(l.index) + "]" : (p.empty() ? "" : ".") + l.key;
    return p;
  }
  std::string root_;
  std::vector<Level> levels_;
};

}  // namespace

bool json_parse(std::string_view text, Json* out, std::string* err, const std::string& root) {
  *out = Json{};
  Reader reader(*out, root);
  if (Json::sax_parse(text, &reader)) return true;
  *err = reader.error.empty() ? root + ": not valid JSON" : reader.error;
  *out = Json{};
  return false;
}

const Json* json_find(const Json& j, std::string_view key) {
  if (!j.is_object()) return nullptr;
  const auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

std::string json_text(const Json& j) {
  std::string out;
  nlohmann::detail::serializer<Json> writer(nlohmann::detail::output_adapter<char>(out), ' ',
                                            Json::error_handler_t::replace);
  writer.dump(j, false, false, 0);
  return out;
}

std::string json_number(double x) {
  return std::isfinite(x) ? fmt::format(FMT_COMPILE("{}"), x) : "null";
}

void json_append_number(std::string& out, double x) {
  if (!std::isfinite(x) || x == 0) {
    out += !std::isfinite(x) ? "null" : std::signbit(x) ? "-0" : "0";
    return;
  }
  if (x < 0) out += '-';
  // |x| = s × 10^e with s the fewest digits that read back (Dragonbox, as {fmt}'s own "{}" does):
  // its k digits and n, the exponent of |x| = 0.s × 10^n.
  const auto decimal = fmt::detail::dragonbox::to_decimal(std::fabs(x));
  const fmt::format_int digits(decimal.significand);
  const char* const s = digits.data();
  const int k = static_cast<int>(digits.size()), n = k + decimal.exponent;
  // ECMAScript's Number::toString, its steps for radix 10.
  if (k <= n && n <= 21) {
    out.append(s, k).append(n - k, '0');
  } else if (0 < n && n <= 21) {
    out.append(s, n).append(1, '.').append(s + n, k - n);
  } else if (-6 < n && n <= 0) {
    out.append("0.").append(-n, '0').append(s, k);
  } else {
    out.append(s, 1).append(k > 1 ? "." : "").append(s + 1, k - 1);
    out.append(n > 0 ? "e+" : "e-").append(fmt::format_int(std::abs(n - 1)).c_str());
  }
}

}  // namespace nn
