// aci::io::Fields: reads one JSON object field by field, with the JSON path in every error,
// and rejects unknown keys (a typo must not silently fall back to a default).
#pragma once

#include <climits>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <vector>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "aci_cost/date.hpp"
#include "aci_cost/decimal.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/money.hpp"

namespace aci::io {

using json = nlohmann::json;

/// A JSON object being read, and its path ("$.aci.ateliers[0]").
/// Parses JSON text: the one place where a JSON error (malformed text, a number out of range)
/// becomes a ScenarioError (ValueError in Python) at "$" with the byte and the reason.
/// The deepest nesting of arrays and objects parse_json accepts. An assumption, not a format
/// rule: a scenario or a sweep spec nests about 6 levels; 256 leaves room for any real document
/// while staying far below the depth at which reading and destroying the tree by recursion
/// overflows the stack (a scenario nested 70 000 levels deep crashed the process).
inline constexpr std::size_t max_json_depth = 256;

namespace detail {
/// The first byte where `text` nests deeper than max_json_depth (outside strings), or npos.
inline std::size_t too_deep_at(std::string_view text) {
  std::size_t depth = 0;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_json_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

/// `s` with every byte that is not part of a well-formed UTF-8 sequence written as \xHH, so
/// that a message quoting bad input is itself valid text (Python decodes it as UTF-8: an
/// invalid byte in a document raised UnicodeDecodeError instead of ValueError).
inline std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    bool ok = n > 0 && i + n <= s.size() && !(n == 2 && b < 0xC2) && !(n == 4 && b > 0xF4);
    for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) >> 6) == 0x2;
    if (ok && n == 3) {  // no overlong forms, no surrogates
      const auto c = static_cast<unsigned char>(s[i + 1]);
      ok = !(b == 0xE0 && c < 0xA0) && !(b == 0xED && c >= 0xA0);
    }
    if (ok && n == 4) {
      const auto c = static_cast<unsigned char>(s[i + 1]);
      ok = !(b == 0xF0 && c < 0x90) && !(b == 0xF4 && c >= 0x90);
    }
    if (ok) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      static constexpr char hex[] = "0123456789ABCDEF";
      out += "\\x";
      out += hex[b >> 4];
      out += hex[b & 0xF];
      ++i;
    }
  }
  return out;
}
}  // namespace detail

namespace detail {
/// nlohmann's DOM parser behind a SAX handler that refuses an object holding one key twice
/// (nlohmann keeps the last, so `"headcount": 12, "headcount": 1200` read as 1200 with no
/// word): ScenarioError at the key's JSON path. It keeps the path of the value being parsed (an
/// object's current key, an array's current index) and each open object's keys. Linear in the
/// document (a parser callback is not: nlohmann's callback parser scans an array's elements
/// each time one of its objects ends, which took seconds for 10^5 jobs).
class DuplicateKeys {
 public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  explicit DuplicateKeys(json& result) : dom_(result, true) {}

  bool null() { return element_starts(), dom_.null(); }
  bool boolean(bool v) { return element_starts(), dom_.boolean(v); }
  bool number_integer(number_integer_t v) { return element_starts(), dom_.number_integer(v); }
  bool number_unsigned(number_unsigned_t v) { return element_starts(), dom_.number_unsigned(v); }
  bool number_float(number_float_t v, const string_t& s) { return element_starts(), dom_.number_float(v, s); }
  bool string(string_t& v) { return element_starts(), dom_.string(v); }
  bool binary(binary_t& v) { return element_starts(), dom_.binary(v); }
  bool start_object(std::size_t n) {
    element_starts();
    open(true);
    return dom_.start_object(n);
  }
  bool key(string_t& k) {
    Frame& f = frames_[depth_ - 1];
    if (!f.insert(k))
      throw ScenarioError(path() + "." + valid_utf8(k), "given twice",
                          "duplicate key (a JSON object names each field once; the reader would keep only the last)");
    f.key.assign(k);
    return dom_.key(k);
  }
  bool end_object() {
    --depth_;
    return dom_.end_object();
  }
  bool start_array(std::size_t n) {
    element_starts();
    open(false);
    return dom_.start_array(n);
  }
  bool end_array() {
    --depth_;
    return dom_.end_array();
  }
  template <class Exception>
  bool parse_error(std::size_t position, const std::string& token, const Exception& e) {
    return dom_.parse_error(position, token, e);
  }

