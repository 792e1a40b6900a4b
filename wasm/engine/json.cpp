// json_parse through nlohmann's SAX parser, so errors come back as text, not exceptions (the wasm
// build has none); see json.h.
#include "json.h"

// {fmt} without its compiled library: the wasm build links no system libraries but Emscripten's.
#define FMT_HEADER_ONLY
// Dragonbox's powers of ten from its full table (about 10 KB), not recomputed from a compressed
// one, and its 128-bit products in 64-bit halves, not through compiler-rt's __multi3 call (wasm has
// no 64x64→128 multiply): the trace's 76,000 numbers in V8's baseline tier, 5.7 → 4.1 ms.
#define FMT_USE_FULL_CACHE_DRAGONBOX 1
#define FMT_USE_INT128 0
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

namespace {

// Writes x at p as json_append_number does, returning the end; p has room for kMaxNumberChars.
char* write_number(char* p, double x) {
  if (!std::isfinite(x) || x == 0) {
    const char* text = !std::isfinite(x) ? "null" : std::signbit(x) ? "-0" : "0";
    while (*text) *p++ = *text++;
    return p;
  }
  if (x < 0) *p++ = '-';
  // |x| = s × 10^e with s the fewest digits that read back (Dragonbox, as {fmt}'s own "{}" does):
  // its k digits and n, the exponent of |x| = 0.s × 10^n. {fmt} writes the digits in place.
  const auto decimal = fmt::detail::dragonbox::to_decimal(std::fabs(x));
  const uint64_t s = decimal.significand;
  const int k = fmt::detail::count_digits(s), n = k + decimal.exponent;
  // ECMAScript's Number::toString, its steps for radix 10.
  if (k <= n && n <= 21)  // 5000
    return fmt::detail::fill_n(fmt::detail::format_decimal(p, s, k).end, n - k, '0');
  if (-6 < n && n <= 0) {  // 0.00125
    p[0] = '0';
    p[1] = '.';
    return fmt::detail::format_decimal(fmt::detail::fill_n(p + 2, -n, '0'), s, k).end;
  }
  if (0 < n && n <= 21)  // 12.5
    return fmt::detail::write_significand(p, s, k, n, '.');
  // 1.25e-7, 5e+21
  p = fmt::detail::write_significand(p, s, k, 1, k > 1 ? '.' : '\0');
  *p++ = 'e';
  *p++ = n > 0 ? '+' : '-';
  const auto e = static_cast<uint32_t>(std::abs(n - 1));
  return fmt::detail::format_decimal(p, e, fmt::detail::count_digits(e)).end;
}

// The longest number write_number writes: "-0.0000012345678901234567", "-1.2345678901234567e-308".
constexpr size_t kMaxNumberChars = 25;

}  // namespace

void json_append_number(std::string& out, double x) {
  const size_t at = out.size();
  out.resize(at + kMaxNumberChars);
  out.resize(write_number(out.data() + at, x) - out.data());
}

void json_append_numbers(std::string& out, const double* x, size_t n) {
  const size_t at = out.size();
  out.resize(at + 2 + n * (kMaxNumberChars + 1));
  char* p = out.data() + at;
  *p++ = '[';
  for (size_t k = 0; k < n; ++k) {
    if (k > 0) *p++ = ',';
    p = write_number(p, x[k]);
  }
  *p++ = ']';
  out.resize(p - out.data());
}

}  // namespace nn
