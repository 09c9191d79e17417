// Pieces shared by the models' descriptor tables (training/inputs.hpp, quote/inputs.hpp): the
// open or closed ends of a domain written as "[]", "[)", "(]" or "()", its text as a rule, and
// the descriptor of an output.
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

/// Descriptor of a per-scenario output of a model.
struct OutputSpec {
  std::string_view name;  ///< output name (sweep output, batch column)
  std::string_view unit;  ///< unit of the value
  std::string_view doc;   ///< what it is
};

}  // namespace aci::detail