 private:
  /// An open object or array. Frames are reused from one object to the next (no allocation per
  /// object once the deepest level is reached); an object's keys are searched in a short list,
  /// and in a hash set past 16 keys (linear in the keys either way).
  struct Frame {
    bool object = false;
    std::vector<std::string> few;          // an object's first keys
    std::unordered_set<std::string> many;  // its keys, once it has more than `few` holds
    std::string key;                       // an object's current key
    std::size_t index = 0;                 // an array's elements started so far
    /// Adds `k`; false when the object already has it.
    bool insert(const std::string& k) {
      if (!many.empty()) return many.insert(k).second;
      for (const auto& x : few)
        if (x == k) return false;
      if (few.size() < 16) {
        few.push_back(k);
      } else {
        many.insert(few.begin(), few.end());
        many.insert(k);
      }
      return true;
    }
  };
  void open(bool object) {
    if (depth_ == frames_.size()) frames_.emplace_back();
    Frame& f = frames_[depth_++];
    f.object = object;
    f.few.clear();
    f.many.clear();
    f.key.clear();
    f.index = 0;
  }
  void element_starts() {
    if (depth_ > 0 && !frames_[depth_ - 1].object) ++frames_[depth_ - 1].index;
  }
  /// The path of the innermost open object (each enclosing frame's current key or index).
  std::string path() const {
    std::string p = "$";
    for (std::size_t i = 0; i + 1 < depth_; ++i) {
      const Frame& f = frames_[i];
      p += f.object ? "." + valid_utf8(f.key) : "[" + std::to_string(f.index - 1) + "]";
    }
    return p;
  }
  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::vector<Frame> frames_;
  std::size_t depth_ = 0;  // frames_[0, depth_) are open
};
}  // namespace detail

inline json parse_json(std::string_view text) {
  if (const auto at = detail::too_deep_at(text); at != std::string_view::npos) {
    throw ScenarioError("$", "byte " + std::to_string(at + 1),
                        "JSON nested deeper than " + std::to_string(max_json_depth) + " levels");
  }
  try {
    json result;
    detail::DuplicateKeys sax(result);
    (void)json::sax_parse(text.begin(), text.end(), &sax);  // strict: trailing text is an error
    return result;
  } catch (const json::parse_error& e) {
    throw ScenarioError("$", "byte " + std::to_string(e.byte), "malformed JSON: " + detail::valid_utf8(e.what()));
  } catch (const json::exception& e) {
    throw ScenarioError("$", "JSON text", "unreadable JSON: " + detail::valid_utf8(e.what()));
  }
}

class Fields {
 public:
  /// Reads object `j` at `path`; ScenarioError unless it is an object with only `allowed` keys.
  Fields(const json& j, std::string path, const std::vector<std::string_view>& allowed)
      : j_(j), path_(std::move(path)) {
    if (!j.is_object()) throw ScenarioError(path_, shown(j), "expected an object");
    for (const auto& [key, value] : j.items()) {
      bool ok = false;
      for (auto a : allowed) ok = ok || a == key;
      if (!ok) throw ScenarioError(path_ + "." + key, shown(value), "unknown field");
    }
  }

  /// The path of `key` inside this object.
  std::string at(std::string_view key) const { return path_ + "." + std::string(key); }
  /// True when `key` is present and not null.
  bool has(std::string_view key) const { return j_.contains(key) && !j_.at(std::string(key)).is_null(); }
  /// The raw value of `key` (must be present).
  const json& raw(std::string_view key) const {
    if (!has(key)) throw ScenarioError(at(key), "missing", "required field");
    return j_.at(std::string(key));
  }

