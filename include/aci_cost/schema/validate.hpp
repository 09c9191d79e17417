// aci::schema::validate: checks a described struct against its field table — every numeric
// field within its Bounds (compared exactly, as decimals), strings and lists that must not be
// empty — recursing into nested records and lists of records, then the struct's own rules
// (`check_rules(path)`, for what joins fields; `path` is a string or a callable building it). Errors are InvalidInput
// naming the path
// ("job[mowing].travel.trips") and the value; messages are built only on failure.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aci_cost/decimal.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/schema/field.hpp"
#include "aci_cost/schema/text.hpp"

namespace aci::schema {

namespace detail {
template <class M>
struct is_vector : std::false_type {};
template <class X>
struct is_vector<std::vector<X>> : std::true_type {};
template <class M>
struct is_optional : std::false_type {};
template <class X>
struct is_optional<std::optional<X>> : std::true_type {};

/// Exact decimal ends of Bounds, parsed once per struct and field (immutable after a
/// thread-safe initialisation).
struct DecimalBounds {
  std::optional<Decimal> low, high;
};
template <Described S>
const std::array<DecimalBounds, field_count<S>>& decimal_bounds() {
  static const auto table = [] {
    std::array<DecimalBounds, field_count<S>> t{};
    std::size_t i = 0;
    for_each_field<S>([&](const auto& f) {
      if (f.domain.low) t[i].low = Decimal(f.domain.low);
      if (f.domain.high) t[i].high = Decimal(f.domain.high);
      ++i;
    });
    return t;
  }();
  return table;
}

inline bool inside(const Decimal& v, const DecimalBounds& b, const Bounds& spec) {
  if (b.low && (spec.low_open ? !(v > *b.low) : !(v >= *b.low))) return false;
  if (b.high && (spec.high_open ? !(v < *b.high) : !(v <= *b.high))) return false;
  return true;
}
inline const Decimal& amount_of(const Decimal& v) { return v; }
inline const Decimal& amount_of(const Money& v) { return v.amount(); }
inline std::string text_of(const Decimal& v) { return to_string(v); }
inline std::string text_of(const Money& v) { return v.to_string(); }

/// S has rules joining its fields: `template <class Path> void check_rules(const Path&) const`.
template <class S>
concept HasRules = requires(const S& s, std::string (*path)()) {
  s.check_rules(path);
};
}  // namespace detail

template <class S, class Path>
void validate(const S& s, const Path& path);

namespace detail {
/// Checks one value of a field (recursing into records and lists).
template <class M, class Path>
void check_value(const M& v, const Bounds& spec, const DecimalBounds& b, const Path& path) {
  if constexpr (std::is_same_v<M, Decimal> || std::is_same_v<M, Money>) {
    if (spec.bounded() && !inside(amount_of(v), b, spec)) {
      throw InvalidInput(::aci::detail::path_text(path), text_of(v), spec.rule());
    }
  } else if constexpr (std::is_same_v<M, int>) {
    if (spec.bounded() && !inside(Decimal(v), b, spec)) {
      throw InvalidInput(::aci::detail::path_text(path), std::to_string(v), spec.rule());
    }
  } else if constexpr (is_optional<M>::value) {
    if (v) check_value(*v, spec, b, path);
  } else if constexpr (Described<M>) {
    validate(v, path);
  } else if constexpr (is_vector<M>::value) {
    if constexpr (Described<typename M::value_type>) {
      for (std::size_t i = 0; i < v.size(); ++i)
        validate(v[i], [&] { return ::aci::detail::path_text(path) + "[" + std::to_string(i) + "]"; });
    }
  }
}
}  // namespace detail

/// Checks `s` against its field table, then its own rules; `path` names it in errors (a string,
/// or a callable building it only on failure).
template <class S, class Path>
void validate(const S& s, const Path& path) {
  static_assert(Described<S>);
  const auto& decimals = detail::decimal_bounds<S>();
  std::size_t i = 0;
  for_each_field<S>([&](const auto& f) {
    const auto& v = s.*(f.member);
    const auto at = [&] { return ::aci::detail::path_text(path) + "." + f.key; };
    using M = typename std::decay_t<decltype(f)>::Member;
    if constexpr (std::is_same_v<M, std::string> || detail::is_vector<M>::value) {
      if (f.nonempty && v.empty()) {
        throw InvalidInput(at(), std::is_same_v<M, std::string> ? "\"\"" : "[]", "must not be empty");
      }
    }
    if constexpr (std::is_same_v<M, std::string>) {
      if (const auto problem = text_problem(v, f.multiline); !problem.empty()) {
        throw InvalidInput(at(), "\"" + escaped(v) + "\"", std::string(problem));
      }
    }
    detail::check_value(v, f.domain, decimals[i], at);
    ++i;
  });
  if constexpr (detail::HasRules<S>) s.check_rules(path);
}

}  // namespace aci::schema
