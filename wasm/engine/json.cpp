// Recursive-descent JSON reader and a minimal writer; see json.h.
#include "json.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace nn {

const Json* Json::find(std::string_view key) const {
  if (type != Type::Object) return nullptr;
  for (const auto& kv : object)
    if (kv.first == key) return &kv.second;
  return nullptr;
}

namespace {

constexpr int kMaxDepth = 64;

struct Parser {
  std::string_view s;
  size_t i = 0;
  std::string* err;

  bool fail(const char* what) {
    *err = "at character " + std::to_string(i + 1) + ": " + what;
    return false;
  }
  void ws() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) ++i;
  }
  bool literal(std::string_view word) {
    if (s.substr(i, word.size()) != word) return fail("unexpected token");
    i += word.size();
    return true;
  }
  bool parse_string(std::string* out) {
    ++i;  // opening quote
    while (i < s.size() && s[i] != '"') {
      char c = s[i++];
      if (c != '\\') {
        *out += c;
        continue;
      }
      if (i >= s.size()) break;
      const char e = s[i++];
      switch (e) {
        case 'n':
          *out += '\n';
          break;
        case 't':
          *out += '\t';
          break;
        case 'r':
          *out += '\r';
          break;
        case 'b':
          *out += '\b';
          break;
        case 'f':
          *out += '\f';
          break;
        case 'u': {  // specs are ASCII: anything beyond it becomes '?'
          if (i + 4 > s.size()) return fail("bad \\u escape");
          const long code = std::strtol(std::string(s.substr(i, 4)).c_str(), nullptr, 16);
          *out += code > 0 && code < 128 ? static_cast<char>(code) : '?';
          i += 4;
          break;
        }
        default:
          *out += e;
      }
    }
    if (i >= s.size()) return fail("unterminated string");
    ++i;
    return true;
  }
  bool parse_number(Json* out) {
    const size_t start = i;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '-' ||
                            s[i] == '+' || s[i] == '.' || s[i] == 'e' || s[i] == 'E'))
      ++i;
    const std::string text(s.substr(start, i - start));
    char* end = nullptr;
    out->number = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size()) return fail("bad number");
    out->type = Json::Type::Number;
    return true;
  }
  bool parse(Json* out, int depth) {
    if (depth > kMaxDepth) return fail("nested too deeply");
    ws();
    if (i >= s.size()) return fail("unexpected end of input");
    const char c = s[i];
    if (c == '{') return parse_object(out, depth);
    if (c == '[') return parse_array(out, depth);
    if (c == '"') {
      out->type = Json::Type::String;
      return parse_string(&out->string);
    }
    if (c == 't' || c == 'f') {
      out->type = Json::Type::Bool;
      out->boolean = c == 't';
      return literal(c == 't' ? "true" : "false");
    }
    if (c == 'n') return literal("null");
    return parse_number(out);
  }
  bool parse_array(Json* out, int depth) {
    out->type = Json::Type::Array;
    ++i;
    ws();
    if (i < s.size() && s[i] == ']') return ++i, true;
    for (;;) {
      out->array.emplace_back();
      if (!parse(&out->array.back(), depth + 1)) return false;
      ws();
      if (i < s.size() && s[i] == ',') {
        ++i;
        continue;
      }
      if (i < s.size() && s[i] == ']') return ++i, true;
      return fail("expected ',' or ']'");
    }
  }
  bool parse_object(Json* out, int depth) {
    out->type = Json::Type::Object;
    ++i;
    ws();
    if (i < s.size() && s[i] == '}') return ++i, true;
    for (;;) {
      ws();
      if (i >= s.size() || s[i] != '"') return fail("expected a quoted key");
      out->object.emplace_back();
      if (!parse_string(&out->object.back().first)) return false;
      ws();
      if (i >= s.size() || s[i] != ':') return fail("expected ':'");
      ++i;
      if (!parse(&out->object.back().second, depth + 1)) return false;
      ws();
      if (i < s.size() && s[i] == ',') {
        ++i;
        continue;
      }
      if (i < s.size() && s[i] == '}') return ++i, true;
      return fail("expected ',' or '}'");
    }
  }
};

}  // namespace

bool json_parse(std::string_view text, Json* out, std::string* err) {
  Parser p{text, 0, err};
  *out = Json{};
  if (!p.parse(out, 0)) return false;
  p.ws();
  if (p.i != text.size()) return p.fail("unexpected text after the value");
  return true;
}

// Shortest digits that read back as x, laid out the way JavaScript's Number#toString does.
std::string json_number(double x) {
  if (!std::isfinite(x)) return "null";
  if (x == 0) return std::signbit(x) ? "-0" : "0";
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, x);
    if (std::strtod(buf, nullptr) == x) break;
  }
  // buf is "-d.ddde±XX": split into sign, digits and the decimal exponent n (x = 0.digits × 10ⁿ).
  std::string s(buf), digits;
  const bool negative = s[0] == '-';
  const size_t e = s.find('e');
  for (size_t i = negative ? 1 : 0; i < e; ++i)
    if (s[i] != '.') digits += s[i];
  const int k = static_cast<int>(digits.size());
  const int n = std::atoi(s.c_str() + e + 1) + 1;
  std::string out = negative ? "-" : "";
  if (k <= n && n <= 21) {
    out += digits + std::string(n - k, '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, n) + "." + digits.substr(n);
  } else if (-6 < n && n <= 0) {
    out += "0." + std::string(-n, '0') + digits;
  } else {
    out += digits.substr(0, 1) + (k > 1 ? "." + digits.substr(1) : "") + "e" +
           (n - 1 >= 0 ? "+" : "-") + std::to_string(std::abs(n - 1));
  }
  return out;
}

void JsonWriter::comma() {
  if (need_comma_) out_ += ',';
  need_comma_ = true;
}
JsonWriter& JsonWriter::begin_object() {
  comma();
  out_ += '{';
  need_comma_ = false;
  return *this;
}
JsonWriter& JsonWriter::end_object() {
  out_ += '}';
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::begin_array() {
  comma();
  out_ += '[';
  need_comma_ = false;
  return *this;
}
JsonWriter& JsonWriter::end_array() {
  out_ += ']';
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::key(std::string_view k) {
  value(k);
  out_ += ':';
  need_comma_ = false;
  return *this;
}
JsonWriter& JsonWriter::value(double x) {
  comma();
  out_ += json_number(x);
  return *this;
}
JsonWriter& JsonWriter::value_bool(bool b) {
  comma();
  out_ += b ? "true" : "false";
  return *this;
}
JsonWriter& JsonWriter::value(std::string_view s) {
  comma();
  out_ += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') out_ += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      out_ += ' ';
      continue;
    }
    out_ += c;
  }
  out_ += '"';
  return *this;
}
JsonWriter& JsonWriter::numbers(const double* x, int n) {
  begin_array();
  for (int k = 0; k < n; ++k) value(x[k]);
  return end_array();
}
JsonWriter& JsonWriter::matrix(const double* x, int rows, int cols) {
  begin_array();
  for (int r = 0; r < rows; ++r) numbers(x + r * cols, cols);
  return end_array();
}

}  // namespace nn
