// A small JSON reader and writer for specs, fixtures and traces. Not a general-purpose library:
// numbers are doubles, depth is limited (hostile input cannot exhaust the stack).
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nn {

struct Json {
  enum class Type { Null, Bool, Number, String, Array, Object };
  Type type = Type::Null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<Json> array;
  std::vector<std::pair<std::string, Json>> object;

  const Json* find(std::string_view key) const;  // nullptr when absent or not an object
  bool is_number() const { return type == Type::Number; }
  bool is_array() const { return type == Type::Array; }
};

// Parses text into *out; on failure *err says where ("at character 17: expected ','").
bool json_parse(std::string_view text, Json* out, std::string* err);

// Shortest decimal that reads back as the same double (like JavaScript's String(x)).
std::string json_number(double x);

// Appends JSON text; the caller writes commas via the helpers below.
class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(double x);
  JsonWriter& value(std::string_view s);
  JsonWriter& value_bool(bool b);
  JsonWriter& numbers(const double* x, int n);              // [x0, x1, …]
  JsonWriter& matrix(const double* x, int rows, int cols);  // [[…], …] row-major
  const std::string& str() const { return out_; }

 private:
  void comma();
  std::string out_;
  bool need_comma_ = false;
};

}  // namespace nn
