// aci::schema::Field: one row of a struct's field table — its key (JSON and Python), the member,
// what it is, its unit, its domain and how it is written — and Bounds, a numeric domain whose
// ends are exact decimals given as text. A struct that describes itself has
// `static constexpr auto schema()` returning a tuple of fields; the JSON reader and writer
// (io/schema_json.hpp), the validation of domains (schema/validate.hpp), the Python bindings,
// the stubs and docs/scenario_format.md all derive from it (adding a field = one row).
#pragma once

#include <concepts>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "aci_cost/detail/descriptor.hpp"

namespace aci::schema {

/// A numeric domain [low, high] with each end open or closed, the ends as exact decimal text
/// ("0.01", "10000"; an absent end is unbounded). One text serves errors and docs alike.
struct Bounds {
  const char* low = nullptr;   ///< lower end (nullptr: none)
  const char* high = nullptr;  ///< upper end (nullptr: none)
  bool low_open = false;       ///< low itself is outside
  bool high_open = false;      ///< high itself is outside

  /// True when some end is given.
  constexpr bool bounded() const { return low || high; }
  /// The rule: "must be >= 0", "must be in (0, 10000]", "must be <= 1".
  std::string rule() const {
    const std::string lo = low ? low : "", hi = high ? high : "";
    if (low && high) {
      return std::string("must be in ") + (low_open ? "(" : "[") + lo + ", " + hi + (high_open ? ")" : "]");
    }
    if (low) return (low_open ? "must be > " : "must be >= ") + lo;
    if (high) return (high_open ? "must be < " : "must be <= ") + hi;
    return "";
  }
  /// The domain in doubles (for the sweeps' descriptors): each end the double nearest its text.
  constexpr aci::detail::Domain domain() const {
    constexpr double inf = std::numeric_limits<double>::infinity();
    return {low ? parse(low) : -inf, high ? parse(high) : inf, low ? low_open : true, high ? high_open : true};
  }

  /// A decimal literal ("0.01", "-1", "1e7", "10000") as the nearest double: the integer of its
  /// digits (exact below 2^53) divided or multiplied by an exact power of ten, rounded once.
  static constexpr double parse(const char* s) {
    bool negative = false;
    if (*s == '-') negative = (++s, true);
    double mantissa = 0;
    int scale = 0;
    bool fraction = false;
    for (; *s && *s != 'e' && *s != 'E'; ++s) {
      if (*s == '.') {
        fraction = true;
        continue;
      }
      mantissa = mantissa * 10 + (*s - '0');
      if (fraction) --scale;
    }
    if (*s) {
      ++s;
      bool neg_exp = false;
      if (*s == '-' || *s == '+') neg_exp = (*s++ == '-');
      int e = 0;
      for (; *s; ++s) e = e * 10 + (*s - '0');
      scale += neg_exp ? -e : e;
    }
    double power = 1;
    for (int k = 0; k < (scale < 0 ? -scale : scale); ++k) power *= 10;
    const double v = scale < 0 ? mantissa / power : mantissa * power;
    return negative ? -v : v;
  }
};

/// Bounds from their ends written as "[]", "[)", "(]" or "()"; "" for `high` (or `low`): none.
constexpr Bounds bounds(const char* low, const char* high, std::string_view ends) {
  const bool has_low = low && *low, has_high = high && *high;
  return {has_low ? low : nullptr, has_high ? high : nullptr, ends[0] == '(', ends[1] == ')'};
}

/// One field of struct S, of member type M.
template <class S, class M>
struct Field {
  using Struct = S;
  using Member = M;
  const char* key;                      ///< JSON key and Python attribute
  M S::*member;                         ///< where it lives
  const char* doc = "";                 ///< what it is (docs, bindings, stubs)
  const char* unit = "";                ///< unit of the value ("h", "€/year", "share"; "" if none)
  Bounds domain{};                      ///< numeric fields: the values allowed (checked by schema::validate)
  const char* json = nullptr;           ///< its place in the JSON object when not `key`: "pay.basis"
  bool required = false;                ///< the JSON reader refuses an object without it
  bool nonempty = false;                ///< strings and lists: must not be empty
  bool omit_empty = false;              ///< the writer leaves out an empty string or list
  bool multiline = false;               ///< strings: may hold newlines (never other control characters)
  bool (*written)(const S&) = nullptr;  ///< the writer leaves it out unless this holds (nullptr: always)

  /// The domain [low, high] with its ends as "[]", "[)", "(]" or "()" ("" for an absent end).
  constexpr Field in(const char* low, const char* high, std::string_view ends) const {
    Field f = *this;
    f.domain = bounds(low, high, ends);
    return f;
  }
  /// >= low (or > low with "(").
  constexpr Field at_least(const char* low, std::string_view ends = "[)") const { return in(low, "", ends); }
  /// The unit of the value.
  constexpr Field units(const char* u) const {
    Field f = *this;
    f.unit = u;
    return f;
  }
  /// Its place in the JSON object ("pay.basis": key "basis" of the sub-object "pay").
  constexpr Field placed(const char* path) const {
    Field f = *this;
    f.json = path;
    return f;
  }
  /// The reader refuses an object without it.
  constexpr Field needed() const {
    Field f = *this;
    f.required = true;
    return f;
  }
  /// Must not be empty (a string or a list).
  constexpr Field not_empty() const {
    Field f = *this;
    f.nonempty = true;
    return f;
  }
  /// A string that may hold newlines (an address); other strings hold one line.
  constexpr Field lines() const {
    Field f = *this;
    f.multiline = true;
    return f;
  }
  /// Written only when not empty.
  constexpr Field quiet_when_empty() const {
    Field f = *this;
    f.omit_empty = true;
    return f;
  }
  /// Written only when `when(s)`.
  constexpr Field written_if(bool (*when)(const S&)) const {
    Field f = *this;
    f.written = when;
    return f;
  }
  /// Its JSON path inside the object ("pay.basis", else the key).
  constexpr std::string_view json_path() const { return json ? json : key; }
};

/// A field of S: key, member and what it is.
template <class S, class M>
constexpr Field<S, M> field(const char* key, M S::*member, const char* doc) {
  return Field<S, M>{key, member, doc};
}

/// A struct with a field table: `static constexpr auto schema()` and `schema_name` (its Python
/// class name).
template <class S>
concept Described = requires {
  S::schema();
  { S::schema_name } -> std::convertible_to<std::string_view>;
};

/// Calls f(field) for every field of S, in table order.
template <Described S, class F>
constexpr void for_each_field(F&& f) {
  std::apply([&](const auto&... fields) { (f(fields), ...); }, S::schema());
}

/// The number of fields of S.
template <Described S>
inline constexpr std::size_t field_count = std::tuple_size_v<decltype(S::schema())>;

/// The bounds of the field of S whose member is `member` (for descriptors that reference it).
template <Described S, class M>
constexpr Bounds bounds_of(M S::*member) {
  Bounds b{};
  bool found = false;
  for_each_field<S>([&](const auto& f) {
    if constexpr (std::is_same_v<typename std::decay_t<decltype(f)>::Member, M>) {
      if (f.member == member) {
        b = f.domain;
        found = true;
      }
    }
  });
  if (!found) throw "bounds_of: no field of this struct has that member";  // a compile-time error in constexpr use
  return b;
}

}  // namespace aci::schema
