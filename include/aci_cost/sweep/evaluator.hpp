// aci::sweep::Evaluator: what the sweep engine runs — a model seen only through its documented
// inputs (numeric, with their domains), its outputs, and a batch evaluation of a chunk of
// scenarios. The engine knows this interface and no model (models: evaluators/).
#pragma once

#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "aci_cost/error.hpp"

namespace aci::sweep {

/// A numeric input a sweep may vary.
struct InputInfo {
  std::string name;        ///< documented name, e.g. "training.demand.base_hours"
  double low;              ///< lower bound
  double high;             ///< upper bound (infinity: none)
  bool low_open;           ///< the low bound itself is invalid
  std::string unit;        ///< unit of the value
  bool high_open = false;  ///< the high bound itself is invalid (always so for infinity)
  std::string rule;        ///< a rule joining it to other inputs ("" if none)

  /// The domain as an interval: "[0, 1)", "(0, inf)".
  std::string domain() const {
    const auto num = [](double v) {
      if (std::isinf(v)) return std::string(v > 0 ? "inf" : "-inf");
      std::string t = std::to_string(v);
      t.erase(t.find_last_not_of('0') + 1);
      if (!t.empty() && t.back() == '.') t.pop_back();
      return t;
    };
    return std::string(low_open ? "(" : "[") + num(low) + ", " + num(high) +
           (high_open || std::isinf(high) ? ")" : "]");
  }
  /// True when v lies in the domain (finite, within its bounds and their open ends).
  bool contains(double v) const {
    return std::isfinite(v) && (low_open ? v > low : v >= low) && (high_open ? v < high : v <= high);
  }
};

/// A model a sweep evaluates.
class Evaluator {
 public:
  virtual ~Evaluator() = default;
  /// The inputs it can vary.
  const std::vector<InputInfo>& inputs() const noexcept { return inputs_; }
  /// The outputs it computes.
  const std::vector<std::string>& outputs() const noexcept { return outputs_; }
  /// Evaluates scenarios [begin, end) (global indices, n = end - begin): x[k] points to the n
  /// values of input `input_ids[k]`, y[m] to room for the n values of output `output_ids[m]`.
  /// A stochastic model keys scenario i's random draws on draw_keys[i - begin], or on i when
  /// draw_keys is empty (a deterministic model ignores them).
  /// Thread-safe (const, no shared state); allocates nothing per scenario.
  virtual void evaluate(std::uint64_t begin, std::uint64_t end, const std::vector<std::size_t>& input_ids,
                        std::span<const double* const> x, const std::vector<std::size_t>& output_ids,
                        std::span<double* const> y, std::span<const std::uint64_t> draw_keys) const = 0;

 protected:
  std::vector<InputInfo> inputs_;     ///< filled by the constructor of each model
  std::vector<std::string> outputs_;  ///< filled by the constructor of each model
};

/// The index of `name` in `names`; InvalidInput naming `field` (with the known names) otherwise.
inline std::size_t index_of(const std::vector<std::string>& names, const std::string& name, const std::string& field) {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return i;
  std::string all;
  for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
  throw InvalidInput(field, "\"" + name + "\"", "unknown name (known: " + all + ")");
}

}  // namespace aci::sweep
