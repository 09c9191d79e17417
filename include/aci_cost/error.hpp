// The error hierarchy. Everything derives from std::invalid_argument or std::domain_error,
// which pybind11 turns into Python's ValueError.
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace aci {

/// Bad input: names the field (a dotted path such as "job[mowing].productivity") and the value.
class InvalidInput : public std::invalid_argument {
 public:
  InvalidInput(std::string field, std::string value, std::string_view rule)
      : std::invalid_argument(field + " = " + value + ": " + std::string(rule)),
        field_(std::move(field)),
        value_(std::move(value)),
        rule_(rule) {}
  /// The offending field's path.
  const std::string& field() const noexcept { return field_; }
  /// The offending value, as text.
  const std::string& value() const noexcept { return value_; }
  /// What the value should have been.
  const std::string& rule() const noexcept { return rule_; }

 private:
  std::string field_;
  std::string value_;
  std::string rule_;
};

/// No legal or published figure is in force at the requested date.
class NoRateInForce : public InvalidInput {
 public:
  using InvalidInput::InvalidInput;
};

/// A scenario document (JSON) that cannot be read: the field is its JSON path.
class ScenarioError : public InvalidInput {
 public:
  using InvalidInput::InvalidInput;
};

/// A computation asked outside its domain (e.g. cents of an amount that is not whole cents).
class DomainError : public std::domain_error {
 public:
  using std::domain_error::domain_error;
};

namespace detail {
/// The text of a field path given as a string or as a callable that builds it (on failure).
template <class P>
std::string path_text(const P& p) {
  if constexpr (std::is_invocable_v<const P&>) {
    return std::string(p());
  } else {
    return std::string(p);
  }
}

template <class V>
std::string to_text(const V& v) {
  if constexpr (std::is_convertible_v<const V&, std::string_view>) {
    return std::string(std::string_view(v));
  } else {
    std::ostringstream os;
    os.precision(17);
    os << v;
    return os.str();
  }
}
}  // namespace detail

/// Throws InvalidInput(field, value, rule) unless cond holds. (Its arguments are evaluated
/// before the call: where building the field or the value costs, use ACI_COST_REQUIRE.)
template <class V>
void require(bool cond, std::string_view field, const V& value, std::string_view rule) {
  if (!cond) throw InvalidInput(std::string(field), detail::to_text(value), rule);
}

}  // namespace aci

/// require() whose field, value and rule expressions are evaluated only when `cond` fails:
/// validating valid input formats no message and allocates nothing (tests/cpp/detail/
/// test_lazy_messages.cpp guards it). `value` may be any streamable value or a string.
#define ACI_COST_REQUIRE(cond, field, value, rule)                                          \
  do {                                                                                      \
    if (!(cond)) [[unlikely]]                                                               \
      throw ::aci::InvalidInput(std::string(field), ::aci::detail::to_text(value), (rule)); \
  } while (false)
