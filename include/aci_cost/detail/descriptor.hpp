// Pieces shared by the models' descriptor tables (training, quote, sharing and allocation
// inputs.hpp): the domain of a numeric input with its open or closed ends written as "[]", "[)",
// "(]" or "()", its text as a rule, a table's row count, and the descriptor of an output.
#pragma once

#include <limits>
#include <string>
#include <string_view>

namespace aci::detail {

/// The low end of `ends` is open ("(").
constexpr bool open_low(std::string_view ends) { return ends[0] == '('; }
/// The high end of `ends` is open (")"), or infinite.
constexpr bool open_high(std::string_view ends, double high) {
  return ends[1] == ')' || high == std::numeric_limits<double>::infinity();
}

/// The domain as a rule: "must be >= 0", "must be in (0, 1]".
inline std::string domain_rule(double low, double high, bool low_open, bool high_open) {
  const auto num = [](double v) {
    std::string t = std::to_string(v);
    t.erase(t.find_last_not_of('0') + 1);
    if (t.back() == '.') t.pop_back();
    return t;
  };
  if (high == std::numeric_limits<double>::infinity()) return (low_open ? "must be > " : "must be >= ") + num(low);
  return std::string("must be in ") + (low_open ? "(" : "[") + num(low) + ", " + num(high) + (high_open ? ")" : "]");
}

/// The domain of a numeric input: [low, high] with each end open or closed (an infinite end is
/// open). The descriptors of the models' inputs derive from it.
struct Domain {
  double low;      ///< lower end of the domain
  double high;     ///< upper end (infinity: none)
  bool low_open;   ///< low itself is invalid
  bool high_open;  ///< high itself is invalid (always so for infinity)

  /// The domain of a table row: its ends written as "[]", "[)", "(]" or "()".
  static constexpr Domain of(double low, double high, std::string_view ends) {
    return {low, high, open_low(ends), open_high(ends, high)};
  }
  /// The domain as a rule: "must be >= 0", "must be in (0, 1]".
  std::string domain_rule() const { return aci::detail::domain_rule(low, high, low_open, high_open); }
  /// True when v lies in the domain. V is double or a lane type whose comparisons give masks
  /// (hence & rather than &&).
  template <class V>
  auto contains(const V& v) const {
    return (low_open ? v > V(low) : v >= V(low)) & (high_open ? v < V(high) : v <= V(high));
  }
};

/// Counts the rows of a descriptor table: `0 TABLE(ACI_COST_DETAIL_COUNT_ROW)`.
#define ACI_COST_DETAIL_COUNT_ROW(...) +1

/// Descriptor of a per-scenario output of a model.
struct OutputSpec {
  std::string_view name;  ///< output name (sweep output, batch column)
  std::string_view unit;  ///< unit of the value
  std::string_view doc;   ///< what it is
};

}  // namespace aci::detail