  /// A string field; `fallback` when absent, error when absent without one.
  std::string str(std::string_view key, std::optional<std::string> fallback = std::nullopt) const {
    if (!has(key)) return fallback ? *fallback : (raw(key), std::string());
    const json& v = raw(key);
    if (!v.is_string()) throw ScenarioError(at(key), shown(v), "expected a string");
    return v.get<std::string>();
  }
  /// A boolean field.
  bool boolean(std::string_view key, bool fallback) const {
    if (!has(key)) return fallback;
    const json& v = raw(key);
    if (!v.is_boolean()) throw ScenarioError(at(key), shown(v), "expected true or false");
    return v.get<bool>();
  }
  /// An integer field.
  int integer(std::string_view key, int fallback) const {
    if (!has(key)) return fallback;
    const json& v = raw(key);
    return to_int(v, at(key));
  }
  /// A floating-point quantity (models that run in double): a finite JSON number.
  double number(std::string_view key, double fallback) const {
    if (!has(key)) return fallback;
    return to_number(raw(key), at(key));
  }
  /// A list of finite numbers.
  std::vector<double> numbers(std::string_view key) const {
    std::vector<double> out;
    const json& a = array(key);
    for (std::size_t i = 0; i < a.size(); ++i)
      out.push_back(to_number(a[i], [&] { return at(key) + "[" + std::to_string(i) + "]"; }));
    return out;
  }
  /// A list of integers.
  std::vector<int> integers(std::string_view key) const {
    std::vector<int> out;
    const json& a = array(key);
    for (std::size_t i = 0; i < a.size(); ++i) {
      out.push_back(to_int(a[i], at(key) + "[" + std::to_string(i) + "]"));
    }
    return out;
  }
  /// An unsigned 64-bit integer (seeds).
  std::uint64_t unsigned64(std::string_view key, std::uint64_t fallback) const {
    if (!has(key)) return fallback;
    const json& v = raw(key);
    if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<std::int64_t>() >= 0)) {
      throw ScenarioError(at(key), shown(v), "expected a non-negative integer");
    }
    return v.get<std::uint64_t>();
  }
  /// An integer of type int at `path` (get<int>() alone would wrap 10^10 to 1410065408).
  static int to_int(const json& v, const std::string& path) {
    if (!v.is_number_integer()) throw ScenarioError(path, shown(v), "expected an integer");
    if (v.is_number_unsigned() ? v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT_MAX)
                               : (v.get<std::int64_t>() > INT_MAX || v.get<std::int64_t>() < INT_MIN)) {
      throw ScenarioError(path, shown(v), "expected an integer in [-2147483648, 2147483647]");
    }
    return v.get<int>();
  }
  /// A finite number at `path`.
  /// `path` is a string or a callable building it (called only on failure).
  template <class Path>
  static double to_number(const json& v, const Path& path) {
    if (!v.is_number()) throw ScenarioError(::aci::detail::path_text(path), shown(v), "expected a number");
    const double x = v.get<double>();
    if (!std::isfinite(x)) throw ScenarioError(::aci::detail::path_text(path), shown(v), "must be finite");
    return x;
  }

  /// A decimal quantity: a JSON number (read as its shortest text, 0.6 is exactly 0.6) or a string.
  Decimal decimal(std::string_view key, std::optional<Decimal> fallback = std::nullopt) const {
    if (!has(key)) return fallback ? *fallback : (raw(key), Decimal());
    return to_decimal(raw(key), at(key));
  }
  /// An optional decimal quantity.
  std::optional<Decimal> opt_decimal(std::string_view key) const {
    if (!has(key)) return std::nullopt;
    return to_decimal(raw(key), at(key));
  }
  /// An amount of money: a string ("1234.56") or an integer, never a JSON float.
  Money money(std::string_view key, std::optional<Money> fallback = std::nullopt) const {
    if (!has(key)) return fallback ? *fallback : (raw(key), Money());
    const json& v = raw(key);
    try {
      if (v.is_string()) return Money::parse(v.get<std::string>(), at(key));
      if (v.is_number_integer()) return Money::parse(v.dump(), at(key));
    } catch (const InvalidInput& e) {
      throw ScenarioError(e.field(), e.value(), e.rule());
    }
    throw ScenarioError(at(key), shown(v), "money must be a string such as \"1234.56\" (or an integer), not a float");
  }
  /// A date "YYYY-MM-DD".
  Date date(std::string_view key, std::optional<Date> fallback = std::nullopt) const {
    if (!has(key)) return fallback ? *fallback : (raw(key), Date());
    const json& v = raw(key);
    if (!v.is_string()) throw ScenarioError(at(key), shown(v), "expected a date string YYYY-MM-DD");
    try {
      return Date::parse(v.get<std::string>(), at(key));
    } catch (const InvalidInput& e) {
      throw ScenarioError(e.field(), e.value(), "expected a calendar date YYYY-MM-DD");
    }
  }
  /// A string field that must be one of `names`; returns its index.
  template <class Names>
  std::size_t choice(std::string_view key, const Names& names, std::size_t fallback) const {
    if (!has(key)) return fallback;
    const std::string s = str(key);
    for (std::size_t i = 0; i < std::size(names); ++i)
      if (names[i] == s) return i;
    std::string all;
    for (auto n : names) all += (all.empty() ? "" : ", ") + std::string(n);
    throw ScenarioError(at(key), "\"" + s + "\"", "expected one of: " + all);
  }
  /// An array field (empty when absent).
  const json& array(std::string_view key) const {
    static const json empty = json::array();
    if (!has(key)) return empty;
    const json& v = raw(key);
    if (!v.is_array()) throw ScenarioError(at(key), shown(v), "expected an array");
    return v;
  }

  /// A JSON value as it would be shown in an error.
  static std::string shown(const json& v) {
    std::string s = v.dump();
    return s.size() > 60 ? s.substr(0, 57) + "..." : s;
  }
  /// A decimal from a JSON number or string at `path`.
  static Decimal to_decimal(const json& v, const std::string& path) {
    if (v.is_number()) {
      // nlohmann prints a double as the shortest text that round-trips, like Python's repr.
      return Decimal(v.dump());
    }
    if (v.is_string()) {
      try {
        return parse_decimal(v.get<std::string>(), path);
      } catch (const InvalidInput& e) {
        throw ScenarioError(e.field(), e.value(), "expected a decimal number");
      }
    }
    throw ScenarioError(path, shown(v), "expected a number");
  }

 private:
  const json& j_;
  std::string path_;
};

/// A decimal written as a JSON number when that round-trips exactly, else as a string.
inline json decimal_json(const Decimal& x) {
  const std::string s = to_string(x);
  std::size_t digits = 0;
  for (char ch : s) digits += (ch >= '0' && ch <= '9') ? 1u : 0u;
  if (digits <= 15) {
    const json v = json::parse(s);
    if (Decimal(v.dump()) == x) return v;
  }
  return s;
}

/// Money written as a string with all its digits ("1234.56").
inline json money_json(const Money& m) { return m.to_string(); }

}  // namespace aci::io
